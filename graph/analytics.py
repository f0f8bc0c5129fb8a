"""Whole-graph measures written back onto entities: degree, PageRank, community, component.

Only entities and the facts between them count: reports and their MENTIONS
edges would make every entity of a report one another's neighbour and
drown the structure the facts give. The results are plain node properties
(`govkg analyze` writes them with `store.set_properties`), so Cypher, the
viewer and Bloom can size and colour nodes by them.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.model import Graph

SEED = 42  # Louvain is randomised; a fixed seed keeps community numbers stable between runs


def entity_graph(graph: Graph) -> nx.DiGraph:
    """Entities as nodes, facts as edges weighted by how many facts join the pair."""
    digraph = nx.DiGraph()
    digraph.add_nodes_from(sorted(graph.entities))
    for relation in graph.relations.values():
        if relation.type == "MENTIONS":
            continue
        if relation.source not in graph.entities or relation.target not in graph.entities:
            continue
        if relation.source == relation.target:
            continue
        if digraph.has_edge(relation.source, relation.target):
            digraph[relation.source][relation.target]["weight"] += 1
        else:
            digraph.add_edge(relation.source, relation.target, weight=1)
    return digraph


def _numbered(groups: list[set[str]]) -> dict[str, int]:
    """Number node groups largest first (ties by smallest member) so indices are reproducible."""
    ordered = sorted(groups, key=lambda members: (-len(members), min(members)))
    return {node: index for index, members in enumerate(ordered) for node in members}


def analyze(graph: Graph) -> dict[str, dict[str, Any]]:
    """{entity id: {"degree", "pagerank", "community", "component"}} for every entity.

    degree: number of distinct entities joined to it by some fact.
    pagerank: on the directed fact graph (a village AWARDED an honour, a
    village PART_OF its sub-district), so often-pointed-at entities rank high.
    community: Louvain community index on the undirected weighted graph.
    component: index of its connected component (0 = the largest).
    """
    directed = entity_graph(graph)
    if directed.number_of_nodes() == 0:
        return {}
    undirected = nx.Graph()
    undirected.add_nodes_from(directed)
    for source, target, data in directed.edges(data=True):
        weight = data["weight"] + (
            undirected[source][target]["weight"] if undirected.has_edge(source, target) else 0
        )
        undirected.add_edge(source, target, weight=weight)
    pagerank = nx.pagerank(directed, weight="weight")
    communities = _numbered(
        [set(c) for c in nx.community.louvain_communities(undirected, weight="weight", seed=SEED)]
    )
    components = _numbered([set(c) for c in nx.connected_components(undirected)])
    return {
        node: {
            "degree": int(undirected.degree(node)),
            "pagerank": float(pagerank[node]),
            "community": communities[node],
            "component": components[node],
        }
        for node in directed
    }
