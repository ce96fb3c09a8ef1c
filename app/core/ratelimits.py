"""Rate-limit counters in a SQLite file, shared by every process on the machine.

flask-limiter counts through a ``limits`` storage chosen by ``RATELIMIT_STORAGE_URI``. Its
``memory://`` storage belongs to one process, so with two gunicorn workers each would let the
whole limit through; Redis is shared but is one more server to run. This storage keeps the
fixed-window counters in a SQLite file (``sqlite:///path/to/file``), the zero-setup default:
every worker and every restart sees the same counts, and nothing needs to be installed.

Each increment is one ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` statement, atomic across
processes (SQLite serialises writers; WAL and a busy timeout make a writer wait its turn instead
of failing). Only the few limited routes (logging in, asking, similar-as-you-type, uploads,
joining a workshop) touch it. Expired windows are deleted now and then by the writers.

The ``limits`` library registers a storage by its ``STORAGE_SCHEME`` when the class is defined,
so importing this module (``app.extensions`` does) is what makes the scheme known.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from limits.storage import Storage

SCHEME = "sqlite"
BUSY_TIMEOUT_MS = 10_000
# One increment in this many (in each process) also deletes the windows that have ended.
PURGE_ONE_IN = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS rate_limit_windows (
    key TEXT PRIMARY KEY,
    hits INTEGER NOT NULL,
    ends_at REAL NOT NULL
) WITHOUT ROWID
"""
# A window that has ended starts again with this hit; one still open adds to its count.
_INCREMENT = """
INSERT INTO rate_limit_windows (key, hits, ends_at) VALUES (:key, :amount, :ends_at)
ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN ends_at <= :now THEN excluded.hits ELSE hits + excluded.hits END,
    ends_at = CASE WHEN ends_at <= :now THEN excluded.ends_at ELSE ends_at END
RETURNING hits
"""


def database_path(uri: str) -> Path:
    """The file a ``sqlite:///path`` URI names (``sqlite:////abs/path`` or a relative path)."""
    parts = urlsplit(uri)
    if parts.scheme != SCHEME or parts.netloc or not parts.path.lstrip("/"):
        raise ValueError(f"expected {SCHEME}:///path/to/file, not {uri!r}")
    return Path(parts.path[1:])


class SQLiteStorage(Storage):
    """Fixed-window rate-limit counters in one SQLite file (see the module's docstring)."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(
        self, uri: str, wrap_exceptions: bool = False, **options: float | str | bool
    ) -> None:
        self.path = database_path(uri)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._increments = itertools.count(1)
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._connection().execute(_SCHEMA)

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        """What a failing storage raises (flask-limiter can wrap it as a StorageError)."""
        return sqlite3.Error

    def _connection(self) -> sqlite3.Connection:
        # One connection per thread, opened again in a forked child: a SQLite connection may
        # not cross a fork or be used by two threads at once.
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None or self._local.pid != os.getpid():
            connection = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            self._local.connection, self._local.pid = connection, os.getpid()
        return connection

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        """Add ``amount`` hits to key's window (a new window of ``expiry`` seconds if none is
        open) and return the window's count."""
        now = time.time()
        connection = self._connection()
        row = connection.execute(
            _INCREMENT, {"key": key, "amount": amount, "ends_at": now + expiry, "now": now}
        ).fetchone()
        if next(self._increments) % PURGE_ONE_IN == 0:
            connection.execute("DELETE FROM rate_limit_windows WHERE ends_at <= ?", (now,))
        return int(row[0])

    def get(self, key: str) -> int:
        """The hits counted in key's open window (0 if none is open)."""
        row = (
            self._connection()
            .execute(
                "SELECT hits FROM rate_limit_windows WHERE key = ? AND ends_at > ?",
                (key, time.time()),
            )
            .fetchone()
        )
        return int(row[0]) if row else 0

    def get_expiry(self, key: str) -> float:
        """When key's open window ends (now if none is open), as a Unix time."""
        now = time.time()
        row = (
            self._connection()
            .execute(
                "SELECT ends_at FROM rate_limit_windows WHERE key = ? AND ends_at > ?", (key, now)
            )
            .fetchone()
        )
        return float(row[0]) if row else now

    def check(self) -> bool:
        """Whether the file can be read."""
        try:
            self._connection().execute("SELECT 1 FROM rate_limit_windows LIMIT 1").fetchall()
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        """Forget every window; how many there were."""
        return self._connection().execute("DELETE FROM rate_limit_windows").rowcount

    def clear(self, key: str) -> None:
        """Forget key's window."""
        self._connection().execute("DELETE FROM rate_limit_windows WHERE key = ?", (key,))
