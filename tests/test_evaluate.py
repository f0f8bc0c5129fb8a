"""Scoring rules of GUIDELINE.md on tiny hand-made gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.evaluate import (
    Count,
    Scores,
    evaluate,
    format_scores,
    fuzzy_match,
    match,
    score_name,
    score_report,
)
from graph.model import Entity, Graph, Relation, entity_id


def test_names_are_compared_without_quotes_brackets_spaces_and_width() -> None:
    assert score_name("“青石山 景观改造（二期）工程”") == "青石山景观改造二期工程"
    assert score_name("ＡＢ村") == "AB村"


def test_fuzzy_needs_containment_and_sixty_percent() -> None:
    assert fuzzy_match("云帆产业园", "云帆产业园二期")  # 5/7
    assert not fuzzy_match("锦程", "锦程智能装备")  # 2/6
    assert not fuzzy_match("青溪工业园", "青溪工业小区")  # no containment


def test_matching_is_one_to_one() -> None:
    count = match(["青禾项目二期"], ["青禾项目", "青禾项目二"], fuzzy_match)
    assert (count.tp, count.fp, count.fn) == (1, 1, 0)


def test_places_match_exactly_only() -> None:
    count = match(["樟溪街道"], ["樟溪街"], None)
    assert (count.tp, count.fp, count.fn) == (0, 1, 1)


def _graph(entities: list[tuple[str, str]], awarded: list[tuple[str, str]]) -> Graph:
    g = Graph()
    ids = {}
    for label, name in entities:
        e = Entity(entity_id(label, name), label, name)
        g.add_entity(e)
        ids[name] = e.id
    for src, dst in awarded:
        g.add_relation(Relation("AWARDED", ids[src], ids[dst], "r"))
    return g


def test_score_report_counts_labels_and_pairs() -> None:
    gold = {
        "entities": [
            {"label": "Village", "name": "樟木村"},
            {"label": "Honour", "name": "省级美丽乡村示范村"},
            {"label": "Person", "name": "邓春华"},
        ],
        "awarded": [{"recipient": "樟木村", "honour": "省级美丽乡村示范村"}],
    }
    found = _graph(
        [("Village", "樟木村"), ("Honour", "“省级美丽乡村示范村”称号"), ("Organization", "镇党委")],
        [("樟木村", "“省级美丽乡村示范村”称号")],
    )
    scores = Scores()
    score_report(gold, found, scores)
    assert (scores.labels["Village"].tp, scores.labels["Person"].fn) == (1, 1)
    assert scores.labels["Honour"].tp == 1  # 9 of 11 characters, contained
    assert scores.awarded.tp == 1
    micro = scores.micro  # Organization is not a guideline label
    assert (micro.tp, micro.fp, micro.fn) == (2, 0, 1)


def test_count_f1() -> None:
    c = Count(tp=3, fp=1, fn=2)
    assert c.precision == pytest.approx(0.75) and c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_evaluate_pairs_gold_with_reports_by_stem(tmp_path: Path) -> None:
    gold, reports = tmp_path / "gold", tmp_path / "reports"
    gold.mkdir()
    reports.mkdir()
    (reports / "a.txt").write_text("樟溪镇2024年工作总结\n樟木村被评为“省级美丽乡村示范村”。\n", encoding="utf-8")
    (gold / "a.json").write_text(
        json.dumps({"entities": [{"label": "Village", "name": "樟木村"}], "awarded": []}, ensure_ascii=False),
        encoding="utf-8",
    )
    (gold / "missing.json").write_text('{"entities": [], "awarded": []}', encoding="utf-8")
    scores = evaluate(gold, reports)
    assert scores.labels["Village"].tp == 1
    assert scores.missing_reports == ["missing"]
    table = format_scores(scores)
    assert "micro" in table and "AWARDED" in table and "missing" in table


def test_relation_recall_counts_found_and_missed_facts(tmp_path: Path) -> None:
    from extract.evaluate import relation_recall

    (tmp_path / "a.txt").write_text(
        "樟溪镇2024年工作总结\n全年完成地区生产总值12.5亿元，同比增长6.2%。\n", encoding="utf-8"
    )
    expected = {
        "a": {
            "reported": [
                {"place": "樟溪镇", "indicator": "地区生产总值", "value_normalised": 1_250_000_000},
                {"place": "樟溪镇", "indicator": "地区生产总值", "value_normalised": 1},
            ]
        }
    }
    gold = tmp_path / "relations.json"
    gold.write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    counts = relation_recall(gold, tmp_path)
    assert (counts["reported"].tp, counts["reported"].fn) == (1, 1)
