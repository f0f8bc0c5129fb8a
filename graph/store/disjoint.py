"""Run jobs on a few threads, never two at once that share a key, results in submission order.

Why: Neo4j can commit the transactions of two reports side by side only when they share no
entity; two that share one would wait on each other's locks, risk deadlocks, and could lose
an update when both merge the same entity's aliases. So each job names the keys it touches
(entity ids, report id, path), a job starts only when no running job and no earlier waiting
job holds one of its keys, and the outcome is the same as running the jobs one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

LOOKAHEAD = 64  # waiting jobs scanned for one that can start (bounds the scheduler's own cost)


@dataclass(frozen=True)
class Job(Generic[T]):
    item: T
    keys: frozenset[str]
    alone: bool = False  # touches keys it cannot name (e.g. deletes an old version): runs by itself


def run_disjoint(
    jobs: Sequence[Job[T]], work: Callable[[T], R], threads: int
) -> Iterator[tuple[T, R | Exception]]:
    """Yield (item, result or the exception it raised) for every job, in the order given."""
    if threads <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield job.item, _call(work, job.item)
        return
    waiting = list(range(len(jobs)))
    running: dict[Future[R], int] = {}
    held: set[str] = set()
    done: dict[int, R | Exception] = {}
    next_out = 0
    with ThreadPoolExecutor(threads, thread_name_prefix="govkg-writer") as pool:
        while waiting or running:
            for i in _startable(jobs, waiting, running, held, threads):
                waiting.remove(i)
                held |= jobs[i].keys
                running[pool.submit(work, jobs[i].item)] = i
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                i = running.pop(future)
                held -= jobs[i].keys
                error = future.exception()
                done[i] = error if isinstance(error, Exception) else future.result()
            while next_out in done:
                yield jobs[next_out].item, done.pop(next_out)
                next_out += 1


def _startable(
    jobs: Sequence[Job[T]], waiting: list[int], running: dict[Future[R], int], held: set[str], threads: int
) -> list[int]:
    """Waiting jobs that may start now: free slots, no key held by a running job or wanted by
    an earlier waiting job, and nothing else in flight around a job that must run alone."""
    if any(jobs[i].alone for i in running.values()):
        return []
    start: list[int] = []
    blocked: set[str] = set(held)
    slots = threads - len(running)
    for i in waiting[:LOOKAHEAD]:
        if len(start) >= slots:
            break
        job = jobs[i]
        if job.alone:
            if not running and not start:
                start.append(i)
            break  # nothing later may overtake it
        if job.keys.isdisjoint(blocked):
            start.append(i)
        blocked |= job.keys
    return start


def _call(work: Callable[[T], R], item: T) -> R | Exception:
    try:
        return work(item)
    except Exception as exc:  # the caller decides; one failure never stops the rest
        return exc
