"""The label registry: graph/labels.toml holds everything the code looks up per label.

Every other list of labels derives from `REGISTRY`: graph.model's LABELS and
PLACE_LABELS, web.labels (colours, shapes, Chinese names, the words search takes
for a label), extract.evaluate's scored labels and how their names match,
extract.assemble's id scopes, and the generated parts of the Neo4j files: the
per-label constraints in cypher/schema.cypher, the `count_labels` query in
cypher/writes/read.cypher and the node styles in cypher/browser.grass.

`python -m graph.labels` rewrites those generated parts from the registry;
`--check` only reports which are out of date (tests/test_labels_registry.py
runs the check). docs/graph-model.md#adding-a-label has the whole recipe.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

REGISTRY_PATH = Path(__file__).with_name("labels.toml")
CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"

ID_SCOPES = ("global", "own", "parent")
GOLD_MATCHES = ("exact", "fuzzy")
# Cytoscape.js node shapes the viewer can draw.
SHAPES = frozenset({
    "ellipse", "triangle", "round-triangle", "rectangle", "round-rectangle", "bottom-round-rectangle",
    "cut-rectangle", "barrel", "rhomboid", "right-rhomboid", "diamond", "round-diamond", "pentagon",
    "round-pentagon", "hexagon", "round-hexagon", "concave-hexagon", "heptagon", "round-heptagon",
    "octagon", "round-octagon", "star", "tag", "round-tag", "vee",
})
_KEYS = frozenset({"chinese", "entity", "place", "id_scope", "words", "gold", "viewer", "browser"})
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_NAME = re.compile(r"^[A-Z][A-Za-z]*$")


@dataclass(frozen=True)
class Label:
    """One label's entry in the registry."""

    name: str
    chinese: str
    colour: str
    shape: str
    browser: dict[str, str | int]
    entity: bool = True
    place: int | None = None  # rank in the place chain, 1 = Province
    id_scope: str = ""  # "global" | "own" | "parent"; "" for Report
    words: tuple[str, ...] = ()
    gold_match: str | None = None  # "exact" | "fuzzy"; None: the guideline does not annotate it
    gold_column: int | None = None


@dataclass(frozen=True)
class Registry:
    """All labels in file order, with the lists the rest of the code uses."""

    labels: dict[str, Label] = field(default_factory=dict)

    @cached_property
    def place_labels(self) -> tuple[str, ...]:
        """The place chain, top first: Province, City, … Community."""
        places = [lb for lb in self.labels.values() if lb.place is not None]
        return tuple(lb.name for lb in sorted(places, key=lambda lb: lb.place or 0))

    @cached_property
    def entity_labels(self) -> tuple[str, ...]:
        """graph.model.LABELS: the places by rank, then the other entity labels in file order."""
        others = tuple(lb.name for lb in self.labels.values() if lb.entity and lb.place is None)
        return self.place_labels + others

    @cached_property
    def gold_labels(self) -> tuple[str, ...]:
        """The labels the gold guideline annotates, in the evaluation tables' column order."""
        scored = [lb for lb in self.labels.values() if lb.gold_match]
        return tuple(lb.name for lb in sorted(scored, key=lambda lb: lb.gold_column or 0))

    @cached_property
    def fuzzy_labels(self) -> frozenset[str]:
        return frozenset(lb.name for lb in self.labels.values() if lb.gold_match == "fuzzy")

    def scoped(self, scope: str) -> frozenset[str]:
        """The entity labels whose ids have this scope (ID_SCOPES)."""
        return frozenset(lb.name for lb in self.labels.values() if lb.entity and lb.id_scope == scope)

    @cached_property
    def styles(self) -> dict[str, dict[str, str]]:
        """Viewer colour and shape of every label, Report included."""
        return {lb.name: {"colour": lb.colour, "shape": lb.shape} for lb in self.labels.values()}

    @cached_property
    def chinese(self) -> dict[str, str]:
        return {lb.name: lb.chinese for lb in self.labels.values()}

    @cached_property
    def words(self) -> dict[str, str]:
        """Every word (case-folded) search takes as naming an entity label: the label, its
        plural in s, its Chinese name and its `words`."""
        found: dict[str, str] = {}
        for lb in self.labels.values():
            if not lb.entity:
                continue
            for word in (lb.name, lb.name + "s", lb.chinese, *lb.words):
                key = word.casefold()
                if found.setdefault(key, lb.name) != lb.name:
                    raise ValueError(f"{word!r} names both {found[key]} and {lb.name}")
        return found


def _label(name: str, entry: dict) -> Label:
    where = f"labels.toml [{name}]"
    if not _NAME.match(name):
        raise ValueError(f"{where}: a label is one CamelCase word")
    unknown = set(entry) - _KEYS
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    viewer, browser, gold = entry.get("viewer") or {}, dict(entry.get("browser") or {}), entry.get("gold")
    entity = bool(entry.get("entity", True))
    label = Label(
        name=name,
        chinese=str(entry.get("chinese", "")),
        colour=str(viewer.get("colour", "")),
        shape=str(viewer.get("shape", "")),
        browser=browser,
        entity=entity,
        place=entry.get("place"),
        id_scope=str(entry.get("id_scope", "")),
        words=tuple(entry.get("words", ())),
        gold_match=gold["match"] if gold else None,
        gold_column=gold["column"] if gold else None,
    )
    if not label.chinese:
        raise ValueError(f"{where}: needs its Chinese name (chinese = ...)")
    if not _COLOUR.match(label.colour) or label.shape not in SHAPES:
        raise ValueError(f"{where}: viewer needs a #rrggbb colour and a Cytoscape shape")
    if entity and label.id_scope not in ID_SCOPES:
        raise ValueError(f"{where}: id_scope must be one of {ID_SCOPES}")
    if label.gold_match is not None and label.gold_match not in GOLD_MATCHES:
        raise ValueError(f"{where}: gold match must be one of {GOLD_MATCHES}")
    if not all(_COLOUR.match(str(browser.get(k, ""))) for k in ("colour", "border", "text")) or not isinstance(
        browser.get("diameter"), int
    ):
        raise ValueError(f"{where}: browser needs colour, border and text (#rrggbb) and a diameter")
    if not entity and (label.place or label.gold_match):
        raise ValueError(f"{where}: only entity labels can be places or scored")
    return label


def load(path: Path | str = REGISTRY_PATH) -> Registry:
    """Read and check a registry file."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    registry = Registry({name: _label(name, entry) for name, entry in data.items()})
    ranks = [registry.labels[n].place for n in registry.place_labels]
    if ranks != list(range(1, len(ranks) + 1)):
        raise ValueError(f"{path}: place ranks must be 1, 2, … without gaps, found {ranks}")
    columns = [registry.labels[n].gold_column for n in registry.gold_labels]
    if columns != list(range(1, len(columns) + 1)):
        raise ValueError(f"{path}: gold columns must be 1, 2, … without gaps, found {columns}")
    if not registry.scoped("parent") <= set(registry.place_labels[1:]):
        raise ValueError(f"{path}: only a place below the top one has a parent to scope its ids by")
    registry.words  # noqa: B018 (raises on a word that names two labels)
    return registry


REGISTRY = load()


# --- the generated parts of the Neo4j files ---------------------------------------------------

SCHEMA_MARK = "// Per-label constraints: generated from graph/labels.toml by `python -m graph.labels`."


def schema_constraints(registry: Registry) -> list[str]:
    """One uniqueness constraint on `id` per entity label."""
    return [
        f"CREATE CONSTRAINT {name.lower()}_id IF NOT EXISTS FOR (n:{name}) REQUIRE n.id IS UNIQUE;"
        for name in registry.entity_labels
    ]


def count_labels_query(registry: Registry) -> list[str]:
    """The body of `count_labels`: one branch per entity label, each counted by the count store."""
    lines: list[str] = []
    for name in registry.entity_labels:
        if lines:
            lines.append("UNION ALL")
        lines.append(f"MATCH (e:{name}) RETURN '{name}' AS label, count(e) AS n")
    return lines


def browser_rules(registry: Registry) -> str:
    """The `node.<Label>` rules of cypher/browser.grass, Report included."""
    rules = []
    for lb in registry.labels.values():
        b = lb.browser
        rules.append(
            f"node.{lb.name} {{\n  color: {b['colour']};\n  border-color: {b['border']};\n"
            f"  text-color-internal: {b['text']};\n  diameter: {b['diameter']}px;\n"
            f'  caption: "{{{b.get("caption", "name")}}}";\n}}\n\n'
        )
    return "".join(rules)


def _replace_block(text: str, start: str, lines: list[str], path: Path) -> str:
    """Replace the lines after the line `start` up to the next blank line."""
    head, sep, rest = text.partition(start + "\n")
    if not sep:
        raise ValueError(f"{path}: no line {start!r} to put the generated part after")
    _old, blank, tail = rest.partition("\n\n")
    return head + sep + "\n".join(lines) + (blank + tail if blank else "\n")


def render_schema(text: str, registry: Registry) -> str:
    return _replace_block(text, SCHEMA_MARK, schema_constraints(registry), Path("schema.cypher"))


def render_read(text: str, registry: Registry) -> str:
    """count_labels' body follows its `// params:` header."""
    match = re.search(r"^// name: count_labels\n(?://\s*(?:description|params):.*\n)*", text, flags=re.M)
    if match is None:
        raise ValueError("read.cypher: no query count_labels")
    head, rest = text[: match.end()], text[match.end() :]
    _old, blank, tail = rest.partition("\n\n")
    return head + "\n".join(count_labels_query(registry)) + (blank + tail if blank else "\n")


def render_grass(text: str, registry: Registry) -> str:
    """The node.<Label> rules sit between the generic rules and the relationship.<TYPE> ones."""
    start = re.search(r"^node\.\w+ \{", text, flags=re.M)
    end = re.search(r"^relationship\.\w+ \{", text, flags=re.M)
    if start is None or end is None:
        raise ValueError("browser.grass: no node.<Label> or relationship.<TYPE> rules")
    return text[: start.start()] + browser_rules(registry) + text[end.start() :]


GENERATED = {
    CYPHER_DIR / "schema.cypher": render_schema,
    CYPHER_DIR / "writes" / "read.cypher": render_read,
    CYPHER_DIR / "browser.grass": render_grass,
}


def sync(registry: Registry = REGISTRY, write: bool = True) -> list[Path]:
    """The generated files that differ from the registry; rewritten when `write`."""
    stale = []
    for path, render in GENERATED.items():
        text = path.read_text(encoding="utf-8")
        new = render(text, registry)
        if new != text:
            stale.append(path)
            if write:
                path.write_text(new, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    stale = sync(REGISTRY, write=not check)
    for path in stale:
        print(("out of date: " if check else "rewrote: ") + str(path.relative_to(CYPHER_DIR.parent)))
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
