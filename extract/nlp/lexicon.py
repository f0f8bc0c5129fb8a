"""Word lists the components share, read once from extract/nlp/data and from jieba's dictionary."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from extract.nlp.jieba_setup import load_jieba, quiet_jieba
from extract.nlp.user_cache import cached

DATA = Path(__file__).with_name("data")

# jieba part-of-speech tags of words that cannot be inside a place name.
NON_NAME_TAGS = frozenset(
    ["v", "vd", "vi", "vn", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "q", "y", "e", "o", "f", "t", "ad", "an", "a", "b", "z", "zg", "l", "i"]
)
# Tags that end a project or company name (verbs may be inside one: 生态治理工程, 旅游开发有限公司).
FUNCTION_TAGS = frozenset(["p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "m", "q", "y", "e", "o", "mq"])


@cache
def words(name: str) -> frozenset[str]:
    """A data file as a set of lines, comments and blanks skipped."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip() for s in lines if s.strip() and not s.startswith("#"))


@cache
def alternation(name: str) -> str:
    """A word list as one regex alternation, longest word first, so the longest word
    at a place wins (党工委 before 党委)."""
    return "|".join(map(re.escape, sorted(words(name), key=len, reverse=True)))


@lru_cache(maxsize=1)
def jieba_tags() -> dict[str, str]:
    """Word -> part-of-speech tag from jieba's own dictionary (parsed once per machine, loaded once per process)."""
    jieba = load_jieba()
    quiet_jieba()

    def parse() -> dict[str, str]:  # as jieba.posseg reads it, without building its tokenizer
        tags: dict[str, str] = {}
        with jieba.get_dict_file() as fh:  # the dictionary jieba itself loads, as bytes
            for raw in fh:
                parts = raw.decode("utf-8").split()
                if len(parts) >= 3:
                    tags[parts[0]] = parts[2]
        return tags

    return cached(f"jieba-tags-{jieba.__version__}", parse)
