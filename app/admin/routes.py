"""Admin pages: members and roles; the background jobs, and re-embedding."""

from __future__ import annotations

from flask import current_app, flash, make_response, redirect, render_template, request, url_for
from flask_htmx.constants import HTMX_STOP_POLLING
from werkzeug.wrappers import Response

from app.admin import bp
from app.admin.forms import LicenceForm, RoleForm
from app.admin.service import (
    list_members,
    list_organisations,
    recent_jobs,
    request_reembed,
    set_role,
)
from app.bank.index import question_index
from app.bank.jobs import expire_dead, restart_watched, watched_job
from app.bank.organisations import close_organisation, organisation_counts, organisation_record
from app.bank.settings import open_data_licence, set_open_data_licence
from app.core.errors import NotFound, Refused
from app.core.web import (
    admin_required,
    is_fragment,
    json_attachment,
    member,
    put_errors,
    this_app,
)
from app.db import get_session
from models import JobKind, Organisation, Role

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


# --- Organisations -------------------------------------------------------------------------------


@bp.get("/organisations")
@admin_required
def organisations() -> str:
    """Every organisation, with its record to download and the way to close it."""
    rows = list_organisations(get_session(), member())
    return render_template("admin/organisations.html", organisations=rows)


@bp.get("/organisations/<int:organisation_id>/export")
@admin_required
def organisation_export(organisation_id: int) -> Response:
    """The organisation's whole record as a JSON file."""
    record = organisation_record(get_session(), member(), organisation_id)
    return json_attachment(record, f"question-bank-organisation-{organisation_id}.json")


def _close_page(organisation_id: int, errors: list[str] | None = None) -> tuple[str, int]:
    organisation = get_session().get(Organisation, organisation_id)
    if organisation is None:
        raise NotFound("There is no organisation with this id.")
    page = render_template(
        "admin/close_organisation.html",
        organisation=organisation,
        counts=organisation_counts(get_session(), organisation_id),
        errors=errors or [],
    )
    return page, 422 if errors else 200


@bp.get("/organisations/<int:organisation_id>/close")
@admin_required
def organisation_close_form(organisation_id: int) -> tuple[str, int]:
    """What closing the organisation does, and the confirmation."""
    return _close_page(organisation_id)


@bp.post("/organisations/<int:organisation_id>/close")
@admin_required
def organisation_close(organisation_id: int) -> Response | tuple[str, int]:
    """Close the organisation once its name is typed to confirm."""
    try:
        removed = close_organisation(
            get_session(), member(), organisation_id, request.form.get("name", "")
        )
    except Refused as error:
        return _close_page(organisation_id, [error.message])
    question_index().forget(removed)
    flash("The organisation is closed and its members' accounts deleted.", "success")
    return redirect(url_for("admin.organisations"))


# --- Settings ------------------------------------------------------------------------------------


def _settings_page(form: LicenceForm, status: int = 200) -> tuple[str, int]:
    default = current_app.config["OPEN_DATA_LICENCE"]
    return render_template("admin/settings.html", form=form, default=default), status


@bp.get("/settings")
@admin_required
def settings() -> tuple[str, int]:
    """The settings an admin chooses: the open-data licence."""
    chosen = open_data_licence(get_session(), current_app.config["OPEN_DATA_LICENCE"])
    return _settings_page(LicenceForm(formdata=None, licence=chosen))


@bp.post("/settings")
@admin_required
def settings_save() -> Response | tuple[str, int]:
    """Publish the open data under the chosen licence."""
    form = LicenceForm()
    if not form.validate_on_submit():
        return _settings_page(form, 422)
    try:
        set_open_data_licence(get_session(), member(), form.licence.data or "")
    except Refused as error:
        put_errors(form, error)
        return _settings_page(form, 422)
    flash("The open data is now published under this licence.", "success")
    return redirect(url_for("admin.settings"))
