"""The label registry (graph/labels.toml) is the one place labels are listed.

A label added to a copy of the registry shows up in the model, the viewer's styles and
pages, the evaluation, entity ids' scope and the Neo4j schema, queries and style, with
no other file edited; the committed cypher files are what the registry generates.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph import labels as registry_module
from graph.labels import REGISTRY, REGISTRY_PATH, load, sync

ROOT = Path(__file__).resolve().parents[1]

HAMLET = """
[Hamlet]
chinese = "自然村"
place = 7
id_scope = "parent"
words = ["屯"]
gold = { match = "fuzzy", column = 11 }
viewer = { colour = "#123456", shape = "round-pentagon" }
browser = { colour = "#ABCDEF", border = "#012345", text = "#FFFFFF", diameter = 42 }
"""

# Runs in a fresh interpreter with the copied registry installed before anything reads it.
PROBE = r"""
import json, sys, tempfile
import graph.labels as L
L.REGISTRY = L.load(sys.argv[1])

from graph.model import LABELS, PLACE_LABELS, Entity, Graph, entity_id
from web.labels import LABEL_NAMES, LABEL_STYLE, label_named, label_of_id
from extract.evaluate import FUZZY_LABELS, GUIDELINE_LABELS, Scores, score_report
from extract import assemble
from graph.store.neo4j_rows import entity_row
from graph.store.embedded import EmbeddedStore
from tests.fixtures.web_fixtures import ReportWriter, _entity
from web import create_app

out = {}
out["labels"], out["places"] = list(LABELS), list(PLACE_LABELS)
hamlet = entity_id("Hamlet", "柳树屯", "village-x")
out["id"] = hamlet
out["style"], out["chinese"] = LABEL_STYLE.get("Hamlet"), LABEL_NAMES.get("Hamlet")
out["named"] = [label_named(w) for w in ("hamlet", "Hamlets", "自然村", "屯")]
out["of_id"] = label_of_id(hamlet)
out["gold"], out["fuzzy"] = list(GUIDELINE_LABELS), "Hamlet" in FUZZY_LABELS
out["parent"] = assemble._PARENT.get("Hamlet")
out["neo4j_labels"] = entity_row(Entity(hamlet, "Hamlet", "柳树屯"))["labels"]

g = Graph()
g.add_entity(Entity(hamlet, "Hamlet", "柳树屯"))
scores = Scores.empty()
score_report({"entities": [{"label": "Hamlet", "name": "柳树屯组"}]}, g, scores)
c = scores.labels["Hamlet"]
out["score"] = [c.tp, c.fp, c.fn]

schema = L.render_schema((L.CYPHER_DIR / "schema.cypher").read_text(encoding="utf-8"), L.REGISTRY)
read = L.render_read((L.CYPHER_DIR / "writes" / "read.cypher").read_text(encoding="utf-8"), L.REGISTRY)
grass = L.render_grass((L.CYPHER_DIR / "browser.grass").read_text(encoding="utf-8"), L.REGISTRY)
out["schema"] = "CREATE CONSTRAINT hamlet_id IF NOT EXISTS FOR (n:Hamlet) REQUIRE n.id IS UNIQUE;" in schema
out["count"] = "MATCH (e:Hamlet) RETURN 'Hamlet' AS label, count(e) AS n" in read
out["grass"] = "node.Hamlet {\n  color: #ABCDEF;" in grass and "diameter: 42px;" in grass

graph = Graph()
village = _entity(graph, "Village", "桃源村")
hamlet = _entity(graph, "Hamlet", "柳树屯", village)
w = ReportWriter("fixtures/桃源村2023年工作总结.txt", "桃源村2023年工作总结", "桃源村", 2023)
w.section("一、2023年工作回顾", "review")
ev = w.say("柳树屯完成改水改厕。", {"柳树屯": hamlet})
w.build(graph, [("PART_OF", hamlet, village, {}, ev)])
with tempfile.TemporaryDirectory() as tmp:
    store = EmbeddedStore(tmp)
    store.save(graph)
    client = create_app({"STORE": store, "TESTING": True}).test_client()
    meta = client.get("/api/meta").get_json()
    out["meta"] = ["Hamlet" in meta["labels"], "Hamlet" in meta["place_labels"],
                   meta["styles"].get("Hamlet"), meta["label_names"].get("Hamlet")]
    out["css"] = ".lbl-Hamlet { --lbl: #123456; }" in client.get("/labels.css").get_data(as_text=True)
    page = client.get("/entity/" + hamlet)
    out["page"] = [page.status_code, "lbl-Hamlet" in page.get_data(as_text=True)]
    search = client.get("/search?q=自然村")
    out["search"] = [search.status_code, "柳树屯" in search.get_data(as_text=True)]
    store.close()
print(json.dumps(out, ensure_ascii=False))
"""


def test_cypher_files_are_generated_from_the_registry() -> None:
    """After editing graph/labels.toml run `.venv/bin/python -m graph.labels` to update them."""
    assert sync(REGISTRY, write=False) == []


def test_a_label_added_to_the_registry_reaches_every_part(tmp_path: Path) -> None:
    copy = tmp_path / "labels.toml"
    copy.write_text(REGISTRY_PATH.read_text(encoding="utf-8") + HAMLET, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", PROBE, str(copy)], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout.strip().splitlines()[-1])

    # the model: a place below Community, so it also carries :Place in Neo4j
    assert out["places"][-2:] == ["Community", "Hamlet"] and out["labels"][: len(out["places"])] == out["places"]
    assert out["id"].startswith("hamlet-") and out["of_id"] == "Hamlet"
    assert out["neo4j_labels"] == ["Hamlet", "Place"]
    assert out["parent"] == "Community"  # its ids are scoped by the place above
    # the viewer
    assert out["style"] == {"colour": "#123456", "shape": "round-pentagon"} and out["chinese"] == "自然村"
    assert out["named"] == ["Hamlet"] * 4
    assert out["meta"] == [True, True, {"colour": "#123456", "shape": "round-pentagon"}, "自然村"]
    assert out["css"] and out["page"] == [200, True] and out["search"] == [200, True]
    # the evaluation: scored in the last column, names matched fuzzily
    assert out["gold"][-1] == "Hamlet" and out["fuzzy"] and out["score"] == [1, 0, 0]
    # Neo4j: constraint, label count and Browser style
    assert out["schema"] and out["count"] and out["grass"]


def test_the_registry_keeps_todays_lists() -> None:
    """Behaviour is unchanged: the derived lists are those the code held before the registry."""
    from extract.evaluate import FUZZY_LABELS, GUIDELINE_LABELS
    from graph.model import LABELS, PLACE_LABELS

    places = ("Province", "City", "District", "Subdistrict", "Village", "Community")
    assert places == PLACE_LABELS
    assert (*places, "Project", "Enterprise", "Honour", "Person", "Organization", "Initiative", "Indicator") == LABELS
    assert (*places, "Enterprise", "Project", "Honour", "Person") == GUIDELINE_LABELS
    assert {"Enterprise", "Project", "Honour"} == FUZZY_LABELS
    assert REGISTRY.scoped("global") == {"Province", "City", "Honour", "Enterprise", "Initiative"}
    assert REGISTRY.scoped("parent") == {"District", "Subdistrict"}
    assert list(REGISTRY.styles) == [*LABELS, "Report"]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ('[Hamlet]\nchinese = "自然村"\nid_scope = "own"\nshade = "x"\n', "unknown keys"),
        ('[Hamlet]\nchinese = "村"\nid_scope = "own"\n', "names both"),
        ('[Hamlet]\nchinese = "自然村"\nplace = 9\nid_scope = "parent"\n', "place ranks"),
        ('[Hamlet]\nchinese = "自然村"\nid_scope = "own"\ngold = { match = "fuzzy", column = 12 }\n', "gold columns"),
        ('[Hamlet]\nchinese = "自然村"\nid_scope = "parent"\n', "parent"),
        ('[Hamlet]\nchinese = "自然村"\nid_scope = "somewhere"\n', "id_scope"),
    ],
)
def test_the_registry_rejects_mistakes(tmp_path: Path, edit: str, message: str) -> None:
    style = (
        'viewer = { colour = "#123456", shape = "ellipse" }\n'
        'browser = { colour = "#ABCDEF", border = "#012345", text = "#FFFFFF", diameter = 42 }\n'
    )
    copy = tmp_path / "labels.toml"
    copy.write_text(REGISTRY_PATH.read_text(encoding="utf-8") + "\n" + edit + style, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load(copy)


def test_sync_rewrites_the_generated_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m graph.labels` writes the new label into copies of the cypher files."""
    copy = tmp_path / "labels.toml"
    copy.write_text(REGISTRY_PATH.read_text(encoding="utf-8") + HAMLET, encoding="utf-8")
    files = {}
    for path, render in registry_module.GENERATED.items():
        target = tmp_path / path.name
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        files[target] = render
    monkeypatch.setattr(registry_module, "GENERATED", files)
    extended = load(copy)
    assert sorted(p.name for p in sync(extended, write=True)) == ["browser.grass", "read.cypher", "schema.cypher"]
    assert sync(extended, write=False) == []
    assert "(n:Hamlet)" in (tmp_path / "schema.cypher").read_text(encoding="utf-8")
