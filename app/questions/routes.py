"""Question pages: ask, browse and search, read, support, curate and moderate (HTTP only)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import (
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import login_required
from werkzeug.wrappers import Response

from app.auth.routes import _safe_next as safe_next
from app.authz import facilitator_required
from app.db import get_session
from app.extensions import htmx, limiter
from app.questions import bp
from app.questions.forms import (
    PLACE_SUGGESTIONS,
    AnswerLinkForm,
    AskForm,
    FilterForm,
    FlagForm,
    HideForm,
    StatusForm,
)
from app.questions.http import ASK_RATE_LIMIT, SIMILAR_RATE_LIMIT, viewer
from app.questions.rules import AlreadyDone, QuestionError, QuestionNotFound
from app.questions.search import (
    QuestionFilters,
    group_title,
    list_questions,
    similar_to_text,
    supported_ids,
    vocabulary,
)
from app.questions.service import (
    QuestionDraft,
    add_answer_link,
    change_status,
    create_question,
    dismiss_flags,
    flag_question,
    get_question,
    hide_question,
    moderation_queue,
    question_detail,
    restore_question,
    split_population_groups,
    support_question,
    unsupport_question,
    validate_draft,
)

Page = str | tuple[str, int] | Response


def refusals(view: Callable[..., Any]) -> Callable[..., Any]:
    """Answer 404 for a question the viewer may not read and 403 for a role that may not act."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        try:
            return view(*args, **kwargs)
        except QuestionNotFound:
            abort(404)
        except PermissionError:
            abort(403)

    return wrapped


def put_errors(form: Any, error: QuestionError) -> None:
    """Show a service's refusal beside the fields it names (on the form's first field if none)."""
    for name, messages in error.errors.items():
        target = form[name] if name in form else next(iter(form))
        target.errors = [*target.errors, *messages]


# --- Browse and search -------------------------------------------------------------------------


@bp.get("/", strict_slashes=False)
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
            page=request.args.get("page", 1, type=int) or 1,
            per_page=current_app.config["PAGE_SIZE"],
        )
    except QuestionError as error:
        put_errors(form, error)
        status = 422
    words = vocabulary(session)
    form.set_vocabulary(words.action_types, words.themes, group_title(session, filters.group))
    rows_only = bool(htmx) and not htmx.history_restore_request
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


def _ask_form() -> AskForm:
    form = AskForm()
    words = vocabulary(get_session())
    form.set_vocabulary(words.action_types, words.themes)
    return form


def _ask_page(form: AskForm, **context: Any) -> str:
    return render_template("questions/ask.html", form=form, places=PLACE_SUGGESTIONS, **context)


def _draft(form: AskForm) -> QuestionDraft:
    return QuestionDraft(
        text=form.text.data or "",
        action=form.action.data or "",
        action_type=form.action_type.data or "",
        themes=tuple(form.themes.data or ()),
        geography=form.geography.data or "",
        population_groups=split_population_groups(form.population_groups.data or ""),
        visibility=form.visibility.data or "",
        show_organisation=bool(form.show_organisation.data),
    )


@bp.get("/ask")
@login_required
def ask() -> str:
    """The form to ask a question, with similar questions shown as the member types."""
    return _ask_page(_ask_form(), similar=None)


@bp.post("/ask")
@login_required
@limiter.limit(ASK_RATE_LIMIT)
def ask_post() -> Page:
    """Post the question; first show similar ones the member has not seen (the no-JS review)."""
    session = get_session()
    form = _ask_form()
    if not form.validate_on_submit():
        return _ask_page(form, similar=None), 422
    draft = _draft(form)
    try:
        validate_draft(session, draft)
        similar = similar_to_text(session, viewer(), draft.text)
        if any(item.question.id not in form.seen_similar.ids for item in similar):
            return _ask_page(form, similar=similar, review=True)
        question = create_question(session, viewer(), draft)
    except QuestionError as error:
        put_errors(form, error)
        return _ask_page(form, similar=None), 422
    flash("Your question is posted.", "success")
    return redirect(url_for("questions.show", question_id=question.id, posted=1))


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
    return render_template("questions/show.html", detail=detail, posted=posted, **forms), status


@bp.get("/<int:question_id>")
@refusals
def show(question_id: int) -> tuple[str, int]:
    """One question: who asks it, its group, similar questions, data and history.

    :raise 404: no such question, or the viewer may not read it.
    """
    return _show_page(question_id)


# --- Support -----------------------------------------------------------------------------------


def _support_answer(question_id: int, act: Callable[..., Any], done: str) -> Page:
    """Support or withdraw it; htmx gets the button back, a plain form goes back where it was."""
    session = get_session()
    try:
        act(session, viewer(), question_id)
        message, category = done, "success"
    except AlreadyDone as error:
        message, category = error.message, "info"
    if htmx:
        return render_template(
            "questions/partials/support_button.html",
            question=get_question(session, viewer(), question_id),
            supported=question_id in supported_ids(session, viewer(), [question_id]),
        )
    flash(message, category)
    fallback = url_for("questions.show", question_id=question_id)
    return redirect(safe_next(request.form.get("next") or fallback))


@bp.post("/<int:question_id>/support")
@login_required
@refusals
def support(question_id: int) -> Page:
    """Say "we ask this too": one per member."""
    return _support_answer(question_id, support_question, "Noted: you ask this too.")


@bp.post("/<int:question_id>/unsupport")
@login_required
@refusals
def unsupport(question_id: int) -> Page:
    """Withdraw "we ask this too"."""
    return _support_answer(question_id, unsupport_question, "You no longer ask this question.")


# --- Curate and moderate -----------------------------------------------------------------------


def _done(question_id: int, message: str) -> Response:
    flash(message, "success")
    return redirect(url_for("questions.show", question_id=question_id))


@bp.post("/<int:question_id>/status")
@facilitator_required
@refusals
def set_status(question_id: int) -> Page:
    """Move the question to its next status, with a note its supporters will see."""
    form = StatusForm()
    if form.validate_on_submit():
        try:
            question = change_status(
                get_session(), viewer(), question_id, form.status.data or "", form.note.data or ""
            )
        except QuestionError as error:
            put_errors(form, error)
        else:
            return _done(question_id, f"The question is now {question.status.label.lower()}.")
    return _show_page(question_id, 422, status_form=form)


@bp.post("/<int:question_id>/answers")
@facilitator_required
@refusals
def add_answer(question_id: int) -> Page:
    """Attach a link to an answer."""
    form = AnswerLinkForm()
    if form.validate_on_submit():
        try:
            add_answer_link(
                get_session(), viewer(), question_id, form.url.data or "", form.summary.data or ""
            )
        except QuestionError as error:
            put_errors(form, error)
        else:
            return _done(question_id, "The answer link is added.")
    return _show_page(question_id, 422, answer_form=form)


@bp.post("/<int:question_id>/flag")
@login_required
@refusals
def flag(question_id: int) -> Page:
    """Report the question to the moderators."""
    form = FlagForm()
    if form.validate_on_submit():
        try:
            flag_question(get_session(), viewer(), question_id, form.reason.data or "")
        except AlreadyDone as error:
            flash(error.message, "info")
            return redirect(url_for("questions.show", question_id=question_id))
        except QuestionError as error:
            put_errors(form, error)
        else:
            return _done(question_id, "Thank you: a moderator will look at this question.")
    return _show_page(question_id, 422, flag_form=form)


@bp.post("/<int:question_id>/hide")
@facilitator_required
@refusals
def hide(question_id: int) -> Page:
    """Hide the question from everyone but moderators."""
    form = HideForm(prefix="hide")
    if form.validate_on_submit():
        try:
            hide_question(get_session(), viewer(), question_id, form.reason.data or "")
        except QuestionError as error:
            put_errors(form, error)
        else:
            return _done(question_id, "The question is hidden. Only moderators can see it now.")
    return _show_page(question_id, 422, hide_form=form)


@bp.post("/<int:question_id>/restore")
@facilitator_required
@refusals
def restore(question_id: int) -> Response:
    """Bring a hidden question back."""
    try:
        restore_question(get_session(), viewer(), question_id)
    except QuestionError as error:
        flash(error.message, "info")
        return redirect(url_for("questions.show", question_id=question_id))
    return _done(question_id, "The question is back in listings, search and its group.")


@bp.post("/<int:question_id>/dismiss-flags")
@facilitator_required
@refusals
def dismiss(question_id: int) -> Response:
    """Leave a flagged question as it is and clear its flags."""
    count = dismiss_flags(get_session(), viewer(), question_id)
    flash(f"Cleared {count} flag{'s' if count != 1 else ''}; the question stays.", "success")
    return redirect(url_for("questions.moderation"))


@bp.get("/moderation")
@facilitator_required
@refusals
def moderation() -> str:
    """Flagged questions waiting for a look, and the hidden ones."""
    return render_template(
        "questions/moderation.html",
        queue=moderation_queue(get_session(), viewer()),
        hide_form=HideForm(prefix="hide"),
    )
