"""Issue 12: people carry their role and organisation where the text gives them, on both stores.

Before, a town's Party secretary was a Person with no role, no organisation and no place:
a node with only a MENTIONS link. The fictional 白鹭镇 report (tests/data/issue12) names a
town secretary and a village branch secretary.
"""

from __future__ import annotations

from pathlib import Path

from extract.api import extract_path
from graph import tables
from graph.store.base import GraphStore

REPORT = Path(__file__).resolve().parent / "data" / "issue12" / "roles-report.txt"


def test_people_hold_a_role_in_a_place_with_its_year(store: GraphStore) -> None:
    store.save(extract_path(REPORT))
    rows = {r["person"]: r for r in tables.rows(store.load(), "people") if r["relation"] == "LOCATED_IN"}
    secretary = rows["周海明"]
    assert (secretary["place"], secretary["role"], secretary["organisation"], secretary["year"]) == (
        "白鹭镇", "镇党委书记", "镇党委", 2024,
    )
    village = rows["李春梅"]
    assert (village["place"], village["role"], village["organisation"]) == ("西岭村", "村党支部书记", "西岭村党支部")
    assert "西岭村党支部书记李春梅" in village["evidence"]
    people = {e.name: e for e in store.load().entities.values() if e.label == "Person"}
    assert people["周海明"].properties["role"] == "镇党委书记"  # on the person too (people_and_roles)


def test_a_villager_is_not_a_village_villager() -> None:
    graph = extract_path(Path(__file__).resolve().parents[1] / "examples" / "sichuan-yingjing-yunling-2021-township.txt")
    roles = {r["person"]: r["role"] for r in tables.rows(graph, "people") if r["relation"] == "LOCATED_IN"}
    assert roles["杨德贵"] == "村民"
