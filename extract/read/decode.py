"""Bytes to text for Chinese documents: the encoding is detected and verified, never guessed.

Order: BOMs, strict UTF-8, UTF-16 without BOM (recognised by its byte pattern),
then charset-normalizer limited to Chinese encodings. Every candidate must
decode strictly and read as plausible Chinese text, or the next is tried.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from extract.read.errors import Unreadable

# Encodings a Chinese government report can plausibly be in (GB2312/GBK are subsets of GB18030).
CHINESE_ENCODINGS: tuple[str, ...] = ("gb18030", "gbk", "gb2312", "big5", "utf_16_le", "utf_16_be")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of formats that are never text, whatever their extension says.
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"PK\x03\x04", b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF",
    b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b", b"BM", b"MZ",
)


class DecodeError(Unreadable):
    """The cause (as ReadError wants it) of bytes that are not a text document."""


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")  # C0 controls but \t \n \x0b \f \r, and U+FFFD


def control_ratio(text: str) -> float:
    """Share of characters that no text document contains (C0 controls other than whitespace)."""
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def plausibly_chinese(text: str) -> bool:
    """A decoded candidate is accepted only if it reads like Chinese (markup and ASCII aside)."""
    if control_ratio(text) > 0.001:
        return False
    wide = [ch for ch in text if ord(ch) > 0x7F and not ch.isspace()]
    cjk = sum(1 for ch in wide if is_cjk(ch))
    if not cjk:
        return False
    # Private-use characters are what a wrong double-byte decoding produces.
    odd = sum(1 for ch in wide if "\ue000" <= ch <= "\uf8ff")
    return cjk / len(wide) >= 0.5 and odd / len(wide) < 0.01


def looks_binary(data: bytes) -> bool:
    """Magic numbers or many NUL/control bytes mark a file that is not text at all."""
    if data.startswith(_BINARY_MAGIC):
        return True
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(sample), 1) > 0.05


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text has the high byte of each unit in few ranges: 00 (ASCII), 30/FF (punctuation), 4E-9F (CJK)."""
    if len(data) < 4 or len(data) % 2:
        return None
    for high, codec in ((1, "utf-16-le"), (0, "utf-16-be")):
        highs = data[high::2]
        typical = sum(1 for b in highs if b in (0x00, 0x20, 0x30, 0xFF) or 0x4E <= b <= 0x9F)
        if typical / len(highs) > 0.9:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if plausibly_chinese(text) or (0x00 in highs and control_ratio(text) == 0):
                return text, codec
            return None
    return None


def _codec_name(encoding: str) -> str:
    """Decode GB2312/GBK-labelled text with their superset, so rare characters do not fail."""
    name = codecs.lookup(encoding).name
    return "gb18030" if name in ("gb2312", "gbk") else name


def _refuse_nul_laden(data: bytes, text: str) -> None:
    """Valid UTF-8 Chinese text with NUL bytes in it is damaged, not in another encoding: say so."""
    nuls = data.count(0)
    if nuls and plausibly_chinese(text.replace("\x00", "")):
        raise DecodeError(
            f"UTF-8 text with {nuls:,} NUL bytes (first at byte {data.index(0):,}): a damaged file, not plain text"
        )


def decode_bytes(data: bytes, declared: str = "") -> tuple[str, str]:
    """Return (text, encoding). `declared` (e.g. an HTML meta charset) is tried after BOMs and UTF-8.

    Raises DecodeError with a cause ReadError can show.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise DecodeError("cannot decode text: not UTF-8/UTF-16/GB18030") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if control_ratio(text) <= 0.001:
            return text, "utf-8"
        _refuse_nul_laden(data, text)
    if declared:
        # Servers mislabel pages; a declaration is believed only if the result reads as Chinese.
        try:
            codec = _codec_name(declared)
            text = data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if plausibly_chinese(text):
                return text, codec
    found16 = _utf16_without_bom(data)
    if found16 is not None:
        return found16
    if looks_binary(data):
        raise DecodeError("binary file (not a text document)")
    candidates: list[str] = []
    best = from_bytes(data, cp_isolation=list(CHINESE_ENCODINGS)).best()
    if best is not None:
        candidates.append(best.encoding)
    candidates.append("gb18030")
    for encoding in candidates:
        codec = _codec_name(encoding)
        try:
            text = data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
        if plausibly_chinese(text):
            return text, codec
    raise DecodeError("cannot decode text: not UTF-8/UTF-16/GB18030")
