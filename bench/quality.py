"""Extraction quality on every gold set, one table: the figures docs/quality.md quotes.

Scores `govkg eval`'s way (extract.evaluate, the rules of ../shared/gold/GUIDELINE.md)
with the committed models, and prints F1 per label, micro and AWARDED per set:

- seeds, dev: ../shared (the dev figure flatters: the models were trained on it and
  its errors were read; `govkg train --cv 5` gives the cross-validated one);
- examples: the team's ten demo reports (tests hold a floor under them);
- fictional: corpus/fictional, 30 reports the team wrote for training (its errors were read);
- probes: corpus/probes, 96 reports the team wrote to probe honours and whole reports (errors read, not trained on);
- heldout: corpus/heldout, 16 reports the team wrote and never reads: totals only;
- check: ../shared/check, the blind set: totals only.

For the blind sets only these totals are printed, never a name.

    .venv/bin/python bench/quality.py [--sets seeds,dev,examples,fictional,probes,heldout,check] [--rules-only]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

SETS: dict[str, tuple[Path, Path]] = {  # name -> (gold, reports)
    "seeds": (SHARED / "gold" / "seeds", SHARED / "seeds"),
    "dev": (SHARED / "gold" / "dev", SHARED / "dev"),
    "examples": (ROOT / "tests" / "gold" / "examples", ROOT / "examples"),
    "fictional": (ROOT / "corpus" / "gold", ROOT / "corpus" / "fictional"),
    "probes": (ROOT / "corpus" / "probes-gold", ROOT / "corpus" / "probes"),
    "heldout": (ROOT / "corpus" / "heldout-gold", ROOT / "corpus" / "heldout"),
    "check": (SHARED / "gold" / "check", SHARED / "check"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated, from: " + ", ".join(SETS))
    parser.add_argument("--rules-only", action="store_true", help="without the trained tagger (GOVKG_TAGGER=off)")
    args = parser.parse_args()
    if args.rules_only:
        os.environ["GOVKG_TAGGER"] = "off"
    from extract.evaluate import GUIDELINE_LABELS, evaluate

    names = [s for s in args.sets.split(",") if s]
    unknown = set(names) - set(SETS)
    if unknown:
        raise SystemExit(f"unknown set(s): {', '.join(sorted(unknown))}")
    rows: dict[str, list[str]] = {}
    for name in names:
        gold, reports = SETS[name]
        if not gold.is_dir() or not reports.is_dir():
            print(f"{name}: skipped, {gold} or {reports} is missing", file=sys.stderr)
            continue
        scores = evaluate(gold, reports)  # totals only below, for every set alike
        cells = [f"{scores.labels[label].f1:.3f}" if label in scores.labels else "-" for label in GUIDELINE_LABELS]
        micro = scores.micro
        rows[name] = [f"{micro.f1:.3f}", f"{micro.precision:.3f}", f"{micro.recall:.3f}", f"{scores.awarded.f1:.3f}", *cells]
    header = ["set", "micro", "P", "R", "AWARDED", *GUIDELINE_LABELS]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, cells in rows.items():
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
