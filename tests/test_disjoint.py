"""graph.store.disjoint: parallel where keys are disjoint, one by one in order where they are not."""

from __future__ import annotations

import threading
import time

import pytest

from graph.store.disjoint import Job, run_disjoint


class Recorder:
    """A job body that records which jobs ran at the same time."""

    def __init__(self, jobs: list[Job[str]], hold: float = 0.05) -> None:
        self.keys = {job.item: job.keys for job in jobs}
        self.hold = hold
        self.lock = threading.Lock()
        self.running: set[str] = set()
        self.overlaps: list[tuple[str, str]] = []
        self.started: list[str] = []

    def __call__(self, item: str) -> str:
        with self.lock:
            self.overlaps += [(other, item) for other in self.running]
            self.running.add(item)
            self.started.append(item)
        time.sleep(self.hold)
        with self.lock:
            self.running.discard(item)
        if item.startswith("bad"):
            raise ValueError(item)
        return item.upper()


def job(item: str, *keys: str, alone: bool = False) -> Job[str]:
    return Job(item, frozenset(keys), alone)


def test_disjoint_jobs_really_run_side_by_side() -> None:
    barrier = threading.Barrier(2, timeout=5)  # breaks (and the job fails) unless both run at once

    def work(item: str) -> str:
        barrier.wait()
        return item

    results = list(run_disjoint([job("a", "x"), job("b", "y")], work, threads=2))
    assert results == [("a", "a"), ("b", "b")]


def test_jobs_sharing_a_key_never_overlap_and_keep_their_order() -> None:
    jobs = [job("a", "x", "y"), job("b", "y"), job("c", "z"), job("d", "x"), job("e", "q"), job("f", "z", "y")]
    work = Recorder(jobs)
    results = list(run_disjoint(jobs, work, threads=3))
    assert [item for item, _ in results] == ["a", "b", "c", "d", "e", "f"]
    assert all(result == item.upper() for item, result in results)
    assert work.overlaps, "nothing ran in parallel"
    for first, second in work.overlaps:
        assert work.keys[first].isdisjoint(work.keys[second]), (first, second)
    order = work.started.index
    assert order("a") < order("b") < order("f")  # y
    assert order("a") < order("d")  # x
    assert order("c") < order("f")  # z


def test_a_job_that_must_run_alone_has_the_pool_to_itself() -> None:
    jobs = [job("a", "x"), job("b", "y"), job("c", "z", alone=True), job("d", "w"), job("e", "v")]
    work = Recorder(jobs)
    results = list(run_disjoint(jobs, work, threads=2))
    assert [item for item, _ in results] == ["a", "b", "c", "d", "e"]
    assert not [pair for pair in work.overlaps if "c" in pair]
    assert work.started.index("c") > max(work.started.index("a"), work.started.index("b"))
    assert work.started.index("c") < min(work.started.index("d"), work.started.index("e"))


@pytest.mark.parametrize("threads", [1, 2])
def test_a_failing_job_yields_its_exception_and_the_rest_go_on(threads: int) -> None:
    jobs = [job("a", "x"), job("bad", "x"), job("c", "x"), job("d", "y")]
    results = dict(run_disjoint(jobs, Recorder(jobs, hold=0.01), threads=threads))
    assert isinstance(results["bad"], ValueError)
    assert (results["a"], results["c"], results["d"]) == ("A", "C", "D")


def test_one_thread_runs_everything_in_order() -> None:
    jobs = [job(str(n), "k") for n in range(5)] + [job("5", "other")]
    work = Recorder(jobs, hold=0)
    assert [item for item, _ in run_disjoint(jobs, work, threads=1)] == [str(n) for n in range(6)]
    assert work.started == [str(n) for n in range(6)] and not work.overlaps
