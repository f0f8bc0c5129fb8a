"""`govkg query --cypher`: a user's own Cypher goes through the console's checks, on the real Neo4j."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from govkg.cli import main

pytestmark = pytest.mark.neo4j


def _run(neo4j_uri: str, *args: str):
    env = {"NEO4J_URI": neo4j_uri, "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
           "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", "")}
    return CliRunner().invoke(main, ["query", *args], env=env)


def test_query_runs_a_users_read_query_with_params(neo4j_uri):
    result = _run(neo4j_uri, "--cypher", "RETURN $x AS x, 'CREATE' AS word", "--param", "x=青禾", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"x": "青禾", "word": "CREATE"}]


@pytest.mark.parametrize(
    "text",
    [
        "//\rLOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
        "SHOW SETTINGS",
        "CALL dbms.listConfig()",
        "CREATE (n:Entity {id: 'sneaky'}) RETURN n",
    ],
)
def test_query_refuses_what_the_console_refuses(neo4j_uri, text):
    result = _run(neo4j_uri, "--cypher", text)
    assert result.exit_code == 1
    assert "only read queries may run here" in result.output and "root:" not in result.output


def test_query_wants_a_name_or_cypher_not_both(neo4j_uri):
    result = _run(neo4j_uri, "village_honours", "--cypher", "RETURN 1")
    assert result.exit_code == 2 and "not both" in result.output
