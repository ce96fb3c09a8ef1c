"""The notifications page, marking read, and the header's unread count."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from app.core.paging import page_request
from app.core.web import login_required, member, safe_next
from app.db import get_session
from app.notifications import bp
from app.notifications.service import list_notifications, mark_many_read, mark_read, unread_count


@bp.app_context_processor
def _unread() -> dict[str, Any]:
    """The header's unread count: one indexed count per page, only for signed-in members."""

    def count() -> int:
        if "unread_notifications" not in g:
            g.unread_notifications = (
                unread_count(get_session(), current_user.id) if current_user.is_authenticated else 0
            )
        return int(g.unread_notifications)

    return {"unread_notifications": count}


@bp.get("", strict_slashes=False)
@login_required
def index() -> str:
    """The member's notifications, newest first, paged."""
    at = page_request(request.args, current_app.config["PAGE_SIZE"])
    page = list_notifications(get_session(), member(), at)
    return render_template("notifications/index.html", notifications=page)


@bp.post("/<int:notification_id>/read")
@login_required
def read(notification_id: int) -> Response:
    """Mark one read, then follow its link (or go back to the list)."""
    found = mark_read(get_session(), member(), notification_id)
    fallback = url_for("notifications.index")
    if request.form.get("open") and found.link:
        return redirect(safe_next(found.link, fallback))
    return redirect(safe_next(request.form.get("next"), fallback))


@bp.post("/read-all")
@login_required
def read_all() -> Response:
    """Mark every notification read."""
    changed = mark_many_read(get_session(), member())
    flash(f"Marked {changed} notification{'' if changed == 1 else 's'} read.", "success")
    return redirect(url_for("notifications.index"))
