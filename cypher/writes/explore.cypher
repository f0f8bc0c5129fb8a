// Search, neighbourhoods and paths for Neo4jStore (the viewer's interactive calls).

// name: search_fulltext
// description: Candidate entities for a search: a phrase query on the cjk full-text index over names and aliases (Lucene syntax escaped by the caller). The store ranks the candidates.
// params: phrase, labels, cap
CALL db.index.fulltext.queryNodes('entity_search', $phrase, {limit: $cap}) YIELD node, score
WHERE $labels IS NULL OR node.label IN $labels
RETURN node.id AS id, node.label AS label, node.name AS name, coalesce(node.aliases, []) AS aliases

// name: search_terms
// description: Candidate entities for a search the phrase query cannot answer (one character, or digits/Latin text inside a word): a Lucene query of wildcard terms and phrases ANDed (built from the folded text's letter runs by the caller, nothing else in it) on the full-text index over names and aliases; shortest names first.
// params: lucene, labels, cap
CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node
WITH node AS e
WHERE $labels IS NULL OR e.label IN $labels
RETURN e.id AS id, e.label AS label, e.name AS name, coalesce(e.aliases, []) AS aliases
ORDER BY size(e.name)
LIMIT $cap

// name: neighbours_step
// description: One breadth-first step: nodes joined to the frontier by an allowed relationship type, entities only of the allowed labels (null: any); report nodes come in through MENTIONS.
// params: frontier, types, labels, seen, cap
CALL () {
  MATCH (n:Entity) WHERE n.id IN $frontier RETURN n
  UNION
  MATCH (n:Report) WHERE n.id IN $frontier RETURN n
}
MATCH (n)-[r]-(m)
WHERE type(r) IN $types AND NOT m.id IN $seen
  AND (m:Report OR $labels IS NULL OR m.label IN $labels)
WITH DISTINCT m.id AS id
ORDER BY id
LIMIT $cap
RETURN id

// name: subgraph_nodes
// description: Entities and reports (without text) by id, for a subgraph.
// params: ids
CALL () {
  MATCH (n:Entity) WHERE n.id IN $ids RETURN n
  UNION
  MATCH (n:Report) WHERE n.id IN $ids RETURN n {.*, text: null, sections: null, fact_sources: null, entity_versions: null, saved: null} AS n
}
RETURN n

// name: subgraph_relations
// description: Relationships of the allowed types among a set of nodes.
// params: ids, types
CALL () {
  MATCH (n:Entity) WHERE n.id IN $ids RETURN n
  UNION
  MATCH (n:Report) WHERE n.id IN $ids RETURN n
}
MATCH (n)-[r]->(m)
WHERE type(r) IN $types AND m.id IN $ids
RETURN r, n.id AS source, m.id AS target

// name: shortest_path
// description: One shortest path between two entities, ignoring direction, through facts only (no MENTIONS, hence no reports). The caller drops paths longer than its max_hops.
// params: source, target
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
MATCH p = shortestPath((a)-[:PART_OF|AWARDED|INTRODUCED|INVESTS_IN|LOCATED_IN|CARRIES_OUT|REPORTED*..12]-(b))
RETURN [n IN nodes(p) | n] AS nodes,
       [r IN relationships(p) | {r: r, source: startNode(r).id, target: endNode(r).id}] AS rels
