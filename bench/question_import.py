"""Import of a 5,000-row spreadsheet of questions: reading it, the preview (every row checked
with the rules of asking), the import job (embedding with the real model, grouping, one
transaction) and undoing it, on a fresh demo bank (re-clustered, so the questions have groups
to join). The rows are templated UK poverty questions (``bench/data/search_questions.json``),
every one distinct; their themes, action types and places vary.
"""

from __future__ import annotations

import io
import json
import random
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, Row, met, peak_rss_mb, timed_config

TEMPLATES = ROOT / "bench" / "data" / "search_questions.json"
THEMES = ("food", "Fuel and energy", "Housing", "debt", "work", "health", "income-benefits")
ACTION_TYPES = ("Understand need", "target-resources", "Influence policy", "design-service")
TARGET_IMPORT_S = 60.0
TARGET_PREVIEW_S = 10.0


def spreadsheet(n: int) -> bytes:
    """A CSV of n distinct questions with the columns a workshop's sheet might have."""
    from app.core.csvfile import SafeWriter

    slots: dict[str, list[str]] = json.loads(TEMPLATES.read_text(encoding="utf-8"))
    slots.pop("about")
    pick = random.Random(5)
    buffer = io.StringIO()
    writer = SafeWriter(buffer)
    writer.writerow(["Question", "Action", "Action type", "Themes", "Place"])
    seen: set[str] = set()
    while len(seen) < n:
        values = {name: pick.choice(options) for name, options in slots.items()}
        text = pick.choice(slots["templates"]).format(**values)
        if text in seen or len(text) > 500:
            continue
        seen.add(text)
        themes = "; ".join(pick.sample(THEMES, pick.randint(1, 2)))
        action = pick.choice(slots["actions"]).format(**values)
        writer.writerow([text, action, pick.choice(ACTION_TYPES), themes, values["place"]])
    return buffer.getvalue().encode()


def run(quick: bool) -> list[Row]:
    """Time the preview, the import and the undo of a 5,000-row file (1,000 with --quick)."""
    from alembic import command
    from sqlalchemy import select

    from app import create_app
    from app.bank.embeddings import embed_pending
    from app.bank.recluster import run_recluster
    from app.db import new_session
    from app.demo.seed import seed_demo
    from app.questions.imports.service import (
        Choices,
        check_rows,
        guess_mapping,
        keep_upload,
        start_import,
        undo_import,
    )
    from app.questions.imports.sheets import read_sheet
    from models import ImportBatch, JobStatus, Role, User
    from tests.conftest import alembic_config

    n = 1000 if quick else 5000
    content = spreadsheet(n)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'import.sqlite3'}"
        command.upgrade(alembic_config(url), "head")
        app = create_app(timed_config(url))
        app.config["UPLOAD_DIR"] = Path(folder)
        with app.app_context(), new_session(app) as session:
            seed_demo(session)
            embed_pending(session, app)
            run_recluster(session)
            actor = session.scalars(select(User).where(User.role == Role.ADMIN)).first()
            assert actor is not None
            started = time.perf_counter()
            sheet = read_sheet(content, "workshop.csv")
            upload = keep_upload(Path(folder), actor, "workshop.csv", sheet)
            choices = Choices(guess_mapping(sheet.header))
            checked = check_rows(session, actor, sheet, choices)
            preview_s = time.perf_counter() - started
            assert checked.ok, checked.bad[:3]
            started = time.perf_counter()
            job = start_import(session, app, actor, Path(folder), upload.token, choices)
            import_s = time.perf_counter() - started
            session.expire_all()
            job = session.get_one(type(job), job.id)
            assert job.status is JobStatus.SUCCEEDED, job.message
            batch = session.get_one(ImportBatch, job.result["batch_id"])
            grouped = job.result["groups"]
            started = time.perf_counter()
            removed = undo_import(session, actor, batch.id)
            undo_s = time.perf_counter() - started
            assert len(removed) == n
    peak = peak_rss_mb()
    name = "question import"
    return [
        Row(
            name,
            f"preview of {n:,} rows (read, map, check)",
            f"{preview_s:.1f} s",
            "",
            f"≤ {TARGET_PREVIEW_S:.0f} s",
            met(preview_s <= TARGET_PREVIEW_S),
        ),
        Row(
            name,
            f"import of {n:,} rows (embed, group, commit; {grouped} groups joined)",
            f"{import_s:.1f} s",
            "",
            f"≤ {TARGET_IMPORT_S:.0f} s",
            met(import_s <= TARGET_IMPORT_S),
        ),
        Row(name, f"undo of {n:,} rows", f"{undo_s:.1f} s"),
        Row(name, "peak memory (process)", f"{peak:.0f} MB" if peak else "unknown"),
    ]


if __name__ == "__main__":
    from bench.common import print_table

    print_table(run(quick=False))
