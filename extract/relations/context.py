"""What every relation module needs about one report: mentions with their entity ids,
sentences, sections, the report's own place, and how to write evidence."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from extract.document import Section
from extract.nlp.mention import Mention
from extract.sections import heading_path, section_at
from graph.model import Evidence, Relation


@dataclass
class Context:
    report_id: str
    text: str
    sentences: list[tuple[int, int]]
    sections: list[Section]
    mentions: list[Mention]
    entity_of: dict[int, str]  # id(mention) -> entity id
    own_place_id: str = ""
    own_place_label: str = "Subdistrict"
    year: int | None = None
    plan_year: int | None = None
    place_ids: dict[str, str] = field(default_factory=dict)  # meta level (District, City, Province) -> id
    _sentence_starts: list[int] = field(default_factory=list)
    _by_sentence: dict[int, list[Mention]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._sentence_starts = [s for s, _ in self.sentences]
        for m in self.mentions:
            self._by_sentence.setdefault(bisect_right(self._sentence_starts, m.start) - 1, []).append(m)

    def sentence(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            return (0, min(len(self.text), offset + 1))
        return self.sentences[i]

    def section(self, offset: int) -> tuple[str, str]:
        """(heading path, kind) of the section holding offset."""
        sec = section_at(self.sections, offset) if self.sections else None
        if sec is None:
            return "", "other"
        return heading_path(self.sections, sec), sec.kind

    def year_at(self, offset: int) -> int | None:
        return self.plan_year if self.section(offset)[1] == "plan" and self.plan_year else self.year

    def evidence(self, offset: int, marks: list[tuple[int, int]]) -> Evidence:
        start, end = self.sentence(offset)
        path, kind = self.section(offset)
        return Evidence(
            report_id=self.report_id,
            section=path,
            section_kind=kind,
            sentence=self.text[start:end],
            start=start,
            end=end,
            marks=tuple(sorted(set(marks))),
        )

    def relation(
        self, type_: str, source: str, target: str, offset: int, marks: list[tuple[int, int]], **props: object
    ) -> Relation:
        ev = self.evidence(offset, marks)
        properties = {k: v for k, v in props.items() if v is not None}
        properties["section_kind"] = ev.section_kind
        return Relation(type_, source, target, self.report_id, properties, [ev])

    def in_sentence(self, offset: int, labels: frozenset[str] | None = None) -> list[Mention]:
        found = self._by_sentence.get(bisect_right(self._sentence_starts, offset) - 1, [])
        return [m for m in found if labels is None or m.label in labels]

    def entity(self, mention: Mention) -> str:
        return self.entity_of[id(mention)]
