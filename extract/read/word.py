"""Text of a .docx: paragraphs (with Word's automatic numbers) and table rows in document order.

A .docx is a zip, and a small one can expand to gigabytes: the archive's own
directory (member count and unpacked sizes, which zipfile holds every member to)
is checked before anything is unpacked. Tables are read from the XML directly:
python-docx follows merged cells recursively and repeats a spanned cell once per
grid column, which a hostile file turns into a crash or an endless loop.
"""

from __future__ import annotations

import io
import os
import zipfile

import docx
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml.etree import XMLSyntaxError, XPath

from extract.read.errors import Unreadable
from extract.read.word_numbering import Numbering

DEFAULT_MAX_UNZIPPED = 100 * 1024 * 1024
DEFAULT_MAX_MEMBERS = 2000

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
# What python-docx's Paragraph.text joins, in one compiled query: its own xpath() compiles
# two queries per paragraph, most of the time on a file of many short paragraphs.
_TEXT_PARTS = XPath(
    "(w:r | w:hyperlink/w:r)/*[self::w:br or self::w:cr or self::w:noBreakHyphen or self::w:ptab"
    " or self::w:t or self::w:tab]",
    namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
)


def _text(p: BaseOxmlElement) -> str:
    """A paragraph's text as python-docx gives it (tabs, breaks and hyperlinks included)."""
    return "".join(str(part) for part in _TEXT_PARTS(p))


class CorruptDocx(Unreadable):
    """The cause (as ReadError wants it) of a .docx python-docx cannot open."""


class UnsafeDocx(Unreadable):
    """The cause of a .docx refused before unpacking: too many members or too large unpacked."""


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() else default


def max_unzipped() -> int:
    """Largest total unpacked size of a .docx: env GOVKG_MAX_UNZIPPED_BYTES, else 100 MB."""
    return _env_int("GOVKG_MAX_UNZIPPED_BYTES", DEFAULT_MAX_UNZIPPED)


def max_members() -> int:
    """Most members a .docx may hold: env GOVKG_MAX_DOCX_MEMBERS, else 2,000."""
    return _env_int("GOVKG_MAX_DOCX_MEMBERS", DEFAULT_MAX_MEMBERS)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f}".removesuffix(".0") + " MB"


def check_archive(data: bytes) -> None:
    """Refuse a zip bomb from its central directory, before any member is unpacked.

    zipfile never returns more than a member's declared size (and fails its CRC
    check when the data is longer), so the declared sizes bound what unpacking costs.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise CorruptDocx(f"truncated or corrupt .docx ({type(exc).__name__}: {exc})") from exc
    if len(members) > max_members():
        raise UnsafeDocx(f".docx has {len(members):,} members (limit {max_members():,})")
    unzipped = sum(member.file_size for member in members)
    if unzipped > max_unzipped():
        raise UnsafeDocx(f".docx unpacks to {_mb(unzipped)} (limit {_mb(max_unzipped())})")


def _row_line(row_cells: list[str]) -> str:
    """Cells joined by a tab; a merged cell's text is dropped where it repeats its neighbour."""
    cells: list[str] = []
    for text in row_cells:
        text = " ".join(text.split())
        if text and (not cells or cells[-1] != text):
            cells.append(text)
    return "\t".join(cells)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _prop(element: BaseOxmlElement, props: str, tag: str) -> BaseOxmlElement | None:
    """A w:tcPr/w:trPr child such as w:gridSpan."""
    holder = element.find(qn(props))
    return holder.find(qn(tag)) if holder is not None else None


def _grid_value(element: BaseOxmlElement, props: str, tag: str) -> int:
    found = _prop(element, props, tag)
    return _int(found.get(qn("w:val")) if found is not None else None, 0)


def _table_lines(tbl: BaseOxmlElement) -> list[str]:
    """One line per row; a vertically merged cell repeats the text of the cell above, as Word shows it."""
    lines = []
    above: dict[int, str] = {}  # grid column -> text of the cell starting there in the row above
    for tr in tbl.iterchildren(_TR):
        column = _grid_value(tr, "w:trPr", "w:gridBefore")
        texts: list[str] = []
        here: dict[int, str] = {}
        for tc in tr.iterchildren(_TC):
            merge = _prop(tc, "w:tcPr", "w:vMerge")
            if merge is not None and merge.get(qn("w:val"), "continue") == "continue":
                text = above.get(column, "")
            else:
                text = "\n".join(_text(p) for p in tc.iterchildren(_P))
            here[column] = text
            texts.append(text)
            column += max(_grid_value(tc, "w:tcPr", "w:gridSpan"), 1)
        above = here
        line = _row_line(texts)
        if line:
            lines.append(line)
    return lines


def docx_text(data: bytes) -> str:
    """Paragraphs and tables of the document body, one line each, in the order they appear."""
    check_archive(data)
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = Numbering(document)
        lines: list[str] = []
        for block in document.element.body.iterchildren(_P, _TBL):
            if block.tag == _P:
                lines.append(numbering.label(block) + _text(block))
            else:
                lines.extend(_table_lines(block))
    except (zipfile.BadZipFile, OpcError, KeyError, XMLSyntaxError, ValueError, EOFError, OSError) as exc:
        detail = str(exc) or type(exc).__name__
        raise CorruptDocx(f"truncated or corrupt .docx ({type(exc).__name__}: {detail})") from exc
    return "\n".join(lines)
