"""Score extraction against gold files, by the rules at the end of GUIDELINE.md.

Per label: precision, recall and F1 over (label, name) sets per report, summed
over reports. Names are compared after removing quotes, brackets and spaces and
folding full width. Places and Person match exactly; Enterprise, Project and
Honour also match when one name contains the other and the shorter is at least
60% of the longer, one gold name to one extracted name. AWARDED pairs are scored
the same way with both sides matching.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.read import SUFFIXES
from graph.labels import REGISTRY
from graph.model import Graph

# The labels the gold guideline annotates (not Organization, Initiative, Indicator), in the
# tables' column order, and those whose names also match fuzzily: `gold` in graph/labels.toml.
GUIDELINE_LABELS: tuple[str, ...] = REGISTRY.gold_labels
FUZZY_LABELS: frozenset[str] = REGISTRY.fuzzy_labels
FUZZY_RATIO = 0.6
_DROP = dict.fromkeys(map(ord, " \u3000\t\r\n“”\"'‘’《》「」『』〈〉()[]{}【】〔〕<>"))


def score_name(name: str) -> str:
    """The form names are compared in: width folded, quotes, brackets and spaces gone."""
    return unicodedata.normalize("NFKC", name).translate(_DROP)


def fuzzy_match(a: str, b: str) -> bool:
    """One name contains the other and the shorter is at least 60% of the longer."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return bool(short) and short in long_ and len(short) >= FUZZY_RATIO * len(long_)


@dataclass
class Count:
    """True positives, false positives and false negatives of one label (or of pairs)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Count) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class ReportScore:
    """What was missed and what was extracted wrongly in one report (for error analysis)."""

    name: str
    missed: list[tuple[str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Scores:
    labels: dict[str, Count] = field(default_factory=dict)
    awarded: Count = field(default_factory=Count)
    reports: list[ReportScore] = field(default_factory=list)
    missing_reports: list[str] = field(default_factory=list)

    @classmethod
    def empty(cls) -> Scores:
        """Scores with a zero count for every guideline label."""
        return cls(labels={label: Count() for label in GUIDELINE_LABELS})

    @property
    def micro(self) -> Count:
        total = Count()
        for label in GUIDELINE_LABELS:
            total.add(self.labels.get(label, Count()))
        return total


def match(gold: Iterable[str], found: Iterable[str], fuzzy: Callable[[str, str], bool] | None) -> Count:
    """One-to-one matching of two name sets: exact pairs first, then fuzzy ones, closest first."""
    g = {score_name(n) for n in gold} - {""}
    f = {score_name(n) for n in found} - {""}
    exact = g & f
    g_left, f_left = sorted(g - exact), sorted(f - exact)
    tp = len(exact)
    if fuzzy is not None and g_left and f_left:
        pairs = sorted(
            ((min(len(a), len(b)) / max(len(a), len(b)), a, b) for a in g_left for b in f_left if fuzzy(a, b)),
            reverse=True,
        )
        used_g: set[str] = set()
        used_f: set[str] = set()
        for _, a, b in pairs:
            if a not in used_g and b not in used_f:
                used_g.add(a)
                used_f.add(b)
        tp += len(used_g)
        g_left = [a for a in g_left if a not in used_g]
        f_left = [b for b in f_left if b not in used_f]
    return Count(tp=tp, fp=len(f_left), fn=len(g_left))


def _pair_fuzzy(a: str, b: str) -> bool:
    ra, ha = a.split("\x1f")
    rb, hb = b.split("\x1f")
    return (ra == rb or fuzzy_match(ra, rb)) and (ha == hb or fuzzy_match(ha, hb))


def score_report(gold: dict, graph: Graph, scores: Scores, name: str = "") -> None:
    """Add one report's counts to `scores`."""
    detail = ReportScore(name)
    for label in GUIDELINE_LABELS:
        g = [e["name"] for e in gold.get("entities", ()) if e["label"] == label]
        f = [e.name for e in graph.entities.values() if e.label == label]
        count = match(g, f, fuzzy_match if label in FUZZY_LABELS else None)
        scores.labels.setdefault(label, Count()).add(count)
        gs, fs = {score_name(n) for n in g}, {score_name(n) for n in f}
        detail.missed += [(label, n) for n in sorted(gs - fs)]
        detail.spurious += [(label, n) for n in sorted(fs - gs)]
    gold_pairs = [
        score_name(a["recipient"]) + "\x1f" + score_name(a["honour"]) for a in gold.get("awarded", ())
    ]
    found_pairs = []
    for rel in graph.relations.values():
        if rel.type != "AWARDED":
            continue
        src, dst = graph.entities.get(rel.source), graph.entities.get(rel.target)
        if src is not None and dst is not None:
            found_pairs.append(score_name(src.name) + "\x1f" + score_name(dst.name))
    scores.awarded.add(match(gold_pairs, found_pairs, _pair_fuzzy))
    gp, fp = set(gold_pairs), set(found_pairs)
    detail.missed += [("AWARDED", p.replace("\x1f", " -> ")) for p in sorted(gp - fp)]
    detail.spurious += [("AWARDED", p.replace("\x1f", " -> ")) for p in sorted(fp - gp)]
    scores.reports.append(detail)


def find_report(reports_dir: Path, stem: str) -> Path | None:
    for suffix in SUFFIXES:
        candidate = reports_dir / f"{stem}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def gold_reports(gold_dir: str | Path, reports_dir: str | Path) -> Iterator[tuple[str, dict, Path | None]]:
    """(stem, gold, report file or None) for every per-report gold file, in name order;
    other JSON files beside them (a relations list) are skipped."""
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if isinstance(gold, dict) and "entities" in gold:
            yield gold_path.stem, gold, find_report(Path(reports_dir), gold_path.stem)


def evaluate(gold_dir: str | Path, reports_dir: str | Path) -> Scores:
    """Extract every report that has a gold file and score it."""
    from extract.api import extract_path

    scores = Scores.empty()
    for stem, gold, report in gold_reports(gold_dir, reports_dir):
        if report is None:
            scores.missing_reports.append(stem)
            continue
        score_report(gold, extract_path(str(report)), scores, stem)
    return scores


def format_scores(scores: Scores) -> str:
    """A table of P/R/F1 per label, the micro average and the AWARDED pairs."""
    lines = [f"{'label':<12} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}"]

    def row(name: str, c: Count) -> str:
        return f"{name:<12} {c.tp:>4} {c.fp:>4} {c.fn:>4} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}"

    for label in GUIDELINE_LABELS:
        lines.append(row(label, scores.labels.get(label, Count())))
    lines.append(row("micro", scores.micro))
    lines.append(row("AWARDED", scores.awarded))
    if scores.missing_reports:
        lines.append("no report file for: " + ", ".join(scores.missing_reports))
    return "\n".join(lines)


def _relation_found(kind: str, row: dict, facts: list[tuple[str, str, str, dict]]) -> bool:
    """Whether one expected fact of relations.json is among the extracted (type, source, target, props)."""

    def same(a: str, b: str) -> bool:
        a, b = score_name(a), score_name(b)
        return a == b or fuzzy_match(a, b)

    def close(a: object, b: float) -> bool:
        return isinstance(a, int | float) and abs(a - b) <= 1e-6 * max(1.0, abs(b))

    for type_, src, dst, props in facts:
        if kind == "introduced" and type_ == "INTRODUCED":
            ok = same(src, row["subdistrict"]) and same(dst, row["enterprise"]) and close(props.get("amount_yuan"), row["amount_yuan"])
        elif kind == "invests_in" and type_ == "INVESTS_IN":
            ok = same(src, row["enterprise"]) and same(dst, row["project"])
        elif kind == "reported" and type_ == "REPORTED":
            ok = same(src, row["place"]) and same(dst, row["indicator"]) and close(props.get("value_normalised"), row["value_normalised"])
        elif kind.startswith("carries_out") and type_ == "CARRIES_OUT":
            ok = same(dst, row["project"]) and props.get("status") == row.get("status", "planned")
        else:
            ok = False
        if ok:
            return True
    return False


def relation_recall(relations_json: str | Path, reports_dir: str | Path) -> dict[str, Count]:
    """Recall of the key facts listed per report stem in a relations.json (tests/gold/examples)."""
    from extract.api import extract_path

    expected = json.loads(Path(relations_json).read_text(encoding="utf-8"))
    counts: dict[str, Count] = {}
    for stem, kinds in sorted(expected.items()):
        report = find_report(Path(reports_dir), stem)
        graph = extract_path(str(report)) if report is not None else Graph()
        names = {e.id: e.name for e in graph.entities.values()}
        facts = [(r.type, names.get(r.source, ""), names.get(r.target, ""), r.properties) for r in graph.relations.values()]
        for kind, rows in kinds.items():
            count = counts.setdefault(kind, Count())
            for row in rows:
                if _relation_found(kind, row, facts):
                    count.tp += 1
                else:
                    count.fn += 1
    return counts
