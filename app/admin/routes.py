"""Admin pages: members and roles; the background jobs, and re-embedding."""

from __future__ import annotations

from flask import flash, make_response, redirect, render_template, url_for
from flask_htmx.constants import HTMX_STOP_POLLING
from werkzeug.wrappers import Response

from app.admin import bp
from app.admin.forms import RoleForm
from app.admin.service import list_members, recent_jobs, request_reembed, set_role
from app.bank.jobs import expire_dead, restart_watched, watched_job
from app.core.errors import Refused
from app.core.web import admin_required, is_fragment, member, this_app
from app.db import get_session
from models import JobKind, Role

JOB_TARGET = "job-progress"


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


@bp.get("/jobs")
@admin_required
def jobs() -> str:
    """The latest background jobs of every kind, and the re-embedding button."""
    expire_dead(this_app())
    return render_template("admin/jobs.html", jobs=recent_jobs(get_session(), member()))


@bp.post("/jobs/reembed")
@admin_required
def reembed_start() -> Response:
    """Re-embed what the configured model has not embedded, in the background (or follow the
    re-embedding under way)."""
    job = request_reembed(this_app(), member())
    return redirect(url_for("admin.job", job_id=job.id))


@bp.get("/jobs/<int:job_id>")
@admin_required
def job(job_id: int) -> Response:
    """A re-embedding's progress; htmx polls the fragment until it stops (status 286)."""
    found = watched_job(this_app(), get_session(), member(), JobKind.REEMBED, job_id)
    if is_fragment(JOB_TARGET):
        response = make_response(render_template("admin/partials/job_progress.html", job=found))
        if found.finished:
            response.status_code = HTMX_STOP_POLLING
    else:
        response = make_response(render_template("admin/job.html", job=found))
    response.vary.add("HX-Request")
    return response


@bp.post("/jobs/<int:job_id>/restart")
@admin_required
def job_restart(job_id: int) -> Response:
    """Run a failed re-embedding again and watch the new job."""
    again = restart_watched(this_app(), get_session(), member(), JobKind.REEMBED, job_id)
    return redirect(url_for("admin.job", job_id=again.id))
