"""Shared checks for organisation-like names found by suffix (companies, projects)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache

from extract.nlp.lexicon import alternation, jieba_tags, words

# a masked unit (xx社区) or mask before a name is dropped; a mask glued to a one-character
# landform (xx岭采石场复绿项目, xx湖堤) is a masked place, so the whole name is masked
# The one definition of a masked name (the publisher hid it): a run of two mask characters, or 某.
MASK_CHARS = "XxＸｘ×*＊○□"
MASK = re.compile(f"[{MASK_CHARS}]{{2,}}|某")
_MASKED_UNIT = f"村|社区|{alternation('township_suffixes.txt')}|区|县|市"  # xx村, xx街道, xx县 ...
_MASKED_HEAD = re.compile(
    f"^(?:[^，。；]*?[{MASK_CHARS}]{{2,}}(?:{_MASKED_UNIT})|[{MASK_CHARS}]+(?![{MASK_CHARS}]|[山湖河圩江岭桥港湾塘坝洲岛垸畈冲坪]))"
)


def strip_mask(name: str) -> tuple[str, int]:
    """Drop a masked head (XXX远舟… -> 远舟…, xx社区远舟云地块 -> 远舟云地块); returns the
    name and how many chars went."""
    m = _MASKED_HEAD.match(name)
    return (name[m.end() :], m.end()) if m else (name, 0)


def is_masked(name: str) -> bool:
    """XX街道, xx社区, 某乡, 青XX公司, a lone X: a name the publisher hid is no entity."""
    return bool(MASK.search(name)) or (bool(name) and set(name) <= set(MASK_CHARS))


def has_proper_part(stem: str, starts: list[int], offset: int, first_only: bool = False) -> bool:
    """True when the stem holds a word jieba does not know or tags as a name (ns/nr/nz);
    with `first_only`, when it starts with one (青石坪党群服务中心, not 新时代文明实践中心)."""
    tags = jieba_tags()
    bodies = words("bodies.txt")
    lo, hi = bisect_left(starts, offset), bisect_left(starts, offset + len(stem))
    bounds = [s - offset for s in starts[lo:hi]] + [len(stem)]
    if not bounds or bounds[0] != 0:
        bounds.insert(0, 0)
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = stem[a:b]
        if len(piece) > 1 and piece not in bodies and tags.get(piece, "x") in ("x", "ns", "nr", "nz", "nrt", "nt"):
            return True
        if first_only and len(piece) > 1:
            return False
    return False


@lru_cache(maxsize=1)
def _inner_phrase() -> re.Pattern[str]:
    inner = words("construction_verbs.txt") | words("project_categories.txt")
    multi = sorted((w for w in words("function_words.txt") if len(w) > 1 and w not in inner), key=len, reverse=True)
    return re.compile("[获被把对在以]|" + "|".join(map(re.escape, multi)))


def cut_inner(text: str, start: int, head: int) -> int:
    """Start after the last function phrase jieba kept inside a word (积极争取…项目, 选优配强…公司)."""
    found = _inner_phrase().search(text, start, head)
    while found and head - found.end() >= 2:
        start = found.end()
        found = _inner_phrase().search(text, start, head)
    return start


# words that end a company's short name (远舟光电, 青禾物流): data/trade_words.txt
TRADE_WORD = re.compile(f"(?:{alternation('trade_words.txt')})")
TRADE = re.compile(f"(?:{alternation('trade_words.txt')})$")


@cache
def longest_first(name: str) -> tuple[str, ...]:
    """A word list as a tuple, longest word first (so 街道 is tried before 街)."""
    return tuple(sorted(words(name), key=lambda w: (-len(w), w)))


def township_suffix(name: str) -> str:
    """The township suffix a name ends with (data/township_suffixes.txt: 街道, 镇, 乡, 街, 农场),
    the longest one (青石街道 -> 街道, not 街); "" when it ends with none."""
    return next((s for s in longest_first("township_suffixes.txt") if name.endswith(s)), "")


def strip_township(name: str) -> str:
    """The name without its township suffix (青石街道 -> 青石, 云岭乡 -> 云岭)."""
    suffix = township_suffix(name)
    return name[: -len(suffix)] if suffix else name


_REGION_TAIL = re.compile(r"\([^)]*\)$")


def legal_form(name: str) -> str:
    """The legal form a company name ends with (data/company_legal_forms.txt), the longest one."""
    return next((s for s in longest_first("company_legal_forms.txt") if name.endswith(s)), "")


def company_core(name: str) -> str:
    """The distinctive part of a company name, the one people shorten it to: no legal form
    behind (data/company_legal_forms.txt), no bracketed note, no region ahead: the longest
    division name opening it, again and again while two characters stay (梅州市远舟光电科技有限公司
    -> 远舟光电科技, 梅州市 not 梅州)."""
    from extract.nlp.components.admin_places import place_names  # it imports this module

    form = legal_form(name)
    body = _REGION_TAIL.sub("", name[: len(name) - len(form)])
    places = place_names()
    size = places.opening(body)
    while 0 < size < len(body) - 1:
        body = body[size:]
        size = places.opening(body)
    return body
