"""Text of a .docx: paragraphs (with Word's automatic numbers) and table rows in document order."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import OpcError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from extract.read.word_numbering import Numbering


class CorruptDocx(ValueError):
    """The cause (as ReadError wants it) of a .docx python-docx cannot open."""


def _row_line(row_cells: list[str]) -> str:
    """Cells joined by a tab; a merged cell repeats in python-docx, so repeats are dropped."""
    cells: list[str] = []
    for text in row_cells:
        text = " ".join(text.split())
        if text and (not cells or cells[-1] != text):
            cells.append(text)
    return "\t".join(cells)


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        line = _row_line([cell.text for cell in row.cells])
        if line:
            lines.append(line)
    return lines


def docx_text(data: bytes) -> str:
    """Paragraphs and tables of the document body, one line each, in the order they appear."""
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = Numbering(document)
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.append(numbering.label(block) + block.text)
            elif isinstance(block, Table):
                lines.extend(_table_lines(block))
    except (zipfile.BadZipFile, OpcError, KeyError, XMLSyntaxError, ValueError, EOFError, OSError) as exc:
        detail = str(exc) or type(exc).__name__
        raise CorruptDocx(f"truncated or corrupt .docx ({type(exc).__name__}: {detail})") from exc
    return "\n".join(lines)
