"""The default Store: one SQLite file (WAL), migrations on open, idempotent upserts, FTS5.

Identity is PMID, else DOI, else PMCID: the same article from Europe PMC and
from PubMed becomes one row whose fields are merged and whose sources are both
kept.  Derived data (classification, findings, embeddings) is keyed to the
content hash it was computed from, so it is recomputed only when the record
changes.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Self

from ..errors import StoreUnavailable
from ..records import Article, Case, Classification, Findings, Malformed, MeshHeading
from . import schema

_ARTICLE_COLS = (
    "id, pmid, doi, pmcid, title, abstract, journal, year, language, authors, affiliations, "
    "mesh, pub_types, keywords, sources, raw, content_hash"
)


@dataclass(frozen=True)
class UpsertCounts:
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0

    def __add__(self, other: UpsertCounts) -> UpsertCounts:
        return UpsertCounts(
            self.read + other.read,
            self.new + other.new,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
        )


@dataclass(frozen=True)
class Checkpoint:
    name: str
    source: str
    query: str
    cursor: str | None
    done: int
    total: int | None
    finished: bool
    extra: dict[str, Any]


def content_hash(a: Article) -> str:
    """Hash of everything a stage reads (not ``raw``/``sources``), so derived data can be reused."""
    parts = (
        a.title, a.abstract, a.pmid, a.pmcid, a.doi, a.journal, a.year, a.language, a.authors,
        a.affiliations, [(m.descriptor, m.major, m.qualifiers) for m in a.mesh], a.pub_types, a.keywords,
    )
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:32]


def _pick_longer(old: str | None, new: str | None) -> str | None:
    if not old:
        return new
    if not new:
        return old
    return new if len(new) > len(old) else old


def _union(old: Sequence[Any], new: Sequence[Any]) -> tuple[Any, ...]:
    out = list(old)
    for x in new:
        if x not in out:
            out.append(x)
    return tuple(out)


def merge_articles(old: Article, new: Article) -> Article:
    """Merge two views of one article: fill gaps, keep the fuller text and lists, keep every source."""
    mesh_by_name = {m.descriptor: m for m in old.mesh}
    for m in new.mesh:
        mesh_by_name.setdefault(m.descriptor, m)
    raw = dict(old.raw)
    raw.update(dict(new.raw))
    return Article(
        title=_pick_longer(old.title, new.title) or "",
        abstract=_pick_longer(old.abstract, new.abstract) or "",
        pmid=old.pmid or new.pmid,
        pmcid=old.pmcid or new.pmcid,
        doi=old.doi or new.doi,
        journal=_pick_longer(old.journal, new.journal),
        year=old.year or new.year,
        authors=new.authors if len(new.authors) > len(old.authors) else old.authors,
        affiliations=_union(old.affiliations, new.affiliations),
        mesh=tuple(mesh_by_name.values()),
        pub_types=_union(old.pub_types, new.pub_types),
        keywords=_union(old.keywords, new.keywords),
        language=old.language or new.language,
        sources=_union(old.sources, new.sources),
        raw=tuple(sorted(raw.items())),
    )


def _norm_doi(doi: str | None) -> str | None:
    return doi.strip().lower() if doi else None


def quote_fts(text: str) -> str:
    """The one FTS5 escaping helper: every word becomes a quoted phrase joined by OR.

    Quotes, AND/OR/NOT/NEAR, ``*``, ``^``, ``:`` and parentheses in user text are
    therefore plain words, never syntax.
    """
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in words)


def _row_to_article(r: sqlite3.Row) -> Article:
    return Article(
        title=r["title"],
        abstract=r["abstract"],
        pmid=r["pmid"],
        pmcid=r["pmcid"],
        doi=r["doi"],
        journal=r["journal"],
        year=r["year"],
        language=r["language"],
        authors=tuple(json.loads(r["authors"])),
        affiliations=tuple(json.loads(r["affiliations"])),
        mesh=tuple(
            MeshHeading(m["descriptor"], bool(m.get("major")), tuple(m.get("qualifiers") or ()))
            for m in json.loads(r["mesh"])
        ),
        pub_types=tuple(json.loads(r["pub_types"])),
        keywords=tuple(json.loads(r["keywords"])),
        sources=tuple(json.loads(r["sources"])),
        raw=tuple((s, p) for s, p in json.loads(r["raw"])),
    )


def _row_to_classification(r: sqlite3.Row) -> Classification:
    return Classification(
        is_veterinary_case_report=bool(r["is_vcr"]),
        article_type=r["article_type"],
        patient=r["patient"],
        species=tuple(json.loads(r["species"])),
        confidence=r["confidence"],
        reasons=tuple(json.loads(r["reasons"])),
    )


class Store:
    """A SQLite database of articles and what the pipeline learnt about them."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        try:
            if readonly:
                uri = f"file:{self.path}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                self.db = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA busy_timeout = 10000")
            self.db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                schema.apply(self.db)
        except sqlite3.Error as e:
            raise StoreUnavailable(f"cannot open database {self.path}: {e}") from e

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE); nested use joins the outer one."""
        if self.db.in_transaction:
            yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # ---- articles -------------------------------------------------------------------------------
    def _find_id(self, a: Article) -> int | None:
        for col, val in (("pmid", a.pmid), ("doi", _norm_doi(a.doi)), ("pmcid", a.pmcid)):
            if val:
                row = self.db.execute(f"SELECT id FROM articles WHERE {col} = ?", (val,)).fetchone()
                if row:
                    return int(row[0])
        return None

    def _without_foreign_ids(self, article_id: int, a: Article) -> Article:
        """Drop an id that already names another row (PMID of one, DOI of another): never merge two rows blindly."""
        for col, val in (("doi", _norm_doi(a.doi)), ("pmcid", a.pmcid), ("pmid", a.pmid)):
            if not val:
                continue
            row = self.db.execute(f"SELECT id FROM articles WHERE {col} = ?", (val,)).fetchone()
            if row and int(row[0]) != article_id:
                a = replace(a, doi=None) if col == "doi" else replace(a, pmcid=None) if col == "pmcid" else replace(
                    a, pmid=None)
        return a

    def _write(self, article_id: int | None, a: Article) -> int:
        vals = (
            a.pmid,
            _norm_doi(a.doi),
            a.pmcid,
            a.title,
            a.abstract,
            a.journal,
            a.year,
            a.language,
            json.dumps(list(a.authors), ensure_ascii=False),
            json.dumps(list(a.affiliations), ensure_ascii=False),
            json.dumps([m.__dict__ | {"qualifiers": list(m.qualifiers)} for m in a.mesh], ensure_ascii=False),
            json.dumps(list(a.pub_types), ensure_ascii=False),
            json.dumps(list(a.keywords), ensure_ascii=False),
            json.dumps(list(a.sources), ensure_ascii=False),
            json.dumps([list(p) for p in a.raw], ensure_ascii=False),
            content_hash(a),
        )
        cols = (
            "pmid, doi, pmcid, title, abstract, journal, year, language, authors, affiliations, "
            "mesh, pub_types, keywords, sources, raw, content_hash"
        )
        if article_id is None:
            cur = self.db.execute(f"INSERT INTO articles ({cols}) VALUES ({','.join('?' * 16)})", vals)
            return int(cur.lastrowid or 0)
        sets = ", ".join(f"{c.strip()} = ?" for c in cols.split(","))
        self.db.execute(
            f"UPDATE articles SET {sets}, updated_at = datetime('now') WHERE id = ?", (*vals, article_id)
        )
        return article_id

    def upsert(self, articles: Iterable[Article]) -> UpsertCounts:
        """Insert or merge each article; the caller's transaction (if any) is joined."""
        new = updated = unchanged = read = 0
        with self.transaction():
            for a in articles:
                read += 1
                article_id = self._find_id(a)
                if article_id is None:
                    self._write(None, a)
                    new += 1
                    continue
                old = self.article(article_id)
                merged = self._without_foreign_ids(article_id, merge_articles(old, a))
                if merged == old:
                    unchanged += 1
                    continue
                self._write(article_id, merged)
                if content_hash(merged) == content_hash(old):
                    unchanged += 1
                else:
                    updated += 1
        return UpsertCounts(read, new, updated, unchanged)

    def article(self, article_id: int) -> Article:
        row = self.db.execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _row_to_article(row)

    def iter_articles(self, ids: Sequence[int] | None = None) -> Iterator[tuple[int, Article]]:
        if ids is None:
            rows: Iterable[sqlite3.Row] = self.db.execute(f"SELECT {_ARTICLE_COLS} FROM articles ORDER BY id")
        else:
            rows = (
                r
                for chunk in range(0, len(ids), 500)
                for r in self.db.execute(
                    f"SELECT {_ARTICLE_COLS} FROM articles WHERE id IN "
                    f"({','.join('?' * len(ids[chunk:chunk + 500]))})",
                    tuple(ids[chunk : chunk + 500]),
                )
            )
        for r in rows:
            yield int(r["id"]), _row_to_article(r)

    def find(self, key: str) -> int | None:
        """Resolve a PMID, DOI or PMCID (as a user types it) to a row id."""
        k = key.strip()
        if not k:
            return None
        if k.lower().startswith("pmc"):
            return self._find_id(Article(title="", pmcid=k.upper()))
        if "/" in k:
            return self._find_id(Article(title="", doi=k.removeprefix("https://doi.org/")))
        return self._find_id(Article(title="", pmid=k))

    def case(self, article_id: int) -> Case:
        return self.cases([article_id])[0]

    def cases(self, ids: Sequence[int]) -> list[Case]:
        """Load articles with their stored classification and findings, in the order given."""
        arts = dict(self.iter_articles(list(ids)))
        cls: dict[int, Classification] = {}
        fnd: dict[int, Findings] = {}
        for chunk in range(0, len(ids), 500):
            part = tuple(ids[chunk : chunk + 500])
            q = ",".join("?" * len(part))
            for r in self.db.execute(f"SELECT * FROM classifications WHERE article_id IN ({q})", part):
                cls[r["article_id"]] = _row_to_classification(r)
            for r in self.db.execute(f"SELECT article_id, data FROM findings WHERE article_id IN ({q})", part):
                fnd[r["article_id"]] = Findings.from_json(json.loads(r["data"]))
        return [Case(i, arts[i], cls.get(i), fnd.get(i)) for i in ids if i in arts]

    # ---- malformed input -------------------------------------------------------------------------
    def record_malformed(self, items: Iterable[Malformed]) -> int:
        n = 0
        with self.transaction():
            for m in items:
                self.db.execute(
                    "INSERT INTO malformed (file, position, error) VALUES (?, ?, ?) "
                    "ON CONFLICT (file, position) DO UPDATE SET error = excluded.error, seen_at = datetime('now')",
                    (m.file, m.position, m.error),
                )
                n += 1
        return n

    def malformed(self) -> list[Malformed]:
        rows = self.db.execute("SELECT file, position, error FROM malformed ORDER BY id")
        return [Malformed(r[0], r[1], r[2]) for r in rows]

    # ---- harvest checkpoints ----------------------------------------------------------------------
    def checkpoint(self, name: str) -> Checkpoint | None:
        r = self.db.execute("SELECT * FROM harvest_state WHERE name = ?", (name,)).fetchone()
        if r is None:
            return None
        return Checkpoint(
            r["name"], r["source"], r["query"], r["cursor"], r["done"], r["total"], bool(r["finished"]),
            json.loads(r["extra"]),
        )

    def save_checkpoint(self, cp: Checkpoint) -> None:
        """Write a paging checkpoint; call inside the transaction that stored the page's records."""
        self.db.execute(
            "INSERT INTO harvest_state (name, source, query, cursor, done, total, finished, extra) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET cursor = excluded.cursor, "
            "done = excluded.done, total = excluded.total, finished = excluded.finished, "
            "extra = excluded.extra, updated_at = datetime('now')",
            (cp.name, cp.source, cp.query, cp.cursor, cp.done, cp.total, int(cp.finished), json.dumps(cp.extra)),
        )

    # ---- derived data -----------------------------------------------------------------------------
    def stale(self, table: str, version: str) -> list[int]:
        """Ids whose derived row in ``table`` is missing or was computed from other content or code."""
        assert table in ("classifications", "findings")
        rows = self.db.execute(
            f"SELECT a.id FROM articles a LEFT JOIN {table} d ON d.article_id = a.id "
            "WHERE d.article_id IS NULL OR d.version != ? OR d.content_hash != a.content_hash ORDER BY a.id",
            (version,),
        )
        return [int(r[0]) for r in rows]

    def content_hash_of(self, article_id: int) -> str:
        return str(self.db.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()[0])

    def save_classification(self, article_id: int, c: Classification, version: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO classifications VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id, version, self.content_hash_of(article_id), int(c.is_veterinary_case_report),
                    c.article_type, c.patient, json.dumps(list(c.species)), c.confidence,
                    json.dumps(list(c.reasons), ensure_ascii=False),
                ),
            )
            self.db.execute("DELETE FROM case_species WHERE article_id = ?", (article_id,))
            self.db.executemany(
                "INSERT OR IGNORE INTO case_species VALUES (?, ?)", [(article_id, s) for s in c.species]
            )

    def save_findings(self, article_id: int, f: Findings, version: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO findings VALUES (?, ?, ?, ?)",
                (article_id, version, self.content_hash_of(article_id), json.dumps(f.to_json(), ensure_ascii=False)),
            )

    def vcr_ids(self, species: str | None = None) -> list[int]:
        """Ids of records that pass the veterinary-case-report gate (optionally of one species)."""
        if species:
            rows = self.db.execute(
                "SELECT c.article_id FROM classifications c JOIN case_species s ON s.article_id = c.article_id "
                "WHERE c.is_vcr = 1 AND s.species = ? ORDER BY c.article_id",
                (species,),
            )
        else:
            rows = self.db.execute("SELECT article_id FROM classifications WHERE is_vcr = 1 ORDER BY article_id")
        return [int(r[0]) for r in rows]

    # ---- lexical search ---------------------------------------------------------------------------
    def fts(self, text: str, limit: int = 100, *, vcr_only: bool = True) -> list[tuple[int, float]]:
        """BM25 over title/abstract/keywords/MeSH; higher score is better. User text is quoted first."""
        match = quote_fts(text)
        if not match:
            return []
        gate = "JOIN classifications c ON c.article_id = f.rowid AND c.is_vcr = 1" if vcr_only else ""
        rows = self.db.execute(
            f"SELECT f.rowid, bm25(articles_fts, 3.0, 1.0, 1.0, 1.0) AS s FROM articles_fts f {gate} "
            "WHERE articles_fts MATCH ? ORDER BY s LIMIT ?",
            (match, limit),
        )
        return [(int(r[0]), -float(r[1])) for r in rows]

    # ---- counts -----------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        q = self.db.execute
        by_source: dict[str, int] = {}
        for (sources,) in q("SELECT sources FROM articles"):
            for s in json.loads(sources):
                by_source[s] = by_source.get(s, 0) + 1
        by_species = {r[0]: r[1] for r in q(
            "SELECT s.species, count(*) FROM case_species s JOIN classifications c ON c.article_id = s.article_id "
            "WHERE c.is_vcr = 1 GROUP BY s.species ORDER BY count(*) DESC, s.species")}
        by_type = {r[0]: r[1] for r in q(
            "SELECT article_type, count(*) FROM classifications GROUP BY article_type ORDER BY count(*) DESC")}
        return {
            "records": q("SELECT count(*) FROM articles").fetchone()[0],
            "by_source": dict(sorted(by_source.items())),
            "malformed": q("SELECT count(*) FROM malformed").fetchone()[0],
            "classified": q("SELECT count(*) FROM classifications").fetchone()[0],
            "veterinary_case_reports": q("SELECT count(*) FROM classifications WHERE is_vcr = 1").fetchone()[0],
            "by_species": by_species,
            "by_article_type": by_type,
            "with_findings": q("SELECT count(*) FROM findings").fetchone()[0],
            "with_embeddings": q("SELECT count(*) FROM embeddings").fetchone()[0],
            "harvests": [
                {"name": r[0], "done": r[1], "total": r[2], "finished": bool(r[3])}
                for r in q("SELECT name, done, total, finished FROM harvest_state ORDER BY name")
            ],
        }
