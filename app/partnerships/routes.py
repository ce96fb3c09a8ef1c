"""Partnership pages: start one, its page, joining, its status, log and checklist."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from app.core.errors import Refused
from app.core.policy import is_partner, leads, membership
from app.core.web import login_required, member, put_errors, register_account_section, viewer
from app.db import get_session
from app.partnerships import bp
from app.partnerships.forms import InviteForm, JoinForm, LogForm, StartForm, StatusForm
from app.partnerships.membership import ask_to_join, invite, pending, respond, suggestions
from app.partnerships.rules import NEXT_STATUSES
from app.partnerships.service import (
    active_members,
    add_log_entry,
    can_be_invited,
    checklist,
    get_partnership,
    member_partnerships,
    set_check,
    set_status,
    start_partnership,
)


@bp.post("/new")
@login_required
def create() -> Response | tuple[str, int]:
    """Start a partnership around the group or question named, and go to its page."""
    form = StartForm()
    if form.validate_on_submit():
        try:
            created = start_partnership(
                get_session(),
                member(),
                form.title.data,
                cluster_id=form.cluster_id.data,
                question_id=form.question_id.data,
            )
        except Refused as error:
            put_errors(form, error)
        else:
            flash(
                f"You started the partnership “{created.title}”. Invite others to join.", "success"
            )
            return redirect(url_for("partnerships.show", partnership_id=created.id))
    return render_template("partnerships/new.html", form=form), 422


def _page(
    partnership_id: int, failed: str | None = None, form: FlaskForm | None = None
) -> tuple[str, int]:
    """The partnership's page; the form named ``failed`` is re-shown with its errors (422)."""
    session, me = get_session(), viewer()
    partnership = get_partnership(session, me, partnership_id)
    forms: dict[str, Any] = {
        "invite_form": InviteForm(formdata=None, prefix="invite"),
        "join_form": JoinForm(formdata=None, prefix="join"),
        "log_form": LogForm(formdata=None, prefix="log"),
        "status_form": StatusForm(formdata=None, prefix="status"),
    }
    if failed is not None:
        forms[failed] = form
    suggested = suggestions(session, me, partnership)
    forms["invite_form"].set_people(
        [(u.id, f"{u.display_name}, {s.organisation.name}") for s in suggested for u in s.people]
    )
    statuses = NEXT_STATUSES[partnership.status] if leads(me, partnership) else ()
    forms["status_form"].set_statuses(statuses)
    page = render_template(
        "partnerships/show.html",
        partnership=partnership,
        me=membership(me, partnership),
        partner=is_partner(me, partnership),
        lead=leads(me, partnership),
        members=active_members(partnership),
        waiting=pending(me, partnership),
        suggested=suggested,
        checklist=checklist(partnership) if is_partner(me, partnership) else [],
        can_ask=me is not None and can_be_invited(partnership, me),
        statuses=statuses,
        **forms,
    )
    return page, 200 if failed is None else 422


@bp.get("/<int:partnership_id>")
def show(partnership_id: int) -> tuple[str, int]:
    """A partnership: members and roles, status; for members, the log and checklist.

    :raise 404: no such partnership, or around a question the viewer may not read.
    """
    return _page(partnership_id)


def _done(partnership_id: int, message: str) -> Response:
    flash(message, "success")
    return redirect(url_for("partnerships.show", partnership_id=partnership_id))


@bp.post("/<int:partnership_id>/invite")
@login_required
def invite_member(partnership_id: int) -> Response | tuple[str, int]:
    """Invite a suggested member or a member by email."""
    form = InviteForm(prefix="invite")
    try:
        row = invite(
            get_session(),
            member(),
            partnership_id,
            form.role.data,
            user_id=form.user_id.data,
            email=None if form.user_id.data else form.email.data,
        )
    except Refused as error:
        put_errors(form, error)
        return _page(partnership_id, "invite_form", form)
    return _done(
        partnership_id, f"Invited {row.user.display_name}. They will see it in their notifications."
    )


@bp.post("/<int:partnership_id>/join")
@login_required
def join(partnership_id: int) -> Response | tuple[str, int]:
    """Ask to join; a lead answers."""
    form = JoinForm(prefix="join")
    try:
        ask_to_join(get_session(), member(), partnership_id, form.role.data)
    except Refused as error:
        put_errors(form, error)
        return _page(partnership_id, "join_form", form)
    return _done(partnership_id, "You asked to join. A lead of the partnership will answer.")


@bp.post("/<int:partnership_id>/members/<int:member_id>/accept", defaults={"accept": True})
@bp.post("/<int:partnership_id>/members/<int:member_id>/decline", defaults={"accept": False})
@login_required
def answer(partnership_id: int, member_id: int, accept: bool) -> Response:
    """Accept or decline an invitation (the invitee) or a request to join (a lead)."""
    row = respond(get_session(), member(), partnership_id, member_id, accept)
    joined = "joined the partnership" if row.user_id == member().id else "is in"
    message = f"{row.user.display_name} {joined}." if accept else "Declined."
    return _done(partnership_id, message)


@bp.post("/<int:partnership_id>/status")
@login_required
def status(partnership_id: int) -> Response | tuple[str, int]:
    """Move the partnership along (its lead)."""
    form = StatusForm(prefix="status")
    try:
        changed = set_status(get_session(), member(), partnership_id, form.status.data)
    except Refused as error:
        put_errors(form, error)
        return _page(partnership_id, "status_form", form)
    return _done(partnership_id, f"The partnership is now {changed.status.label.lower()}.")


@bp.post("/<int:partnership_id>/log")
@login_required
def log(partnership_id: int) -> Response | tuple[str, int]:
    """Add a decision or next step to the log (members)."""
    form = LogForm(prefix="log")
    try:
        add_log_entry(get_session(), member(), partnership_id, form.kind.data, form.text.data)
    except Refused as error:
        put_errors(form, error)
        return _page(partnership_id, "log_form", form)
    return _done(partnership_id, "Added to the log.")


@bp.post("/<int:partnership_id>/checklist/<item>")
@login_required
def check(partnership_id: int, item: str) -> Response:
    """Tick (``ticked=1``) or untick a readiness item (members)."""
    ticked = request.form.get("ticked") == "1"
    set_check(get_session(), member(), partnership_id, item, ticked)
    return _done(partnership_id, "Ticked." if ticked else "Unticked.")


# Members see their partnerships, invitations and requests on their account page.
register_account_section(
    "partnerships/partials/account_partnerships.html",
    lambda session, user: {"my_partnerships": member_partnerships(session, user)},
)
