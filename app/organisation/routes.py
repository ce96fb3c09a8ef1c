"""The organisation page: its details and members for every member of it; for its admins, who
else is one, its record to download, and closing it."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import logout_user
from werkzeug.wrappers import Response

from app.bank.index import question_index
from app.bank.organisations import (
    close_organisation,
    managed_organisation,
    organisation_counts,
    organisation_record,
)
from app.core.errors import Refused
from app.core.policy import manages_organisation
from app.core.web import (
    json_attachment,
    login_required,
    member,
    put_errors,
    register_account_section,
)
from app.db import get_session
from app.organisation import bp
from app.organisation.forms import CloseOrganisationForm, OrganisationRoleForm
from app.organisation.service import organisation_members, set_organisation_role
from models import User


def _role_form(user: User) -> OrganisationRoleForm:
    """A member's role form as it stands (each member's fields carry their id)."""
    return OrganisationRoleForm(
        formdata=None, prefix=f"member-{user.id}", organisation_role=user.organisation_role.value
    )


def _page(refused: tuple[int, OrganisationRoleForm] | None = None) -> tuple[str, int]:
    """The organisation page; a refused role change is shown beside that member's role."""
    user = member()
    members = organisation_members(get_session(), user)
    forms = {m.id: _role_form(m) for m in members}
    if refused is not None:
        forms[refused[0]] = refused[1]
    page = render_template(
        "organisation/show.html",
        organisation=user.organisation,
        members=members,
        forms=forms,
        manages=manages_organisation(user, user.organisation_id),
    )
    return page, 422 if refused else 200


@bp.get("/")
@login_required
def show() -> tuple[str, int]:
    """The member's organisation and its members (and, for its admins, what they can do)."""
    return _page()


@bp.post("/members/<int:user_id>/role")
@login_required
def change_role(user_id: int) -> Response | tuple[str, int]:
    """Make a member an admin of the organisation, or a member again (its admins)."""
    form = OrganisationRoleForm(prefix=f"member-{user_id}")
    # The service checks the choice, after who may make it (CSRF is checked app-wide).
    try:
        user = set_organisation_role(
            get_session(), member(), user_id, form.organisation_role.data or ""
        )
    except Refused as error:
        put_errors(form, error)
        return _page((user_id, form))
    now = "an admin" if user.is_organisation_admin else "a member"
    flash(f"{user.display_name} is now {now} of the organisation.", "success")
    return redirect(url_for("organisation.show"))


@bp.get("/export")
@login_required
def export() -> Response:
    """The organisation's whole record as a JSON file (its admins)."""
    user = member()
    record = organisation_record(get_session(), user, user.organisation_id)
    return json_attachment(record, f"question-bank-organisation-{user.organisation_id}.json")


def _close_page(form: CloseOrganisationForm) -> tuple[str, int]:
    user = member()
    organisation = managed_organisation(get_session(), user, user.organisation_id)
    page = render_template(
        "organisation/close.html",
        organisation=organisation,
        counts=organisation_counts(get_session(), organisation.id),
        form=form,
    )
    return page, 422 if form.errors else 200


@bp.get("/close")
@login_required
def close_form() -> tuple[str, int]:
    """What closing the organisation does, and the confirmation (its admins)."""
    return _close_page(CloseOrganisationForm(formdata=None))


@bp.post("/close")
@login_required
def close() -> Response | tuple[str, int]:
    """Close the organisation once its name is typed; the admin's own account goes with it, so
    they are logged out."""
    form = CloseOrganisationForm()
    if form.validate_on_submit():
        user = member()
        try:
            removed = close_organisation(
                get_session(), user, user.organisation_id, form.confirm.data or ""
            )
        except Refused as error:
            put_errors(form, error)
        else:
            question_index().forget(removed)
            logout_user()
            flash(
                "Your organisation is closed: its members' accounts, yours too, are deleted.",
                "info",
            )
            return redirect(url_for("main.index"))
    return _close_page(form)


# Members find their organisation from their account page.
register_account_section(
    "organisation/partials/account_organisation.html",
    lambda session, user: {"manages": manages_organisation(user, user.organisation_id)},
)
