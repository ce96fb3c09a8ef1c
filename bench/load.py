"""Capacity under load: the real server, as `make run` serves it, driven by wrk on loopback.

A fresh database (PostgreSQL, created beside ``TEST_DATABASE_URL`` when that is set, else a
SQLite file) is migrated, seeded with the demo bank and embedded by the same commands as
`make run`; then gunicorn serves it on a free loopback port with ``gunicorn.conf.py`` (the
workers and threads `make run` would use in this environment). wrk (Debian's ``wrk``) drives it
with ``bench/load.lua``, cycling through the browsing mix in ``bench/data/load_mix.json``:
``/api/v1/health`` alone first (the baseline measured in the same run), then the mix at 50 and
200 connections, a question page alone, and the mix again while a writer posts questions
through the API with a bearer token at 1,000 a minute.

Rate limits would turn a load test into a test of the limits (one address sending hundreds of
requests a second), so the benchmark server is started with ``RATELIMIT_ENABLED=0``: lifted for
this server only, as the output says; production defaults are untouched.

Every run is bounded: ``SECONDS`` per level and ``WRITER_SECONDS`` for the writer (the quick
values with ``--quick``); nothing but 127.0.0.1 is ever contacted.
Run alone: ``python -m bench.load [--quick] [--keep]``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import http.client
import json
import os
import re
import runpy
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import RESULTS_DIR, ROOT, Row, load_average, met, percentile, print_table

if TYPE_CHECKING:
    from sqlalchemy import Engine

MIX_FILE = ROOT / "bench" / "data" / "load_mix.json"
QUESTIONS_FILE = ROOT / "app" / "demo" / "data" / "questions.json"
LUA_SCRIPT = ROOT / "bench" / "load.lua"
BIN = Path(sys.executable).parent
SECONDS, QUICK_SECONDS = 6.0, 2.0
# The writer runs longer: "sustained" must outlast the kept pages' allowed staleness, after
# which every visitor page is rebuilt while the posts go on.
WRITER_SECONDS, QUICK_WRITER_SECONDS = 24.0, 4.0
WARMUP_SECONDS = 2.0
READY_ANSWERS = 12
TARGET_RPS, TARGET_P95_MS, TARGET_QUESTION_RPS, TARGET_POSTS_PER_MINUTE = 400, 200, 300, 1000
WRITER_USER = "sarah.robson@tynefood.example.org"
BROWSING_MEMBER = "dave.charlton@tynefood.example.org"
WRITER_CONNECTIONS = 8
DEMO_PASSWORD = "demo-password"  # every demo member's (README)
BROWSE_CYCLES = 20


@dataclass(frozen=True)
class WrkResult:
    """What one wrk run measured."""

    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    socket_errors: int
    bad_status: int

    @property
    def rps(self) -> float:
        """Requests completed per second."""
        return self.requests / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        """Throughput, p95 and errors in one cell."""
        return (
            f"{self.rps:.0f} req/s, p95 {self.p95_ms:.0f} ms, "
            f"errors {self.socket_errors} socket / {self.bad_status} non-2xx-3xx"
        )


@dataclass
class WriterResult:
    """What the writer posted: counts, latencies and the first few failures."""

    posted: int = 0
    failed: int = 0
    seconds: float = 0.0
    # From the start to the last post sent, plus one interval of the schedule: the window the
    # posts were sent over (a writer that keeps up sends on schedule; one that falls behind
    # sends later, and the window grows).
    window: float = 0.0
    # How far behind its slot in the schedule the latest post was sent, at worst.
    max_lag: float = 0.0
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def per_minute(self) -> float:
        """Questions posted per minute over the window they were sent in: the schedule's rate
        when every post was sent on time, less as the server held the writer back. The last
        answers' latency is not counted in the window (it is in the latencies)."""
        return self.posted * 60.0 / self.window if self.window else 0.0


# --- Database and server -----------------------------------------------------------------------


# What the seeded bank is made from: a template is built again when any of it changes.
BANK_INPUTS = ("migrations/versions", "models", "app/demo", "app/bank", "app/insight")
TEMPLATE_PREFIX = "qb_bench_load_bank_"


def bank_digest() -> str:
    """A digest of everything the seeded demo bank is made from (and the model it embeds with)."""
    digest = hashlib.sha256(os.environ.get("EMBEDDING_MODEL", "").encode())
    for folder in BANK_INPUTS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@contextlib.contextmanager
def fresh_database(workdir: Path) -> Iterator[str]:
    """A new database holding the seeded demo bank: PostgreSQL beside TEST_DATABASE_URL when
    set, else SQLite; copied from a template seeded as `make run` seeds (built on first use)."""
    test_url = os.environ.get("TEST_DATABASE_URL")
    if not test_url:
        template = RESULTS_DIR / f"load-bank-{bank_digest()}.sqlite3"
        if not template.exists():
            _build_sqlite_template(template, workdir)
        shutil.copyfile(template, workdir / "load.sqlite3")
        yield f"sqlite:///{workdir / 'load.sqlite3'}"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(test_url, isolation_level="AUTOCOMMIT")
    template = TEMPLATE_PREFIX + bank_digest()
    name = f"qb_bench_load_{os.getpid()}"
    try:
        with admin.connect() as connection:
            known = connection.scalars(
                text("SELECT datname FROM pg_database WHERE datname LIKE :prefix"),
                {"prefix": TEMPLATE_PREFIX + "%"},
            ).all()
        if template not in known:
            _build_pg_template(admin, test_url, template, known, workdir)
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        yield make_url(test_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _build_sqlite_template(template: Path, workdir: Path) -> None:
    building = workdir / "template.sqlite3"
    seed_bank(server_env(f"sqlite:///{building}", workdir))
    with contextlib.closing(sqlite3.connect(building)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    template.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(building, template)


def _build_pg_template(
    admin: Engine, test_url: str, template: str, stale: Sequence[str], workdir: Path
) -> None:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    building = f"{template}_{os.getpid()}"
    with admin.connect() as connection:
        for old in stale:  # templates of an older schema or demo bank
            connection.execute(text(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{building}"'))
    try:
        url = make_url(test_url).set(database=building).render_as_string(hide_password=False)
        seed_bank(server_env(url, workdir))
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{building}" RENAME TO "{template}"'))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)'))


def server_env(database_url: str, workdir: Path) -> dict[str, str]:
    """The environment `make run` gives its commands, pointed at the benchmark's database."""
    env = dict(os.environ)
    env.update(
        QB_ENV="production",
        SECRET_KEY=secrets.token_hex(32),
        DATABASE_URL=database_url,
        HF_HUB_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
        QB_INSTANCE_DIR=str(workdir),
        MODEL_CACHE_DIR=env.get("MODEL_CACHE_DIR", str(ROOT / "instance" / "models")),
        PYTHONPATH=str(ROOT),
        # Lifted for the benchmark server only: see the module docstring.
        RATELIMIT_ENABLED="0",
    )
    return env


def _run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:4])} failed: {done.stderr.strip()[-800:]}")
    return done.stdout


def seed_bank(env: dict[str, str]) -> None:
    """Migrate, seed and embed as `make run` does."""
    started = time.perf_counter()
    _run([str(BIN / "alembic"), "upgrade", "head"], env)
    flask = [str(BIN / "flask"), "--app", "wsgi"]
    _run([*flask, "seed-demo", "--if-empty"], env)
    _run([*flask, "insight", "prepare"], env)
    print(f"demo bank template seeded in {time.perf_counter() - started:.0f} s", flush=True)


def writer_token(database_url: str) -> str:
    """A new API token for the writer's account (the CLI's `users token`, without its start-up)."""
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from app.auth.tokens import create_api_token
    from models import User

    engine = create_engine(database_url)
    try:
        with Session(engine) as session:
            user = session.scalars(select(User).where(User.email == WRITER_USER)).one()
            return create_api_token(session, user, "load bench").secret
    finally:
        engine.dispose()


def free_port() -> int:
    """A TCP port free on the loopback interface."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class Server:
    """A running gunicorn: where it listens and how it was laid out."""

    port: int
    layout: str
    workers: int
    log: Path


@contextlib.contextmanager
def serve(env: dict[str, str], workdir: Path) -> Iterator[Server]:
    """gunicorn with the project's settings, as `make run` starts it, until the block ends."""
    port = free_port()
    log = workdir / "access.log"
    env = {
        **env,
        "EMBEDDING_WARMUP": "1",
        "GROUP_REFRESH_DELAY": "0.5",
        "PAGE_CACHE_STALENESS": os.environ.get("PAGE_CACHE_STALENESS", "10"),  # as `make run`,
    }
    with log.open("w") as access, (workdir / "server.log").open("w") as errors:
        process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "--config",
                str(ROOT / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
                "--access-logfile",
                "-",
                "wsgi:app",
            ],
            cwd=ROOT,
            env=env,
            stdout=access,
            stderr=errors,
        )
        try:
            _wait_until_ready(port, process, workdir / "server.log")
            yield Server(port, *_layout(), log)
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _layout() -> tuple[str, int]:
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    workers = int(settings["workers"])
    return f"{workers} x {settings['threads']} {settings['worker_class']}", workers


def _wait_until_ready(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    # Each answer comes from whichever worker accepted the connection: many ready answers in
    # a row mean every worker has loaded the model.
    deadline, ready = time.monotonic() + 120, 0
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {log.read_text()[-800:]}")
        try:
            status, body = _get(port, "/api/v1/health")
            ready = ready + 1 if status == 200 and json.loads(body).get("model_loaded") else 0
        except (OSError, ValueError):
            ready = 0
        if ready >= READY_ANSWERS:
            return
        time.sleep(0.1 if ready else 0.5)
    raise RuntimeError("gunicorn did not become ready in 120 s")


def _get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def member_cookie(port: int, email: str) -> str:
    """Log in through the real form (its CSRF token included); the session cookie it sets."""
    from urllib.parse import urlencode

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/auth/login")
        response = connection.getresponse()
        page = response.read().decode()
        cookie = response.getheader("Set-Cookie", "").split(";")[0]
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
        if token is None:
            raise RuntimeError("the login page has no CSRF token")
        form = {"email": email, "password": DEMO_PASSWORD, "csrf_token": token.group(1)}
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
        connection.request("POST", "/auth/login", urlencode(form), headers)
        response = connection.getresponse()
        response.read()
        if response.status != 302:
            raise RuntimeError(f"logging in as {email} answered {response.status}")
        return response.getheader("Set-Cookie", "").split(";")[0]
    finally:
        connection.close()


# --- The browsing mix --------------------------------------------------------------------------


def typed_prefixes(text: str, min_chars: int = 10) -> list[str]:
    """The texts a similar-as-you-type panel is asked about while someone types ``text``."""
    words = text.split()
    prefixes = [" ".join(words[:n]) for n in range(1, len(words) + 1)]
    return [prefix for prefix in prefixes if len(prefix) >= min_chars]


def bank_ids(database_url: str) -> tuple[list[int], list[int]]:
    """Public, visible question ids and active group ids of the seeded bank."""
    from sqlalchemy import create_engine, select

    from models import Cluster, ClusterState, Question, Visibility

    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            questions = connection.scalars(
                select(Question.id)
                .where(Question.hidden.is_(False), Question.visibility == Visibility.PUBLIC)
                .order_by(Question.id)
            ).all()
            groups = connection.scalars(
                select(Cluster.id).where(Cluster.state == ClusterState.ACTIVE).order_by(Cluster.id)
            ).all()
    finally:
        engine.dispose()
    return list(questions), list(groups)


def mix_paths(mix: dict[str, object], questions: list[int], groups: list[int]) -> list[str]:
    """The browsing mix's paths for BROWSE_CYCLES cycles, each with the next ids and texts."""
    from urllib.parse import quote_plus

    searches = list(mix["search"])  # type: ignore[call-overload]
    typing = [p for text in mix["typing"] for p in typed_prefixes(text)]  # type: ignore[attr-defined]
    paths = []
    for cycle in range(BROWSE_CYCLES):
        for template in mix["browse"]:  # type: ignore[attr-defined]
            paths.append(fill(template, cycle, questions, groups, searches, typing, quote_plus))
    return paths


def fill(
    template: str,
    cycle: int,
    questions: list[int],
    groups: list[int],
    searches: list[str],
    typing: list[str],
    quote: object,
) -> str:
    """One path of the mix with its placeholders filled for the given cycle."""
    stride = 7  # spread consecutive cycles over the bank rather than its first rows
    return template.format(
        question=questions[(cycle * stride) % len(questions)],
        group=groups[cycle % len(groups)],
        search=quote(searches[cycle % len(searches)]),  # type: ignore[operator]
        typing=quote(typing[(cycle * stride) % len(typing)]),  # type: ignore[operator]
    )


def write_paths(path: Path, paths: list[str]) -> Path:
    """Write paths one a line for the Lua script."""
    path.write_text("\n".join(paths) + "\n")
    return path


def run_wrk(
    port: int, paths_file: Path, connections: int, seconds: float, cookie: str = ""
) -> WrkResult:
    """Drive the server with wrk for ``seconds`` over ``connections`` keep-alive connections,
    as a visitor, or as the member whose session ``cookie`` is given."""
    threads = min(2, connections)
    done = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "2s",
            "-s",
            str(LUA_SCRIPT),
            f"http://127.0.0.1:{port}",
            "--",
            str(paths_file),
            *([cookie] if cookie else []),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    )
    line = next(line for line in done.stdout.splitlines() if line.startswith("{"))
    data = json.loads(line)
    return WrkResult(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p95_ms=data["p95_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        socket_errors=data["connect"] + data["read"] + data["write"] + data["timeout"],
        bad_status=data["status"],
    )


# --- The writer --------------------------------------------------------------------------------


def writer_bodies(places: list[str]) -> list[bytes]:
    """JSON bodies for POST /api/v1/questions: the demo questions, each asked again elsewhere."""
    items = json.loads(QUESTIONS_FILE.read_text())["items"]
    bodies = []
    for n, item in enumerate(items):
        body = {
            "text": item["text"],
            "action": item["action"],
            "action_type": item["action_type"],
            "themes": item["themes"],
            "geography": places[n % len(places)],
            "confirm": True,
        }
        bodies.append(json.dumps(body).encode())
    return bodies


def post_questions(
    port: int, token: str, bodies: list[bytes], per_minute: float, seconds: float
) -> WriterResult:
    """Post questions on a fixed schedule (per_minute) for ``seconds`` and count the outcome.

    The schedule is shared by WRITER_CONNECTIONS keep-alive connections, so one slow answer
    does not lower the rate unless every connection is busy.
    """
    result = WriterResult()
    interval = 60.0 / per_minute
    started = time.monotonic()
    total = int(seconds / interval)
    lock = threading.Lock()
    next_slot = iter(range(total))

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        while True:
            with lock:
                slot = next(next_slot, None)
            if slot is None:
                break
            wait = started + slot * interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            sent = time.monotonic()
            with lock:
                result.max_lag = max(result.max_lag, sent - started - slot * interval)
                result.window = max(result.window, sent - started + interval)
            try:
                connection.request("POST", "/api/v1/questions", bodies[slot % len(bodies)], headers)
                response = connection.getresponse()
                body = response.read()
                ok = response.status == 201
                problem = f"{response.status} {body[:120]!r}"
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                ok, problem = False, f"{type(error).__name__}: {error}"
            with lock:
                if ok:
                    result.posted += 1
                    result.latencies.append(time.monotonic() - sent)
                else:
                    result.failed += 1
                    if len(result.failures) < 3:
                        result.failures.append(problem)
        connection.close()

    workers = [threading.Thread(target=worker) for _ in range(WRITER_CONNECTIONS)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    result.seconds = time.monotonic() - started
    return result


# --- The run -----------------------------------------------------------------------------------


def status_counts(log: Path, since: int) -> dict[str, int]:
    """Answers other than 2xx/3xx in the access log after byte ``since``: 'status path' -> n."""
    counts: dict[str, int] = {}
    with log.open() as handle:
        handle.seek(since)
        for line in handle:
            parts = line.split('"')
            if len(parts) < 3:
                continue
            request, status = parts[1].split(" "), parts[2].split()
            if status and not status[0].startswith(("2", "3")):
                key = f"{status[0]} {request[1].split('?')[0] if len(request) > 1 else '?'}"
                counts[key] = counts.get(key, 0) + 1
    return counts


def run(quick: bool, keep: bool = False) -> list[Row]:
    """Serve the demo bank with gunicorn, drive it with wrk, and report each target."""
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed (Debian: apt-get install wrk)")
    seconds = QUICK_SECONDS if quick else SECONDS
    mix = json.loads(MIX_FILE.read_text())
    workdir = Path(tempfile.mkdtemp(prefix="qb-load-"))
    rows: list[Row] = []
    try:
        started = time.perf_counter()
        with fresh_database(workdir) as database_url:
            print(f"bank ready in {time.perf_counter() - started:.0f} s", flush=True)
            env = server_env(database_url, workdir)
            token = writer_token(database_url)
            questions, groups = bank_ids(database_url)
            browse = write_paths(workdir / "browse.txt", mix_paths(mix, questions, groups))
            question_page = write_paths(
                workdir / "question.txt",
                [
                    fill(mix["question_page"], n, questions, groups, [""], [""], str)
                    for n in range(BROWSE_CYCLES)
                ],
            )
            health = write_paths(workdir / "health.txt", ["/api/v1/health"])
            with serve(env, workdir) as server:
                rows = measure(server, seconds, browse, question_page, health, token, mix)
                rows.insert(0, setup_row(database_url, server))
                if keep:
                    print(f"access log kept in {server.log}")
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return rows


def setup_row(database_url: str, server: Server) -> Row:
    """What was measured: the database, the server's layout and the machine's load."""
    kind = "PostgreSQL" if database_url.startswith("postgresql") else "SQLite"
    return Row(
        "load",
        "set-up",
        f"{kind}, demo bank, gunicorn {server.layout}, wrk -t2 on the same cores; "
        f"rate limits lifted for the bench server (RATELIMIT_ENABLED=0); visitors get kept "
        f"pages, the member row none; load {load_average()}",
    )


def measure(
    server: Server,
    seconds: float,
    browse: Path,
    question_page: Path,
    health: Path,
    token: str,
    mix: dict[str, object],
) -> list[Row]:
    """Each load level in turn, then the writer alongside the browsing; the report's rows."""
    port = server.port
    # Every page of the mix once, as visitors before the run would have asked for them: the
    # runs measure the steady state, not the first view of each page.
    for _ in range(server.workers):  # each worker keeps its own pages
        for path in browse.read_text().split():
            _get(port, path)
    run_wrk(port, browse, 50, min(WARMUP_SECONDS, seconds / 2))
    baseline = run_wrk(port, health, 50, seconds)
    base = f"health {baseline.rps:.0f} req/s"
    print(f"health alone @50: {baseline.summary()}", flush=True)
    at50 = run_wrk(port, browse, 50, seconds)
    print(f"mix @50: {at50.summary()}", flush=True)
    mark = server.log.stat().st_size
    at200 = run_wrk(port, browse, 200, seconds)
    print(f"mix @200: {at200.summary()} {status_counts(server.log, mark)}", flush=True)
    question = run_wrk(port, question_page, 50, seconds)
    print(f"question page @50: {question.summary()}", flush=True)
    as_member = run_wrk(port, browse, 50, seconds, member_cookie(port, BROWSING_MEMBER))
    print(f"mix @50 as a logged-in member: {as_member.summary()}", flush=True)

    bodies = writer_bodies(mix["places"])  # type: ignore[arg-type]
    writing = QUICK_WRITER_SECONDS if seconds == QUICK_SECONDS else WRITER_SECONDS
    outcome: dict[str, WriterResult] = {}
    writer = threading.Thread(
        target=lambda: outcome.setdefault(
            "writer", post_questions(port, token, bodies, TARGET_POSTS_PER_MINUTE, writing)
        )
    )
    writer.start()
    alongside = run_wrk(port, browse, 50, writing)
    writer.join()
    posted = outcome["writer"]
    print(
        f"writer: {posted.posted} posted, {posted.failed} failed in {posted.seconds:.1f} s "
        f"(sent over {posted.window:.1f} s, at worst {posted.max_lag * 1000:.0f} ms late) "
        f"{posted.failures}; mix alongside @50: {alongside.summary()}",
        flush=True,
    )
    errors200 = at200.socket_errors + at200.bad_status
    write_p95 = percentile(posted.latencies, 95) * 1000 if posted.latencies else 0.0
    return [
        Row("load", "/api/v1/health alone @50 conns, req/s", f"{baseline.rps:.0f}", "", "baseline"),
        Row(
            "load",
            "browsing mix @50 conns, req/s",
            f"{at50.rps:.0f}",
            base,
            f">= {TARGET_RPS}",
            met(at50.rps >= TARGET_RPS),
        ),
        Row(
            "load",
            "browsing mix @50 conns, p95 ms",
            f"{at50.p95_ms:.0f} (p50 {at50.p50_ms:.0f}, p99 {at50.p99_ms:.0f})",
            f"health p95 {baseline.p95_ms:.0f}",
            f"<= {TARGET_P95_MS}",
            met(at50.p95_ms <= TARGET_P95_MS),
        ),
        Row(
            "load",
            "browsing mix @200 conns, errors",
            f"{errors200} ({at200.summary()})",
            base,
            "0",
            met(errors200 == 0),
        ),
        Row(
            "load",
            "question page alone @50 conns, req/s",
            f"{question.rps:.0f} (p95 {question.p95_ms:.0f} ms)",
            base,
            f">= {TARGET_QUESTION_RPS}",
            met(question.rps >= TARGET_QUESTION_RPS),
        ),
        Row(
            "load",
            "browsing mix @50 conns as a member (no kept pages), req/s",
            f"{as_member.rps:.0f} (p95 {as_member.p95_ms:.0f} ms, "
            f"{as_member.socket_errors + as_member.bad_status} errors)",
            base,
            "(none)",
        ),
        Row(
            "load",
            "questions posted/min alongside the mix @50",
            f"{posted.per_minute:.0f} ({posted.failed} failed, p95 {write_p95:.0f} ms, sent at "
            f"worst {posted.max_lag * 1000:.0f} ms behind schedule; "
            f"mix {alongside.rps:.0f} req/s, p95 {alongside.p95_ms:.0f} ms, "
            f"{alongside.socket_errors + alongside.bad_status} errors)",
            base,
            f">= {TARGET_POSTS_PER_MINUTE}, 0 failed",
            met(
                posted.per_minute >= TARGET_POSTS_PER_MINUTE * 0.98
                and posted.failed == 0
                and alongside.socket_errors + alongside.bad_status == 0
            ),
        ),
    ]


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SECONDS:.0f} s a level")
    parser.add_argument("--keep", action="store_true", help="keep the work folder and its logs")
    args = parser.parse_args()
    print_table(run(args.quick, args.keep))


if __name__ == "__main__":
    main()
