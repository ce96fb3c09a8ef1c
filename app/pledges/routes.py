"""Pledge pages: the pledge form (from a question or a group), a pledge and its status."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from app.core.errors import Refused
from app.core.web import login_required, member, put_errors, viewer
from app.db import get_session
from app.pledges import bp
from app.pledges.forms import PledgeForm, PledgeStatusForm
from app.pledges.rules import terms_of_use
from app.pledges.service import (
    PledgeDraft,
    change_status,
    find_target,
    get_pledge,
    make_pledge,
    next_statuses,
    pledgeable_dataset,
    pledgeable_datasets,
)


def _arg_id(name: str) -> int | None:
    value = request.values.get(name, "").strip()
    return int(value) if value.isdigit() else None


def _form_page(form: PledgeForm, status: int = 200) -> tuple[str, int]:
    """The pledge form for the target it names."""
    session, user = get_session(), member()
    target = find_target(session, user, form.question_id.data, form.cluster_id.data)
    form.set_datasets(pledgeable_datasets(session, user))
    page = render_template("pledges/new.html", form=form, target=target, terms=terms_of_use())
    return page, status


@bp.get("/new")
@login_required
def new() -> tuple[str, int]:
    """The pledge form, for ``question_id`` or ``cluster_id`` (and a chosen ``dataset_id``).

    :raise 404: no such readable question or live group.
    """
    form = PledgeForm(formdata=None)
    form.question_id.data, form.cluster_id.data = _arg_id("question_id"), _arg_id("cluster_id")
    form.dataset_id.data = _arg_id("dataset_id")
    if form.dataset_id.data is not None:
        try:  # say at once why a chosen dataset cannot be pledged (public data, say)
            pledgeable_dataset(get_session(), member(), form.dataset_id.data)
        except Refused as error:
            put_errors(form, error)
            return _form_page(form, 422)
    return _form_page(form)


@bp.post("/new")
@login_required
def create() -> Response | tuple[str, int]:
    """Pledge the chosen dataset and go to the pledge's page; errors re-show the form (422)."""
    form = PledgeForm()
    if form.validate_on_submit():
        draft = PledgeDraft(
            dataset_id=form.dataset_id.data,
            question_id=form.question_id.data,
            cluster_id=form.cluster_id.data,
            conditions=form.conditions.data or [],
            note=form.note.data or "",
            available_from=form.available_from.data,
            accept_terms=bool(form.accept_terms.data),
        )
        try:
            pledge = make_pledge(get_session(), member(), draft)
        except Refused as error:
            put_errors(form, error)
        else:
            flash(
                f"You pledged “{pledge.dataset.title}”. The people who ask have been told.",
                "success",
            )
            return redirect(url_for("pledges.show", pledge_id=pledge.id))
    return _form_page(form, 422)


def _show_page(pledge_id: int, form: PledgeStatusForm | None = None) -> tuple[str, int]:
    pledge = get_pledge(get_session(), viewer(), pledge_id)
    statuses = next_statuses(viewer(), pledge)
    status_form = form or PledgeStatusForm(formdata=None)
    status_form.set_statuses(statuses)
    page = render_template(
        "pledges/show.html",
        pledge=pledge,
        statuses=statuses,
        status_form=status_form,
        standing_terms=terms_of_use(),
    )
    return page, 200 if form is None else 422


@bp.get("/<int:pledge_id>")
def show(pledge_id: int) -> tuple[str, int]:
    """A pledge: the dataset, its conditions and terms of use, its status and history.

    :raise 404: no such pledge, or on a question the viewer may not read.
    """
    return _show_page(pledge_id)


@bp.post("/<int:pledge_id>/status")
@login_required
def status(pledge_id: int) -> Response | tuple[str, int]:
    """Move the pledge along (members of the holder organisation only)."""
    form = PledgeStatusForm()
    try:
        pledge = change_status(
            get_session(), member(), pledge_id, form.status.data, form.note.data or ""
        )
    except Refused as error:
        put_errors(form, error)
        return _show_page(pledge_id, form)
    flash(f"The pledge is now {pledge.status.label.lower()}.", "success")
    return redirect(url_for("pledges.show", pledge_id=pledge.id))
