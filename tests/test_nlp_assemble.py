"""Assembly of mentions into entities: which project names are one project."""

from __future__ import annotations

from extract.api import extract_source
from extract.document import SourceText


def projects(text: str) -> list[tuple[str, list[str]]]:
    graph = extract_source(SourceText("x.txt", text, "txt"))
    return sorted((e.name, sorted(e.aliases)) for e in graph.entities.values() if e.label == "Project")


def test_a_phase_inside_the_name_does_not_make_another_project() -> None:
    text = "樟溪镇重点推进远舟数字（略）配套设施项目。年内远舟数字产业园及周边配套设施项目开工。"
    assert projects(text) == [("远舟数字（略）配套设施项目", ["远舟数字产业园及周边配套设施项目"])]


def test_a_project_named_again_without_its_place_is_the_same_project() -> None:
    text = "樟溪镇抢抓樟溪（略）列入省重点项目的机遇。加快（略）"
    names = projects(text)
    assert len(names) == 1 and names[0][0].startswith("樟溪温泉旅游度假区")
