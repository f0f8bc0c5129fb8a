"""Exports to GraphML, GEXF, node-link JSON and neo4j-admin CSV, and reading them back."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from graph.analytics import analyze
from graph.export import FORMATS, export_graph, guess_format, import_graph
from graph.model import Entity, Graph, Relation, Report
from graph.store.base import GraphStore

FIXTURE = Path(__file__).resolve().parent / "data" / "query_graph.json"
REPO = Path(__file__).resolve().parent.parent
NEO4J_LIB = REPO / "neo4j-runtime" / "target" / "lib"  # built by scripts/neo4j start
TARGETS = {"graphml": "graph.graphml", "gexf": "graph.gexf", "json": "graph.json", "csv": "neo4j-import"}


def fixture_graph() -> Graph:
    return Graph.from_dict(json.loads(FIXTURE.read_text(encoding="utf-8")))


def with_measures(graph: Graph) -> Graph:
    """The fixture as `govkg analyze` leaves it: floats and ints among the node properties."""
    for entity_id, measures in analyze(graph).items():
        graph.entities[entity_id].properties.update(measures)
    return graph


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_gives_an_equal_graph(fmt: str, tmp_path: Path) -> None:
    graph = with_measures(fixture_graph())
    written = export_graph(graph, fmt, tmp_path / TARGETS[fmt])
    assert written and all(p.exists() for p in written)
    assert guess_format(tmp_path / TARGETS[fmt]) == fmt
    back = import_graph(tmp_path / TARGETS[fmt])
    assert back == graph
    assert len(back.relations) == 81 and len(back.entities) == 33 and len(back.reports) == 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_from_both_stores(store: GraphStore, fmt: str, tmp_path: Path) -> None:
    store.save(fixture_graph())
    store.set_properties(analyze(store.load()))
    stored = store.load()
    export_graph(stored, fmt, tmp_path / TARGETS[fmt])
    assert import_graph(tmp_path / TARGETS[fmt], fmt) == stored


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_fact_about_an_entity_the_graph_lacks_survives(fmt: str, tmp_path: Path) -> None:
    """Partial graphs (one report's facts) name entities held elsewhere; exports keep those facts."""
    graph = Graph()
    graph.add_report(Report(id="report-a", path="a.txt", title="甲", year=2023))
    graph.add_entity(Entity("village-a", "Village", "甲村"))
    graph.add_relation(
        Relation("PART_OF", "village-a", "subdistrict-elsewhere", "report-a", {"section_kind": "other"})
    )
    export_graph(graph, fmt, tmp_path / TARGETS[fmt])
    assert import_graph(tmp_path / TARGETS[fmt]) == graph


def test_graphml_holds_scalar_attributes_viewers_can_read(tmp_path: Path) -> None:
    path = export_graph(with_measures(fixture_graph()), "graphml", tmp_path / "g.graphml")[0]
    read = nx.read_graphml(path, force_multigraph=True)
    for _, data in read.nodes(data=True):
        assert "label" in data and "name" in data
        assert all(isinstance(v, str | int | float | bool) for v in data.values())
    village = next(d for _, d in read.nodes(data=True) if d["name"] == "杏花村")
    assert village["label"] == "Village"
    assert isinstance(village["pagerank"], float) and isinstance(village["degree"], int)
    assert json.loads(village["aliases"]) == []
    honour = next(d for _, d in read.nodes(data=True) if d["name"] == "全国文明村")
    assert honour["level"] == "national"
    types = {d["label"] for _, _, d in read.edges(data=True)}
    assert {"AWARDED", "PART_OF", "MENTIONS"} <= types
    award = next(d for _, _, d in read.edges(data=True) if d["label"] == "AWARDED")
    assert isinstance(award["year"], int)
    assert json.loads(award["evidence"])[0]["sentence"].endswith("。")
    keys = etree.parse(str(path)).getroot().findall("{http://graphml.graphdrawing.org/xmlns}key")
    declared = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert declared[("node", "pagerank")] == "double"
    assert declared[("edge", "amount_yuan")] in ("int", "long")


def test_gexf_captions_nodes_by_name_and_edges_by_type(tmp_path: Path) -> None:
    path = export_graph(fixture_graph(), "gexf", tmp_path / "g.gexf")[0]
    root = etree.parse(str(path)).getroot()
    ns = {"g": root.nsmap[None]}
    captions = {n.get("label") for n in root.iterfind(".//g:node", ns)}
    assert {"杏花村", "全国文明村", "柳溪街道2022年工作总结及2023年工作计划"} <= captions
    assert {e.get("label") for e in root.iterfind(".//g:edge", ns)} >= {"AWARDED", "CARRIES_OUT"}
    attributes = {a.get("title") for a in root.iterfind(".//g:attributes[@class='node']/g:attribute", ns)}
    assert {"entity_label", "aliases", "properties", "level"} <= attributes


def test_node_link_json(tmp_path: Path) -> None:
    path = export_graph(fixture_graph(), "json", tmp_path / "g.json")[0]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["directed"] and data["multigraph"]
    assert len(data["nodes"]) == 36 and len(data["edges"]) == 81
    honour = next(n for n in data["nodes"] if n.get("name") == "全国文明村")
    assert honour["label"] == "Honour" and honour["properties"] == {"level": "national"}


def _header_and_rows(path: Path) -> tuple[list[str], list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[0].split(","), lines[1:]


def test_csv_follows_the_neo4j_admin_import_layout(tmp_path: Path) -> None:
    written = export_graph(with_measures(fixture_graph()), "csv", tmp_path / "import")
    names = {p.name for p in written}
    assert {"nodes_Report.csv", "nodes_Village.csv", "nodes_Honour.csv"} <= names
    assert {"relationships_AWARDED.csv", "relationships_MENTIONS.csv", "relationships_PART_OF.csv"} <= names
    header, rows = _header_and_rows(tmp_path / "import" / "nodes_Village.csv")
    assert header[:5] == ["id:ID", ":LABEL", "name", "label", "aliases:string[]"]
    assert {"degree:long", "pagerank:double", "community:long", "component:long"} <= set(header)
    assert all('"Entity;Village;Place"' in row for row in rows)
    header, _ = _header_and_rows(tmp_path / "import" / "nodes_Person.csv")
    assert "role:string" in header
    header, _ = _header_and_rows(tmp_path / "import" / "nodes_Report.csv")
    assert {"id:ID", ":LABEL", "year:long", "years:long[]", "sections:string"} <= set(header)
    header, rows = _header_and_rows(tmp_path / "import" / "relationships_PART_OF.csv")
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert {"id", "report_id", "evidence", "section", "section_kind", "inferred:boolean"} <= set(header)
    header, rows = _header_and_rows(tmp_path / "import" / "relationships_REPORTED.csv")
    assert {"value_normalised:double", "year:long", "comparison:string"} <= set(header)
    assert any(row.endswith(',""') for row in rows)  # an empty comparison stays an empty string


def test_csv_leaves_missing_values_empty_and_keeps_empty_strings(tmp_path: Path) -> None:
    graph = Graph()
    graph.add_report(Report(id="report-a", path="a.txt", title="甲", year=None))
    graph.add_entity(Entity("person-a", "Person", "张三", properties={"role": ""}))
    graph.add_entity(Entity("person-b", "Person", "李四", aliases=["李 四", '李"四"']))
    graph.add_relation(Relation("MENTIONS", "report-a", "person-a", "report-a", {"section_kind": "other"}))
    export_graph(graph, "csv", tmp_path / "csv")
    text = (tmp_path / "csv" / "nodes_Person.csv").read_text(encoding="utf-8")
    assert '"person-a","Entity;Person","张三","Person","",""\n' in text  # no aliases, empty role
    assert '"person-b","Entity;Person","李四","Person","李 四;李""四""",\n' in text  # no role at all
    assert import_graph(tmp_path / "csv") == graph


def test_csv_gives_every_relation_a_section_kind_as_the_stores_do(tmp_path: Path) -> None:
    graph = fixture_graph()
    for relation in graph.relations.values():
        relation.properties.pop("section_kind")
    export_graph(graph, "csv", tmp_path / "csv")
    back = import_graph(tmp_path / "csv")
    kinds = {r.properties["section_kind"] for r in back.relations.values()}
    assert kinds == {"review", "plan", "other"}
    assert back == fixture_graph()


def test_array_delimiter_inside_a_value_is_refused(tmp_path: Path) -> None:
    graph = Graph()
    graph.add_entity(Entity("person-a", "Person", "张三", aliases=["张三;李四"]))
    with pytest.raises(ValueError, match="array delimiter"):
        export_graph(graph, "csv", tmp_path / "csv")


def test_unknown_formats_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        export_graph(Graph(), "dot", tmp_path / "g.dot")
    with pytest.raises(ValueError, match="cannot tell the format"):
        import_graph(tmp_path / "g.dot")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.neo4j
@pytest.mark.slow
def test_csv_imports_with_neo4j_admin_into_the_graph_the_store_reads(tmp_path: Path) -> None:
    """The real import tool reads the CSV directory; a Neo4j on the imported database loads,
    through Neo4jStore, exactly the exported graph (so the CSV follows the agreed schema)."""
    if shutil.which("java") is None or not any(NEO4J_LIB.glob("neo4j-import-tool-*.jar")):
        pytest.skip("the Neo4j runtime is not built (scripts/neo4j start builds it)")
    from graph.store.neo4j_store import Neo4jStore

    graph = with_measures(fixture_graph())
    files = export_graph(graph, "csv", tmp_path / "csv")
    home = tmp_path / "home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("", encoding="utf-8")
    inputs = [f"--{'nodes' if f.name.startswith('nodes_') else 'relationships'}={f}" for f in files]
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    command = [
        "java",
        "-cp",
        f"{NEO4J_LIB}/*",
        "org.neo4j.cli.AdminTool",
        "database",
        "import",
        "full",
        "neo4j",
    ]
    done = subprocess.run(
        [*command, "--multiline-fields=true", *inputs],
        env=env,
        cwd=tmp_path,  # the tool writes import.report into its working directory
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "81 relationships" in done.stdout

    server = {
        **os.environ,
        "NEO4J_PORT": str(_free_port()),
        "GOVKG_NEO4J_DIR": str(home),
        "NEO4J_HEAP": "512m",
    }
    started = subprocess.run(
        [str(REPO / "scripts" / "neo4j"), "start"], env=server, capture_output=True, text=True, timeout=300
    )
    try:
        assert started.returncode == 0, started.stderr[-2000:]
        uri = started.stdout.strip().removeprefix("NEO4J_URI=")
        store = Neo4jStore(uri, user="neo4j", password="", database="neo4j")
        try:
            assert store.load() == graph
        finally:
            store.close()
    finally:
        subprocess.run(
            [str(REPO / "scripts" / "neo4j"), "stop"], env=server, capture_output=True, timeout=120
        )
