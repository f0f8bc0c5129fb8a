"""Read a report file of any supported format into cleaned text.

`read_source` is the only entry point: it checks size and emptiness, dispatches on
the extension, and cleans the result, so every format yields the same kind of text.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from extract.clean import clean
from extract.document import ReadError, SourceText
from extract.read.decode import DecodeError, decode_bytes, looks_binary
from extract.read.pdf import PdfError, pdf_text
from extract.read.web import html_text
from extract.read.word import CorruptDocx, docx_text

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def max_bytes() -> int:
    """The size limit: env GOVKG_MAX_BYTES, else 20 MB."""
    value = os.environ.get("GOVKG_MAX_BYTES", "")
    return int(value) if value.isdigit() else DEFAULT_MAX_BYTES


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def _txt(data: bytes) -> tuple[str, str]:
    return decode_bytes(data)


def _docx(data: bytes) -> tuple[str, str]:
    if looks_binary(data) and not data.startswith(b"PK"):
        raise DecodeError("truncated or corrupt .docx (not a zip archive)")
    return docx_text(data), ""


def _pdf(data: bytes) -> tuple[str, str]:
    if not data.startswith(b"%PDF"):
        raise PdfError("truncated or corrupt .pdf (no %PDF header)")
    return pdf_text(data), ""


READERS: dict[str, tuple[str, Callable[[bytes], tuple[str, str]]]] = {
    ".txt": ("txt", _txt),
    ".docx": ("docx", _docx),
    ".html": ("html", html_text),
    ".htm": ("html", html_text),
    ".pdf": ("pdf", _pdf),
}
# The file types read_source accepts; directory walkers should use this list.
SUFFIXES: tuple[str, ...] = tuple(READERS)


def read_source(path: str | os.PathLike[str], limit: int | None = None) -> SourceText:
    """Read and clean one report; raise ReadError(path, cause) when it cannot be read.

    `limit` is the largest accepted file size in bytes (default: max_bytes()).
    """
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    if suffix not in READERS:
        raise ReadError(name, f"unsupported file type {suffix or '(no extension)'}")
    fmt, reader = READERS[suffix]
    limit = max_bytes() if limit is None else limit
    try:
        size = os.path.getsize(name)
        if size > limit:
            raise ReadError(name, f"file too large ({_megabytes(size)} > {_megabytes(limit)} limit)")
        if size == 0:
            raise ReadError(name, "empty file")
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ReadError(name, f"cannot open file ({exc.strerror or exc})") from exc
    try:
        text, encoding = reader(data)
    except (DecodeError, CorruptDocx, PdfError) as exc:
        raise ReadError(name, str(exc)) from exc
    text = clean(text)
    if not text:
        raise ReadError(name, "empty file" if fmt == "txt" else "no text found in the document")
    return SourceText(path=name, text=text, format=fmt, encoding=encoding)
