"""The govkg command line, end to end on the example reports (embedded store)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.build import collect
from govkg.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
COMMANDS = [
    "extract",
    "build",
    "serve",
    "stats",
    "eval",
    "query",
    "analyze",
    "export",
    "import",
    "delete-report",
]


def embedded(data: Path) -> list[str]:
    """Explicit, since NEO4J_URI in the environment makes Neo4j the default store."""
    return ["--store", "embedded", "--data-dir", str(data)]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def bad_docx(tmp_path: Path) -> Path:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not a complete zip archive")
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(runner: CliRunner, command: str):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: main " + command in result.output or f"Usage: govkg {command}" in result.output


def test_extract_prints_one_object_per_report_in_order_and_goes_on_after_errors(runner, bad_docx):
    sources = collect([EXAMPLES])[:2]
    result = runner.invoke(main, ["extract", sources[0], str(bad_docx), sources[1]])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [rec["source"] for rec in lines] == [sources[0], str(bad_docx), sources[1]]
    assert "docx" in lines[1]["error"] and "report" not in lines[1]
    for rec in (lines[0], lines[2]):
        ids = {e["id"] for e in rec["entities"]} | {rec["report"]["id"]}
        assert rec["entities"] and rec["relations"]
        assert all(r["source"] in ids and r["target"] in ids for r in rec["relations"])
        assert "text" not in rec["report"]
    assert f"error: {bad_docx}" in result.stderr


def test_build_is_idempotent_and_reports_failures(runner, tmp_path, bad_docx):
    data = tmp_path / "data"
    first = runner.invoke(main, ["build", str(EXAMPLES), *embedded(data)])
    assert first.exit_code == 0, first.output
    n = len(collect([EXAMPLES]))
    assert f"reports read: {n} (new {n}" in first.output
    stats = json.loads(runner.invoke(main, ["stats", "--json", *embedded(data)]).stdout)
    assert stats["reports"] == n and stats["entities"] > 50

    again = runner.invoke(main, ["build", str(EXAMPLES), str(bad_docx), *embedded(data)])
    assert again.exit_code == 1
    assert f"unchanged {n}" in again.output
    assert f"failed: {bad_docx}" in again.output
    after = json.loads(runner.invoke(main, ["stats", "--json", *embedded(data)]).stdout)
    assert after["entities"] == stats["entities"] and after["relations"] == stats["relations"]


def test_build_with_two_workers_gives_the_same_graph(runner, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert runner.invoke(main, ["build", str(EXAMPLES), *embedded(one), "--no-analyze"]).exit_code == 0
    assert (
        runner.invoke(
            main, ["build", str(EXAMPLES), *embedded(two), "--workers", "2", "--no-analyze"]
        ).exit_code
        == 0
    )
    s1 = json.loads(runner.invoke(main, ["stats", "--json", *embedded(one)]).stdout)
    s2 = json.loads(runner.invoke(main, ["stats", "--json", *embedded(two)]).stdout)
    assert s1 == s2


def test_query_list_names_every_library_query(runner):
    from graph.queries import library

    result = runner.invoke(main, ["query", "--list"])
    assert result.exit_code == 0
    for name in library():
        assert name in result.output


def test_query_refuses_unknown_names_and_parameters(runner):
    from graph.queries import library

    assert runner.invoke(main, ["query", "no_such_query"]).exit_code == 2
    name = next(iter(library()))
    result = runner.invoke(main, ["query", name, "--param", "bogus=1", "--neo4j-uri", "bolt://127.0.0.1:1"])
    assert result.exit_code == 2 and "takes no parameter bogus" in result.output


def test_eval_scores_the_examples_against_their_gold(runner):
    gold = Path(__file__).resolve().parent / "gold" / "examples"
    result = runner.invoke(main, ["eval", "--gold", str(gold), "--reports", str(EXAMPLES), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores["labels"]) >= {"Village", "Enterprise", "Honour"}
    assert 0.5 < scores["micro"]["f1"] <= 1 and 0 < scores["awarded"]["f1"] <= 1


@pytest.mark.neo4j
def test_build_into_neo4j_then_query_by_name(runner, neo4j_store, neo4j_uri):
    """The whole path on the real database: build, stats, a named query as JSON and CSV."""
    store_args = ["--store", "neo4j", "--neo4j-uri", neo4j_uri]
    built = runner.invoke(main, ["build", str(EXAMPLES), *store_args])
    assert built.exit_code == 0, built.output
    stats = json.loads(runner.invoke(main, ["stats", "--json", *store_args]).stdout)
    assert (
        stats["reports"] == len(collect([EXAMPLES])) and stats["labels"]["Subdistrict"] == 9
    )  # two reports of one town

    result = runner.invoke(main, ["query", "reports_by_place_year", "--format", "json", *store_args])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == stats["reports"]

    csv_out = runner.invoke(main, ["query", "investment_by_subdistrict_year", "--format", "csv", *store_args])
    assert csv_out.exit_code == 0, csv_out.output
    header, *lines = csv_out.stdout.strip().splitlines()
    assert "," in header and lines  # the examples introduce enterprises with amounts
