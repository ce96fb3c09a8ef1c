"""The embedded SQLite default with two processes writing at once (two gunicorn workers, or a
worker and a command): WAL and the busy timeout make each writer wait its turn, so none ever
answers "database is locked"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from alembic import command
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import create_app
from app.auth.service import NewOrganisation, register_user
from app.auth.tokens import create_api_token
from app.db import new_session
from config import ROOT, TestingConfig
from models import Question, Sector, Support, User
from tests.conftest import PASSWORD, alembic_config

QUESTIONS_EACH = 25


def _member(session: Session, n: int) -> User:
    return register_user(
        session,
        email=f"writer{n}@example.org",
        password=PASSWORD,
        display_name=f"Writer {n}",
        organisation_id=None,
        new_organisation=NewOrganisation(f"Writers {n}", Sector.CHARITY),
    )


def test_two_processes_writing_one_sqlite_file_never_find_it_locked(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    command.upgrade(alembic_config(url), "head")
    app = create_app(TestingConfig(database_url=url))
    with app.app_context(), new_session(app) as session:
        tokens = [create_api_token(session, _member(session, n)).secret for n in range(2)]
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.db.sqlite_writer",
                url,
                token,
                str(go),
                str(QUESTIONS_EACH),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for token in tokens
    ]
    time.sleep(0.5)
    go.touch()
    outcomes = [writer.communicate(timeout=240) for writer in writers]

    for writer, (out, err) in zip(writers, outcomes, strict=True):
        assert "database is locked" not in err
        assert writer.returncode == 0, err[-2000:]
        done = json.loads(out.strip().splitlines()[-1])
        assert done["errors"] == []
        assert done["posted"] == QUESTIONS_EACH
        assert set(done["statuses"]) <= {"201", "409"}  # supported already: a conflict
    with app.app_context(), new_session(app) as session:
        assert session.scalar(select(func.count()).select_from(Question)) == 2 * QUESTIONS_EACH
        assert session.scalar(select(func.count()).select_from(Support)) > 0
