"""Read a report file of any supported format into cleaned text.

`read_source` is the only entry point: it checks size and emptiness, dispatches on
the extension, cleans the result, and checks the text's length (`check_length`),
so every format yields the same kind of text.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from extract.clean import clean
from extract.document import ReadError, SourceText
from extract.read.decode import DecodeError, decode_bytes, looks_binary
from extract.read.errors import Unreadable

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# spaCy's own default limit; extraction time grows faster than the length, so longer
# texts are refused here with a reason rather than inside spaCy (its error E088).
DEFAULT_MAX_CHARS = 1_000_000
# Fewer characters than a title: a truncated or placeholder file, not a report.
MIN_CHARS = 10


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() else default


def max_bytes() -> int:
    """The size limit: env GOVKG_MAX_BYTES, else 20 MB."""
    return _env_int("GOVKG_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_chars() -> int:
    """The longest cleaned text extracted: env GOVKG_MAX_CHARS, else 1,000,000 characters."""
    return _env_int("GOVKG_MAX_CHARS", DEFAULT_MAX_CHARS)


def check_length(src: SourceText, minimum: int = MIN_CHARS) -> None:
    """Raise ReadError for a text too long to extract, or with fewer than `minimum` visible characters."""
    if len(src.text) > max_chars():
        raise ReadError(src.path, f"text too long ({len(src.text):,} characters > {max_chars():,} limit)")
    visible = len(src.text) - sum(src.text.count(ch) for ch in " \t\n\u3000")
    if visible < minimum:
        plural = "" if visible == 1 else "s"
        raise ReadError(src.path, f"too short to be a report ({visible} character{plural})")


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def _txt(data: bytes) -> tuple[str, str]:
    return decode_bytes(data)


# each reader imports its library when a file of its kind comes (pdfminer alone takes 0.1 s)
def _docx(data: bytes) -> tuple[str, str]:
    if looks_binary(data) and not data.startswith(b"PK"):
        raise DecodeError("truncated or corrupt .docx (not a zip archive)")
    from extract.read.word import docx_text

    return docx_text(data), ""


def _pdf(data: bytes) -> tuple[str, str]:
    if not data.startswith(b"%PDF"):
        raise Unreadable("truncated or corrupt .pdf (no %PDF header)")
    from extract.read.pdf import pdf_text

    return pdf_text(data), ""


def _html(data: bytes) -> tuple[str, str]:
    from extract.read.web import html_text

    return html_text(data)


READERS: dict[str, tuple[str, Callable[[bytes], tuple[str, str]]]] = {
    ".txt": ("txt", _txt),
    ".docx": ("docx", _docx),
    ".html": ("html", _html),
    ".htm": ("html", _html),
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
            data = handle.read(limit + 1)  # a file growing meanwhile is cut here, not read whole
        if len(data) > limit:
            raise ReadError(name, f"file too large (over {_megabytes(limit)} limit)")
    except OSError as exc:
        raise ReadError(name, f"cannot open file ({exc.strerror or exc})") from exc
    try:
        text, encoding = reader(data)
    except Unreadable as exc:
        raise ReadError(name, str(exc)) from exc
    if len(text) > 4 * max_chars():  # cleaning never removes three quarters of a real report
        raise ReadError(name, f"text too long ({len(text):,} characters before cleaning > {max_chars():,} limit)")
    text = clean(text)
    if not text:
        raise ReadError(name, "empty file" if fmt == "txt" else "no text found in the document")
    source = SourceText(path=name, text=text, format=fmt, encoding=encoding)
    check_length(source)
    return source
