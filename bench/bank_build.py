"""Writing a benchmark bank (``bench/bank.py``) into a migrated SQLite database: the demo,
then the bank's questions and datasets with their cached embeddings, in bulk, and the product's
own re-clustering (which also stores the dataset matches)."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.bank import (
    MEMBERS_ONLY_EVERY,
    SEED,
    SUPPORTED_EVERY,
    BankDataset,
    BankQuestion,
    BankSize,
    bank_dataset_text,
    dataset_descriptions,
    embedded,
    question_texts,
)
from bench.common import RESULTS_DIR


def build_bank(path: Path, size: BankSize, eval_dir: Path) -> None:
    """Create a migrated SQLite bank at ``path``: the demo, then questions and datasets up to
    ``size``, embedded, re-clustered by the product (which also stores the matches)."""
    from alembic import command
    from sqlalchemy import func, select

    from app import create_app
    from app.bank.embeddings import embed_pending
    from app.bank.recluster import run_recluster
    from app.db import get_engine, new_session
    from app.demo.seed import seed_demo
    from config import TestingConfig
    from models import Dataset, Question
    from tests.conftest import alembic_config

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{path}"
    command.upgrade(alembic_config(url), "head")
    app = create_app(TestingConfig(database_url=url))
    with app.app_context(), new_session(app) as session:
        seed_demo(session)
        embed_pending(session, app)
        have_questions = session.scalar(select(func.count()).select_from(Question)) or 0
        have_datasets = session.scalar(select(func.count()).select_from(Dataset)) or 0
        questions = question_texts(max(0, size.questions - have_questions), eval_dir)
        datasets = dataset_descriptions(max(0, size.datasets - have_datasets))
        question_vectors = embedded([q.text for q in questions])
        dataset_vectors = embedded([bank_dataset_text(d) for d in datasets])
        _insert_questions(session, questions, question_vectors)
        _insert_datasets(session, datasets, dataset_vectors)
        session.commit()
        run = run_recluster(session)
        print(f"bank {size.name}: {run.message}", flush=True)
    # Everything into the main file before it is renamed: no write-ahead log left beside it.
    get_engine(app).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")


def _insert_questions(session: Any, questions: Sequence[BankQuestion], vectors: np.ndarray) -> None:
    """Add the questions with their embeddings, themes and some support, in bulk."""
    from sqlalchemy import func, insert, select

    from app.bank.embeddings import embedder, vector_to_blob
    from models import Question, QuestionStatus, Support, User, Visibility, question_themes

    users = session.execute(select(User.id, User.organisation_id).order_by(User.id)).all()
    model_name = embedder().name
    pick = random.Random(SEED)
    first_id = (session.scalar(select(func.max(Question.id))) or 0) + 1
    rows, theme_rows, support_rows = [], [], []
    for offset, (question, vector) in enumerate(zip(questions, vectors, strict=True)):
        qid = first_id + offset
        author_id, organisation_id = users[offset % len(users)]
        members_only = offset % MEMBERS_ONLY_EVERY == MEMBERS_ONLY_EVERY - 1
        supporter = pick.choice(users)[0] if offset % SUPPORTED_EVERY == 0 else author_id
        rows.append(
            {
                "id": qid,
                "text": question.text,
                "action": question.action,
                "action_type_slug": question.action_type,
                "geography": question.geography,
                "population_groups": list(question.population_groups),
                "status": QuestionStatus.OPEN,
                "visibility": Visibility.MEMBERS if members_only else Visibility.PUBLIC,
                "show_organisation": True,
                "author_id": author_id,
                "organisation_id": organisation_id,
                "embedding": vector_to_blob(vector),
                "embedding_model": model_name,
                "support_count": int(supporter != author_id),
                "hidden": False,
                "cluster_pinned": False,
            }
        )
        theme_rows.extend({"question_id": qid, "theme_slug": slug} for slug in question.themes)
        if supporter != author_id:
            support_rows.append({"user_id": supporter, "question_id": qid})
    for start in range(0, len(rows), 5000):
        session.execute(insert(Question), rows[start : start + 5000])
    for start in range(0, len(theme_rows), 5000):
        session.execute(insert(question_themes), theme_rows[start : start + 5000])
    for start in range(0, len(support_rows), 5000):
        session.execute(insert(Support), support_rows[start : start + 5000])


def _insert_datasets(session: Any, datasets: Sequence[BankDataset], vectors: np.ndarray) -> None:
    """Add the dataset descriptions with their embeddings and themes."""
    from sqlalchemy import select

    from app.bank.embeddings import embedder, vector_to_blob
    from models import AccessLevel, Dataset, Organisation, Theme, UnitOfAnalysis

    holders = session.scalars(select(Organisation.id).order_by(Organisation.id)).all()
    themes = {theme.slug: theme for theme in session.scalars(select(Theme))}
    model_name = embedder().name
    for offset, (described, vector) in enumerate(zip(datasets, vectors, strict=True)):
        unit = described.unit_of_analysis
        session.add(
            Dataset(
                title=described.title,
                description=described.description,
                publisher=described.publisher,
                holder_organisation_id=holders[offset % len(holders)] if described.held else None,
                themes=[themes[slug] for slug in described.themes],
                geography=described.geography,
                keywords=list(described.keywords),
                variables=list(described.variables),
                unit_of_analysis=UnitOfAnalysis(unit) if unit else None,
                access_level=AccessLevel(described.access_level),
                embedding=vector_to_blob(vector),
                embedding_model=model_name,
            )
        )
    session.flush()
