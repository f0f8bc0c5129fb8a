"""Which gold trains the tagger: the seeds, the dev excerpts, the team's examples and its
fictional corpus (corpus/fictional, 30 reports written for training).

Paths to ../shared are relative to the repository, as CI lays it out. The blind
check set and the team's held-out corpus are not listed here, and `train.load_examples`
refuses both.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"

TRAINING_SETS: tuple[tuple[Path, Path], ...] = (
    (SHARED / "seeds", SHARED / "gold" / "seeds"),
    (SHARED / "dev", SHARED / "gold" / "dev"),
    (ROOT / "examples", ROOT / "tests" / "gold" / "examples"),
    (ROOT / "corpus" / "fictional", ROOT / "corpus" / "gold"),
)
