"""User Cypher is read-only twice over: the tokenizer refuses writes, and Neo4j runs it in READ mode."""

from __future__ import annotations

import pytest

from graph.model import Entity, Graph, Relation, Report
from graph.store.base import GraphStore
from graph.store.readonly import ReadOnlyViolation, check_read_only, is_read_only, tokenize

WRITES = [
    "CREATE (n:Village {name: '新村'})",
    "create (n)",
    "MATCH (n) SET n.x = 1",
    "MATCH (n) set n:Extra",
    "MATCH (n) REMOVE n.name",
    "MATCH (n) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) NODETACH DELETE n",
    "MERGE (n:Village {id: 'v1'})",
    "MATCH (a), (b) MeRgE (a)-[:PART_OF]->(b)",
    "DROP INDEX entity_name",
    "DROP CONSTRAINT entity_id",
    "CREATE INDEX x FOR (n:Village) ON (n.name)",
    "LOAD CSV FROM 'file:///x.csv' AS row RETURN row",
    "UNWIND [1, 2] AS x FOREACH (i IN [x] | CREATE (:N))",
    "MATCH (n) CALL (n) { RETURN n } IN TRANSACTIONS OF 10 ROWS RETURN n",
    "CALL db.createLabel('X')",
    "CALL db.index.fulltext.drop('entity_search')",
    "CALL db.clearQueryCaches()",
    "CALL dbms.components()",
    "CALL dbms.security.createUser('a', 'b')",
    "call `dbms`.`listConfig`()",
    "CALL apoc.create.node(['X'], {})",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})",
    "RETURN 1 /* harmless */ ; CREATE (n)",
    "// a comment\nMATCH (n)\nSET n.a = 1 // set it",
    "MATCH (n) WHERE n.name = 'x' WITH n /* 'not a string */ DELETE n",
    "RETURN 'unterminated CREATE (n)",
    "GRANT ROLE reader TO alice",
    "STOP DATABASE neo4j",
    "INSERT (n:Village {name: 'x'})",
    # a lone carriage return ends a // comment for Neo4j (issue 14's bypass)
    "RETURN 1 //\rLOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "//\rCREATE (n)",
    "MATCH (n) // note\r\nDETACH DELETE n",
    "SHOW USERS",
    "show transactions",
    "SHOW SETTINGS YIELD name RETURN name",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "USE system MATCH (n) RETURN n",
    "CALL db.stats.collect('QUERIES')",
    "CALL db.resampleIndex('entity_name')",
    "CALL dbms.queryJmx('*:*')",
    "CALL dbms . killConnections(['bolt-1'])",
    "RETURN apoc.load.json('file:///etc/passwd') AS v",
    "RETURN `apoc`.`load`.`json`('x') AS v",
    "RETURN " + "[" * 41 + "1" + "]" * 41 + " AS deep",
    "RETURN {a: 1}" + ".a" * 41 + " AS chain",
]

READS = [
    "MATCH (n:Village) RETURN n.name LIMIT 5",
    "RETURN 'CREATE (n)' AS text",
    'RETURN "MERGE, DELETE, SET" AS words',
    "// CREATE (n) in a comment\nMATCH (n) RETURN count(n)",
    "/* DETACH DELETE n */ MATCH (n) RETURN n",
    "MATCH (n) RETURN n.set, n.delete, n.create",
    "MATCH (n) RETURN n {set: n.name, remove: 1}",
    "MATCH (n:`CREATE`) RETURN n",
    "MATCH ()-[r:SET|DELETE]->() RETURN r",
    "MATCH (n) WHERE n.name CONTAINS 'SET' RETURN n",
    "MATCH (n) WHERE n.x IN [1, 2] RETURN n",
    "MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS c } RETURN n, c",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.index.fulltext.queryNodes('entity_search', '\"青禾\"') YIELD node RETURN node",
    "MATCH p = shortestPath((a)-[*..4]-(b)) RETURN p",
    "RETURN 'it\\'s fine to CREATE' AS quote",
    "MATCH (start)-->(end) RETURN start, end",
    "RETURN 1 AS a // a comment\r, 2 AS b",
    "RETURN date.truncate('day', date()) AS day, point.distance(point({x: 0, y: 0}), point({x: 1, y: 1})) AS d",
    "MATCH (n) WHERE n.show = 1 AND n.use = 2 RETURN n.terminate",
    "CALL db.propertyKeys()",
    "CALL db.schema.visualization()",
    "RETURN " + "[" * 40 + "1" + "]" * 40 + " AS deep",
    "MATCH (n) RETURN CASE WHEN n.x > 1 THEN 'big' ELSE 'small' END AS size",
]


@pytest.mark.parametrize("query", WRITES)
def test_write_clauses_are_refused(query: str) -> None:
    assert not is_read_only(query)
    with pytest.raises(ReadOnlyViolation, match="only read queries"):
        check_read_only(query)


@pytest.mark.parametrize("query", READS)
def test_read_queries_pass(query: str) -> None:
    check_read_only(query)
    assert is_read_only(query)


def test_the_refusal_names_the_clause() -> None:
    with pytest.raises(ReadOnlyViolation, match=r"DETACH \(at character 10\)"):
        check_read_only("MATCH (n) DETACH DELETE n")
    with pytest.raises(ReadOnlyViolation, match="CALL dbms.components"):
        check_read_only("CALL dbms.components()")


def test_line_comments_end_at_cr_lf_and_crlf_as_in_neo4j() -> None:
    for end in ("\n", "\r", "\r\n"):
        assert [t.text for t in tokenize(f"RETURN 1 // c{end}AS x")] == ["RETURN", "1", "AS", "x"]
    assert [t.text for t in tokenize("RETURN 1 // c\u2028 AS x")] == ["RETURN", "1"]  # Neo4j: still the comment


def test_tokenizer_skips_strings_comments_and_backticks() -> None:
    tokens = tokenize("MATCH (n:`A B`) // note\nWHERE n.x = 'a // b' RETURN n /* c */")
    assert [t.kind for t in tokens if t.kind in ("string", "quoted")] == ["quoted", "string"]
    assert "note" not in [t.text for t in tokens]
    assert [t.text for t in tokens][-2:] == ["RETURN", "n"]


# --- against the real database ---------------------------------------------------------------


def _one_village() -> Graph:
    report = Report(id="report-readonly", path="reports/readonly.txt", place="青禾街道", text="石岭村。")
    village = Entity("village-readonly", "Village", "石岭村")
    mention = Relation("MENTIONS", report.id, village.id, report.id, {"section_kind": "other"})
    return Graph(reports={report.id: report}, entities={village.id: village}, relations={mention.id: mention})


def test_run_read_returns_rows_and_graph_elements(neo4j_store: GraphStore) -> None:
    neo4j_store.save(_one_village())
    result = neo4j_store.run_read("MATCH (r:Report)-[m:MENTIONS]->(v:Village) RETURN v.name AS name, m")
    assert result.columns == ["name", "m"]
    assert result.rows[0][0] == "石岭村"
    assert result.rows[0][1]["type"] == "MENTIONS"
    assert result.truncated is False
    # the query returned only the relationship; its end nodes are fetched so it can be drawn
    assert {n["id"] for n in result.nodes} == {"report-readonly", "village-readonly"}
    assert [(r["source"], r["target"]) for r in result.relationships] == [("report-readonly", "village-readonly")]


def test_run_read_refuses_writes_before_they_reach_neo4j(neo4j_store: GraphStore) -> None:
    with pytest.raises(ReadOnlyViolation):
        neo4j_store.run_read("CREATE (n:Village {id: 'x', name: 'x'})")
    assert neo4j_store.stats()["entities"] == 0


def test_the_plan_check_refuses_a_write_the_tokenizer_missed(
    neo4j_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from graph.store import console

    monkeypatch.setattr(console, "check_read_only", lambda query: None)
    with pytest.raises(console.PlanRefused, match="query type 'w'"):
        neo4j_store.run_read("CREATE (n:Entity:Village {id: 'sneaky', name: '偷偷'})")
    assert neo4j_store.entity("sneaky") is None


def test_neo4j_refuses_a_write_even_when_both_checks_are_bypassed(
    neo4j_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from graph.store import console

    monkeypatch.setattr(console, "check_read_only", lambda query: None)
    monkeypatch.setattr(console, "_check_plan", lambda *args: None)
    with pytest.raises(console.QueryError, match="(?i)read"):
        neo4j_store.run_read("CREATE (n:Entity:Village {id: 'sneaky', name: '偷偷'})")
    assert neo4j_store.entity("sneaky") is None


def test_run_read_cuts_rows_at_the_limit(neo4j_store: GraphStore) -> None:
    result = neo4j_store.run_read("UNWIND range(1, 50) AS x RETURN x", limit=10)
    assert result.rows == [[x] for x in range(1, 11)]
    assert result.truncated is True
    assert neo4j_store.run_read("UNWIND range(1, 10) AS x RETURN x", limit=10).truncated is False


def test_run_read_times_out(neo4j_store: GraphStore) -> None:
    from graph.store.neo4j_store import QueryError

    slow = "UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)"
    with pytest.raises(QueryError, match="(?i)timed? ?out|terminated"):
        neo4j_store.run_read(slow, timeout=0.5)


def test_run_read_reports_neo4j_errors(neo4j_store: GraphStore) -> None:
    from graph.store.neo4j_store import QueryError

    with pytest.raises(QueryError, match="(?i)invalid input|syntax"):
        neo4j_store.run_read("MATCH (n RETURN n")
    assert neo4j_store.run_read("RETURN $x AS x", {"x": "青禾"}).rows == [["青禾"]]
