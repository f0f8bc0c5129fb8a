"""Assembly of mentions into entities: which project names are one project."""

from __future__ import annotations

from extract.api import extract_source
from extract.document import SourceText


def projects(text: str) -> list[tuple[str, list[str]]]:
    graph = extract_source(SourceText("x.txt", text, "txt"))
    return sorted((e.name, sorted(e.aliases)) for e in graph.entities.values() if e.label == "Project")


def test_a_phase_inside_the_name_does_not_make_another_project() -> None:
    text = "樟溪镇加快远舟数字产业园一期及道路管网工程。远舟数字产业园及道路管网工程年底完工。"
    assert projects(text) == [("远舟数字产业园一期及道路管网工程", ["远舟数字产业园及道路管网工程"])]


def test_a_project_named_again_without_its_place_is_the_same_project() -> None:
    text = "樟溪镇完成樟溪湖滨康养度假区项目规划。年内湖滨康养度假区开门迎客。"
    names = projects(text)
    assert len(names) == 1 and names[0][0].startswith("樟溪湖滨康养度假区")
