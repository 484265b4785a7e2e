"""Build the demo database from the shared real records (README command 1, tests, browser tests).

One builder for all three, so what the tests check is what a user runs.  The
shared texts are read from ``../shared/data`` in place, never copied into the repo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import NotFound
from .index.sqlite import Store, UpsertCounts
from .ingest.readers import read_path
from .pipeline import ProcessCounts, process
from .records import Malformed
from .settings import find_shared_data


def shared_files(shared: Path) -> list[Path]:
    """Every record file of the shared data: the records.jsonl files and the recorded API responses."""
    files = sorted(shared.glob("*/records.jsonl")) + sorted(shared.glob("*/vet-negatives.jsonl"))
    files += sorted(p for p in shared.glob("*/recorded-responses/*") if p.is_file())
    return files


@dataclass(frozen=True)
class BuildReport:
    files: int
    counts: UpsertCounts
    malformed: tuple[Malformed, ...]
    processed: ProcessCounts


def build_demo(
    store: Store,
    shared: Path | None = None,
    *,
    embed: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
) -> BuildReport:
    base = shared or find_shared_data()
    if base is None:
        raise NotFound("shared data folder not found: set PETCASEFINDER_SHARED_DATA or harvest instead")
    files = shared_files(base)
    total = UpsertCounts()
    bad: list[Malformed] = []
    for f in files:
        result = read_path(f)
        total = total + store.upsert(result.records)
        bad.extend(result.malformed)
    store.record_malformed(bad)
    return BuildReport(len(files), total, tuple(bad), process(store, embed=embed, progress=progress))
