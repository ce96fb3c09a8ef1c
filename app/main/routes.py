"""Site-wide pages."""

from __future__ import annotations

from flask import render_template

from app.db import get_session
from app.main import bp
from app.main.service import bank_counts


@bp.get("/")
def index() -> str:
    """What the bank is for, and what it holds now."""
    return render_template("main/index.html", counts=bank_counts(get_session()))
