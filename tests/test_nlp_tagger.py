"""The trained tagger: its committed models load and tag, its training data, alignment and merging."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.nlp.components.tagger import merge
from extract.nlp.mention import Mention
from extract.nlp.pipeline import annotate, build_nlp
from extract.nlp.tagger.align import bio_labels, spans_of
from extract.nlp.tagger.corpus import TRAINING_SETS
from extract.nlp.tagger.layers import LAYERS, MODEL_DIR, model_path
from extract.nlp.tagger.train import load_examples


def test_committed_models_load_and_tag_a_fictional_sentence() -> None:
    for layer in LAYERS:
        assert model_path(MODEL_DIR, layer).stat().st_size > 10_000
    doc = annotate(build_nlp(), "2024年，青溪镇引进远舟光电有限公司，投资5亿元建设远舟光电产业园项目，荣获“省级乡村振兴示范镇”称号。")
    found = {(m.label, m.name) for m in doc._.mentions}
    assert ("Enterprise", "远舟光电有限公司") in found
    assert ("Project", "远舟光电产业园项目") in found
    assert ("Honour", "省级乡村振兴示范镇") in found
    assert any(m.properties.get("learned") is None for m in doc._.mentions)


def test_training_data_excludes_the_check_set() -> None:
    trained_on = (MODEL_DIR / "TRAINED_ON.txt").read_text(encoding="utf-8").split()
    assert trained_on and all(name.split("/")[0] in {"seeds", "dev", "examples", "fictional"} for name in trained_on)
    # Only the folder names count: the clone itself may live under a path that says "check".
    assert all(p.name != "check" for pair in TRAINING_SETS for p in pair)
    assert {reports.name for reports, _ in TRAINING_SETS} == {"seeds", "dev", "examples", "fictional"}


@pytest.mark.parametrize("blind", ["check", "heldout"])
def test_blind_test_sets_are_refused_for_training(tmp_path: Path, blind: str) -> None:
    (tmp_path / blind).mkdir()
    with pytest.raises(ValueError, match="blind test set"):
        load_examples([(tmp_path / blind, tmp_path / "gold")])


def test_gold_names_become_character_labels_wherever_written() -> None:
    text = "引进“远舟光电”，远舟光电产业园项目开工。"
    tags = bio_labels(text, [("Enterprise", "远舟光电"), ("Project", "远舟光电产业园项目")])
    spans = [(text[a:b], label) for a, b, label in spans_of(tags)]
    assert spans == [("远舟光电", "Enterprise"), ("远舟光电产业园项目", "Project")]  # the longer name wins its overlap


def test_model_spans_replace_or_add_to_the_rules_by_label() -> None:
    text = "鼓励远舟食品公司获评省级龙头企业，青禾光电入驻"
    rules = [Mention(0, 8, "Enterprise", "鼓励远舟食品公司"), Mention(10, 16, "Honour", "省级龙头企业")]
    spans = [(2, 8, "Enterprise"), (9, 16, "Honour"), (17, 21, "Enterprise")]
    merged = {(m.label, m.name) for m in merge(rules, spans, text, rules_first=frozenset({"Honour"}))}
    assert merged == {("Enterprise", "远舟食品公司"), ("Honour", "省级龙头企业"), ("Enterprise", "青禾光电")}
    union = {(m.label, m.name) for m in merge(rules, spans, text, rules_first=frozenset({"Honour", "Enterprise"}))}
    assert union == {("Enterprise", "鼓励远舟食品公司"), ("Honour", "省级龙头企业"), ("Enterprise", "青禾光电")}


def test_a_model_span_over_a_rule_name_of_another_label_is_dropped() -> None:
    text = "建设成为省级育种示范区和樟溪水稻良种繁育基地"
    rules = [Mention(12, 22, "Project", "樟溪水稻良种繁育基地")]
    merged = {(m.label, m.name) for m in merge(rules, [(4, 22, "Honour")], text, rules_first=frozenset({"Honour", "Project"}))}
    assert merged == {("Project", "樟溪水稻良种繁育基地")}


def test_a_learned_project_that_runs_over_a_contest_clause_is_dropped() -> None:
    from extract.nlp.components.tagger import merge

    text = "云台乡中心学校学生王子涵在第38届全国青少年科技创新大赛中荣获一等奖"
    kept = merge([], [(0, 29, "Project")], text)
    assert kept == []


def test_learned_firms_that_are_cut_off_masked_or_a_brand_are_dropped() -> None:
    from extract.nlp.components.tagger import merge

    text = "宜都市**物流有限公司、青禾牌茶叶、第三方公司、中石集团"
    spans = [(5, 11, "Enterprise"), (12, 17, "Enterprise"), (18, 23, "Enterprise"), (24, 28, "Enterprise")]
    assert [m.name for m in merge([], spans, text)] == ["中石集团"]
