"""Ordered schema migrations, recorded in ``_curbside_migrations``. Never edit one that shipped:
add ``m00N_…`` at the end of ``MIGRATIONS``."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: ``executescript`` would COMMIT the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        conn.execute(statement)


def m001_documents_passages(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            source TEXT NOT NULL,
            issuer TEXT NOT NULL DEFAULT '',
            year INTEGER,
            url TEXT NOT NULL DEFAULT '',
            pmid TEXT NOT NULL DEFAULT '',
            doi TEXT NOT NULL DEFAULT '',
            pmcid TEXT NOT NULL DEFAULT '',
            mesh TEXT NOT NULL DEFAULT '[]',
            publication_types TEXT NOT NULL DEFAULT '[]',
            license TEXT NOT NULL DEFAULT '',
            retrieved_at TEXT NOT NULL DEFAULT '',
            sections TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX documents_pmid ON documents(pmid) WHERE pmid != '';
        CREATE INDEX documents_kind_year ON documents(kind, year);

        CREATE TABLE passages (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            section TEXT NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL
        );
        CREATE INDEX passages_doc ON passages(doc_id, ordinal);

        -- rowid = passages.rowid; title and section are indexed so that a passage matches on
        -- what its document is about, not only on its own words.
        CREATE VIRTUAL TABLE passage_fts USING fts5(
            title, section, body, tokenize = 'porter unicode61 remove_diacritics 2'
        );

        CREATE TABLE vectors (
            model TEXT NOT NULL,
            passage_rowid INTEGER NOT NULL,
            vec BLOB NOT NULL,
            PRIMARY KEY (model, passage_rowid)
        ) WITHOUT ROWID;

        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta VALUES ('revision', '0');
        """
    )


def m002_answers_reviews(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE answers (
            id TEXT PRIMARY KEY,
            question TEXT NOT NULL,
            audience TEXT NOT NULL,
            follow_up_of TEXT REFERENCES answers(id),
            status TEXT NOT NULL,
            generator TEXT NOT NULL,
            settings_fingerprint TEXT NOT NULL DEFAULT '',
            kb_state TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX answers_updated ON answers(updated_at);
        CREATE INDEX answers_status ON answers(status, updated_at);

        -- append-only: the current status is the answers.status column, the history is here
        CREATE TABLE review_events (
            id INTEGER PRIMARY KEY,
            answer_id TEXT NOT NULL REFERENCES answers(id),
            from_status TEXT,
            to_status TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        );
        CREATE INDEX review_events_answer ON review_events(answer_id, id);
        """,
    )


def m003_fetch_cache(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE fetch_cache (
            key TEXT PRIMARY KEY,
            service TEXT NOT NULL,
            request TEXT NOT NULL,
            response TEXT NOT NULL,
            fetched_at TEXT NOT NULL
        );
        """,
    )


Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = [m001_documents_passages, m002_answers_reviews, m003_fetch_cache]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations, each in its own transaction; returns the names applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _curbside_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT name FROM _curbside_migrations")}
    applied = []
    for migration in MIGRATIONS:
        name = migration.__name__
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration(conn)
            conn.execute(
                "INSERT INTO _curbside_migrations VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))", (name,)
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
