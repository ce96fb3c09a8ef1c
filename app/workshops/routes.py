"""Workshop pages: the list, set-up, each phase's page, scoring, results, decide, data mapping
and the bank's barriers page."""

from __future__ import annotations

from flask import render_template

from app.core.web import login_required, member
from app.db import get_session
from app.workshops import bp
from app.workshops.service import get_workshop


@bp.get("/<int:workshop_id>")
@login_required
def show(workshop_id: int) -> str:
    """A workshop's page for its phase."""
    workshop = get_workshop(get_session(), member(), workshop_id)
    return render_template("workshops/show.html", workshop=workshop)
