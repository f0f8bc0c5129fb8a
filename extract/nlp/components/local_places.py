"""Sub-districts, villages and communities by their suffix (街道/镇/乡/街, 村/股经社/湾组, 社区).

The stem left of the suffix is cut on jieba tokens (see boundaries.py) and
checked against generic words (示范村, 城镇, 各社区). Lists that share one
suffix (石桥、柳塘、新田等村) give each member the suffix.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text, extend_left, token_starts
from extract.nlp.lexicon import NON_NAME_TAGS, jieba_tags, words
from extract.nlp.mention import Mention, mentions

_SUFFIX = re.compile(r"社区|街道|股经社|湾组|嘎查|屯(?![田兵垦驻积粮])|村(?![规务落寨居庄级])|镇(?!级)|乡(?![村镇贤土愁情亲间音里级])|街|家[\u4e00-\u9fff]?湾(?![村社组区])")
_LABEL = {"社区": "Community", "街道": "Subdistrict", "镇": "Subdistrict", "乡": "Subdistrict", "街": "Subdistrict"}
_MAX_STEM = {"Community": 6, "Subdistrict": 3, "Village": 5}
_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4})等(?:[\d一二三四五六七八九十]+个)?(村|社区)")
# cut a stem after a joint (枫林村至龙潭村), an earlier place (新民村桂花湾组), a leading
# preposition (以茶山村) or a verb phrase jieba kept whole (全面推行村)
_JOINT = re.compile(r"[至到和与及村镇乡]|社区|街道")
_LEADING = re.compile(r"[以在对将把被向从由为]")


def trim_stem(text: str, start: int, stem_end: int) -> int:
    joints = [j.end() for j in _JOINT.finditer(text, start, stem_end) if stem_end - j.end() >= 2]
    if joints:
        start = joints[-1]
    elif _LEADING.match(text, start) and stem_end - start >= 3:
        start += 1
    verb = function_phrase().search(text, start, stem_end)
    while verb and stem_end - verb.end() >= 2:
        start = verb.end()
        verb = function_phrase().search(text, start, stem_end)
    return start


@lru_cache(maxsize=1)
def function_phrase() -> re.Pattern[str]:
    multi = sorted((w for w in words("function_words.txt") if len(w) > 1), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, multi)))

_VERBISH = frozenset({"v", "vn", "vd", "j", "l", "i", "d", "ad", "a"})
_WHOLE = re.compile(r"全街|全镇|全乡|全区|全市|全县|全国|全省|各|辖区")
# 街 alone names a sub-district only when the report also writes it as one (X街道, X街党工委 ...).
_STREET_CONFIRM = ("街道", "街党", "街办", "街纪", "街人大", "街综治")


def _label(suffix: str) -> str:
    if suffix.endswith("湾"):
        return "Village"
    return _LABEL.get(suffix, "Village")


def _street_confirmed(text: str, stem: str) -> bool:
    return text.lstrip().startswith(stem + "街") or any(stem + tail in text for tail in _STREET_CONFIRM)


def is_place_name(name: str, stem: str) -> bool:
    """A stem of two or more characters that does not make a generic word with its suffix."""
    if len(stem) < 2 or "某" in stem or stem[-1] in "村镇乡区一二三四五六七八九十" or _WHOLE.search(stem):
        return False
    if "个" in stem or stem.endswith(("街道", "首个")):
        return False
    if stem in words("generic_place_stems.txt") or (name[-1] in "乡镇" and stem[-1] in "兴下返回还进圩美立之型表强名重古小"):
        return False
    if name in words("generic_places.txt") or stem[-1] in words("place_stem_stops.txt"):
        return False
    generic = words("generic_places.txt")
    return not any(name[-k:] in generic for k in range(2, min(len(name), 5) + 1) if name[:-k] in ("各", "全", "本", "该"))


def _verb_stem(stem: str, starts: list[int], offset: int) -> bool:
    """深化街道, 研究部署街道: a stem holding a verb or an abbreviation is no township name."""
    tags = jieba_tags()
    lo, hi = bisect_left(starts, offset), bisect_left(starts, offset + len(stem))
    cuts = [s - offset for s in starts[lo:hi]] + [len(stem)]
    if not cuts or cuts[0] != 0:
        cuts.insert(0, 0)
    return any(tags.get(stem[a:b]) in _VERBISH for a, b in zip(cuts, cuts[1:], strict=False) if b - a > 1)


@Language.component("govkg_local_places")
def local_places(doc: Doc) -> Doc:
    text = doc_text(doc)
    out = mentions(doc)
    taken: set[tuple[int, int]] = set()
    starts = token_starts(doc)
    for m in _LIST.finditer(text):
        members = m.group(1).split("、")
        suffix = m.group(2)
        label = "Community" if suffix == "社区" else "Village"
        pos = m.start(1)
        for i, member in enumerate(members):
            start, end = pos, pos + len(member)
            if i == 0:
                start = extend_left(doc, end, 4, NON_NAME_TAGS)
                member = text[start:end]
            name = member if member.endswith(suffix) else member + suffix
            if len(member) >= 2 and is_place_name(name, member):
                out.append(Mention(start, end, label, name))
                taken.add((start, end))
            pos += len(m.group(1).split("、")[i]) + 1
    for m in _SUFFIX.finditer(text):
        suffix = m.group()
        label = _label(suffix)
        stem_end = m.start() + 1 if suffix.endswith("湾") and suffix.startswith("家") else m.start()
        if suffix.endswith("湾") and suffix.startswith("家"):
            suffix = suffix[1:]
        start = extend_left(doc, stem_end, 2 if suffix.endswith("湾") else _MAX_STEM[label], NON_NAME_TAGS)
        start = trim_stem(text, start, stem_end)
        stem = text[start:stem_end]
        name = stem + suffix
        if not is_place_name(name, stem) or (start, m.end()) in taken:
            continue
        if suffix == "街" and not _street_confirmed(text, stem):
            continue
        if label == "Subdistrict" and _verb_stem(stem, starts, start):
            continue
        out.append(Mention(start, m.end(), label, name))
    return doc
