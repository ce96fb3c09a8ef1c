"""Workshop pages: the list, set-up, joining by code, the page for each phase, scoring, results
(table, 2×2 and CSV), deciding, data mapping and the bank's barriers page.

Participants' pages follow the phase: htmx polls the phase banner every few seconds and reloads
the page when the phase moves (286 stops the polling once closed); without JavaScript a link
reloads it. Guests are known by the token in their session cookie (see ``actor``).
"""

from __future__ import annotations

from typing import Any

from flask import (
    Response,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_htmx.constants import HTMX_STOP_POLLING
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response as BaseResponse

from app.bank.holdings import organisation_datasets
from app.core.csvfile import csv_text
from app.core.errors import Refused
from app.core.paging import page_request
from app.core.web import facilitator_required, is_fragment, login_required, put_errors, viewer
from app.db import get_session
from app.extensions import limiter, login_manager
from app.workshops import bp
from app.workshops.actor import page_actor, remember_guest
from app.workshops.chart import ChartPoint, quadrant_svg
from app.workshops.forms import DecideForm, GuestJoinForm, MappingForm, WorkshopForm
from app.workshops.results import ItemResult
from app.workshops.rules import (
    JOIN_FAILURES_LIMIT,
    JOINABLE,
    NEXT_PHASES,
    RESULTS_SHOWN,
    barriers,
    criteria,
    criterion_slugs,
    join_failed,
)
from app.workshops.service import (
    Actor,
    Decision,
    ItemRef,
    MappingDraft,
    Results,
    ScoreEntry,
    WorkshopDraft,
    barrier_totals,
    candidate_groups,
    candidate_questions,
    change_phase,
    create_workshop,
    get_workshop,
    is_facilitator,
    item_views,
    join_as_guest,
    join_as_member,
    list_workshops,
    my_mappings,
    my_scores,
    participant_of,
    progress,
    record_outcome,
    repeat_workshop,
    replace_scores,
    results,
    save_mapping,
    workshop_mappings,
)
from models import Workshop, WorkshopPhase

POLL_SECONDS = 3


def _actor_or_login(workshop_id: int) -> Actor | BaseResponse:
    actor = page_actor(workshop_id)
    if actor is None:
        answer: BaseResponse = login_manager.unauthorized()
        return answer
    return actor


@bp.get("/")
def index() -> str:
    """Workshops for members, and the join-by-code form for everyone."""
    user = viewer()
    page = list_workshops(get_session(), user, page_request(request.args)) if user else None
    return render_template(
        "workshops/index.html", page=page, join_form=GuestJoinForm(formdata=None)
    )


# --- Set-up ------------------------------------------------------------------------------------


def _setup_page(form: WorkshopForm, status: int = 200) -> tuple[str, int]:
    groups = candidate_groups(get_session())
    form.groups.choices = [(str(g.id), g.display_title) for g in groups]
    refs = _question_refs(form.question_ids.data or "") or []
    questions = candidate_questions(
        get_session(), viewer(), [r.question_id for r in refs if r.question_id]
    )
    page = render_template("workshops/new.html", form=form, groups=groups, questions=questions)
    return page, status


@bp.get("/new")
@facilitator_required
def new() -> tuple[str, int]:
    """The set-up form (a group or question can be named in the address to start with)."""
    form = WorkshopForm(formdata=None)
    form.groups.data = request.args.getlist("cluster_id")
    form.question_ids.data = ", ".join(request.args.getlist("question_id"))
    return _setup_page(form)


def _question_refs(text: str) -> list[ItemRef] | None:
    parts = [p.strip().lstrip("#") for p in text.replace(";", ",").split(",") if p.strip()]
    if not all(p.isdigit() and 0 < len(p) <= 12 for p in parts):
        return None
    return [ItemRef(question_id=int(p)) for p in parts]


def _number(value: Any) -> object:
    return None if value is None else (int(value) if value == int(value) else float(value))


@bp.post("/new")
@facilitator_required
def create() -> BaseResponse | tuple[str, int]:
    """Set up the workshop and go to its page; errors re-show the form (422)."""
    form = WorkshopForm()
    form.groups.choices = [(g, g) for g in request.form.getlist("groups")]
    if form.validate_on_submit():
        questions = _question_refs(form.question_ids.data or "")
        if questions is None:
            form.question_ids.errors = ["Give question numbers separated by commas."]
            return _setup_page(form, 422)
        groups = [ItemRef(cluster_id=int(g)) for g in form.groups.data or [] if g.isdigit()]
        draft = WorkshopDraft(
            title=form.title.data or "",
            held_on=form.held_on.data,
            purpose=form.purpose.data or "",
            mode=form.mode.data or "",
            items=[*groups, *questions],
            weights={
                slug: _number(getattr(form, f"weight_{slug}").data) for slug in criterion_slugs()
            },
            dots=form.dots.data if form.dots.data is not None else 0,
            dot_cap=form.dot_cap.data if form.dot_cap.data is not None else 0,
            invite_only=bool(form.invite_only.data),
            invite_emails=(form.invite.data or "").split(),
        )
        try:
            workshop = create_workshop(get_session(), viewer(), draft)
        except Refused as error:
            put_errors(form, _form_errors(error, {"weights": "weight_value", "items": "groups"}))
        else:
            flash(f"Workshop set up. Guests join with the code {workshop.join_code}.", "success")
            return redirect(url_for("workshops.show", workshop_id=workshop.id))
    return _setup_page(form, 422)


def _form_errors(error: Refused, renames: dict[str, str]) -> Refused:
    """The refusal with the service's field names turned into the form's."""
    return Refused({renames.get(name, name): messages for name, messages in error.errors.items()})


# --- Joining -----------------------------------------------------------------------------------


@bp.post("/join")
@limiter.limit(JOIN_FAILURES_LIMIT, deduct_when=join_failed)
def join() -> BaseResponse | tuple[str, int]:
    """A guest joins by code under a display name; errors re-show the form (422)."""
    form = GuestJoinForm()
    if form.validate_on_submit():
        try:
            guest = join_as_guest(
                get_session(), form.code.data or "", form.display_name.data or "", form.sector.data
            )
        except Refused as error:
            put_errors(form, error)
        else:
            remember_guest(guest.participant.workshop_id, guest.token)
            flash(f"You have joined as {guest.participant.display_name}.", "success")
            return redirect(url_for("workshops.show", workshop_id=guest.participant.workshop_id))
    return render_template("workshops/join.html", join_form=form), 422


@bp.get("/join")
def join_page() -> str:
    """The join-by-code form on its own."""
    form = GuestJoinForm(formdata=None)
    form.code.data = request.args.get("code", "")
    return render_template("workshops/join.html", join_form=form)


@bp.post("/<int:workshop_id>/participants")
@login_required
def join_member(workshop_id: int) -> BaseResponse:
    """The signed-in member joins the workshop."""
    join_as_member(get_session(), viewer(), workshop_id)
    flash("You have joined this workshop.", "success")
    return redirect(url_for("workshops.show", workshop_id=workshop_id))


# --- The workshop's page -----------------------------------------------------------------------


def _page_context(workshop: Workshop, actor: Actor) -> dict[str, Any]:
    session = get_session()
    facilitating = is_facilitator(actor, workshop)
    context: dict[str, Any] = {
        "workshop": workshop,
        "views": item_views(session, actor, workshop.items),
        "place": participant_of(session, actor, workshop),
        "facilitating": facilitating,
        "next_phases": NEXT_PHASES[workshop.phase] if facilitating else (),
        "joinable": workshop.phase in JOINABLE,
        "results_shown": workshop.phase in RESULTS_SHOWN,
        "poll_seconds": POLL_SECONDS,
        "barrier_terms": barriers(),
    }
    if facilitating:
        context["progress"] = progress(session, actor, workshop.id)[1]
    if workshop.phase in (WorkshopPhase.MAPPING, WorkshopPhase.CLOSED):
        context["mappings"] = workshop_mappings(session, actor, workshop)
    return context


@bp.get("/<int:workshop_id>")
def show(workshop_id: int) -> ResponseReturnValue:
    """A workshop's page for its phase (members, and the guests who joined it).

    :raise 404: no such workshop the viewer may read.
    """
    actor = _actor_or_login(workshop_id)
    if isinstance(actor, BaseResponse):
        return actor
    workshop = get_workshop(get_session(), actor, workshop_id)
    return render_template("workshops/show.html", **_page_context(workshop, actor))


@bp.get("/<int:workshop_id>/phase")
def phase_status(workshop_id: int) -> ResponseReturnValue:
    """The phase banner htmx polls: the whole page reloads once the phase moved on from
    ``seen``; polling stops (286) when the workshop is closed."""
    actor = _actor_or_login(workshop_id)
    if isinstance(actor, BaseResponse):
        return actor
    workshop = get_workshop(get_session(), actor, workshop_id)
    if not is_fragment():
        return redirect(url_for("workshops.show", workshop_id=workshop_id))
    response = make_response(
        render_template(
            "workshops/partials/phase.html", workshop=workshop, poll_seconds=POLL_SECONDS
        )
    )
    if request.args.get("seen") != workshop.phase.value:
        response.headers["HX-Refresh"] = "true"
    elif workshop.phase is WorkshopPhase.CLOSED:
        response.status_code = HTMX_STOP_POLLING
    response.vary.add("HX-Request")
    return response


@bp.get("/<int:workshop_id>/progress")
@login_required
def live_progress(workshop_id: int) -> Response:
    """How many have scored, for the facilitator (htmx polls it while scoring; 286 after)."""
    workshop, count = progress(get_session(), viewer(), workshop_id)
    response = make_response(
        render_template(
            "workshops/partials/progress.html",
            workshop=workshop,
            progress=count,
            poll_seconds=POLL_SECONDS,
        )
    )
    if workshop.phase is not WorkshopPhase.SCORING and is_fragment():
        response.status_code = HTMX_STOP_POLLING
    response.vary.add("HX-Request")
    return response


@bp.post("/<int:workshop_id>/phase")
@login_required
def move_phase(workshop_id: int) -> BaseResponse:
    """Move the workshop on (its facilitator); a refusal is said on the page."""
    workshop = change_phase(get_session(), viewer(), workshop_id, request.form.get("phase"))
    flash(f"The workshop is now: {workshop.phase.label}.", "success")
    return redirect(url_for("workshops.show", workshop_id=workshop_id))


@bp.post("/<int:workshop_id>/repeat")
@login_required
def repeat(workshop_id: int) -> BaseResponse:
    """Set up a follow-up from this workshop's items (its facilitator)."""
    follow_up = repeat_workshop(get_session(), viewer(), workshop_id)
    flash(
        "The follow-up is set up with the same items; its results show the rank changes.", "success"
    )
    return redirect(url_for("workshops.show", workshop_id=follow_up.id))


# --- Scoring -----------------------------------------------------------------------------------


def _score_page(
    workshop: Workshop,
    actor: Actor,
    values: dict[str, str],
    errors: dict[str, list[str]],
    status: int,
) -> tuple[str, int]:
    page = render_template(
        "workshops/score.html",
        workshop=workshop,
        views=item_views(get_session(), actor, workshop.items),
        criteria=criteria(),
        values=values,
        errors=errors,
        form=FlaskForm(),
    )
    return page, status


def _stored_values(workshop: Workshop, actor: Actor) -> dict[str, str]:
    values: dict[str, str] = {}
    for item_id, row in my_scores(get_session(), actor, workshop).items():
        for slug in criterion_slugs():
            score = getattr(row, slug)
            values[f"{slug}-{item_id}"] = "" if score is None else str(score)
        values[f"dots-{item_id}"] = str(row.dots)
        values[f"comment-{item_id}"] = row.comment
    return values


@bp.get("/<int:workshop_id>/score")
def score(workshop_id: int) -> ResponseReturnValue:
    """The participant's scoring form, with their own scores so far."""
    actor = _actor_or_login(workshop_id)
    if isinstance(actor, BaseResponse):
        return actor
    workshop = get_workshop(get_session(), actor, workshop_id)
    return _score_page(workshop, actor, _stored_values(workshop, actor), {}, 200)


def _posted_number(text: str) -> object:
    text = text.strip()
    if not text:
        return None
    return int(text) if text.isdigit() and len(text) < 6 else text


@bp.post("/<int:workshop_id>/score")
def save_scores(workshop_id: int) -> ResponseReturnValue:
    """Replace the participant's scores; errors re-show the form with what they typed (422)."""
    actor = _actor_or_login(workshop_id)
    if isinstance(actor, BaseResponse):
        return actor
    form = FlaskForm()
    if not form.validate_on_submit():
        abort(400)
    workshop = get_workshop(get_session(), actor, workshop_id)
    values = {key: request.form.get(key, "") for key in request.form if key != "csrf_token"}
    entries = [
        ScoreEntry(
            item_id=item.id,
            scores={
                slug: _posted_number(values.get(f"{slug}-{item.id}", ""))
                for slug in criterion_slugs()
            },
            dots=_posted_number(values.get(f"dots-{item.id}", "")) or 0,
            comment=values.get(f"comment-{item.id}", ""),
        )
        for item in workshop.items
    ]
    try:
        replace_scores(get_session(), actor, workshop_id, entries)
    except Refused as error:
        errors = {name.removeprefix("scores."): messages for name, messages in error.errors.items()}
        return _score_page(workshop, actor, values, errors, 422)
    flash("Your scores are saved. You can change them until the results are revealed.", "success")
    return redirect(url_for("workshops.show", workshop_id=workshop_id))


# --- Results -----------------------------------------------------------------------------------


def _chart(found: Results) -> tuple[Any, list[ItemResult]]:
    points, left_out = [], []
    for result in found.items or []:
        value, gap = result.mean.get("value"), result.mean.get("gap")
        if value is None or gap is None:
            left_out.append(result)
            continue
        number = str(result.rank) if result.rank is not None else "–"
        points.append(ChartPoint(number, found.views[result.item_id].label, gap, value))
    title = f"Value of the action against gap in understanding for {len(points)} items"
    return quadrant_svg(points, title), left_out


@bp.get("/<int:workshop_id>/results")
def results_page(workshop_id: int) -> ResponseReturnValue:
    """The ranked results, the sector breakdown and the value × gap 2×2 (after reveal)."""
    actor = _actor_or_login(workshop_id)
    if isinstance(actor, BaseResponse):
        return actor
    found = results(get_session(), actor, workshop_id)
    if found.items is None:  # the facilitator before reveal: progress only
        return redirect(url_for("workshops.show", workshop_id=workshop_id))
    chart, left_out = _chart(found)
    sectors = sorted({s for r in found.items for s in r.by_sector})
    return render_template(
        "workshops/results.html",
        found=found,
        workshop=found.workshop,
        criteria=criteria(),
        chart=chart,
        left_out=left_out,
        sectors=sectors,
    )


@bp.get("/<int:workshop_id>/results.csv")
def results_csv(workshop_id: int) -> ResponseReturnValue:
    """The results as CSV, one row per item, ranked."""
    actor = _actor_or_login(workshop_id)
    if isinstance(actor, BaseResponse):
        return actor
    found = results(get_session(), actor, workshop_id)
    if found.items is None:
        return redirect(url_for("workshops.show", workshop_id=workshop_id))
    slugs = criterion_slugs()
    header = [
        "rank",
        "item",
        *(f"mean_{s}" for s in slugs),
        "priority",
        *(f"sd_{s}" for s in slugs),
        "dots",
        "raters",
        "disputed",
        "previous_rank",
    ]
    rows = [
        [
            r.rank,
            found.views[r.item_id].label,
            *(None if r.mean[s] is None else round(r.mean[s] or 0, 3) for s in slugs),
            None if r.priority is None else round(r.priority, 3),
            *(None if r.spread[s] is None else round(r.spread[s].sd, 3) for s in slugs),  # type: ignore[union-attr]
            r.dots,
            r.raters,
            "yes" if r.disputed else "no",
            found.previous_ranks.get(r.item_id),
        ]
        for r in found.items
    ]
    response = Response(csv_text(header, rows), mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="workshop-{workshop_id}-results.csv"'
    )
    return response


# --- Deciding ----------------------------------------------------------------------------------


def _decide_page(
    workshop: Workshop, form: DecideForm, errors: dict[str, list[str]], status: int
) -> tuple[str, int]:
    found = results(get_session(), viewer(), workshop.id)
    return render_template(
        "workshops/decide.html",
        workshop=workshop,
        found=found,
        form=form,
        errors=errors,
        values=request.form,
    ), status


@bp.get("/<int:workshop_id>/decide")
@login_required
def decide(workshop_id: int) -> tuple[str, int]:
    """The decide form: tick the prioritised items, each with a next step and an owner."""
    workshop = get_workshop(get_session(), viewer(), workshop_id)
    if not is_facilitator(viewer(), workshop):
        abort(403)
    form = DecideForm(formdata=None)
    form.summary.data = workshop.outcome
    return _decide_page(workshop, form, {}, 200)


@bp.post("/<int:workshop_id>/decide")
@login_required
def save_decision(workshop_id: int) -> ResponseReturnValue:
    """Record the priorities; errors re-show the form (422)."""
    workshop = get_workshop(get_session(), viewer(), workshop_id)
    form = DecideForm()
    chosen = [int(i) for i in request.form.getlist("prioritised") if i.isdigit()]
    decisions = [
        Decision(i, request.form.get(f"next_step-{i}", ""), request.form.get(f"owner-{i}", ""))
        for i in chosen
    ]
    if not form.validate_on_submit():
        abort(400)
    try:
        record_outcome(get_session(), viewer(), workshop_id, decisions, form.summary.data or "")
    except Refused as error:
        errors = {n.removeprefix("prioritised."): m for n, m in error.errors.items()}
        return _decide_page(workshop, form, errors, 422)
    flash("The priorities are recorded; the people who ask have been told.", "success")
    return redirect(url_for("workshops.show", workshop_id=workshop_id))


# --- Data mapping ------------------------------------------------------------------------------


def _mapping_page(
    workshop: Workshop, actor: Actor, forms: dict[int, MappingForm], status: int
) -> tuple[str, int]:
    user = viewer()
    datasets = [(d.id, d.title) for d in organisation_datasets(get_session(), user)]
    mine = my_mappings(get_session(), actor, workshop)
    views = {v.id: v for v in item_views(get_session(), actor, workshop.items)}
    for item in workshop.items:
        if not item.prioritised or item.id in forms:
            continue
        form = MappingForm(formdata=None, prefix=f"item{item.id}")
        stored = mine.get(item.id)
        if stored is not None:
            form.holds.data, form.needs.data = stored.holds, stored.needs
            form.barriers.data, form.barrier_note.data = list(stored.barriers), stored.barrier_note
            form.dataset_id.data = str(stored.dataset_id or "")
        forms[item.id] = form
    for form in forms.values():
        form.offer(datasets)
    taking_part = participant_of(get_session(), actor, workshop) is not None
    page = render_template(
        "workshops/mapping.html",
        workshop=workshop,
        forms=forms,
        views=views,
        member=user is not None,
        open=workshop.phase is WorkshopPhase.MAPPING and taking_part,
    )
    return page, status


@bp.get("/<int:workshop_id>/mapping")
def mapping(workshop_id: int) -> ResponseReturnValue:
    """The data-mapping forms, one per prioritised item."""
    actor = _actor_or_login(workshop_id)
    if isinstance(actor, BaseResponse):
        return actor
    workshop = get_workshop(get_session(), actor, workshop_id)
    return _mapping_page(workshop, actor, {}, 200)


@bp.post("/<int:workshop_id>/mapping/<int:item_id>")
def save_item_mapping(workshop_id: int, item_id: int) -> ResponseReturnValue:
    """Save one item's data mapping; errors re-show its form with what was typed (422)."""
    actor = _actor_or_login(workshop_id)
    if isinstance(actor, BaseResponse):
        return actor
    workshop = get_workshop(get_session(), actor, workshop_id)
    form = MappingForm(prefix=f"item{item_id}")
    form.offer([])
    if form.validate_on_submit():
        dataset = form.dataset_id.data or ""
        try:
            save_mapping(
                get_session(),
                actor,
                workshop_id,
                MappingDraft(
                    item_id=item_id,
                    holds=form.holds.data or "",
                    needs=form.needs.data or "",
                    dataset_id=int(dataset) if dataset.isdigit() else None,
                    new_dataset_title=form.new_dataset_title.data or "",
                    new_dataset_description=form.new_dataset_description.data or "",
                    barriers=form.barriers.data or [],
                    barrier_note=form.barrier_note.data or "",
                ),
            )
        except Refused as error:
            put_errors(form, error)
        else:
            flash("Your data mapping is saved.", "success")
            return redirect(url_for("workshops.mapping", workshop_id=workshop_id))
    return _mapping_page(workshop, actor, {item_id: form}, 422)


@bp.get("/barriers")
def barriers_page() -> str:
    """The barriers to sharing data named across every workshop, counted (nobody named)."""
    return render_template(
        "workshops/barriers.html", totals=barrier_totals(get_session()), terms=barriers()
    )
