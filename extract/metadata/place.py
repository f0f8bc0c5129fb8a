"""The report's own township (街道/镇/乡/街): from the title, the signature, or the body."""

from __future__ import annotations

import re
from collections import Counter

from extract.metadata.divisions import strip_divisions
from extract.nlp import names
from extract.nlp.gazetteer import gazetteer
from extract.nlp.lexicon import alternation, words

# Masked names in published reports: XX街道, xx镇, 某街道, ＊＊乡.
MASK_CHARS = names.MASK_CHARS + "某"  # 某 stands alone as a masked stem (某乡)
_NAME_CHAR = f"[\u4e00-\u9fff{MASK_CHARS}]"
# a township's suffix (data/township_suffixes.txt), or its office written as the place (青石街道办事处)
_PLACE_SUFFIXES = ("街道办事处", "街道办", *names.longest_first("township_suffixes.txt"))
_BODIES = alternation("township_bodies.txt")  # 党委, 人民政府, 办事处 ...
# After a place in a title: the year, the kind of report or the body that wrote it.
_AFTER_TITLE_PLACE = re.compile(
    rf"(?:{_BODIES}|工作|关于|上半年|下半年|全年|年度|二〇|〇|20\d\d|\d|[（(\s]|$)"
)
# The bodies a township writes as: "青溪镇党委", "青石街道办事处", "云岭乡人民政府".
_ORGAN = re.compile(
    rf"({_NAME_CHAR}{{2,5}}?)(街道办事处|街道党工委|街道工委|街道办|街道|镇|乡)"
    rf"(?={_BODIES})"
)
_TOWNS = alternation("township_suffixes.txt")
_LEVEL = re.compile("全[国省市县区]")
_NOT_IN_NAME = frozenset("省市区县的在和与是为对全我本年月日")  # 2013年某镇: words around a name, not in it
_NOT_IN_BASE = _NOT_IN_NAME - frozenset("省市区县")  # 是我乡 (but 柳市镇 is a name)
_SELF_REFERENCE = re.compile(f"(?:全|我|本)({_TOWNS})")
_GENERIC_PLACE = re.compile(
    rf"({_NAME_CHAR}{{2,4}}?)({_TOWNS})(?![道村镇区巷头面边景路贤土亲愁情里间邻民俗风])"
)


def is_masked(name: str) -> bool:
    """XX街道, xx镇, 某乡: the publisher hid the name."""
    stem = name
    for suffix in _PLACE_SUFFIXES:
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return not stem or names.is_masked(stem)


def place_in_title(title: str) -> str:
    """The township a title starts with (after any province/city/district), e.g. "青溪镇"."""
    rest = strip_divisions(title)
    for length in range(1, 9):
        head = rest[:length]
        if not re.fullmatch(f"{_NAME_CHAR}+", head):
            break
        for suffix in _PLACE_SUFFIXES:
            if rest.startswith(suffix, length) and _AFTER_TITLE_PLACE.match(rest, length + len(suffix)):
                # 创建国家卫生乡镇工作汇报, 示范镇…: a title about a kind of town names none
                return head + suffix if names.is_masked(head) or _named(head + suffix) else ""
    return ""


def _named(name: str) -> bool:
    """A township's name, not a kind of town the text speaks of (示范镇, 创建国家卫生乡镇): in the
    division table (王村乡, 竹里畲族乡), or a stem of at most five characters that is no
    generic word (data/generic_place_stems.txt, generic_places.txt)."""
    if name in gazetteer().towns:
        return True
    suffix = next((s for s in _PLACE_SUFFIXES if name.endswith(s)), "")
    stem = name[: len(name) - len(suffix)]
    return (
        2 <= len(stem) <= 5 and stem[-1] not in "村镇乡区省市县"  # 文明村镇: a village word, no town
        and stem not in words("generic_place_stems.txt") and name not in words("generic_places.txt")
    )


def place_in_signature(lines: list[str]) -> str:
    """The township that signs the report ("浏阳市青溪镇人民政府", "中共云岭乡委员会")."""
    for line in reversed(lines):
        if len(line) > 40:
            continue
        for part in line.split():
            match = _ORGAN.match(strip_divisions(part))
            if match:
                return match.group(1) + match.group(2)
    return ""


def _extend_left(text: str, hits: list[tuple[int, str]]) -> Counter[str]:
    """Count each name at the length its occurrences agree on.

    Every hit is (start of the suffix, suffix). The name is grown leftwards one
    character at a time while at least three quarters of the hits still agree, so
    "…在溪岚镇…溪岚镇…" yields 溪岚镇 rather than 岚镇 or 在溪岚镇.
    """
    groups: dict[str, list[int]] = {}
    for start, suffix in hits:
        if start >= 2 and re.fullmatch(f"{_NAME_CHAR}{{2}}", text[start - 2 : start]) and not set(text[start - 2 : start]) & _NOT_IN_BASE:
            groups.setdefault(text[start - 2 : start] + suffix, []).append(start)
    counts: Counter[str] = Counter()
    for base, starts in groups.items():
        suffix = base[2:]
        length = 2
        while length < 5:
            prefix = Counter(text[s - length - 1] if s - length - 1 >= 0 else "" for s in starts)
            char, agree = prefix.most_common(1)[0]
            if not char or agree < 0.75 * len(starts) or not re.match(_NAME_CHAR, char) or char in _NOT_IN_NAME:
                break
            starts = [s for s in starts if s - length - 1 >= 0 and text[s - length - 1] == char]
            length += 1
        name = text[starts[0] - length : starts[0]] + suffix
        if _LEVEL.match(text, starts[0] - length - 1):
            continue  # 全国千强镇, 全省百强镇: a rank of towns, no town

        counts[name] += len(starts)
    return counts


def _most_named(text: str, counts: Counter[str]) -> str:
    """The candidate the whole text names most often (at least twice); organ hits weigh more."""
    scored = [(3 * hits + text.count(name), name) for name, hits in counts.items() if text.count(name) >= 2]
    return max(scored)[1] if scored else ""


def place_in_body(text: str) -> str:
    """The township the body speaks for: its organs' names, else its most named township of the self-referred kind."""
    organ_hits = [(m.start(2), m.group(2)) for m in _ORGAN.finditer(text)]
    found = _most_named(text, _extend_left(text, organ_hits))
    if found:
        return _fullest(found)
    kinds = Counter(m.group(1) for m in _SELF_REFERENCE.finditer(text))
    if not kinds:
        return ""
    own = kinds.most_common(1)[0][0]
    wanted = ("街道", "街") if own in ("街道", "街") else (own,)
    hits = [(m.start(2), m.group(2)) for m in _GENERIC_PLACE.finditer(text) if m.group(2) in wanted]
    return _most_named(text, _extend_left(text, hits))


def _fullest(name: str) -> str:
    """"青石街道办事处" → "青石街道": the place, not its office."""
    for office in ("办事处", "党工委", "工委", "办"):
        if name.endswith("街道" + office):
            return name[: -len(office)]
    return name


def find_place(title: str, text: str) -> str:
    """The report's own township: title, then signature, then body; "" when masked or unknown."""
    lines = text.split("\n")
    name = place_in_title(title) if title else ""
    if not name and title and re.match(f"^(?:关于)?[{MASK_CHARS}]{{2,}}", title):
        return ""
    name = name or place_in_signature(lines[-5:]) or place_in_body(text)
    return "" if not name or is_masked(name) or not _named(name) else table_edge(_fullest(name))


def table_edge(name: str) -> str:
    """上半年永兴镇 -> 永兴镇: where the division table knows a name ending the found one and
    not the found one itself, the table's name (the words before it were not part of it)."""
    towns = gazetteer().towns
    if name in towns:
        return name
    # one character before a known name is its own (三江口街道 is not 江口街道 and a 三)
    return next((name[i:] for i in range(2, len(name) - 2) if name[i:] in towns), name)
