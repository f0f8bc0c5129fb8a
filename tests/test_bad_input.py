"""Files that cannot be read raise ReadError naming the file and the cause."""

from __future__ import annotations

import io
import os
import time

import docx
import pytest

from extract.document import ReadError
from extract.read import read_source


def _read_error(path, **kwargs) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_source(path, **kwargs)
    error = caught.value
    assert error.path == str(path)
    assert str(error).startswith(f"{path}: ")
    return error


def _docx_bytes() -> bytes:
    document = docx.Document()
    for number in range(40):
        document.add_paragraph(f"（{number}）青禾镇第{number}项重点工作稳步推进，完成投资{number}万元。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert _read_error(path).cause == "empty file"


def test_blank_file_counts_as_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"\xef\xbb\xbf \r\n\t\r\n")
    assert _read_error(path).cause == "empty file"


def test_binary_file_named_txt(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert _read_error(path).cause == "binary file (not a text document)"


def test_nul_bytes_are_binary_even_when_valid_utf8(tmp_path):
    path = tmp_path / "zeros.txt"
    path.write_bytes(b"\x00" * 4096)
    assert _read_error(path).cause == "binary file (not a text document)"


def test_undecodable_text(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 r\u00e9sum\u00e9 na\u00efve \u00e0 la carte. ".encode("latin-1") * 40)
    assert _read_error(path).cause == "cannot decode text: not UTF-8/UTF-16/GB18030"


def test_truncated_docx(tmp_path):
    data = _docx_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    cause = _read_error(path).cause
    assert cause.startswith("truncated or corrupt .docx (")


def test_docx_that_is_not_a_zip(tmp_path):
    path = tmp_path / "renamed.docx"
    path.write_text("青禾镇2023年工作总结", encoding="utf-8")
    assert _read_error(path).cause.startswith("truncated or corrupt .docx (")


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(int(52.4 * 1024 * 1024))  # sparse: nothing is written
    started = time.perf_counter()
    cause = _read_error(path).cause
    assert cause == "file too large (52.4 MB > 20 MB limit)"
    assert time.perf_counter() - started < 1


def test_size_limit_from_keyword_and_environment(tmp_path, monkeypatch):
    path = tmp_path / "report.txt"
    path.write_text("青禾镇2023年工作总结\n全年新建道路3公里。" * 100, encoding="utf-8")
    assert _read_error(path, limit=1024).cause.startswith("file too large (")
    monkeypatch.setenv("GOVKG_MAX_BYTES", "1024")
    assert _read_error(path).cause.endswith("> 0 MB limit)")
    monkeypatch.setenv("GOVKG_MAX_BYTES", str(10 * 1024 * 1024))
    assert read_source(path).text.startswith("青禾镇2023年工作总结")


def test_unsupported_extension(tmp_path):
    path = tmp_path / "report.xyz"
    path.write_text("青禾镇", encoding="utf-8")
    assert _read_error(path).cause == "unsupported file type .xyz"


def test_missing_file(tmp_path):
    path = tmp_path / "absent.txt"
    assert _read_error(path).cause.startswith("cannot open file (")


def _pdf_without_text() -> bytes:
    """A valid one-page PDF with nothing drawn on it, as a scanner without OCR leaves."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf_without_text())
    assert _read_error(path).cause == "PDF has no text layer"


def test_truncated_pdf(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    assert _read_error(path).cause.startswith("truncated or corrupt .pdf (")


def test_error_message_is_what_the_cli_prints(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    assert str(_read_error(path)) == f"{os.fspath(path)}: empty file"
