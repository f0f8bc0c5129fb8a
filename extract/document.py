"""Types passed between the extraction steps: read -> metadata -> sections -> nlp."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ReadError(Exception):
    """A report that cannot be read; the message names the file and the cause."""

    def __init__(self, path: str, cause: str) -> None:
        super().__init__(f"{path}: {cause}")
        self.path = path
        self.cause = cause


@dataclass
class SourceText:
    """A report's cleaned text, as every later step sees it (offsets refer to it)."""

    path: str
    text: str
    format: str  # txt, docx, html, pdf
    encoding: str = ""  # detected encoding for txt/html


@dataclass
class Section:
    """A node of the section tree; offsets span the heading and its whole body."""

    id: int
    parent: int | None
    level: int  # 1 for 一、, 2 for （一）, 3 for 1., 4 for 一是
    heading: str
    kind: str  # review, problem, plan, other (inherited from the parent unless the heading says)
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class ReportMeta:
    """What a report says about itself."""

    title: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    subdistrict: str = ""  # the report's own place, fullest form used
    years: list[int] = field(default_factory=list)
    year: int | None = None
    period: str = "unknown"  # graph.model.PERIODS
    kind: str = ""  # 工作总结, 工作计划, 工作总结及工作计划, 政府工作报告 ...
