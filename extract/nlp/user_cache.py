"""Tables derived from installed packages, cached as JSON in the user's cache directory.

Parsing jieba's dictionary for its tags and jionlp's division table takes
seconds per process; loading the parsed JSON takes a fraction of that. Each
cache file is named with the package version it came from, is written
atomically, and is simply rebuilt when missing or unreadable.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from extract.nlp.jieba_setup import cache_dir


def cached(name: str, build: Callable[[], Any]) -> Any:
    """`build()`'s result, from `<cache dir>/<name>.json` when that exists."""
    directory = cache_dir()
    path = Path(directory) / f"{name}.json" if directory else None
    if path is not None:
        try:
            return orjson.loads(path.read_bytes())
        except (OSError, ValueError):
            pass
    value = build()
    if path is not None:
        try:
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as fh:
                fh.write(orjson.dumps(value))
            os.replace(fh.name, path)
        except OSError:
            pass  # an unwritable cache only costs the parse next time
    return value
