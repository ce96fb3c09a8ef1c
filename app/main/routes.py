"""Site-wide pages."""

from __future__ import annotations

from flask import render_template

from app.core.pagecache import kept_for_visitors
from app.db import get_session
from app.main import bp
from app.main.service import bank_counts


@bp.get("/")
@kept_for_visitors
def index() -> str:
    """What the bank is for, and what it holds now."""
    return render_template("main/index.html", counts=bank_counts(get_session()))
