"""Rate limits that hold across processes without Redis: the SQLite-file storage
(app.core.ratelimits), alone, from two processes at once, and behind gunicorn's two workers."""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import runpy
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from alembic import command
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from app.auth.service import LOGIN_LIMIT_PER_ACCOUNT
from app.core import ratelimits
from app.core.ratelimits import SQLiteStorage, database_path
from config import ROOT, Config
from tests.conftest import alembic_config

BIN = Path(sys.executable).parent
HITS_EACH = 300


@pytest.fixture
def storage(tmp_path: Path) -> SQLiteStorage:
    made = storage_from_string(f"sqlite:///{tmp_path / 'limits.sqlite3'}")
    assert isinstance(made, SQLiteStorage)
    return made


def test_a_window_refuses_past_its_limit_and_a_new_window_starts_afresh(
    storage: SQLiteStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1_000_000.0]
    monkeypatch.setattr(ratelimits.time, "time", lambda: now[0])
    limiter, three_a_minute = FixedWindowRateLimiter(storage), parse("3 per minute")

    assert [limiter.hit(three_a_minute, "ann") for _ in range(4)] == [True, True, True, False]
    assert limiter.hit(three_a_minute, "bob")  # another key has its own window
    stats = limiter.get_window_stats(three_a_minute, "ann")
    assert stats.remaining == 0 and stats.reset_time == pytest.approx(now[0] + 60)

    now[0] += 61
    assert limiter.get_window_stats(three_a_minute, "ann").remaining == 3
    assert limiter.hit(three_a_minute, "ann")
    assert storage.get(three_a_minute.key_for("ann")) == 1


def test_clear_and_reset_forget_windows(storage: SQLiteStorage) -> None:
    storage.incr("a", 60)
    storage.incr("b", 60, amount=2)
    storage.clear("a")
    assert (storage.get("a"), storage.get("b")) == (0, 2)
    assert storage.reset() == 1
    assert storage.get("b") == 0 and storage.check()


def test_the_uri_names_a_file() -> None:
    assert database_path("sqlite:////srv/qb/limits.sqlite3") == Path("/srv/qb/limits.sqlite3")
    assert database_path("sqlite:///instance/limits.sqlite3") == Path("instance/limits.sqlite3")
    for wrong in ("sqlite://", "sqlite://host/limits.sqlite3", "memory://"):
        with pytest.raises(ValueError):
            database_path(wrong)


_HITTER = """
import sys, time
from pathlib import Path
import app.core.ratelimits
from limits.storage import storage_from_string
storage = storage_from_string(sys.argv[1])
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.01)
for _ in range(int(sys.argv[3])):
    storage.incr("shared", 600)
"""


def test_two_processes_hitting_one_key_at_once_are_each_counted(tmp_path: Path) -> None:
    uri, go = f"sqlite:///{tmp_path / 'limits.sqlite3'}", tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    hitters = [
        subprocess.Popen(
            [sys.executable, "-c", _HITTER, uri, str(go), str(HITS_EACH)],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    time.sleep(0.5)
    go.touch()
    for hitter in hitters:
        _, err = hitter.communicate(timeout=120)
        assert hitter.returncode == 0, err[-2000:]
    assert storage_from_string(uri).get("shared") == 2 * HITS_EACH


def test_the_default_storage_is_shared_so_the_server_runs_two_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("RATELIMIT_STORAGE_URI", raising=False)
    monkeypatch.delenv("WORKERS", raising=False)
    monkeypatch.delenv("THREADS", raising=False)
    assert Config().RATELIMIT_STORAGE_URI.startswith("sqlite:///")
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert (settings["workers"], settings["threads"]) == (2, 4)
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "memory://")
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert (settings["workers"], settings["threads"]) == (1, 8)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _request(
    port: int, method: str, path: str, body: str = "", headers: dict[str, str] | None = None
) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body, {"Connection": "close", **(headers or {})})
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


@contextlib.contextmanager
def _gunicorn(env: dict[str, str], workdir: Path) -> Iterator[int]:
    """gunicorn with the project's settings, as `make run` serves; its port."""
    port = _free_port()
    arguments = ["--config", str(ROOT / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{port}"]
    errors = workdir / f"server-{port}.log"
    with errors.open("w") as error_log:
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), *arguments, "wsgi:app"], cwd=ROOT, env=env, stderr=error_log
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, errors.read_text()[-2000:]
            with contextlib.suppress(OSError):
                if _request(port, "GET", "/auth/login").status == 200:
                    break
            assert time.monotonic() < deadline, "gunicorn did not answer in 60 s"
            time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def two_servers(tmp_path: Path) -> Iterator[list[int]]:
    """Two gunicorns on one bank and one instance folder, with the default rate-limit storage:
    four worker processes, as two workers of one server would be, but each request's process
    chosen by the test instead of by the kernel."""
    url = f"sqlite:///{tmp_path / 'bank.sqlite3'}"
    command.upgrade(alembic_config(url), "head")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"RATELIMIT_STORAGE_URI", "WORKERS", "THREADS", "RATELIMIT_ENABLED"}
    }
    env.update(
        QB_ENV="production",
        SECRET_KEY=secrets.token_hex(32),
        DATABASE_URL=url,
        QB_INSTANCE_DIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
        HF_HUB_OFFLINE="1",
    )
    with _gunicorn(env, tmp_path) as first, _gunicorn(env, tmp_path) as second:
        yield [first, second]


def test_failed_logins_are_limited_across_processes(two_servers: list[int]) -> None:
    page = _request(two_servers[0], "GET", "/auth/login")
    cookie = page.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.body.decode())  # type: ignore[attr-defined]
    assert token is not None
    allowed = int(LOGIN_LIMIT_PER_ACCOUNT.split()[0])
    form = urlencode(
        {"csrf_token": token.group(1), "email": "nobody@example.org", "password": "wrong"}
    )
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}

    statuses = [
        _request(two_servers[n % 2], "POST", "/auth/login", form, headers).status
        for n in range(3 * allowed)
    ]

    # With per-process counts each server would let `allowed` through: twice the limit.
    assert statuses == [422] * allowed + [429] * (2 * allowed)
