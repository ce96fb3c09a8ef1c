"""Admin pages."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from app.admin import bp
from app.auth.forms import RoleForm
from app.auth.service import AccountError, list_members, set_role
from app.authz import admin_required
from app.db import get_session
from app.forms_common import select_choices
from models import Role

ROLE_CHOICES = select_choices((role.value, role.label) for role in Role)


@bp.get("/members")
@admin_required
def members() -> str:
    """Every member, with a form to change each one's role."""
    form = RoleForm()
    form.role.choices = ROLE_CHOICES
    return render_template("admin/members.html", members=list_members(get_session()), form=form)


@bp.post("/members/<int:user_id>/role")
@admin_required
def change_role(user_id: int) -> Response:
    """Change one member's role."""
    form = RoleForm()
    form.role.choices = ROLE_CHOICES
    if not form.validate_on_submit():
        flash("Choose a role from the list.", "error")
        return redirect(url_for("admin.members"))
    try:
        user = set_role(get_session(), current_user, user_id, Role(form.role.data))
    except LookupError:
        abort(404)
    except AccountError as error:
        flash(error.message, "error")
    else:
        flash(f"{user.display_name} is now {user.role.label.lower()}.", "success")
    return redirect(url_for("admin.members"))
