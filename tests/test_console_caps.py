"""Console answers are bounded: per cell (items, characters, nesting) and per answer,
on the real Neo4j; a value past a cap is cut and marked, and the result says so."""

from __future__ import annotations

import os

import orjson
import pytest

from graph.store import console
from graph.store.console import Caps

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def store(neo4j_uri: str):
    from graph.store.neo4j_store import Neo4jStore

    user, password = os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")
    opened = Neo4jStore(neo4j_uri, user=user, password=password)
    yield opened
    opened.close()


def _size(result: console.ReadResult) -> int:
    return len(orjson.dumps(result.to_dict()))


def test_a_cell_of_five_million_numbers_is_cut(store):
    """Issue 14: one cell held 5 million numbers, a 39 MB answer."""
    result = store.run_read("RETURN range(1, 5000000) AS numbers")
    cell = result.rows[0][0]
    assert cell[:3] == [1, 2, 3] and len(cell) == Caps().cell_items + 1
    assert cell[-1] == f"… {5_000_000 - Caps().cell_items:,} more"
    assert result.cells_cut == 1 and result.truncated is False
    assert _size(result) < 10_000


def test_a_long_string_is_cut(store):
    doubled = "WITH 'abcdefghij' AS s " + "WITH s + s AS s " * 12 + "RETURN s AS text"  # 40,960 characters
    result = store.run_read(doubled, caps=Caps(cell_chars=100))
    text = result.rows[0][0]
    assert text.startswith("abcdefghij") and text.endswith("… (40,960 characters)")
    assert len(text) < 130 and result.cells_cut == 1


def test_maps_and_nesting_are_cut(store):
    caps = Caps(cell_items=5, depth=3)
    result = store.run_read("RETURN {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7} AS m, [[[[[1]]]]] AS deep", caps=caps)
    m, deep = result.rows[0]
    assert list(m) == ["a", "b", "c", "d", "e", "…"] and m["…"] == "… 2 more"
    assert deep == [[["… nested deeper than 3 levels"]]]
    assert result.cells_cut == 2


def test_the_whole_answer_is_capped(store):
    caps = Caps(answer_chars=200_000)
    result = store.run_read("UNWIND range(1, 1000) AS x RETURN x, range(1, 1000) AS numbers", caps=caps)
    assert result.truncated is True and 0 < len(result.rows) < 1000
    assert _size(result) < 200_000 + 10_000  # the cap, give or take one row's rounding
    full = store.run_read("UNWIND range(1, 10) AS x RETURN x, range(1, 1000) AS numbers", caps=caps)
    assert full.truncated is False and len(full.rows) == 10


def test_a_large_value_counts_on_every_row(store):
    """A large value returned on many rows counts on each row, as it is sent on each."""
    caps = Caps(answer_chars=50_000)
    query = (
        "WITH 'abcdefghij' AS s " + "WITH s + s AS s " * 9 + "WITH {id: 'n', text: s} AS big "
        "UNWIND range(1, 100) AS x RETURN big"
    )
    result = store.run_read(query, caps=caps)
    assert result.truncated is True and len(result.rows) < 20
