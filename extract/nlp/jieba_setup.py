"""Keep jieba quiet and its dictionary cache private to the user.

jieba logs four "Building prefix dict" lines to stderr on every start, and
caches its dictionary in the shared /tmp/jieba.cache: another user's file there
makes it print a PermissionError traceback, and a file anyone can replace is
one jieba loads. The cache goes to $XDG_CACHE_HOME/govkg (else ~/.cache/govkg,
else <tmp>/govkg-<uid>), a directory only the user owns and can write. There the
default dictionary's prefix table is kept as JSON (user_cache), which loads in
about half the time of jieba's own marshal file.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

_done = False


def _private_dir(path: Path) -> bool:
    """Make `path` (mode 0700) if needed; true when it is a real directory this user owns and can write."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and os.access(path, os.W_OK | os.X_OK)


def cache_dir() -> str | None:
    """$XDG_CACHE_HOME/govkg, ~/.cache/govkg, else <tmp>/govkg-<uid>; None when none is usable."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    for candidate in (Path(base) / "govkg", Path(tempfile.gettempdir()) / f"govkg-{os.getuid()}"):
        if _private_dir(candidate):
            return str(candidate)
    return None


def load_jieba() -> ModuleType:
    """jieba, imported without pkg_resources where nothing has imported that yet: jieba tries it
    only to open its own data files, which its fallback opens by path just the same, and
    importing pkg_resources scans every installed distribution (0.1-0.2 s of a process start)."""
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None  # its import raises ImportError
        try:
            import jieba
        finally:
            del sys.modules["pkg_resources"]
    import jieba

    return jieba


def quiet_jieba() -> None:
    """Silence jieba's logger and point its cache at the user's cache directory (once per process)."""
    global _done
    if _done:
        return
    jieba = load_jieba()

    jieba.setLogLevel(logging.CRITICAL + 1)  # it only logs progress and failed cache writes
    directory = cache_dir()
    if directory is not None:  # else jieba keeps its default and fails to write it silently
        jieba.dt.tmp_dir = directory
        _load_dictionary(jieba)
    _done = True


def _load_dictionary(jieba: Any) -> None:
    """Give jieba its default dictionary's prefix table from our JSON cache: orjson reads it in
    about half the time of the marshal file jieba loads itself (the very same table,
    built by jieba's own gen_pfdict)."""
    from extract.nlp.user_cache import cached

    dt = jieba.dt
    if dt.initialized or dt.cache_file or dt.dictionary != jieba.DEFAULT_DICT:
        return

    def build() -> dict[str, Any]:
        freq, total = dt.gen_pfdict(dt.get_dict_file())
        return {"freq": freq, "total": total}

    table = cached(f"jieba-prefix-{jieba.__version__}", build)
    with dt.lock:
        if not dt.initialized:
            dt.FREQ, dt.total = table["freq"], table["total"]
            dt.initialized = True
