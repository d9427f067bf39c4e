"""Per-article result cache in SQLite.

Each article's results are stored per pipeline stage (``nlp``, ``quotes``,
``stance``), keyed by the sha256 of its text and block layout (never its id,
file or metadata: those come from the current read) and the stage's fingerprint: the
package version and the hashes of exactly the files that stage depends on
(models, lexicons, speaker files, stance model). Changing ``hedges.txt``
invalidates the stance stage only; changing ``speakers.csv`` the quote and
stance stages; a new NLP model everything.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    content TEXT NOT NULL,
    stage TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    payload BLOB NOT NULL,
    PRIMARY KEY (content, stage, fingerprint)
)
"""


def default_path() -> Path:
    base = os.environ.get("FRAMING_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "framing"
    return Path(base) / "cache.sqlite"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def analysis_key(article) -> str:
    """What an article's analysis depends on, and nothing that names it.

    The text and its block layout (HTML or plain, where the body starts: the
    layout can follow from detected metadata), never the id, path or outlet,
    which always come from the current read.
    """
    layout = ";".join(f"{b.start},{b.end},{b.kind}" for b in article.blocks)
    return content_hash(article.text + "\x00" + layout)


class ResultCache:
    """A small key-value store: (content hash, stage, fingerprint) -> JSON."""

    default_path = staticmethod(default_path)

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=60)  # worker processes share one cache file
        if self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            # (switching needs the file to itself, and sqlite does not wait for it: run_partitions
            # opens the cache once before its workers start, so that they find it switched)
            self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(SCHEMA)
        self.hits = self.misses = 0

    def get(self, content: str, stage: str, fingerprint: str):
        row = self.db.execute("SELECT payload FROM results WHERE content=? AND stage=? AND fingerprint=?",
                              (content, stage, fingerprint)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return json.loads(zlib.decompress(row[0]))

    def put(self, content: str, stage: str, fingerprint: str, value) -> None:
        blob = zlib.compress(json.dumps(value, separators=(",", ":")).encode("utf-8"), 3)
        self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", (content, stage, fingerprint, blob))

    def commit(self) -> None:
        self.db.commit()

    def info(self) -> dict:
        rows = self.db.execute("SELECT stage, COUNT(*), COUNT(DISTINCT fingerprint), SUM(LENGTH(payload)) "
                               "FROM results GROUP BY stage ORDER BY stage").fetchall()
        return {"path": str(self.path), "bytes": self.path.stat().st_size if self.path.exists() else 0,
                "stages": [{"stage": s, "entries": n, "fingerprints": f, "payload_bytes": b or 0}
                           for s, n, f, b in rows]}

    def clear(self) -> int:
        n = self.db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        self.db.execute("DELETE FROM results")
        self.db.commit()
        self.db.execute("VACUUM")
        return n

    def close(self) -> None:
        self.db.commit()
        self.db.close()
