"""Quality floor on the fictional example reports and their gold (tests/gold/examples).

The floors sit a little under what was measured when they were set (see
docs/quality.md), so a change that loses quality fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.evaluate import Scores, evaluate

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "examples"
EXAMPLES = ROOT / "examples"

MICRO_F1_FLOOR = 0.93  # measured 0.970 on 10 examples (2026-11-23 17:53; 0.943 at 17:19)
AWARDED_F1_FLOOR = 0.95  # measured 0.992
LABEL_F1_FLOOR = {
    "Village": 0.93,  # 0.987
    "Community": 0.95,  # 1.000
    "Enterprise": 0.92,  # 0.975
    "Project": 0.90,  # 0.938
    "Honour": 0.95,  # 0.992
    "Person": 0.95,  # 1.000
}

pytestmark = pytest.mark.skipif(not any(GOLD.glob("*.json")), reason="no example gold yet")


@pytest.fixture(scope="module")
def scores() -> Scores:
    return evaluate(GOLD, EXAMPLES)


def test_every_gold_file_has_its_report(scores: Scores) -> None:
    assert scores.missing_reports == []


def test_micro_f1_floor(scores: Scores) -> None:
    assert scores.micro.f1 >= MICRO_F1_FLOOR


def test_awarded_f1_floor(scores: Scores) -> None:
    assert scores.awarded.f1 >= AWARDED_F1_FLOOR


@pytest.mark.parametrize("label", sorted(LABEL_F1_FLOOR))
def test_label_f1_floor(scores: Scores, label: str) -> None:
    assert scores.labels[label].f1 >= LABEL_F1_FLOOR[label]
