"""What every relation module needs about one report: mentions with their entity ids,
sentences, sections, the report's own place, and how to write evidence."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from extract.document import Section
from extract.nlp.mention import Mention
from extract.patterns import guarded
from extract.sections import heading_paths
from graph.model import Entity, Evidence, Relation

# a year the sentence states for its fact; not a base of comparison (比2020年), a start (2020年以来),
# one end of a span (2021—2025年) or the period of a title (2022年度先进集体)
_YEAR = guarded("12", r"(?<![比较与同至到\d—–\-~])((?:19|20)\d\d)年(?!度|以来|来|起|至今|同期|以前|[—–\-~至到])")
_YEAR_REACH = 40  # characters before a fact in which a written year still governs it
_CLAUSE_BREAK = re.compile(r"[，,；;。：:]")


@dataclass
class Context:
    report_id: str
    text: str
    sentences: list[tuple[int, int]]
    sections: list[Section]
    mentions: list[Mention]
    entity_of: dict[int, str]  # id(mention) -> entity id
    own_place_id: str = ""
    subject_id: str = ""  # who 我X/本X is: the village or community whose report it is, else the own township or the zone the title names
    year: int | None = None
    plan_year: int | None = None
    place_ids: dict[str, str] = field(default_factory=dict)  # meta level (District, City, Province) -> id
    place_names: dict[str, str] = field(default_factory=dict)  # the same levels and Subdistrict -> the report's own names
    extra_entities: dict[str, Entity] = field(default_factory=dict)  # made by a relation (a share indicator)
    _sentence_starts: list[int] = field(default_factory=list)
    _by_sentence: dict[int, list[Mention]] = field(default_factory=dict)
    _sentence_sections: list[tuple[str, str]] = field(default_factory=list)

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
        """(heading path, kind) of the deepest section holding the sentence at offset."""
        if not self._sentence_sections:
            self._sweep_sections()
        i = bisect_right(self._sentence_starts, offset) - 1
        return self._sentence_sections[i] if i >= 0 else ("", "other")

    def _sweep_sections(self) -> None:
        """Give every sentence its deepest section in one pass (section_at per offset is linear)."""
        depth: dict[int, int] = {}
        for sec in self.sections:
            depth[sec.id] = 0 if sec.parent is None else depth.get(sec.parent, 0) + 1
        best: list[Section | None] = [None] * len(self.sentences)
        for sec in sorted(self.sections, key=lambda s: (s.start, depth[s.id])):
            lo = bisect_left(self._sentence_starts, sec.start)
            hi = bisect_left(self._sentence_starts, max(sec.end, sec.start + 1))
            best[lo:hi] = [sec] * (hi - lo)
        paths = heading_paths(self.sections)
        placed = {sec.id: (paths[sec.id], sec.kind) for sec in self.sections}
        self._sentence_sections = [("", "other") if sec is None else placed[sec.id] for sec in best]

    def year_at(self, offset: int, later: bool = True) -> int | None:
        """The year a fact at offset belongs to: a year its sentence writes (the last one
        shortly before it, else, if `later`, one further on in its clause) wins; else the
        plan year in a plan section, else the report's year."""
        stated = self.stated_year(offset, later)
        if stated is not None:
            return stated
        kind = self.section(self.sentence(offset)[0])[1]
        return self.plan_year if kind == "plan" and self.plan_year else self.year

    def stated_year(self, offset: int, later: bool = True) -> int | None:
        start, end = self.sentence(offset)
        before = list(_YEAR.finditer(self.text, max(start, offset - _YEAR_REACH), offset))
        if before:
            return int(before[-1].group(1))
        if not later:
            return None
        brk = _CLAUSE_BREAK.search(self.text, offset, end)
        after = _YEAR.search(self.text, offset, brk.start() if brk else end)
        return int(after.group(1)) if after else None

    def evidence(self, offset: int, marks: list[tuple[int, int]]) -> Evidence:
        i = bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            start, end = self.sentence(offset)
            path, kind = self.section(start)
        else:  # one lookup gives the sentence and its section
            if not self._sentence_sections:
                self._sweep_sections()
            (start, end), (path, kind) = self.sentences[i], self._sentence_sections[i]
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
        properties = {k: v for k, v in props.items() if v is not None} if None in props.values() else props
        properties["section_kind"] = ev.section_kind
        return Relation(type_, source, target, self.report_id, properties, [ev])

    def in_sentence(self, offset: int, labels: frozenset[str] | None = None) -> list[Mention]:
        found = self._by_sentence.get(bisect_right(self._sentence_starts, offset) - 1, [])
        return [m for m in found if labels is None or m.label in labels]

    def groups(self) -> list[list[Mention]]:
        """The mentions of each sentence that has any, in text order."""
        return [self._by_sentence[i] for i in sorted(self._by_sentence)]

    def entity(self, mention: Mention) -> str:
        return self.entity_of[id(mention)]
