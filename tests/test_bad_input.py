"""Files that cannot be read raise ReadError naming the file and the cause."""

from __future__ import annotations

import io
import os
import time

import docx
import pytest

from extract.document import ReadError
from extract.read import read_source
from tests.fixtures import hostile_files as hostile


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


def test_docx_zip_bomb_is_refused_before_unpacking(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(hostile.zip_bomb_docx(unpacked_mb=101))
    assert path.stat().st_size < 1024 * 1024
    started = time.perf_counter()
    assert _read_error(path).cause == ".docx unpacks to 101 MB (limit 100 MB)"
    assert time.perf_counter() - started < 1


def test_docx_unpacked_limit_from_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "small.docx"
    path.write_bytes(hostile.zip_bomb_docx(unpacked_mb=2))
    monkeypatch.setenv("GOVKG_MAX_UNZIPPED_BYTES", str(1024 * 1024))
    assert _read_error(path).cause == ".docx unpacks to 2 MB (limit 1 MB)"
    monkeypatch.setenv("GOVKG_MAX_UNZIPPED_BYTES", str(3 * 1024 * 1024))
    assert read_source(path).text == "青禾镇2023年工作总结"


def test_docx_with_too_many_members(tmp_path):
    path = tmp_path / "members.docx"
    path.write_bytes(hostile.many_members_docx(2001))
    assert _read_error(path).cause == ".docx has 2,007 members (limit 2,000)"


def test_html_nested_beyond_what_the_parser_keeps_is_refused(tmp_path):
    """Past 2,048 levels libxml2 drops the rest of the page: refused, not stored as its title."""
    path = tmp_path / "deeper.html"
    path.write_bytes(hostile.deep_html(3000))
    assert _read_error(path).cause == "HTML nested too deeply (over 2,048 levels at line 1)"


def test_nul_laden_utf8_is_named_as_such(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(hostile.nul_laden_utf8())
    assert _read_error(path).cause == (
        "UTF-8 text with 160 NUL bytes (first at byte 44): a damaged file, not plain text"
    )


def test_utf16_of_latin_text_is_still_utf16_not_nul_laden_utf8(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(("Qinghe 2023 annual report: 18 km of roads. 青禾镇\n" * 20).encode("utf-16-le"))
    assert read_source(path).encoding == "utf-16-le"


@pytest.mark.parametrize(("content", "shown"), [(b"a", 1), ("青禾镇工作总结".encode(), 7), (b"\n \n\xe3\x80\x80x y\n", 2)])
def test_too_short_to_be_a_report(tmp_path, content, shown):
    path = tmp_path / "short.txt"
    path.write_bytes(content)
    plural = "" if shown == 1 else "s"
    assert _read_error(path).cause == f"too short to be a report ({shown} character{plural})"


def test_text_over_the_character_limit_is_refused_by_name(tmp_path):
    """Over 1,000,000 characters spaCy failed with its internal E088; the limit is ours and said."""
    path = tmp_path / "long.txt"
    path.write_bytes(hostile.long_text(1_000_001))
    assert _read_error(path).cause == "text too long (1,000,001 characters > 1,000,000 limit)"


def test_character_limit_from_the_environment_also_binds_extract_source(monkeypatch):
    from extract.api import extract_source
    from extract.document import SourceText

    monkeypatch.setenv("GOVKG_MAX_CHARS", "50")
    src = SourceText("long.txt", hostile.long_text(51).decode(), "txt")
    with pytest.raises(ReadError) as caught:
        extract_source(src)
    assert str(caught.value) == "long.txt: text too long (51 characters > 50 limit)"


def test_text_far_over_the_limit_is_refused_before_cleaning(tmp_path, monkeypatch):
    """Cleaning 5 million characters only to refuse them cost seconds; over four times the
    limit the raw text is refused, while whitespace that cleaning removes still counts for nothing."""
    monkeypatch.setenv("GOVKG_MAX_CHARS", "100")
    far = tmp_path / "far.txt"
    far.write_bytes(hostile.long_text(401))
    assert _read_error(far).cause == "text too long (401 characters before cleaning > 100 limit)"
    airy = tmp_path / "airy.txt"
    airy.write_text("青禾镇2023年工作总结" + " " * 200 + "\n" * 150 + "全年新建道路3公里。", encoding="utf-8")
    assert read_source(airy).text == "青禾镇2023年工作总结\n全年新建道路3公里。"
