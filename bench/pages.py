"""Page speed at scale: a bank of 100k questions, timed through the Flask test client.

The bank is built once into ``bench/results/pages-<n>.sqlite3`` from the demo content: each demo
question's real embedding is perturbed into many near variants (so similar-question search and
clustering see realistic neighbourhoods), then the real re-clustering groups them. Server time is
measured around each request, after warm-up requests, as the median and p95 of repeated calls.

Run alone: ``python -m bench.pages [--quick] [--questions N]``.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

import numpy as np

from bench.common import Row, print_table, timed_config, timings

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TARGET_PAGE_MS = 50.0
TARGET_SIMILAR_MS = 30.0
NOISE = 0.035


def build_bank(path: Path, n_questions: int) -> None:
    """Create a migrated SQLite bank at ``path`` holding the demo data grown to n questions."""
    from alembic import command
    from sqlalchemy import func, insert, select

    from app import create_app
    from app.bank.embeddings import embed_pending, vector_to_blob
    from app.bank.recluster import run_recluster
    from app.db import new_session
    from config import TestingConfig
    from models import Question, Support, User, question_themes
    from tests.conftest import alembic_config

    url = f"sqlite:///{path}"
    command.upgrade(alembic_config(url), "head")
    app = create_app(TestingConfig(database_url=url))
    with app.app_context(), new_session(app) as session:
        from app.demo.seed import seed_demo

        seed_demo(session)
        embed_pending(session, app)
        originals = session.scalars(select(Question).order_by(Question.id)).all()
        users = session.execute(select(User.id, User.organisation_id)).all()
        theme_of = dict(session.execute(select(question_themes)).all())
        rng = np.random.default_rng(0)
        pick = random.Random(0)
        start_id = (session.scalar(select(func.max(Question.id))) or 0) + 1
        rows, theme_rows, support_rows = [], [], []
        for offset in range(n_questions - len(originals)):
            source = originals[offset % len(originals)]
            base = np.frombuffer(source.embedding, dtype="<f4")
            vector = base + rng.normal(0, NOISE, len(base)).astype(np.float32)
            vector /= np.linalg.norm(vector)
            author_id, organisation_id = users[offset % len(users)]
            qid = start_id + offset
            rows.append(
                {
                    "id": qid,
                    "text": f"{source.text} (variant {offset})",
                    "action": source.action,
                    "action_type_slug": source.action_type_slug,
                    "geography": source.geography,
                    "population_groups": [],
                    "status": source.status,
                    "visibility": source.visibility,
                    "show_organisation": True,
                    "author_id": author_id,
                    "organisation_id": organisation_id,
                    "embedding": vector_to_blob(vector),
                    "embedding_model": source.embedding_model,
                    "support_count": 0,
                    "hidden": False,
                    "cluster_pinned": False,
                }
            )
            theme_rows.append({"question_id": qid, "theme_slug": theme_of.get(source.id, "food")})
            if offset % 3 == 0:
                supporter = pick.choice(users)[0]
                if supporter != author_id:
                    support_rows.append({"user_id": supporter, "question_id": qid})
                    rows[-1]["support_count"] = 1
        for chunk in range(0, len(rows), 5000):
            session.execute(insert(Question), rows[chunk : chunk + 5000])
            session.execute(insert(question_themes), theme_rows[chunk : chunk + 5000])
        session.execute(insert(Support), support_rows)
        session.commit()
        run = run_recluster(session)
        print(f"built {path.name}: {run.message}")


def run(quick: bool, n_questions: int | None = None) -> list[Row]:
    """Time the question list, a group page, the groups page and similar-as-you-type."""
    from app import create_app

    n = n_questions or (20_000 if quick else 100_000)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"pages-{n}.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        build_bank(path, n)
        print(f"bank of {n} questions built in {time.perf_counter() - started:.0f} s")
    app = create_app(timed_config(f"sqlite:///{path}"))
    client = app.test_client()
    from sqlalchemy import select

    from app.db import new_session
    from models import Cluster, ClusterState

    with app.app_context(), new_session(app) as session:
        biggest = session.scalar(
            select(Cluster.id)
            .where(Cluster.state == ClusterState.ACTIVE)
            .order_by(Cluster.size.desc())
            .limit(1)
        )
    pages = [
        ("question list", "/questions", TARGET_PAGE_MS),
        ("question list, page 50", "/questions?page=50&sort=supported", TARGET_PAGE_MS),
        ("question search", "/questions?q=food+bank+universal+credit", TARGET_PAGE_MS),
        ("groups page", "/groups", TARGET_PAGE_MS),
        ("largest group page", f"/groups/{biggest}", TARGET_PAGE_MS),
        (
            "similar as you type",
            "/questions/similar?text=families+waiting+for+universal+credit+using+food+banks",
            TARGET_SIMILAR_MS,
        ),
    ]
    rows = []
    repeats = 10 if quick else 30
    for name, url, target in pages:

        def call(url: str = url) -> None:
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")

        for _ in range(3):
            call()
        median, p95 = timings(call, repeats)
        rows.append(
            Row(
                benchmark=f"pages @ {n // 1000}k",
                metric=f"{name} median ms (p95)",
                value=f"{median:.1f} ({p95:.1f})",
                baseline="",
                target=f"<= {target:.0f}",
                met="yes" if median <= target else "no",
            )
        )
    return rows


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--questions", type=int, default=None)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    print_table(run(args.quick, args.questions))


if __name__ == "__main__":
    main()
