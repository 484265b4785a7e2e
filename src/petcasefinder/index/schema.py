"""Numbered migrations, applied in order on open and recorded in ``_migrations``.

Read top to bottom for the schema's history.  Never edit a released migration:
add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Run a multi-statement script inside the caller's open transaction.

    ``executescript`` would COMMIT first, so statements are split on the ``;``
    that ends a line, keeping trigger bodies whole.
    """
    buf: list[str] = []
    for line in sql.splitlines():
        buf.append(line)
        stmt = "\n".join(buf).strip()
        if stmt.endswith(";") and sqlite3.complete_statement(stmt):
            db.execute(stmt)
            buf = []
    if "\n".join(buf).strip():
        db.execute("\n".join(buf))


def m001_articles(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            pmid TEXT UNIQUE,
            doi TEXT UNIQUE,          -- lower-cased
            pmcid TEXT UNIQUE,
            title TEXT NOT NULL,
            abstract TEXT NOT NULL DEFAULT '',
            journal TEXT,
            year INTEGER,
            language TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            affiliations TEXT NOT NULL DEFAULT '[]',
            mesh TEXT NOT NULL DEFAULT '[]',
            pub_types TEXT NOT NULL DEFAULT '[]',
            keywords TEXT NOT NULL DEFAULT '[]',
            sources TEXT NOT NULL DEFAULT '[]',
            raw TEXT NOT NULL DEFAULT '[]',
            content_hash TEXT NOT NULL,
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, abstract, keywords, mesh,
            content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, abstract, keywords, mesh)
            VALUES (new.id, new.title, new.abstract, new.keywords, new.mesh);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, abstract, keywords, mesh)
            VALUES ('delete', old.id, old.title, old.abstract, old.keywords, old.mesh);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, abstract, keywords, mesh)
            VALUES ('delete', old.id, old.title, old.abstract, old.keywords, old.mesh);
            INSERT INTO articles_fts(rowid, title, abstract, keywords, mesh)
            VALUES (new.id, new.title, new.abstract, new.keywords, new.mesh);
        END;
        CREATE TABLE malformed (
            id INTEGER PRIMARY KEY,
            file TEXT NOT NULL,
            position TEXT NOT NULL,
            error TEXT NOT NULL,
            seen_at TEXT NOT NULL DEFAULT (datetime('now')),
            UNIQUE (file, position)
        );
        CREATE TABLE harvest_state (
            name TEXT PRIMARY KEY,     -- source + query + since: one resumable harvest
            source TEXT NOT NULL,
            query TEXT NOT NULL,
            cursor TEXT,               -- Europe PMC cursorMark / PubMed retstart
            done INTEGER NOT NULL DEFAULT 0,
            total INTEGER,
            finished INTEGER NOT NULL DEFAULT 0,
            extra TEXT NOT NULL DEFAULT '{}',
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        """
    )


def m002_derived(db: sqlite3.Connection) -> None:
    """What the pipeline learns about each record, keyed to the content it was computed from."""
    _script(
        db,
        """
        CREATE TABLE classifications (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            is_vcr INTEGER NOT NULL,
            article_type TEXT NOT NULL,
            patient TEXT NOT NULL,
            species TEXT NOT NULL,     -- JSON list
            confidence REAL NOT NULL,
            reasons TEXT NOT NULL      -- JSON list
        );
        CREATE INDEX classifications_vcr ON classifications(is_vcr);
        CREATE TABLE case_species (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            species TEXT NOT NULL,
            PRIMARY KEY (article_id, species)
        );
        CREATE INDEX case_species_species ON case_species(species);
        CREATE TABLE findings (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            data TEXT NOT NULL         -- Findings.to_json()
        );
        CREATE TABLE embeddings (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            vector BLOB NOT NULL       -- little-endian float32, L2-normalised
        );
        """
    )


MIGRATIONS: tuple[Migration, ...] = (m001_articles, m002_derived)


def apply(db: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply every migration not yet recorded, each in its own transaction; return their names."""
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {r[0] for r in db.execute("SELECT name FROM _migrations")}
    applied = []
    for m in migrations:
        if m.__name__ in done:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            m(db)
            db.execute("INSERT INTO _migrations VALUES (?, datetime('now'))", (m.__name__,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        applied.append(m.__name__)
    return applied
