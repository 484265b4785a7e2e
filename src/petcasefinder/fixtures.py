"""Build the demo database from the shared real records (README command 1, tests, browser tests).

One builder for all three, so what the tests check is what a user runs.  The
shared texts are read from ``../shared/data`` in place, never copied into the repo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import NotFound
from .index.sqlite import Store
from .ingest.load import IngestReport, ingest_files, shared_record_files
from .pipeline import ProcessCounts, process
from .settings import find_shared_data


@dataclass(frozen=True)
class BuildReport:
    ingest: IngestReport
    processed: ProcessCounts


def build_demo(
    store: Store,
    shared: Path | None = None,
    *,
    embed: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
) -> BuildReport:
    """Ingest every shared record file, then classify, extract and embed."""
    base = shared or find_shared_data()
    if base is None:
        raise NotFound("shared data folder not found: set PETCASEFINDER_SHARED_DATA or harvest instead")
    report = ingest_files(store, shared_record_files(base))
    return BuildReport(report, process(store, embed=embed, progress=progress))
