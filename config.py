"""Configuration read from the environment, one class per kind of deployment."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("QB_INSTANCE_DIR", ROOT / "instance"))


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


def _seconds_or_none(value: str | None) -> float | None:
    """A number of seconds from the environment, or None when unset or empty."""
    return float(value) if value and value.strip() else None


class Config:
    """Settings shared by every environment; each value can be overridden by a variable."""

    ENV_NAME = "production"
    TESTING = False
    DEV_SECRET_KEY: str | None = None

    def __init__(self) -> None:
        self.SECRET_KEY = os.environ.get("SECRET_KEY") or self.DEV_SECRET_KEY
        self.DATABASE_URL = os.environ.get(
            "DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'questionbank.sqlite3'}"
        )
        # Connections each process keeps open: at least gunicorn's threads (gunicorn.conf.py).
        self.DATABASE_POOL_SIZE = int(os.environ.get("DATABASE_POOL_SIZE", "10"))
        self.EMBEDDING_MODEL = os.environ.get("EMBEDDING_MODEL", "all-MiniLM-L6-v2")
        self.MODEL_CACHE_DIR = Path(os.environ.get("MODEL_CACHE_DIR", INSTANCE_DIR / "models"))
        # Load the model and the question index in the background at start-up (`make run` sets
        # it for served processes; command-line tasks leave it off).
        self.EMBEDDING_WARMUP = _flag("EMBEDDING_WARMUP", False)
        # Recount a group's figures and re-score its dataset matches in a background thread after
        # a question joins it (app.bank.refresher), this many seconds after the first post of a
        # burst. Served processes only (`make run` sets it): a command-line task may end before
        # the thread runs, so without it both are done in the posting transaction.
        self.GROUP_REFRESH_DELAY = _seconds_or_none(os.environ.get("GROUP_REFRESH_DELAY"))
        # Limits must hold across gunicorn's workers and restarts: by default the counters are
        # kept in a SQLite file every process shares (app.core.ratelimits); Redis when set.
        self.RATELIMIT_STORAGE_URI = os.environ.get(
            "RATELIMIT_STORAGE_URI", f"sqlite:///{INSTANCE_DIR / 'ratelimits.sqlite3'}"
        )
        self.RATELIMIT_ENABLED = _flag("RATELIMIT_ENABLED", True)
        self.RATELIMIT_HEADERS_ENABLED = True
        # How many proxies in front of the app set X-Forwarded-For / -Proto (0: trust none, so
        # a client cannot choose the address its rate limits are counted against).
        self.TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = _flag("SESSION_COOKIE_SECURE", False)
        self.REMEMBER_COOKIE_SECURE = self.SESSION_COOKIE_SECURE
        self.WTF_CSRF_ENABLED = True
        self.PAGE_SIZE = int(os.environ.get("PAGE_SIZE", "20"))
        # The licence of the bank's open data (a name from app/core/data/open_licences.json),
        # and the address links in files written by `flask export` start with.
        # Spreadsheets kept between upload and import (deleted then, or after an hour), and
        # the files of "Group my questions" while they are processed.
        self.UPLOAD_DIR = Path(os.environ.get("UPLOAD_DIR", INSTANCE_DIR / "uploads"))
        self.OPEN_DATA_LICENCE = os.environ.get("OPEN_DATA_LICENCE", "CC-BY-4.0")
        self.PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:5000")
        # Background jobs run on RQ when Redis is configured (a worker started by `make
        # worker`), else in a thread of the serving process; "inline" runs them in the caller.
        self.REDIS_URL = os.environ.get("REDIS_URL") or None
        self.JOB_BACKEND = os.environ.get("JOB_BACKEND") or ("rq" if self.REDIS_URL else "thread")
        self.JOB_QUEUE = os.environ.get("JOB_QUEUE", "question-bank")
        self.JOB_HEARTBEAT_SECONDS = float(os.environ.get("JOB_HEARTBEAT_SECONDS", "5"))
        # No heartbeat for this long and a running job is marked failed (so within a minute).
        self.JOB_DEAD_AFTER_SECONDS = float(os.environ.get("JOB_DEAD_AFTER_SECONDS", "45"))
        # A queued job no worker took up in this time is marked failed.
        self.JOB_START_TIMEOUT_SECONDS = float(os.environ.get("JOB_START_TIMEOUT_SECONDS", "600"))
        self.JOB_TIMEOUT_SECONDS = int(os.environ.get("JOB_TIMEOUT_SECONDS", "7200"))
        # `flask insight cluster` refuses larger files (its --max-rows / --max-bytes override):
        # at 100k rows it holds about 160 MB of vectors and embeds for a few minutes.
        self.CLUSTER_CSV_MAX_ROWS = int(os.environ.get("CLUSTER_CSV_MAX_ROWS", "100000"))
        self.CLUSTER_CSV_MAX_BYTES = int(os.environ.get("CLUSTER_CSV_MAX_BYTES", str(32 << 20)))
        # Pages kept per process for visitors who are not logged in (app/core/pagecache.py);
        # 0 turns the cache off.
        self.PAGE_CACHE_SIZE = int(os.environ.get("PAGE_CACHE_SIZE", "500"))
        # How old a kept page may be and still be served after the bank changed, in seconds
        # (`make run` sets 10). Unset: a visitor sees this process's writes at once and other
        # processes' within the cache's check interval (a second).
        self.PAGE_CACHE_STALENESS = _seconds_or_none(os.environ.get("PAGE_CACHE_STALENESS"))

    def validate(self) -> None:
        """Fail fast with a clear message when a required setting is missing."""
        if self.JOB_BACKEND not in {"rq", "thread", "inline"}:
            raise RuntimeError("JOB_BACKEND must be rq, thread or inline.")
        if self.JOB_BACKEND == "rq" and not self.REDIS_URL:
            raise RuntimeError(
                "JOB_BACKEND=rq needs REDIS_URL (for example redis://127.0.0.1:6379/0)."
            )
        if not self.SECRET_KEY:
            raise RuntimeError(
                "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
                "string (for example: python -c 'import secrets; print(secrets.token_hex(32))'). "
                "Only QB_ENV=development or testing may run without one."
            )


class ProductionConfig(Config):
    """A served deployment: secrets must come from the environment."""


class DevelopmentConfig(Config):
    """A developer's machine: a throwaway secret is allowed."""

    ENV_NAME = "development"
    DEV_SECRET_KEY = "development-only-not-secret"


class TestingConfig(Config):
    """The test suite: its own database, no rate limits unless a test turns them on."""

    __test__ = False  # not a pytest test class, despite its name
    ENV_NAME = "testing"
    TESTING = True
    DEV_SECRET_KEY = "testing-only-not-secret"

    def __init__(self, database_url: str | None = None) -> None:
        super().__init__()
        self.DATABASE_URL = database_url or os.environ.get(
            "TEST_DATABASE_URL", "sqlite:///:memory:"
        )
        self.RATELIMIT_ENABLED = False
        self.RATELIMIT_STORAGE_URI = "memory://"
        # Figures and matches are refreshed in the posting transaction, so a test sees them at
        # once; the background refresher has tests of its own.
        self.GROUP_REFRESH_DELAY = None
        # Jobs run in the request that starts them, so a test sees the outcome at once; the
        # thread and RQ backends have tests of their own.
        self.JOB_BACKEND = "inline"


CONFIGS: dict[str, type[Config]] = {
    "production": ProductionConfig,
    "development": DevelopmentConfig,
    "testing": TestingConfig,
}


def config_from_env() -> Config:
    """The configuration named by QB_ENV (production when unset)."""
    name = os.environ.get("QB_ENV", "production")
    try:
        return CONFIGS[name]()
    except KeyError:
        raise RuntimeError(f"QB_ENV must be one of {', '.join(CONFIGS)}, not {name!r}") from None
