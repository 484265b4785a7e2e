"""Load record files into a Store: read (pure) -> upsert per file -> link id-only entries.

Kept out of the CLI so ``ingest``, ``bench ingest`` and the database builder
share one code path.  Each file is stored in its own transaction together with
its malformed entries, so an interrupted ingest leaves whole files, never half
of one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import MalformedRecord
from ..index.sqlite import Store, UpsertCounts
from ..records import Article, Malformed
from .readers import read_path


def shared_record_files(shared: Path) -> list[Path]:
    """The record files of the shared data folder: every records.jsonl, the vet negatives, the recorded responses."""
    files = sorted(shared.glob("*/records.jsonl")) + sorted(shared.glob("*/vet-negatives.jsonl"))
    return files + sorted(p for p in shared.glob("*/recorded-responses/*") if p.is_file())


@dataclass(frozen=True)
class IdLinks:
    """What became of id-only entries (Europe PMC idlist): merged into a stored record, or not stored."""

    read: int = 0
    matched: int = 0
    enriched: int = 0
    unmatched: tuple[str, ...] = ()


@dataclass(frozen=True)
class IngestReport:
    files: int
    counts: UpsertCounts
    malformed: tuple[Malformed, ...]
    ids: IdLinks

    def to_json(self) -> dict[str, object]:
        c = self.counts
        return {
            "files": self.files,
            "read": c.read,
            "new": c.new,
            "updated": c.updated,
            "unchanged": c.unchanged,
            "malformed": len(self.malformed),
            "ids_only": {"read": self.ids.read, "matched": self.ids.matched, "enriched": self.ids.enriched,
                         "not_stored": len(self.ids.unmatched)},
        }


def _stored_id(store: Store, a: Article) -> int | None:
    for key in (a.pmid, a.doi, a.pmcid):
        if key:
            found: int | None = store.find(key)
            if found is not None:
                return found
    return None


def attach_ids(store: Store, items: Iterable[Article]) -> IdLinks:
    """Merge id-only entries into stored records with the same id; never create a title-less row."""
    read = matched = enriched = 0
    unmatched: list[str] = []
    with store.transaction():
        for a in items:
            read += 1
            row = _stored_id(store, a)
            if row is None:
                unmatched.append(a.key)
                continue
            matched += 1
            old = store.article(row)
            store.upsert([replace(a, title=old.title)])
            enriched += store.article(row) != old
    return IdLinks(read, matched, enriched, tuple(unmatched))


def ingest_files(
    store: Store,
    paths: Sequence[str | Path],
    on_file: Callable[[Path, UpsertCounts, tuple[Malformed, ...]], None] | None = None,
) -> IngestReport:
    """Read and store every file; id-only entries are linked after all files, so file order does not matter."""
    total = UpsertCounts()
    bad: list[Malformed] = []
    ids: list[Article] = []
    for path in map(Path, paths):
        try:
            result = read_path(path)
        except MalformedRecord as e:
            m = (Malformed(str(path), "file", str(e).removeprefix(f"{path}: ")),)
            store.record_malformed(m)
            bad.extend(m)
            if on_file:
                on_file(path, UpsertCounts(), m)
            continue
        with store.transaction():
            counts = store.upsert(result.records)
            store.record_malformed(result.malformed)
        total = total + counts
        bad.extend(result.malformed)
        ids.extend(result.ids_only)
        if on_file:
            on_file(path, counts, result.malformed)
    return IngestReport(len(paths), total, tuple(bad), attach_ids(store, ids))
