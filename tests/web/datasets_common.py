"""Helpers the dataset tests share: a form post, an API body and a look at the database.

No tests here; the test_datasets_* modules import these.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import func, select

from app.db import new_session
from models import Dataset

FIXTURES = Path(__file__).parent / "fixtures"

FOOD_BANK_DATA = {
    "title": "Tyneside food bank referral records",
    "description": "Every referral to our food banks since 2019: the referring agency, the "
    "reason given and the household type, recorded by volunteers at each centre.",
    "publisher": "",
    "contact": "data@tynesidefood.example.org",
    "themes": ["food", "income-benefits"],
    "keywords": "food bank; referrals; universal credit",
    "variables": "referral reason; household type; referring agency; ward",
    "unit_of_analysis": "case",
    "population": "Households referred to Tyneside food banks",
    "geography": "newcastle upon tyne",
    "granularity": "ward",
    "time_span": "2019-2025",
    "update_frequency": "monthly",
    "format": "CSV",
    "size": "30,000 referrals",
    "access_level": "on-request",
    "licence": "",
    "url": "https://tynesidefood.example.org/data",
    "visibility": "public",
    "could_answer": "Why households are referred, and how the five-week wait matters.",
    "held_by_us": "yes",
}

API_BODY: dict[str, Any] = {
    "title": "Universal Credit claimants by local authority",
    "description": "Monthly counts of people on Universal Credit by conditionality regime "
    "and employment status, published through Stat-Xplore.",
    "publisher": "Department for Work and Pensions",
    "themes": ["income-benefits", "work"],
    "keywords": ["universal credit", "claimants"],
    "variables": ["claimants", "conditionality regime", "employment status"],
    "unit_of_analysis": "person",
    "population": "People on Universal Credit in Great Britain",
    "geography": "Great Britain",
    "granularity": "local authority",
    "time_span": "2013-2026",
    "update_frequency": "monthly",
    "format": "API and CSV",
    "access_level": "open",
    "licence": "Open Government Licence v3.0",
    "url": "https://stat-xplore.example.gov.uk/uc",
    "held_by_us": False,
}


def form_data(**overrides: Any) -> dict[str, Any]:
    """The dataset form's fields, filled in, with some replaced."""
    return {**FOOD_BANK_DATA, **overrides}


def count_datasets(app: Flask) -> int:
    """How many datasets are stored (read on a fresh session)."""
    with app.app_context(), new_session(app) as session:
        return session.scalar(select(func.count()).select_from(Dataset)) or 0


def stored(app: Flask, dataset_id: int) -> Dataset:
    """A dataset read on a fresh session, with its themes loaded."""
    with app.app_context(), new_session(app) as session:
        dataset = session.get_one(Dataset, dataset_id)
        _ = dataset.themes, dataset.holder
        return dataset


def created_id(response: Any) -> int:
    """The id of the dataset a create redirected to."""
    assert response.status_code == 302, response.text[:2000]
    return int(response.headers["Location"].rstrip("/").split("/")[-1])
