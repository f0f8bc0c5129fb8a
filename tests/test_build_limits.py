"""Each report is extracted in a worker under a time and a memory limit; one over either fails alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.build import extract_all
from govkg.cli import main
from govkg.limits import Limits
from tests.fixtures import hostile_files as hostile

GOOD = "青禾镇2023年工作总结\n2023年，青禾镇樟木村获评省级美丽乡村示范村，全年新建通组公路18公里。\n"


@pytest.fixture()
def reports(tmp_path: Path) -> dict[str, Path]:
    """A text that takes seconds to extract, a zip bomb, and a good report."""
    paths = {"slow": tmp_path / "a-slow.txt", "bomb": tmp_path / "b-bomb.docx", "good": tmp_path / "c-good.txt"}
    paths["slow"].write_bytes(hostile.long_text(600_000))
    paths["bomb"].write_bytes(hostile.zip_bomb_docx(unpacked_mb=300))
    paths["good"].write_text(GOOD, encoding="utf-8")
    return paths


@pytest.mark.parametrize("workers", [1, 2])
def test_a_report_over_the_time_limit_fails_alone(reports, workers):
    sources = [str(reports["slow"]), str(reports["good"]), str(reports["slow"]), str(reports["good"])]
    results = list(extract_all(sources, workers=workers, limits=Limits(seconds=1)))
    assert [r.source for r in results] == sources  # input order, whatever finished first
    assert [r.error for r in results[::2]] == ["took longer than 1 s (time limit; see --time-limit)"] * 2
    assert all(r.graph is not None for r in results[1::2])


def test_a_report_over_the_memory_limit_fails_alone(reports, monkeypatch):
    """A zip bomb let through the unpacked-size check meets the worker's memory limit."""
    monkeypatch.setenv("GOVKG_MAX_UNZIPPED_BYTES", str(1024**3))
    sources = [str(reports["bomb"]), str(reports["good"])]
    results = list(extract_all(sources, workers=1, limits=Limits(memory_mb=256)))
    assert results[0].error == "needs more than 256 MB of memory (memory limit; see --memory-limit)"
    assert results[1].graph is not None and results[1].error is None


def test_build_names_the_report_over_a_limit_and_loads_the_rest(reports, tmp_path):
    data = tmp_path / "data"
    reports["bomb"].unlink()
    result = CliRunner().invoke(
        main,
        ["build", str(tmp_path), "--store", "embedded", "--data-dir", str(data), "--time-limit", "1", "--no-analyze"],
    )
    assert result.exit_code == 1, result.output
    assert f"  failed: {reports['slow']}: took longer than 1 s (time limit; see --time-limit)" in result.output
    assert "reports read: 1 (new 1," in result.output
    stats = CliRunner().invoke(main, ["stats", "--json", "--store", "embedded", "--data-dir", str(data)])
    assert json.loads(stats.stdout)["reports"] == 1


def _names(source: str, graph) -> str:
    return source + ":" + ",".join(sorted(e.name for e in graph.entities.values()))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_render_runs_in_the_workers_and_sends_text_not_graphs(tmp_path: Path, workers: int) -> None:
    good, empty = tmp_path / "a.txt", tmp_path / "b.txt"
    good.write_text(GOOD, encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    results = list(extract_all([str(good), str(empty)], workers=workers, render=_names))
    assert results[0].graph is None and results[0].rendered is not None and "樟木村" in results[0].rendered
    assert results[1].rendered is None and results[1].error  # a failure still comes back as its error
