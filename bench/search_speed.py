"""Search speed at scale: question search pages and the API over 100k questions, through the
full-text index and, in the same run, through the LIKE scan it replaced.

The bank is bench/search_bank.py's: the demo data plus distinct eval and templated UK poverty
questions up to n, each with its real embedding (the page asks the question index for meaning as
well as the full-text index for words, so the index must hold n vectors for the time to be
honest).

Baseline: the same URLs with the old word matching swapped in (each word by LIKE over text and
action, the newest matches ranked), timed alternately with the full-text version so a burst of
load from other processes hits both alike. On PostgreSQL too when ``TEST_DATABASE_URL`` is set
(a database named after it with ``_search_<n>``, copied from the SQLite bank).

Run alone: ``python -m bench.search_speed [--quick] [--eval-dir DIR]``.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

from bench.common import (
    Row,
    default_eval_dir,
    interleaved_timings,
    load_average,
    met,
    print_table,
    timed_config,
)
from bench.search_bank import postgres_bank, sqlite_bank

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
            matching = select(QUESTIONS_TEXT.table.c.id).where(
                matches(QUESTIONS_TEXT, words, dialect)
            )
            found = session.scalar(select(func.count()).select_from(matching.subquery()))
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

    app = create_app(timed_config(url))
    client = app.test_client()
    with app.app_context():
        question_index(app).sync(force=True)
        question_index(app).wait_for_graph()

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
    rows.extend(_meaning_rows(app, label, repeats))
    get_engine(app).dispose()
    return rows


def _meaning_rows(app: Any, label: str, repeats: int) -> list[Row]:
    """The meaning search alone: the question index as the page uses it (an HNSW graph above
    APPROXIMATE_ABOVE questions) against an exact scan of the same vectors, with the graph's
    recall of the exact top 10 (a question's ten nearest others, for questions of the bank)."""
    import numpy as np

    from app.bank.index import question_index
    from app.insight.index import SimilarityIndex
    from app.questions.search import SEARCH_DEPTH

    store = question_index(app)
    ids, vectors = store.snapshot()
    exact = SimilarityIndex(vectors.shape[1], len(ids), approximate_above=None)
    exact.add(ids, vectors)
    picked = np.random.default_rng(0).choice(len(ids), repeats * 10, replace=False)
    queries = vectors[picked]

    def overlap(row: int) -> float:
        # Each query is a question of the bank: its neighbours other than itself.
        own = [ids[row]]
        found = {hit.question_id for hit in store.search(vectors[row], 10, exclude=own)}
        return len(found & {i for i, _ in exact.search(vectors[row], 10, exclude=own)}) / 10

    recall = float(np.mean([overlap(row) for row in picked]))
    times = interleaved_timings(
        {
            "index": lambda q: store.search(q, SEARCH_DEPTH),
            "exact": lambda q: exact.search(q, SEARCH_DEPTH),
        },
        list(queries),
    )
    (median, p95), (exact_median, exact_p95) = times["index"], times["exact"]
    kind = "HNSW graph" if store.approximate else "exact"
    return [
        Row(
            label,
            f"meaning search alone ({kind}, {len(ids)} vectors, k={SEARCH_DEPTH}) median ms (p95)",
            f"{median:.2f} ({p95:.2f})",
            f"{exact_median:.2f} ({exact_p95:.2f}) exact scan",
        ),
        Row(
            label,
            "meaning search: recall of the exact 10 nearest other questions",
            f"{recall:.3f}",
            "1.000 exact scan (the duplicate check's)",
        ),
    ]


def run(quick: bool = False, eval_dir: Path | None = None) -> list[Row]:
    """Build (once) and time the search bank; ``quick`` uses 20k questions and fewer repeats."""
    n = 20_000 if quick else 100_000
    repeats = 10 if quick else 30
    load_before = load_average()
    sqlite_url = sqlite_bank(n, eval_dir or default_eval_dir())
    rows = _time_searches(sqlite_url, f"search @ {n // 1000}k, SQLite", repeats)
    postgres_url = postgres_bank(sqlite_url, n)
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
