"""Issue 12: corrections that survive rebuilds, on both stores.

A researcher merges, renames, relabels and deletes (CLI and viewer); the decisions
file in the data directory keeps them; a fresh rebuild with that file gives the same
graph as the corrected one; undo brings the original back. Fictional 白鹭 reports
(tests/data/issue12).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from govkg.cli import main
from graph.curate import FILE_NAME
from graph.model import Graph
from graph.store.base import GraphStore
from web import create_app

DATA = Path(__file__).resolve().parent / "data" / "issue12"


def neo4j_args(data_dir: Path) -> list[str]:
    import os

    return ["--store", "neo4j", "--neo4j-uri", os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"), "--data-dir", str(data_dir)]


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def snapshot(graph: Graph) -> tuple[Any, Any]:
    """What a reader sees: entities (label, name, aliases, corrections) and facts, without analytics."""
    entities = sorted(
        (e.id, e.label, e.name, tuple(sorted(e.aliases)), str(e.properties.get("merged_from")), str(e.properties.get("corrected")))
        for e in graph.entities.values()
    )
    facts = sorted((r.id, r.type, r.source, r.target, json.dumps(r.properties, sort_keys=True, ensure_ascii=False)) for r in graph.relations.values())
    return entities, facts


def ids_by_name(graph: Graph) -> dict[str, str]:
    return {e.name: e.id for e in graph.entities.values()}


@pytest.fixture
def setup(store: GraphStore, tmp_path: Path) -> tuple[GraphStore, list[str], Path]:
    """The store, the CLI's store options (same store, same data dir), the data dir."""
    data_dir = tmp_path / "data"
    if type(store).__name__ == "Neo4jStore":
        args = neo4j_args(data_dir)
    else:
        store.close()
        data_dir = tmp_path / "store"  # the embedded fixture's directory: the CLI opens the same store
        args = ["--store", "embedded", "--data-dir", str(data_dir)]
    cli("build", str(DATA), "--no-analyze", *args)
    return store, args, data_dir


def reopen(store: GraphStore, args: list[str]) -> Graph:
    from graph.store import open_store

    if type(store).__name__ == "Neo4jStore":
        return store.load()
    other = open_store("embedded", data_dir=args[args.index("--data-dir") + 1])
    try:
        return other.load()
    finally:
        other.close()


def test_corrections_survive_a_fresh_rebuild(setup) -> None:
    store, args, data_dir = setup
    names = ids_by_name(reopen(store, args))
    cli("curate", "merge", "青岚湖度假综合体项目", "白鹭数字经济产业园", *args)
    cli("curate", "rename", "白鹭新材料产业园项目", "白鹭新材料产业园", *args)
    cli("curate", "relabel", "远帆智能装备制造基地", "Organization", *args)
    cli("curate", "delete-entity", "瑞澜冷链物流中心", *args)
    graph = reopen(store, args)
    fact = next(r.id for r in graph.relations.values() if r.type == "INTRODUCED" and graph.entities[r.target].name == "晨曦光电显示模组项目")
    cli("curate", "delete-fact", fact, *args)
    corrected = reopen(store, args)
    kept = corrected.entities[names["青岚湖度假综合体项目"]]
    assert kept.properties["merged_from"] == ["白鹭数字经济产业园"] and "白鹭数字经济产业园" in kept.aliases
    assert names["白鹭数字经济产业园"] not in corrected.entities
    assert corrected.entities[names["白鹭新材料产业园项目"]].name == "白鹭新材料产业园"
    assert corrected.entities[names["远帆智能装备制造基地"]].label == "Organization"
    assert names["瑞澜冷链物流中心"] not in corrected.entities and fact not in corrected.relations
    decisions = json.loads((data_dir / FILE_NAME).read_text(encoding="utf-8"))["decisions"]
    assert [d["action"] for d in decisions] == ["merge", "rename", "relabel", "delete-entity", "delete-fact"]
    assert decisions[0]["note"] == "青岚湖度假综合体项目 <- 白鹭数字经济产业园"  # readable without the graph

    cli("build", str(DATA), "--fresh", "--no-analyze", *args)  # from scratch, with the decisions file
    assert snapshot(reopen(store, args)) == snapshot(corrected)


def test_undo_brings_the_original_back(setup) -> None:
    store, args, _ = setup
    before = reopen(store, args)
    names = ids_by_name(before)
    cli("curate", "merge", "青岚湖度假综合体项目", "白鹭数字经济产业园", *args)
    cli("curate", "rename", "白鹭新材料产业园项目", "白鹭新材料产业园", *args)
    cli("curate", "undo", "d1", *args)
    graph = reopen(store, args)
    assert names["白鹭数字经济产业园"] in graph.entities  # the merge is undone ...
    assert graph.entities[names["白鹭新材料产业园项目"]].name == "白鹭新材料产业园"  # ... the rename stays
    assert "(undone)" in cli("curate", "list", *args).splitlines()[0]
    cli("curate", "undo", "d2", *args)
    assert snapshot(reopen(store, args)) == snapshot(before)


def test_the_viewer_corrects_lists_and_undoes(setup) -> None:
    store, args, data_dir = setup
    from graph.store import open_store

    held = store if type(store).__name__ == "Neo4jStore" else open_store("embedded", data_dir=str(data_dir))
    client = create_app({"STORE": held, "DATA_DIR": str(data_dir), "TESTING": True}).test_client()
    names = ids_by_name(held.load())
    park = names["青岚湖度假综合体项目"]
    page = client.get(f"/entity/{park}").get_data(as_text=True)
    assert 'id="curate"' in page and "Delete fact" in page
    done = client.post("/curate", data={"action": "merge", "target": park, "value": "白鹭数字经济产业园"})
    assert done.status_code == 303
    page = client.get(f"/entity/{park}").get_data(as_text=True)
    assert "merged from 白鹭数字经济产业园" in page
    listed = client.get("/curation").get_data(as_text=True)
    assert "青岚湖度假综合体项目 &lt;- 白鹭数字经济产业园" in listed
    assert client.post("/curate", data={"action": "rename", "target": park, "value": "x"}, headers={"Origin": "http://elsewhere.example"}).status_code == 403
    assert client.post("/curate", data={"action": "rename", "target": park, "value": "x"}, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert client.post("/curation/d1/undo").status_code == 303
    assert names["白鹭数字经济产业园"] in {e.id for e in held.load().entities.values()}
    if held is not store:
        held.close()
