"""The pipeline as spaCy sees it: declared requirements met, mentions as Spans."""

from __future__ import annotations

import jieba

from extract.nlp.jieba_setup import cache_dir
from extract.nlp.pipeline import annotate, build_nlp


def test_every_component_declares_what_it_needs_and_gets_it() -> None:
    analysis = build_nlp().analyze_pipes(pretty=False)
    assert all(not problems for problems in analysis["problems"].values())
    assert "doc._.mentions" in analysis["summary"]["govkg_tagger"]["assigns"]


def test_final_mentions_are_spans_in_doc_spans() -> None:
    doc = annotate(build_nlp(), "青溪镇引进远舟光电有限公司，建设远舟光电产业园项目。")
    spans = {(s.text, s.label_) for s in doc.spans["mentions"]}
    assert {("青溪镇", "Subdistrict"), ("远舟光电有限公司", "Enterprise"), ("远舟光电产业园项目", "Project")} <= spans
    assert len(doc.spans["mentions"]) == len(doc._.mentions)


def test_jieba_gets_the_prefix_table_it_would_load_itself() -> None:
    """The pipeline hands jieba its default dictionary from our JSON cache; jieba's own
    loading must give the very same table."""
    build_nlp()
    assert jieba.dt.initialized
    own = jieba.Tokenizer()
    own.tmp_dir = cache_dir()
    own.initialize()
    assert own.FREQ == jieba.dt.FREQ and own.total == jieba.dt.total
