"""`govkg extract` as a real process: it ends without tearing its tables down (os._exit),
so its output must be complete and its exit status right before it goes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_real_extract_process_writes_everything_and_its_status(tmp_path: Path, workers: str) -> None:
    reports = sorted(EXAMPLES.glob("*.txt"))[:2]
    for report in reports:
        shutil.copy(report, tmp_path / report.name)
    (tmp_path / "zz-short.txt").write_text("x", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    code = "import sys; from govkg.cli import main; sys.argv[0] = 'govkg'; main()"
    done = subprocess.run(
        [sys.executable, "-c", code, "extract", str(tmp_path), "--workers", workers],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1  # one report failed
    assert [Path(r["source"]).name for r in lines] == [*(r.name for r in reports), "zz-short.txt"]
    assert all(r["entities"] for r in lines[:-1]) and "too short" in lines[-1]["error"]
    assert "zz-short.txt: too short" in done.stderr
