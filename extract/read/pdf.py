"""Text of a PDF with a text layer, with its page layout undone.

pdfminer gives one line per printed line, with its position. Lines wrapped inside
a paragraph are joined again: a line continues into the next unless it ends a
sentence, stops short of the right margin, or the next line is indented or opens
a heading. Page numbers ("- 3 -", "第3页") and headers/footers repeated on most
pages are removed.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from extract.clean import fold_radicals
from extract.read.errors import Unreadable
from extract.sections import starts_heading

# pdfminer warns about every glyph of fonts embedded without a bounding box (Chromium's CJK subsets).
logging.getLogger("pdfminer").setLevel(logging.ERROR)

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–_·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?[\s\-—–_·•]*$"
)
_SENTENCE_END = tuple("。！？!?…")


class PdfError(Unreadable):
    """The cause (as ReadError wants it) of a PDF without usable text."""


@dataclass
class _Line:
    text: str
    x0: float
    x1: float


def _pages(data: bytes) -> list[list[_Line]]:
    """Printed lines of each page, top to bottom."""
    pages = []
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=LAParams(line_margin=0.3)):
            found = []
            for box in layout:
                if not isinstance(box, LTTextContainer):
                    continue
                for line in box:
                    # Radicals are folded now, as heading detection below needs 二 and not ⼆.
                    text = fold_radicals(line.get_text()).strip() if isinstance(line, LTTextLine) else ""
                    if text:
                        found.append((-round(line.y1), line.x0, _Line(text, line.x0, line.x1)))
            pages.append([line for _y, _x, line in sorted(found, key=lambda item: item[:2])])
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise PdfError(f"truncated or corrupt .pdf ({type(exc).__name__}: {exc})") from exc
    return [page for page in pages if page]


def _repeated_furniture(pages: list[list[_Line]]) -> set[str]:
    """Lines that open or close at least half of the pages (3 pages or more) are headers/footers."""
    if len(pages) < 3:
        return set()
    edges: Counter[str] = Counter()
    for page in pages:
        edges.update({_shape(line.text) for line in page[:2] + page[-2:]})
    return {text for text, count in edges.items() if count >= len(pages) / 2}


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def _join_wrapped(lines: list[_Line]) -> list[str]:
    """Join printed lines into paragraphs, using the margins the lines themselves show.

    In a document whose paragraphs start indented, only an indent (or a heading, or
    a line stopping short) starts a new paragraph, so a sentence that happens to
    end at the right margin does not split its paragraph. Without indents, a line
    ending a sentence ends its paragraph.
    """
    widths = [(line.x1 - line.x0) / len(line.text) for line in lines if len(line.text) >= 5]
    char = statistics.median(widths) if widths else 10.0
    left = min(line.x0 for line in lines)
    right = sorted(line.x1 for line in lines)[int(len(lines) * 0.9)]
    indents = [left + 0.8 * char <= line.x0 <= left + 4 * char for line in lines]
    indented_style = sum(indents) >= 0.05 * len(lines)
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in lines:
        wrapped = (
            previous is not None
            and (indented_style or not previous.text.endswith(_SENTENCE_END))
            and previous.x1 >= right - 3 * char
            and line.x0 < left + 0.8 * char
            and not starts_heading(line.text)
        )
        if wrapped:
            paragraphs[-1] += line.text
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs


def pdf_text(data: bytes) -> str:
    """The document's paragraphs, one per line."""
    pages = _pages(data)
    furniture = _repeated_furniture(pages)
    lines = [
        line
        for page in pages
        for line in page
        if not _PAGE_NUMBER.match(line.text) and _shape(line.text) not in furniture
    ]
    if not any("\u4e00" <= ch <= "\u9fff" or ch.isalnum() for line in lines for ch in line.text):
        raise PdfError("PDF has no text layer")
    return "\n".join(_join_wrapped(lines))
