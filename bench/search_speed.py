"""Search speed at scale: question search pages and the API over 100k questions, through the
full-text index and, in the same run, through the LIKE scan it replaced.

The bank (``bench/results/search-<n>.sqlite3``, built once) is the demo data plus distinct texts:
the eval sets' questions (``--eval-dir``, see bench/common.py ``eval_texts``) and templated UK
poverty questions (``bench/data/search_questions.json``) up to n. Every question carries its real
embedding: a search asks the question index for meaning as well as the full-text index for
words, so the index must hold n vectors for the time to be honest. The extra rows are bulk
inserted, as an import would be, and the database's triggers fill the full-text index. Their
visibility, hidden flags, authors and dates vary as in a bank grown over two years.

Baseline: the same URLs with the old word matching swapped in (each word by LIKE over text and
action, the newest matches ranked), timed alternately with the full-text version so a burst of
load from other processes hits both alike. On PostgreSQL too when ``TEST_DATABASE_URL`` is set
(a database named after it with ``_search_<n>``, copied from the SQLite bank).

Run alone: ``python -m bench.search_speed [--quick] [--eval-dir DIR]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np

from bench.common import (
    ROOT,
    Row,
    default_eval_dir,
    eval_texts,
    interleaved_timings,
    load_average,
    met,
    print_table,
)

RESULTS = ROOT / "bench" / "results"
TEMPLATES = ROOT / "bench" / "data" / "search_questions.json"
TARGET_MS = 20.0
# (name, path, query) of what is timed. At 100k: no question holds "zebra"; "families" is in
# one in ten; "universal credit" in one in twenty-five; the four words together in 5; "evic",
# typed so far, begins a word in 2,700; the API's five words are all in 49.
SEARCHES = (
    ("no match", "/questions", "zebra"),
    ("common word", "/questions", "families"),
    ("phrase", "/questions", "universal credit"),
    ("several words", "/questions", "evictions private renters winter"),
    ("as you type", "/questions", "evic"),
    ("API, no match", "/api/v1/questions", "zebra"),
    ("API, several words", "/api/v1/questions", "single parents behind on rent"),
)
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


def build_bank(url: str, n_questions: int, eval_dir: Path) -> None:
    """Migrate the database at ``url`` and fill it with the demo data and distinct questions."""
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
        vectors = _vectors([t for t, _ in extra])
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
                    "embedding": vector.tobytes(),
                    "embedding_model": model,
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


def _sqlite_bank(n_questions: int, eval_dir: Path) -> str:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"search-{n_questions}.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        building = path.with_suffix(".building")
        building.unlink(missing_ok=True)
        build_bank(f"sqlite:///{building}", n_questions, eval_dir)
        building.rename(path)
        print(f"built {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return f"sqlite:///{path}"


def _postgres_bank(sqlite_url: str, n_questions: int) -> str | None:
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
        writing.execute(text("ANALYZE"))
    source.dispose()
    target.dispose()
    print(f"copied the bank to PostgreSQL in {time.perf_counter() - started:.0f} s", flush=True)
    return rendered


def _like(words: Any, dialect: str) -> Any:
    """The old word match: every word by LIKE in the text or the action (ILIKE on PostgreSQL;
    SQLite's LIKE already ignores ASCII case)."""
    from sqlalchemy import and_, or_

    from models import Question

    def contains(column: Any, term: str) -> Any:
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        if dialect == "sqlite":
            return column.like(f"%{escaped}%", escape="\\")
        return column.ilike(f"%{escaped}%", escape="\\")

    return and_(
        *(or_(contains(Question.text, w), contains(Question.action, w)) for w in words.terms)
    )


def _like_ranked_ids(
    session: Any, _index: Any, words: Any, conditions: Any, limit: Any, _depth: Any = None
) -> Any:
    """The old ranking of word matches: the newest ``limit`` of them."""
    from sqlalchemy import select

    from models import Question

    found = _like(words, session.get_bind().dialect.name)
    newest = select(Question.id).where(*conditions, found)
    ordered = newest.order_by(Question.created_at.desc(), Question.id.desc()).limit(limit)
    return list(session.scalars(ordered))


@contextmanager
def like_scan() -> Iterator[None]:
    """Within this block, question search matches words the old way (the baseline)."""
    from app.questions import search

    def matches(_index: Any, words: Any, dialect: str) -> Any:
        return _like(words, dialect)

    with (
        mock.patch.object(search, "matches", matches),
        mock.patch.object(search, "ranked_ids", _like_ranked_ids),
    ):
        yield


def _word_rows(app: Any, label: str, repeats: int) -> list[Row]:
    """The word match alone (what this change replaced): ranked ids, full-text against LIKE."""
    from sqlalchemy import func, select

    from app.bank.fulltext import matches, ranked_ids, text_query
    from app.core.policy import readable_by
    from app.db import new_session
    from app.questions.filters import unindexed
    from app.questions.search import RANK_DEPTH, SEARCH_DEPTH
    from models.fulltext import QUESTIONS_TEXT

    rows = []
    with app.app_context(), new_session(app) as session:
        dialect = session.get_bind().dialect.name
        conditions = [unindexed(readable_by(None))]
        for query in dict.fromkeys(query for _, _, query in SEARCHES):
            words = text_query(query)
            found = session.scalar(
                select(func.count()).where(matches(QUESTIONS_TEXT, words, dialect))
            )
            args = (session, QUESTIONS_TEXT, words, conditions, SEARCH_DEPTH, RANK_DEPTH)
            times = interleaved_timings(
                {"fts": lambda a: ranked_ids(*a), "like": lambda a: _like_ranked_ids(*a)},
                [args] * repeats,
            )
            (median, p95), (like_median, like_p95) = times["fts"], times["like"]
            rows.append(
                Row(
                    label,
                    f"word match only, {query!r} ({found} questions) median ms (p95)",
                    f"{median:.1f} ({p95:.1f})",
                    f"{like_median:.1f} ({like_p95:.1f}) LIKE",
                    f"<= {TARGET_MS:g}",
                    met(median <= TARGET_MS),
                )
            )
    return rows


def _time_searches(url: str, label: str, repeats: int) -> list[Row]:
    """Each search page and API call, full-text against LIKE, then the word match alone."""
    from urllib.parse import urlencode

    from app import create_app
    from app.bank.index import question_index
    from app.db import get_engine
    from config import TestingConfig

    app = create_app(TestingConfig(database_url=url))
    client = app.test_client()
    with app.app_context():
        question_index(app).sync(force=True)

    def get(path: str) -> Callable[[int], None]:
        def call(_: int) -> None:
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")

        return call

    def baseline(path: str) -> Callable[[int], None]:
        def call(item: int) -> None:
            with like_scan():
                get(path)(item)

        return call

    rows = []
    for name, page, query in SEARCHES:
        path = f"{page}?{urlencode({'q': query})}"
        for _ in range(2):  # warm both
            get(path)(0)
            baseline(path)(0)
        times = interleaved_timings({"fts": get(path), "like": baseline(path)}, range(repeats))
        (median, p95), (like_median, like_p95) = times["fts"], times["like"]
        rows.append(
            Row(
                label,
                f"{name}: {path} median ms (p95)",
                f"{median:.1f} ({p95:.1f})",
                f"{like_median:.1f} ({like_p95:.1f}) LIKE",
                f"<= {TARGET_MS:g}",
                met(median <= TARGET_MS),
            )
        )
    rows.extend(_word_rows(app, label, repeats))
    get_engine(app).dispose()
    return rows


def run(quick: bool = False, eval_dir: Path | None = None) -> list[Row]:
    """Build (once) and time the search bank; ``quick`` uses 20k questions and fewer repeats."""
    n = 20_000 if quick else 100_000
    repeats = 10 if quick else 30
    load_before = load_average()
    sqlite_url = _sqlite_bank(n, eval_dir or default_eval_dir())
    rows = _time_searches(sqlite_url, f"search @ {n // 1000}k, SQLite", repeats)
    postgres_url = _postgres_bank(sqlite_url, n)
    if postgres_url is not None:
        rows.extend(_time_searches(postgres_url, f"search @ {n // 1000}k, PostgreSQL", repeats))
    rows.append(Row("search", "load average before, after", f"{load_before}; {load_average()}"))
    return rows


def main() -> None:
    """Command-line entry point: print the search table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--eval-dir", type=Path, default=None)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    print_table(run(args.quick, args.eval_dir))


if __name__ == "__main__":
    main()
