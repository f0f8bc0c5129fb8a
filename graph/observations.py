"""Recall and precision of indicator observations (place, indicator, year, value) against gold.

Gold: tests/gold/examples/observations.json, per report stem a list of observations.
An extracted REPORTED fact matches a gold row when place and year are equal, the values
agree (relative 1e-6) and the indicator names agree: equal controlled names, or one name
(controlled or as written) containing the other (产值 in 油茶产值). Each gold row is matched
at most once. Only the gold's reports are scored.

    python -m graph.observations [gold.json] [reports_dir]
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.evaluate import Count
from graph.model import Graph


@dataclass
class ObservationScore(Count):
    """Counts (precision, recall, F1 as for entities) and what was missed or added."""

    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)


def observations(graph: Graph) -> list[dict[str, Any]]:
    """The REPORTED facts of a graph as flat observations."""
    out = []
    for rel in graph.relations.values():
        if rel.type != "REPORTED":
            continue
        p = rel.properties
        place = graph.entities[rel.source].name if rel.source in graph.entities else rel.source
        target = graph.entities[rel.target].name if rel.target in graph.entities else rel.target
        out.append({
            "place": place, "indicator": p.get("indicator") or target, "indicator_text": p.get("indicator_text") or target,
            "year": p.get("year"), "kind": p.get("kind"), "value_normalised": p.get("value_normalised"),
            "evidence": rel.evidence[0].sentence if rel.evidence else "",
        })
    return out


def _names_agree(gold: str, got: dict[str, Any]) -> bool:
    names = {str(got["indicator"]), str(got["indicator_text"])}
    return any(gold == n or (len(n) >= 2 and (n in gold or gold in n)) for n in names)


def _values_agree(a: Any, b: Any) -> bool:
    return isinstance(a, int | float) and isinstance(b, int | float) and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def score(gold_rows: list[dict[str, Any]], found: list[dict[str, Any]], into: ObservationScore) -> ObservationScore:
    unmatched = list(found)
    for row in gold_rows:
        hit = next(
            (
                o for o in unmatched
                if o["place"] == row["place"] and o["year"] == row["year"]
                and _values_agree(o["value_normalised"], row["value_normalised"]) and _names_agree(row["indicator"], o)
            ),
            None,
        )
        if hit is None:
            into.fn += 1
            into.misses.append(row)
        else:
            into.tp += 1
            unmatched.remove(hit)
    into.fp += len(unmatched)
    into.extras.extend(unmatched)
    return into


def evaluate(gold_path: Path, reports_dir: Path) -> ObservationScore:
    from extract.api import extract_path
    from extract.evaluate import find_report

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result = ObservationScore()
    for stem, rows in sorted(gold.items()):
        if stem.startswith("_"):
            continue
        report = find_report(reports_dir, stem)
        graph = extract_path(str(report)) if report is not None else Graph()
        score(rows, observations(graph), result)
    return result


def main(argv: list[str]) -> None:
    root = Path(__file__).resolve().parents[1]
    gold = Path(argv[0]) if argv else root / "tests" / "gold" / "examples" / "observations.json"
    reports = Path(argv[1]) if len(argv) > 1 else root / "examples"
    result = evaluate(gold, reports)
    print(f"observations: tp {result.tp} fp {result.fp} fn {result.fn} "
          f"precision {result.precision:.3f} recall {result.recall:.3f}")
    for row in result.misses:
        print("  missed:", row["place"], row["indicator"], row["year"], row["value_normalised"])
    for row in result.extras:
        print("  extra: ", row["place"], row["indicator_text"], row["year"], row["value_normalised"], "|", row["evidence"][:60])


if __name__ == "__main__":
    main(sys.argv[1:])
