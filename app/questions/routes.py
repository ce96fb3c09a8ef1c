"""Question pages: ask, browse and search, read, support, curate and moderate (HTTP only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import current_app, flash, make_response, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from app.bank.support import supported_ids
from app.core.errors import Conflict, Refused
from app.core.pagecache import kept_for_visitors
from app.core.paging import page_request
from app.core.web import (
    facilitator_required,
    is_fragment,
    login_required,
    member,
    put_errors,
    register_account_section,
    safe_next,
    viewer,
)
from app.db import get_session
from app.extensions import limiter
from app.questions import bp
from app.questions.drafts import draft_from
from app.questions.filters import QuestionFilters
from app.questions.forms import (
    PLACE_SUGGESTIONS,
    VISIBILITY_LABELS,
    AnswerLinkForm,
    AskForm,
    FilterForm,
    FlagForm,
    HideForm,
    StatusForm,
)
from app.questions.moderation import (
    add_answer_link,
    change_status,
    dismiss_flags,
    flag_question,
    hide_question,
    moderation_queue,
    restore_question,
)
from app.questions.rules import ASK_RATE_LIMIT, SIMILAR_RATE_LIMIT
from app.questions.search import group_choices, list_questions, vocabulary
from app.questions.service import (
    ask_question,
    get_question,
    member_questions,
    question_detail,
    support_question,
    unsupport_question,
)
from app.questions.similar import similar_to_text

Page = str | tuple[str, int] | Response

# --- Browse and search -------------------------------------------------------------------------


@bp.get("/", strict_slashes=False)
@kept_for_visitors
def index() -> Response:
    """Every readable question, searched and filtered; only the rows for the htmx search box."""
    session = get_session()
    form = FilterForm(formdata=request.args)
    filters = QuestionFilters.from_args(request.args)
    status, result = 200, None
    try:
        result = list_questions(
            session,
            viewer(),
            filters,
            page_request(request.args, current_app.config["PAGE_SIZE"]),
        )
    except Refused as error:
        put_errors(form, error)
        status = 422
    words = vocabulary(session)
    form.set_vocabulary(words.action_types, words.themes, group_choices(session, filters.group))
    rows_only = is_fragment()
    template = "questions/partials/rows.html" if rows_only else "questions/index.html"
    # htmx swaps only 2xx answers: the rows fragment carries its own error message.
    response = make_response(
        render_template(
            template, form=form, result=result, filters=filters, places=PLACE_SUGGESTIONS
        ),
        200 if rows_only else status,
    )
    response.vary.add("HX-Request")
    return response


# --- Ask ---------------------------------------------------------------------------------------

DRAFT_FIELDS = (
    "text",
    "action",
    "action_type",
    "themes",
    "geography",
    "population_groups",
    "visibility",
    "show_organisation",
    "seen_similar",
)


def _ask_page(form: AskForm, **context: Any) -> str:
    """The ask form; on the review step it carries the draft into each "We ask this too".

    The choices are read only here, when the form is shown: a successful post never needs them.
    """
    words = vocabulary(get_session())
    form.set_vocabulary(words.action_types, words.themes)
    draft_fields = [
        (name, value) for name in DRAFT_FIELDS for value in request.form.getlist(name) if value
    ]
    return render_template(
        "questions/ask.html",
        form=form,
        places=PLACE_SUGGESTIONS,
        draft_fields=draft_fields,
        **context,
    )


@bp.get("/ask")
@login_required
def ask() -> str:
    """The form to ask a question, with similar questions shown as the member types."""
    return _ask_page(AskForm(), similar=None)


@bp.post("/ask")
@login_required
@limiter.limit(ASK_RATE_LIMIT)
def ask_post() -> Page:
    """Post the question; first show similar ones the member has not seen (the no-JS review)."""
    session = get_session()
    form = AskForm()
    if not form.validate_on_submit():
        return _ask_page(form, similar=None), 422
    try:
        outcome = ask_question(session, member(), draft_from(form.data), seen=form.seen_similar.ids)
    except Refused as error:
        put_errors(form, error)
        # The panel shows what is similar to the text typed so far, as it did while typing.
        typed = form.text.data or ""
        similar = similar_to_text(session, viewer(), typed)
        return _ask_page(form, similar=similar, typed=bool(typed.strip())), 422
    if outcome.question is None:
        return _ask_page(form, similar=outcome.similar, review=True)
    flash("Your question is posted.", "success")
    return redirect(url_for("questions.show", question_id=outcome.question.id, posted=1))


@bp.get("/similar")
@limiter.limit(SIMILAR_RATE_LIMIT)
def similar() -> str:
    """The similar-questions panel for the text being typed (an htmx fragment)."""
    text = request.args.get("text", "")
    return render_template(
        "questions/partials/similar.html",
        similar=similar_to_text(get_session(), viewer(), text),
        typed=bool(text.strip()),
        asking=True,
    )


# --- Read --------------------------------------------------------------------------------------


def _show_page(question_id: int, status: int = 200, **bound: Any) -> tuple[str, int]:
    """The question page; forms given bound (to show their errors) replace the blank ones."""
    detail = question_detail(get_session(), viewer(), question_id)
    # Blank forms ignore the posted data, so one form's errors do not fill in the others.
    forms = {
        "status_form": StatusForm(formdata=None),
        "answer_form": AnswerLinkForm(formdata=None),
        "flag_form": FlagForm(formdata=None),
        "hide_form": HideForm(formdata=None, prefix="hide"),
        **bound,
    }
    forms["status_form"].set_statuses(detail.next_statuses)
    me = viewer()
    # The confirmation after asking, shown to the asker only.
    posted = (
        request.args.get("posted") == "1" and me is not None and detail.question.author_id == me.id
    )
    page = render_template(
        "questions/show.html",
        detail=detail,
        posted=posted,
        visibility_labels=VISIBILITY_LABELS,
        **forms,
    )
    return page, status


@bp.get("/<int:question_id>")
@kept_for_visitors
def show(question_id: int) -> tuple[str, int]:
    """One question: who asks it, its group, similar questions, data and history.

    :raise 404: no such question, or the viewer may not read it.
    """
    return _show_page(question_id)


# --- Support -----------------------------------------------------------------------------------


def _support_answer(question_id: int, act: Callable[..., Any], done: str) -> Page:
    """Support or withdraw it; htmx gets the button back, the no-JS review step gets the ask
    form back with the draft, and a plain form goes back where it was."""
    session = get_session()
    try:
        act(session, member(), question_id)
        message, category = done, "success"
    except Conflict as error:
        message, category = error.message, "info"
    if is_fragment():
        return render_template(
            "questions/partials/support_button.html",
            question=get_question(session, viewer(), question_id),
            supported=question_id in supported_ids(session, viewer(), [question_id]),
        )
    flash(message, category)
    if request.form.get("back_to_draft"):
        form = AskForm()
        similar = similar_to_text(session, viewer(), form.text.data or "")
        return _ask_page(form, similar=similar, review=True)
    fallback = url_for("questions.show", question_id=question_id)
    return redirect(safe_next(request.form.get("next") or fallback))


@bp.post("/<int:question_id>/support")
@login_required
def support(question_id: int) -> Page:
    """Say "we ask this too": one per member."""
    return _support_answer(question_id, support_question, "Noted: you ask this too.")


@bp.post("/<int:question_id>/unsupport")
@login_required
def unsupport(question_id: int) -> Page:
    """Withdraw "we ask this too"."""
    return _support_answer(question_id, unsupport_question, "You no longer ask this question.")


# --- Curate and moderate -----------------------------------------------------------------------


def _done(question_id: int, message: str) -> Response:
    flash(message, "success")
    return redirect(url_for("questions.show", question_id=question_id))


@bp.post("/<int:question_id>/status")
@facilitator_required
def set_status(question_id: int) -> Page:
    """Move the question to its next status, with a note its supporters will see."""
    form = StatusForm()
    if form.validate_on_submit():
        try:
            question = change_status(
                get_session(), member(), question_id, form.status.data or "", form.note.data or ""
            )
        except Refused as error:
            put_errors(form, error)
        else:
            return _done(question_id, f"The question is now {question.status.label.lower()}.")
    return _show_page(question_id, 422, status_form=form)


@bp.post("/<int:question_id>/answers")
@facilitator_required
def add_answer(question_id: int) -> Page:
    """Attach a link to an answer."""
    form = AnswerLinkForm()
    if form.validate_on_submit():
        try:
            add_answer_link(
                get_session(), member(), question_id, form.url.data or "", form.summary.data or ""
            )
        except Refused as error:
            put_errors(form, error)
        else:
            return _done(question_id, "The answer link is added.")
    return _show_page(question_id, 422, answer_form=form)


@bp.post("/<int:question_id>/flag")
@login_required
def flag(question_id: int) -> Page:
    """Report the question to the moderators."""
    form = FlagForm()
    if form.validate_on_submit():
        try:
            flag_question(get_session(), member(), question_id, form.reason.data or "")
        except Conflict as error:
            flash(error.message, "info")
            return redirect(url_for("questions.show", question_id=question_id))
        except Refused as error:
            put_errors(form, error)
        else:
            return _done(question_id, "Thank you: a moderator will look at this question.")
    return _show_page(question_id, 422, flag_form=form)


@bp.post("/<int:question_id>/hide")
@facilitator_required
def hide(question_id: int) -> Page:
    """Hide the question from everyone but moderators."""
    form = HideForm(prefix="hide")
    if form.validate_on_submit():
        try:
            hide_question(get_session(), member(), question_id, form.reason.data or "")
        except Refused as error:
            put_errors(form, error)
        else:
            return _done(question_id, "The question is hidden. Only moderators can see it now.")
    return _show_page(question_id, 422, hide_form=form)


@bp.post("/<int:question_id>/restore")
@facilitator_required
def restore(question_id: int) -> Response:
    """Bring a hidden question back."""
    try:
        restore_question(get_session(), member(), question_id)
    except Refused as error:  # not hidden: say so on its page
        flash(error.message, "info")
        return redirect(url_for("questions.show", question_id=question_id))
    return _done(question_id, "The question is back in listings, search and its group.")


@bp.post("/<int:question_id>/dismiss-flags")
@facilitator_required
def dismiss(question_id: int) -> Response:
    """Leave a flagged question as it is and clear its flags."""
    count = dismiss_flags(get_session(), member(), question_id)
    flash(f"Cleared {count} flag{'s' if count != 1 else ''}; the question stays.", "success")
    return redirect(url_for("questions.moderation"))


@bp.get("/moderation")
@facilitator_required
def moderation() -> str:
    """Flagged questions waiting for a look, and the hidden ones."""
    return render_template(
        "questions/moderation.html",
        queue=moderation_queue(get_session(), member()),
        hide_form=HideForm(prefix="hide"),
    )


# The account page lists the questions a member asked and supports, with their news.
register_account_section(
    "questions/partials/account_questions.html",
    lambda session, user: {"my_questions": member_questions(session, user)},
)
