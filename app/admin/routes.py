"""Admin pages."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from app.admin import bp
from app.admin.forms import RoleForm
from app.admin.service import list_members, set_role
from app.core.errors import Refused
from app.core.web import admin_required, member
from app.db import get_session
from models import Role


@bp.get("/members")
@admin_required
def members() -> str:
    """Every member, with a form to change each one's role."""
    return render_template(
        "admin/members.html", members=list_members(get_session(), member()), form=RoleForm()
    )


@bp.post("/members/<int:user_id>/role")
@admin_required
def change_role(user_id: int) -> Response:
    """Change one member's role."""
    form = RoleForm()
    if not form.validate_on_submit():
        flash("Choose a role from the list.", "error")
        return redirect(url_for("admin.members"))
    try:
        user = set_role(get_session(), member(), user_id, Role(form.role.data))
    except Refused as error:
        flash(error.message, "error")
    else:
        flash(f"{user.display_name} is now {user.role.label.lower()}.", "success")
    return redirect(url_for("admin.members"))
