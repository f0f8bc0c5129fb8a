"""The embedded store's entity versions: what each report gave the entities it names.

A mixin over EmbeddedStore's state (kept apart so each module stays short); the
rule itself is graph.store.planning's, which the Neo4j store applies too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import orjson

from graph.store.embedded_file import StoreFileError, gc_paused
from graph.store.planning import VersionRow, remerged

if TYPE_CHECKING:
    from pathlib import Path

    from graph.model import Entity
    from graph.store.name_index import NameIndex


class VersionKeeping:
    """Per report, its version of each entity; merging an entity again when a report goes."""

    path: Path
    _entities: dict[str, Entity]
    _index: NameIndex | None
    _versions_held: dict[str, list[VersionRow]] | None
    _versions_raw: bytes
    _givers: dict[str, list[tuple[str, VersionRow]]] | None

    @property
    def _versions(self) -> dict[str, list[VersionRow]]:
        """Each written report's entity versions (graph.store.planning). Readers never need them,
        so opening the store does not parse them."""
        if self._versions_held is None:
            try:
                with gc_paused():
                    self._versions_held = dict(orjson.loads(self._versions_raw))
            except (orjson.JSONDecodeError, TypeError, ValueError) as exc:
                raise StoreFileError(f"{self.path} is corrupt: its versions line: {exc}") from exc
        return self._versions_held

    def _add_versions(self, report_id: str, rows: list[VersionRow]) -> None:
        self._versions[report_id] = rows
        if self._givers is not None:
            for row in rows:
                self._givers.setdefault(row[0], []).append((report_id, row))

    def _remerge_without(self, report_id: str) -> None:
        """Merge the entities the report gave a version of again from the other reports' versions
        (the entities that went with it are skipped)."""
        givers = self._giver_index()
        for row in self._versions.pop(report_id, []):
            kept = [version for rid, version in givers.get(row[0], ()) if rid != report_id]
            givers[row[0]] = [(rid, version) for rid, version in givers.get(row[0], ()) if rid != report_id]
            current = self._entities.get(row[0])
            if current is not None and kept:
                self._entities[row[0]] = remerged(current, kept, [row])
                self._index = None

    def _giver_index(self) -> dict[str, list[tuple[str, VersionRow]]]:
        """Entity id -> the (report id, version) pairs stored for it, in save order."""
        if self._givers is None:
            givers: dict[str, list[tuple[str, VersionRow]]] = {}
            for rid, rows in self._versions.items():
                for row in rows:
                    givers.setdefault(row[0], []).append((rid, row))
            self._givers = givers
        return self._givers
