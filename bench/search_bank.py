"""The search benchmark's bank: the demo data plus distinct questions up to n, embedded.

The extra texts are the eval sets' questions (``--eval-dir``, see bench/common.py
``eval_texts``; up to a quarter of them) and templated UK poverty questions
(``bench/data/search_questions.json``), every one distinct. Each carries its real embedding
(cached in ``bench/results`` by content), because a search asks the question index for meaning
as well as the full-text index for words. The rows are bulk inserted, as an import would be, so
the database's triggers fill the full-text index; visibility, hidden flags, authors and dates
vary as in a bank grown over two years. Built once into ``bench/results/search-<n>.sqlite3``
(delete it to rebuild) and copied to PostgreSQL when ``TEST_DATABASE_URL`` is set.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from bench.common import ROOT, eval_texts

RESULTS = ROOT / "bench" / "results"
TEMPLATES = ROOT / "bench" / "data" / "search_questions.json"
BATCH = 5000


def _slots() -> dict[str, list[str]]:
    slots: dict[str, list[str]] = json.loads(TEMPLATES.read_text(encoding="utf-8"))
    slots.pop("about")
    return slots


def _filled(slots: dict[str, list[str]], pick: random.Random) -> dict[str, str]:
    """One value for every slot."""
    return {name: pick.choice(values) for name, values in slots.items()}


def _corpus(n_extra: int, eval_dir: Path) -> list[tuple[str, str]]:
    """The extra (question, action) pairs, all texts distinct: eval texts (up to a quarter),
    each with a templated action, then templated questions."""
    slots = _slots()
    pick = random.Random(1)
    texts = list(dict.fromkeys(t for t in eval_texts(eval_dir) if 10 <= len(t) <= 500))
    pairs = [
        (text, pick.choice(slots["actions"]).format(**_filled(slots, pick)))
        for text in texts[: n_extra // 4]
    ]
    seen = set(texts)
    while len(pairs) < n_extra:
        values = _filled(slots, pick)
        text = pick.choice(slots["templates"]).format(**values)
        if text not in seen:
            seen.add(text)
            pairs.append((text, pick.choice(slots["actions"]).format(**values)))
    return pairs


def _vectors(texts: list[str]) -> np.ndarray:
    """The texts' embeddings with the real model, kept in bench/results for the next build."""
    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    cache = RESULTS / f"search-vectors-{digest}.npy"
    if cache.exists():
        return np.load(cache)
    from app.insight.embed import DEFAULT_MODEL, Embedder

    embedder = Embedder(DEFAULT_MODEL, num_threads=os.cpu_count() or 1)
    started = time.perf_counter()
    parts = []
    for start in range(0, len(texts), 1024):
        parts.append(embedder.encode(texts[start : start + 1024]))
        print(f"  embedded {start + len(parts[-1])} of {len(texts)}", flush=True)
    vectors = np.vstack(parts).astype("<f4")
    np.save(cache, vectors)
    print(f"  {len(texts)} texts embedded in {time.perf_counter() - started:.0f} s", flush=True)
    return vectors


def build_bank(url: str, n_questions: int, eval_dir: Path, embedded: bool = True) -> None:
    """Migrate the database at ``url`` and fill it with the demo data and distinct questions,
    the extra ones embedded unless not ``embedded`` (for benchmarks that never read vectors)."""
    from alembic import command
    from sqlalchemy import func, insert, select

    from app import create_app
    from app.bank.embeddings import embed_pending
    from app.db import get_engine, new_session
    from app.demo.seed import seed_demo
    from config import TestingConfig
    from models import ActionType, Question, QuestionStatus, Theme, User, Visibility
    from models import question_themes as themes_table
    from tests.conftest import alembic_config

    command.upgrade(alembic_config(url), "head")
    app = create_app(TestingConfig(database_url=url))
    with app.app_context(), new_session(app) as session:
        seed_demo(session)
        embed_pending(session, app)
        model = session.scalar(select(Question.embedding_model).limit(1))
        start_id = (session.scalar(select(func.max(Question.id))) or 0) + 1
        extra = _corpus(n_questions - start_id + 1, eval_dir)
        vectors = _vectors([t for t, _ in extra]) if embedded else [None] * len(extra)
        users = session.execute(select(User.id, User.organisation_id)).all()
        action_types = list(session.scalars(select(ActionType.slug)))
        themes = list(session.scalars(select(Theme.slug)))
        statuses = list(QuestionStatus)
        pick = random.Random(3)
        now = datetime.now(UTC)
        rows, theme_rows = [], []
        for offset, ((text, action), vector) in enumerate(zip(extra, vectors, strict=True)):
            author_id, organisation_id = pick.choice(users)
            written = now - timedelta(minutes=pick.randrange(2 * 365 * 24 * 60))
            visibility = pick.choices(list(Visibility), weights=(90, 7, 3))[0]
            rows.append(
                {
                    "id": start_id + offset,
                    "text": text,
                    "action": action,
                    "action_type_slug": pick.choice(action_types),
                    "geography": "UK-wide",
                    "population_groups": [],
                    "status": pick.choices(statuses, weights=(70, 10, 8, 7, 5))[0],
                    "visibility": visibility,
                    "show_organisation": pick.random() < 0.8,
                    "author_id": author_id,
                    "organisation_id": organisation_id,
                    "embedding": None if vector is None else vector.tobytes(),
                    "embedding_model": None if vector is None else model,
                    "support_count": min(int(pick.expovariate(0.7)), 12),
                    "hidden": pick.random() < 0.005,
                    "cluster_pinned": False,
                    "created_at": written,
                    "updated_at": written,
                }
            )
            for slug in pick.sample(themes, pick.choice((1, 1, 2))):
                theme_rows.append({"question_id": start_id + offset, "theme_slug": slug})
        for chunk in range(0, len(rows), BATCH):
            session.execute(insert(Question), rows[chunk : chunk + BATCH])
        for chunk in range(0, len(theme_rows), BATCH):
            session.execute(insert(themes_table), theme_rows[chunk : chunk + BATCH])
        session.commit()
    get_engine(app).dispose()  # SQLite folds its write-ahead log into the file on the last close


def sqlite_bank(n_questions: int, eval_dir: Path, embedded: bool = True) -> str:
    """The URL of the SQLite bank of n questions, built first if it is not there; without
    embeddings of the extra questions when not ``embedded`` (a file of its own)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{'search' if embedded else 'plain'}-{n_questions}.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        building = path.with_suffix(".building")
        building.unlink(missing_ok=True)
        build_bank(f"sqlite:///{building}", n_questions, eval_dir, embedded)
        building.rename(path)
        print(f"built {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return f"sqlite:///{path}"


def postgres_bank(sqlite_url: str, n_questions: int) -> str | None:
    """A PostgreSQL copy of the SQLite bank, beside TEST_DATABASE_URL's database; None if unset."""
    admin_url = os.environ.get("TEST_DATABASE_URL")
    if not admin_url:
        return None
    from alembic import command
    from sqlalchemy import create_engine, func, insert, select, text
    from sqlalchemy.engine import make_url

    import models
    from app.db import make_engine
    from tests.conftest import VOCABULARY_TABLES, alembic_config

    base = make_url(admin_url)
    url = base.set(database=f"{base.database}_search_{n_questions}")
    rendered = url.render_as_string(hide_password=False)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
        ).scalar()
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()
    target = make_engine(rendered)
    source = make_engine(sqlite_url)
    command.upgrade(alembic_config(rendered), "head")
    # The same questions, in the same order, as the SQLite bank: the copy is up to date.
    fingerprint = select(
        func.count(), func.max(models.Question.id), func.sum(func.length(models.Question.text))
    )
    with target.connect() as copied, source.connect() as original:
        if copied.execute(fingerprint).one() == original.execute(fingerprint).one():
            target.dispose()
            source.dispose()
            return rendered
    started = time.perf_counter()
    tables = [t for t in models.Base.metadata.sorted_tables if t.name not in VOCABULARY_TABLES]
    with source.connect() as reading, target.begin() as writing:
        names = ", ".join(table.name for table in tables)
        writing.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        for table in tables:
            result = reading.execute(select(table))
            while batch := result.fetchmany(BATCH):
                writing.execute(insert(table), [row._asdict() for row in batch])
            if "id" in table.c:
                writing.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                    )
                )
    with target.connect() as connection:  # as autovacuum would leave it: the GIN index merged
        connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    source.dispose()
    target.dispose()
    print(f"copied the bank to PostgreSQL in {time.perf_counter() - started:.0f} s", flush=True)
    return rendered
