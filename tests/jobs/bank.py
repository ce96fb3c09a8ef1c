"""A realistic bank for the job tests: the demo questions with their real embeddings (computed
once per test session), grouped once and then grown, so the next re-cluster changes groups;
and a canonical picture of the groups to compare before, after and half-way."""

from __future__ import annotations

import csv
import io
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any

from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.bank.embeddings import embed_texts, store_vector
from app.bank.recluster import run_recluster
from app.db import new_session
from app.demo import content
from config import ROOT
from models import Cluster, ClusterState, Job, JobStatus, Question, User, Visibility

FIRST_RUN_QUESTIONS = 200
_VECTORS: dict[str, Any] = {}


def demo_texts() -> list[str]:
    """The demo questions' texts, in file order."""
    return [row["text"] for row in content.questions()]


def _vectors(app: Flask) -> Any:
    if "questions" not in _VECTORS:
        with app.app_context():
            _VECTORS["questions"] = embed_texts(demo_texts(), app)
    return _VECTORS["questions"]


def add_questions(app: Flask, author: User, indices: range) -> None:
    """Store these demo questions with their embeddings; every fifth for members only."""
    texts = demo_texts()
    vectors = _vectors(app)
    with app.app_context(), new_session(app) as session:
        for i in indices:
            question = Question(
                text=texts[i],
                action="Plan our services around the answer.",
                action_type_slug="understand-need",
                geography="UK-wide",
                population_groups=[],
                visibility=Visibility.MEMBERS if i % 5 == 0 else Visibility.PUBLIC,
                show_organisation=True,
                author_id=author.id,
                organisation_id=author.organisation_id,
            )
            store_vector(question, vectors[i], app.config["EMBEDDING_MODEL"])
            session.add(question)
        session.commit()


def grouped_then_grown(app: Flask, author: User) -> None:
    """Group the first questions, then add the rest ungrouped: the next run has work to do."""
    add_questions(app, author, range(FIRST_RUN_QUESTIONS))
    with app.app_context(), new_session(app) as session:
        first = run_recluster(session)
        assert first.status is JobStatus.SUCCEEDED, first.message
    add_questions(app, author, range(FIRST_RUN_QUESTIONS, len(demo_texts())))


@dataclass(frozen=True)
class Groups:
    """The groups as a reader would compare them: who is in which group, and each group's
    figures and label. A group made after ``known`` was taken is named by its first question,
    since PostgreSQL does not hand back the ids a rolled-back run used."""

    members: frozenset[tuple[Any, frozenset[int]]]
    ungrouped: frozenset[int]
    figures: frozenset[tuple[Any, ...]]


def groups(session: Session, known: set[int] | None = None) -> Groups:
    """The groups as they are now."""
    by_cluster: dict[int, set[int]] = {}
    ungrouped = set()
    for qid, cid in session.execute(select(Question.id, Question.cluster_id)):
        if cid is None:
            ungrouped.add(qid)
        else:
            by_cluster.setdefault(cid, set()).add(qid)

    def name(cid: int) -> Any:
        if known is None or cid in known:
            return cid
        return ("new", min(by_cluster.get(cid, {0})))

    members = frozenset((name(cid), frozenset(qids)) for cid, qids in by_cluster.items())
    figures = frozenset(
        (
            name(c.id),
            c.state.value,
            c.size,
            c.unlisted_count,
            c.auto_label,
            tuple(c.keywords),
            c.representative_question_id,
        )
        for c in session.scalars(select(Cluster).where(Cluster.state == ClusterState.ACTIVE))
    )
    return Groups(members, frozenset(ungrouped), figures)


def cluster_ids(session: Session) -> set[int]:
    """Every group id there is now."""
    return set(session.scalars(select(Cluster.id)))


def job(app: Flask, job_id: int) -> Job:
    """A job as the database holds it now."""
    with app.app_context(), new_session(app) as session:
        return session.get_one(Job, job_id)


# --- A job in a process of its own, killed at a chosen point ----------------------------------


@dataclass(frozen=True)
class KillPoint:
    """Where to kill: on seeing a line that starts with ``line`` (or, with no line, a wall-clock
    time after the start), then after ``delay`` seconds more."""

    line: str | None
    delay: float


def run_and_kill(database_url: str, job_id: int, point: KillPoint, pause: float) -> list[str]:
    """Run the job in a subprocess and SIGKILL it at the point; the lines it printed.

    The job may finish before the kill lands: that is one of the outcomes to accept.
    """
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HF_HUB_OFFLINE": "1",
        "TOKENIZERS_PARALLELISM": "false",
        "QB_EMBED_THREADS": "1",
    }
    with subprocess.Popen(
        [sys.executable, "-m", "tests.jobs.killable", database_url, str(job_id), str(pause)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        lines: queue.Queue[str | None] = queue.Queue()

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                lines.put(line.strip())
            lines.put(None)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        try:
            seen = _watch_and_kill(process, lines, point)
        finally:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)
            reader.join(timeout=10)
    while (line := _next(lines)) is not None:
        seen.append(line)
    return seen


def _watch_and_kill(
    process: subprocess.Popen[str], lines: queue.Queue[str | None], point: KillPoint
) -> list[str]:
    """Read the job's lines until the kill point, then SIGKILL it; the lines seen."""
    seen: list[str] = []
    if point.line is None:
        time.sleep(point.delay)
    else:
        deadline = time.monotonic() + 180
        while True:
            assert time.monotonic() < deadline, f"the job never reached {point.line!r}: {seen}"
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            if line is None:
                return seen  # it finished first
            seen.append(line)
            if line.startswith(point.line):
                time.sleep(point.delay)
                break
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    return seen


def _next(lines: queue.Queue[str | None]) -> str | None:
    try:
        return lines.get(timeout=0.5)
    except queue.Empty:
        return None


def wait_until_failed(app: Flask, job_id: int, timeout: float = 30) -> Job:
    """Look for dead jobs (as every job page does) until this one is marked failed."""
    from app.bank.jobs import expire_dead

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        expire_dead(app)
        found = job(app, job_id)
        if found.status is JobStatus.FAILED:
            return found
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} was never marked failed")


def csv_of_datasets(rows: list[dict[str, str]]) -> bytes:
    """A register CSV of these records."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()
