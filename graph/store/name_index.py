"""The embedded store's name index: search without scoring every entity.

The ranking is graph.store.ranking's (both stores share it); this index reaches
the same answer by looking at few candidates, tier by tier.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Iterator

from graph.model import Entity
from graph.store.normalise import fold


class NameIndex:
    """Folded names and aliases, held so that search ranks without looking at every candidate.

    Entities are kept in the ranking's tie-break order (shorter name, then name, then id), so
    within one score tier the first hits met are the best ones and a scan stops after `limit`
    of them: exact names and aliases come from dicts, name prefixes from a bisect over the
    sorted keys, substrings from one string per kind (names, aliases) searched with str.find.
    A common word (有限公司 in thousands of names) costs `limit` hits, not thousands."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        ordered = sorted(entities, key=lambda e: (len(e.name), e.name, e.id))
        self._ids = [e.id for e in ordered]
        self._labels = [e.label for e in ordered]
        names = [fold(e.name) for e in ordered]
        self._exact_name: dict[str, list[int]] = defaultdict(list)
        self._exact_alias: dict[str, list[int]] = defaultdict(list)
        alias_keys: list[str] = []
        alias_owner: list[int] = []
        for rank, (entity, key) in enumerate(zip(ordered, names, strict=True)):
            self._exact_name[key].append(rank)
            for alias in entity.aliases:
                akey = fold(alias)
                self._exact_alias[akey].append(rank)
                alias_keys.append(akey)
                alias_owner.append(rank)
        self._prefix = sorted((key, rank) for rank, key in enumerate(names))
        self._prefix_keys = [key for key, _ in self._prefix]
        self._names = Haystack(names, list(range(len(names))))
        self._aliases = Haystack(alias_keys, alias_owner)

    def best(self, query: str, limit: int, wanted: set[str] | None) -> list[tuple[str, float]]:
        """The best `limit` (entity id, `match_score`) pairs, in the order `rank_hits` gives."""
        taken: dict[int, float] = {}

        def admit(ranks: Iterable[int], score: float) -> None:
            room = limit - sum(1 for s in taken.values() if s == score)
            for rank in ranks:
                if room <= 0:
                    return
                if rank not in taken and (wanted is None or self._labels[rank] in wanted):
                    taken[rank] = score
                    room -= 1

        if "\n" not in query:
            admit(self._exact_name.get(query, ()), 4.0)
            start = bisect.bisect_left(self._prefix_keys, query)
            end = bisect.bisect_left(self._prefix_keys, query + "\U0010ffff", start)
            admit(sorted(rank for _, rank in self._prefix[start:end]), 3.0)
            if len(taken) < limit:
                admit(self._names.owners(query), 2.0)
            if len(taken) < limit:
                admit(self._exact_alias.get(query, ()), 1.5)
            if len(taken) < limit:
                admit(self._aliases.owners(query), 1.0)
        ordered = sorted(taken.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [(self._ids[rank], score) for rank, score in ordered]


class Haystack:
    """Keys joined in one string, so a substring search is a C-level scan; owners per key."""

    def __init__(self, keys: list[str], owners: list[int]) -> None:
        self._owners = owners
        self._starts: list[int] = []
        offset = 0
        for key in keys:
            self._starts.append(offset)
            offset += len(key) + 1
        self._text = "\n".join(keys)

    def owners(self, query: str) -> Iterator[int]:
        """Owners of the keys containing the query, in key order (lazily: callers stop early)."""
        find, starts, last = self._text.find, self._starts, len(self._starts) - 1
        pos = find(query)
        while pos != -1:
            entry = bisect.bisect_right(starts, pos) - 1
            yield self._owners[entry]
            pos = find(query, starts[entry + 1]) if entry < last else -1
