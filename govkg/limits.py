"""What one report may cost its extraction worker (kept apart so the CLI imports it cheaply)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_TIME_LIMIT = 120.0  # seconds per report; 1,000,000 characters (the text limit) take about 60 s
DEFAULT_MEMORY_LIMIT = 3072  # MB a worker may add to its size while extracting one report


@dataclass(frozen=True)
class Limits:
    """Wall-clock seconds and MB of address space (beyond the loaded pipeline) per report."""

    seconds: float = DEFAULT_TIME_LIMIT
    memory_mb: int = DEFAULT_MEMORY_LIMIT
