"""The learned step: CRFs trained on gold tag Enterprise, Project, Honour and Person spans.

Runs after the rules and before tidy, on the sentences that hold a rule's mention
of a learned label or a trigger word. `merge` joins the model's spans with the
rules' (today rules first for every learned label: the model adds the names no
rule found); a rule mention with exactly the model's span is kept as it is (it
carries the properties later steps read).
"""

from __future__ import annotations

import hashlib
import os
import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

import pycrfsuite
from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text, token_starts
from extract.nlp.components.honours import plausible_title, title_length, two_titles
from extract.nlp.components.projects import kind_of_project
from extract.nlp.lexicon import alternation, words
from extract.nlp.mention import Mention, mentions
from extract.nlp.names import MASK_CHARS
from extract.nlp.tagger.align import spans_of
from extract.nlp.tagger.features import known_sentence_features, sentence_features
from extract.nlp.tagger.layers import LAYER_OF, LAYERS, LEARNED_LABELS, MODEL_DIR, RULES_FIRST, model_path
from extract.nlp.tagger.naming import name_of
from extract.nlp.user_cache import cached
from graph.model import PLACE_LABELS


@lru_cache(maxsize=4)
def _taggers(directory: str) -> dict[str, pycrfsuite.Tagger]:
    taggers = {}
    for layer in LAYERS:
        path = model_path(Path(directory), layer)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no trained tagger model; run `govkg train`")
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        taggers[layer] = tagger
    return taggers


def _model_attributes(tagger: pycrfsuite.Tagger) -> list[str] | None:
    """Every attribute the model knows, read from its dump; None when the dump cannot be read whole."""
    info = tagger.info()
    attributes = list(info.attributes)
    if len(attributes) != int(info.header.get("num_attrs", -1)):
        return None
    return attributes


@lru_cache(maxsize=4)
def known_attributes(directory: str) -> frozenset[str] | None:
    """The attributes any layer's model knows (cached per user, keyed by the models' bytes), or
    None (then the tagger gets every feature). Features outside the set change nothing: CRFsuite
    drops attributes its model does not know."""
    taggers = _taggers(directory)
    digest = hashlib.sha1()
    for layer in LAYERS:
        digest.update(model_path(Path(directory), layer).read_bytes())

    def read() -> list[str] | None:
        known: set[str] = set()
        for tagger in taggers.values():
            attributes = _model_attributes(tagger)
            if attributes is None:
                return None
            known.update(attributes)
        return sorted(known)

    known = cached(f"tagger-attributes-{digest.hexdigest()}", read)
    return None if known is None else frozenset(known)


def tag_spans(
    sentences: list[tuple[int, int]], feats: list[list[list[str]]] | list[list[tuple[bytes, ...]]], directory: str
) -> list[tuple[int, int, str]]:
    """(start, end, label) of every span the models tag, sentence by sentence; each
    sentence's features go to the C++ side once and serve every layer's model."""
    found: list[tuple[int, int, str]] = []
    taggers = list(_taggers(directory).values())
    for (start, _end), sentence in zip(sentences, feats, strict=True):
        items = pycrfsuite.ItemSequence(sentence)
        for tagger in taggers:
            tagger.set(items)
            tags = tagger.tag()
            if tags.count("O") < len(tags):
                found.extend((start + a, start + b, label) for a, b, label in spans_of(tags))
    return found


@lru_cache(maxsize=1)
def _triggers() -> re.Pattern[str]:
    return re.compile(alternation("tagger_triggers.txt"))


def worth_tagging(text: str, sentences: list[tuple[int, int]], rules: list[Mention]) -> list[tuple[int, int]]:
    """The sentences holding a rule's mention of a learned label or a trigger word: about
    half of a report's text, and nearly all of its learned names (see docs/quality.md)."""
    starts = sorted(m.start for m in rules if m.label in LEARNED_LABELS)
    triggers = _triggers()
    keep = []
    for a, b in sentences:
        i = bisect_left(starts, a)
        if (i < len(starts) and starts[i] < b) or triggers.search(text, a, b):
            keep.append((a, b))
    return keep


class Tagger:
    def __init__(self, model_dir: str | None) -> None:
        self.model_dir = str(model_dir or MODEL_DIR)

    def __call__(self, doc: Doc) -> Doc:
        if os.environ.get("GOVKG_TAGGER") == "off":  # the rules alone, to measure what the model adds
            return doc
        text = doc_text(doc)
        rules = mentions(doc)
        sentences = worth_tagging(text, doc._.sentences or [(0, len(text))], rules)
        known = known_attributes(self.model_dir)
        if known is None:
            feats = sentence_features(text, token_starts(doc), sentences)
        else:
            feats = known_sentence_features(text, token_starts(doc), sentences, known)
        spans = tag_spans(sentences, feats, self.model_dir)
        doc._.mentions = merge(rules, spans, text)
        return doc


_OPEN_PUNCT = frozenset("：:，,、；;。")
# a learned project or firm that runs over a clause (某校学生某某在…大赛中)
_NO_NAME = re.compile(r"在.*[中上]$")


# a firm's legal form with next to nothing before it (物流有限公司, 展有限公司): a cut-off name
_QUOTED = re.compile(r"“[^“”]*”?|[^“”]*”")
_CLAUSE_MARK = re.compile(r"[，,。；;！!？?]")
_COUNT_BEFORE = re.compile(r"[\d一二两三四五六七八九十百]+[家个所座处]$")
_BARE_FORM = re.compile(r".{0,3}(?:有限责任公司|股份有限公司|有限公司)|.?(?:公司|合作社|集团)")


def _plausible_firm(name: str, before: str) -> bool:
    """A learned firm that is no cut-off or masked name (宜都市**物流有限公司), no brand of a product
    (青禾牌茶叶) and no kind of firm (第三方公司, 村集体经济合作社)."""
    return not (
        _BARE_FORM.fullmatch(name) or "牌" in name or (before and before in MASK_CHARS)
        or name in words("generic_enterprises.txt") or name.startswith(("第三方", "村集体"))
    )


def _split_joined(spans: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """A learned honour over two titles joined by 和/及 (先进基层自治组织和优秀社区工作者) is two."""
    out = []
    for start, end, label in spans:
        joined = two_titles(text[start:end]) if label == "Honour" else None
        out += [(start, start + joined[0], label), (start + joined[1], end, label)] if joined else [(start, end, label)]
    return out


def merge(
    rules: list[Mention], spans: list[tuple[int, int, str]], text: str, rules_first: frozenset[str] = RULES_FIRST
) -> list[Mention]:
    """The model's spans with the rules'. For labels in `rules_first` a rule mention wins where
    the two overlap, also a rule's name of another label of the same layer (the model adds
    what no rule found);
    for the others a model span replaces the rule mentions of its label that it overlaps."""
    by_span = {(m.start, m.end, m.label): m for m in rules if m.label in LEARNED_LABELS}

    def overlaps(a: int, b: int, label: str, others: list[tuple[int, int, str]]) -> bool:
        return any(s < b and a < e and lab == label for s, e, lab in others)

    # a model span over a rule's name of its own layer (an Honour over a rule's Project) is dropped
    # too: one layer holds no nested names, so the two read the same words differently
    rule_spans = [(m.start, m.end, label) for m in rules if m.label in LAYER_OF for label in LAYERS[LAYER_OF[m.label]]]
    kept = [
        m for m in rules
        if m.label not in LEARNED_LABELS or m.label in rules_first or not overlaps(m.start, m.end, m.label, spans)
    ]
    taken = {(m.start, m.end, m.label) for m in kept}
    places = [(m.start, m.end) for m in rules if m.label in PLACE_LABELS]
    free = [(a, b, label) for a, b, label in spans if not (label in rules_first and overlaps(a, b, label, rule_spans))]
    for start, end, label in _split_joined(free, text):
        if (start, end, label) in taken:
            continue
        if (start, end) in places or sum(start <= a and b <= end for a, b in places) >= 3 or text[start] in _OPEN_PUNCT:
            continue  # 凌云乡 as a firm; a run of places (甲街道乙社区丙街道丁社区); a span from a colon on
        if _CLAUSE_MARK.search(_QUOTED.sub("", text[start:end])):
            continue  # 户有小院，某集团…打造法治广场: a span across clauses names nothing (a quoted name may hold a comma)
        m = by_span.get((start, end, label))
        if m is None:
            if label == "Honour":  # a span run past its title keeps the title (省级生态村|后…)
                end = start + title_length(text[start:end])
                if _COUNT_BEFORE.search(text, max(0, start - 5), start):
                    continue  # 出清38家…企业: firms counted, no title
            name = name_of(text[start:end])
            if len(name) < 2 or (label == "Honour" and not plausible_title(name)) or (label in ("Project", "Enterprise") and _NO_NAME.search(name)):
                continue
            if label == "Project" and kind_of_project(name):
                continue  # 装备制造项目: a kind of project, as the rules read it
            if label == "Enterprise" and not _plausible_firm(name, text[max(0, start - 1) : start]):
                continue
            if label == "Person" and any(c in MASK_CHARS for c in name):
                continue  # 陈*: a masked name, one mask character is enough in a person's
            m = Mention(start, end, label, name, {"learned": True})
        kept.append(m)
    return kept


@Language.factory(
    "govkg_tagger",
    default_config={"model_dir": None},
    requires=["doc._.mentions", "doc._.sentences"],
    assigns=["doc._.mentions"],
)
def make_tagger(nlp: Language, name: str, model_dir: str | None) -> Tagger:
    return Tagger(model_dir)
