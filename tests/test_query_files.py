"""The named query library is well formed: headers, bilingual descriptions, parameters, docs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.queries import CYPHER_DIR, library, parse_queries

QUERY_FILES = sorted((CYPHER_DIR / "queries").glob("*.cypher"))
DOCS = Path(__file__).resolve().parent.parent / "docs" / "queries.md"
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
_SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def _code(text: str) -> str:
    """The query without its comment lines (parameters named in comments do not count)."""
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))


def test_library_is_large_enough_and_spread_over_themed_files() -> None:
    assert len(library()) >= 18
    assert len(QUERY_FILES) >= 4


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_every_file_parses_and_every_name_header_starts_a_query(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    queries = parse_queries(source, str(path))
    headers = re.findall(r"^//\s*name\s*:", source, flags=re.MULTILINE)
    assert queries and len(queries) == len(headers)


@pytest.mark.parametrize("name", sorted(library()))
def test_query_headers(name: str) -> None:
    query = library()[name]
    source = Path(query.path).read_text(encoding="utf-8")
    assert _SNAKE.match(name)
    chinese, slash, english = query.description.partition(" / ")
    assert slash, f"{name}: description must read '中文 / English'"
    assert _HAN.search(chinese)
    assert _LATIN_WORD.search(english) and not _HAN.search(english)
    header = re.search(rf"^// name: {name}\n// description: .+\n// params: (.+)$", source, flags=re.MULTILINE)
    assert header, f"{name}: name, description and params headers must follow each other"
    assert header.group(1).strip() == "-" or query.params


@pytest.mark.parametrize("name", sorted(library()))
def test_params_header_matches_the_parameters_used(name: str) -> None:
    query = library()[name]
    used = set(_PARAM.findall(_code(query.text)))
    assert used == set(query.params)
    assert len(query.params) == len(set(query.params))


@pytest.mark.parametrize("name", sorted(library()))
def test_columns_are_readable(name: str) -> None:
    """Every returned expression is a plain property or carries an `AS snake_case` alias."""
    code = _code(library()[name].text)
    final = code[code.rindex("RETURN") + len("RETURN") :]
    final = re.split(r"\n\s*(ORDER BY|LIMIT)\b", final)[0]
    depth, items, current = 0, [], ""
    for ch in final:
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch == "," and depth == 0:
            items.append(current)
            current = ""
        else:
            current += ch
    items.append(current)
    for item in (i.strip() for i in items):
        alias = re.search(r"\bAS\s+([a-z_][a-z0-9_]*)$", item)
        assert alias or re.fullmatch(r"[a-z_][a-z0-9_]*", item), (
            f"{name}: column {item!r} has no readable name"
        )


def test_no_query_builds_cypher_from_strings() -> None:
    for query in library().values():
        code = _code(query.text)
        assert "apoc.cypher" not in code and "{{" not in code and "%s" not in code


def test_docs_list_every_query_with_its_description_and_params() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `([a-z0-9_]+)`", docs, flags=re.MULTILINE))
    assert documented == set(library())
    for query in library().values():
        section = docs.split(f"### `{query.name}`", 1)[1].split("\n### ", 1)[0]
        assert query.description.partition(" / ")[0] in section
        assert query.description.partition(" / ")[2] in section
        for param in query.params:
            assert f"`{param}`" in section, f"{query.name}: parameter {param} not documented"


def test_browser_style_covers_every_label_and_relation_type() -> None:
    from graph.model import LABELS, RELATION_TYPES

    grass = (CYPHER_DIR / "browser.grass").read_text(encoding="utf-8")
    rules = dict(
        re.findall(r"^(node(?:\.\w+)?|relationship(?:\.\w+)?)\s*\{(.*?)\n\}", grass, flags=re.M | re.S)
    )
    for label in (*LABELS, "Report"):
        body = rules[f"node.{label}"]
        assert re.search(r"color: #[0-9A-F]{6};", body) and re.search(r"diameter: \d+px;", body)
        assert 'caption: "{title}";' in body if label == "Report" else 'caption: "{name}";' in body
    for rel_type in RELATION_TYPES:
        assert 'caption: "<type>";' in rules[f"relationship.{rel_type}"]
    assert grass.count("{") == grass.count("}")


def test_save_queries_keep_their_plans_as_the_statistics_grow() -> None:
    """Their plans are fixed by constraints and element ids; re-planned every ~10 s of a load
    they cost planning and fresh JIT work (docs/stores.md)."""
    save = parse_queries((CYPHER_DIR / "writes" / "save.cypher").read_text(encoding="utf-8"))
    assert len(save) >= 6
    for query in save.values():
        assert _code(query.text).lstrip().startswith("CYPHER replan=skip"), query.name
