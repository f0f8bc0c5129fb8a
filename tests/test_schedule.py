"""graph.store.schedule: two jobs at once, shared keys touched in job order."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

from graph.store.schedule import ALONE, Turn, run_in_turn, turns


def test_turns_name_what_each_job_shares_and_whom_it_waits_for() -> None:
    order = list(turns([frozenset("ab"), frozenset("bc"), frozenset("xy"), frozenset("ac")]))
    assert order[0] == Turn()
    assert order[1] == Turn(shared=frozenset("b"), shared_after=(0,))
    assert order[2] == Turn()
    assert order[3] == Turn(shared=frozenset("ac"), shared_after=(0, 1))  # c last held by job 1, a by job 0


def test_a_job_alone_waits_for_all_before_it_and_all_after_wait_for_it() -> None:
    order = list(turns([frozenset("a"), frozenset("b"), ALONE, frozenset("a"), frozenset("z")]))
    assert order[2] == Turn(start_after=(0, 1))
    assert order[3].start_after == (2,) and order[3].shared_after == (0,)
    assert order[4] == Turn(start_after=(2,))


def test_jobs_sharing_nothing_run_at_the_same_time() -> None:
    both_running = threading.Barrier(2, timeout=5)  # breaks (and the test fails) unless both wait at once

    def run(job: int, turn: Turn, wait: Callable[[], None]) -> int:
        both_running.wait()
        return job * 10

    assert list(run_in_turn([1, 2], {1: frozenset("a"), 2: frozenset("b")}.__getitem__, run)) == [10, 20]


def test_shared_keys_are_touched_only_after_the_earlier_job_finished() -> None:
    log: list[str] = []

    def run(job: int, turn: Turn, wait: Callable[[], None]) -> int:
        log.append(f"{job} own")
        if job == 0:
            time.sleep(0.2)  # job 1 does its own part meanwhile
        wait()
        log.append(f"{job} shared")
        return job

    keys = [frozenset({"town", "v0"}), frozenset({"town", "v1"})]
    assert list(run_in_turn([0, 1], keys.__getitem__, run)) == [0, 1]
    assert log.index("1 own") < log.index("0 shared") < log.index("1 shared")


def test_results_come_in_job_order_whatever_finishes_first() -> None:
    def run(job: float, turn: Turn, wait: Callable[[], None]) -> float:
        time.sleep(job)
        return job

    jobs = [0.2, 0.0, 0.1, 0.0]
    assert list(run_in_turn(jobs, lambda job: frozenset({str(job)}), run)) == jobs


def test_leaving_early_drops_jobs_not_started() -> None:
    started: list[int] = []

    def run(job: int, turn: Turn, wait: Callable[[], None]) -> int:
        started.append(job)
        time.sleep(0.05)
        return job

    results = run_in_turn(list(range(20)), lambda job: frozenset({str(job)}), run)
    assert next(results) == 0
    results.close()
    assert len(started) < 20


def test_a_job_starts_while_later_jobs_are_still_being_produced() -> None:
    first_ran = threading.Event()

    def produce() -> Iterator[int]:
        yield 0
        assert first_ran.wait(5), "job 0 had not started when job 1 was asked for"
        yield 1

    def run(job: int, turn: Turn, wait: Callable[[], None]) -> int:
        if job == 0:
            first_ran.set()
        return job

    assert list(run_in_turn(produce(), lambda job: frozenset({str(job)}), run)) == [0, 1]
