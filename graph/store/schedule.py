"""Run jobs two at a time without letting them change shared things out of order.

Neo4jStore.save_each writes one report per transaction, and the server runs a
transaction on one core: two writers keep both cores of a small machine busy.
Reports share entities, though (a province, a town, a common indicator), and a
shared entity must be merged in the order of the reports, by one transaction at
a time. So each job gets a Turn: what it shares with earlier jobs, and which
earlier jobs must have finished before it touches that. A job does its own part
first, in parallel with the job before it, then waits for its turn for the rest.

Waiting is always for an earlier job, and jobs start in order, so the job waited
for has started and will finish: no job waits for one that waits for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")

ALONE = None  # the keys of a job that must run with no other job (before it or after it)


@dataclass(frozen=True)
class Turn:
    """One job's place in the order: it starts once `start_after` have finished, and
    touches `shared` (keys earlier jobs also hold) once `shared_after` have finished."""

    start_after: tuple[int, ...] = ()
    shared: frozenset[str] = frozenset()
    shared_after: tuple[int, ...] = ()


def turns(keys: Iterable[frozenset[str] | None]) -> Iterator[Turn]:
    """Each job's Turn, from the keys of the jobs in order (ALONE: waits for every earlier
    job, and every later job waits for it). Lazy: a job's Turn needs only the jobs before it."""
    last: dict[str, int] = {}  # key -> the latest job holding it
    barrier: tuple[int, ...] = ()
    for n, mine in enumerate(keys):
        if mine is ALONE:
            yield Turn(start_after=tuple(range(n)))
            barrier = (n,)
            continue
        shared = frozenset(key for key in mine if key in last)
        yield Turn(barrier, shared, tuple(sorted({last[key] for key in shared})))
        last.update(dict.fromkeys(mine, n))


def run_in_turn(
    jobs: Iterable[Job],
    keys: Callable[[Job], frozenset[str] | None],
    run: Callable[[Job, Turn, Callable[[], None]], Result],
    workers: int = 2,
) -> Iterator[Result]:
    """run(job, turn, wait_for_turn) for every job, `workers` at a time; results in order.

    `keys(job)` names what the job touches (or is ALONE). Jobs are taken from `jobs` one by
    one, and each starts once taken and a worker is free, so producing the rest (planning
    a save's writes) overlaps the first ones. `run` calls wait_for_turn() before it
    touches turn.shared, and should not raise.
    """
    finished: list[threading.Event] = []

    def one(n: int, job: Job, turn: Turn) -> Result:
        try:
            for m in turn.start_after:
                finished[m].wait()
            return run(job, turn, lambda: _wait_all(finished, turn.shared_after))
        finally:
            finished[n].set()

    pool = ThreadPoolExecutor(workers, thread_name_prefix="govkg-writer")
    try:
        taken: list[Job] = []

        def keys_of_taken() -> Iterator[frozenset[str] | None]:
            for job in jobs:
                taken.append(job)
                yield keys(job)

        futures = []
        for n, turn in enumerate(turns(keys_of_taken())):
            finished.append(threading.Event())  # before the job starts: later jobs wait on it
            futures.append(pool.submit(one, n, taken[n], turn))
        for future in futures:
            yield future.result()
    finally:
        pool.shutdown(cancel_futures=True)  # jobs not started are dropped, running ones finish


def _wait_all(events: list[threading.Event], which: tuple[int, ...]) -> None:
    for n in which:
        events[n].wait()
