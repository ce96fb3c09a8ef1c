"""Question-group pages: the list, the map, a group's page, curation and re-clustering."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import (
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_htmx.constants import HTMX_STOP_POLLING
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from app.bank.mapview import UNGROUPED_COLOUR, map_cache, map_for
from app.clusters import bp
from app.clusters.curation import (
    merge_groups,
    move_question,
    rename_group,
    set_locked,
    split_group,
)
from app.clusters.feedback import feedback_view, mark_not_relevant
from app.clusters.forms import MergeForm, MoveForm, NotRelevantForm, RenameForm, SplitForm
from app.clusters.gaps import GAP_SORTS, gap_sort, gaps_csv, list_gaps
from app.clusters.service import (
    SORT_ORDERS,
    current_run,
    find_topic,
    get_run,
    group_detail,
    list_groups,
    list_topics,
    request_recluster,
    restart_run,
    run_events_by_kind,
    sort_order,
    topic_sections,
    ungrouped_count,
)
from app.core.errors import Refused
from app.core.pagecache import kept_for_visitors
from app.core.paging import PageRequest, page_request
from app.core.web import (
    admin_required,
    facilitator_required,
    is_fragment,
    login_required,
    member,
    put_errors,
    register_moved,
    this_app,
    viewer,
)
from app.db import get_session

LISTING_TARGET = "group-listing"
TOPICS_VIEW = "topics"
RUN_TARGET = "run-progress"
QUESTION_CHOICE_LENGTH = 90
# The map's table lists this many of the largest groups; the groups page lists them all.
MAP_TABLE_ROWS = 200


def _page_arg() -> PageRequest:
    """The page asked for, with the configured page size."""
    return page_request(request.args, current_app.config["PAGE_SIZE"])


# A merged group's old address leads to the group that holds its questions now.
register_moved("group", "clusters.show", "cluster_id")


@bp.get("", strict_slashes=False)
@kept_for_visitors
def index() -> Response:
    """The live groups as cards, sortable and paged (of one topic with ``?topic=``), or the
    coarser view of topics with their largest groups (``?view=topics``); the cards alone for
    htmx.

    :raise 404: no such live topic.
    """
    session = get_session()
    order = sort_order(request.args.get("sort"))
    topic_id = request.args.get("topic", type=int)
    topic = find_topic(session, topic_id) if topic_id is not None else None
    by_topic = request.args.get("view") == TOPICS_VIEW and topic is None
    groups = None if by_topic else list_groups(session, order.key, _page_arg(), topic)
    context = {
        "groups": groups,
        "order": order,
        "sort_orders": SORT_ORDERS.values(),
        "topic": topic,
    }
    if is_fragment(LISTING_TARGET) and groups is not None:
        body = render_template("clusters/partials/cards.html", **context)
    else:
        body = render_template(
            "clusters/index.html",
            ungrouped=ungrouped_count(session, viewer()),
            current_run=current_run(session, viewer()),
            topics=list_topics(session),
            sections=topic_sections(session) if by_topic else None,
            **context,
        )
    response = make_response(body)
    response.vary.add("HX-Request")
    return response


@bp.get("/map", endpoint="map")
@kept_for_visitors
def group_map() -> str:
    """Every question as a dot coloured by its group, with a table of the groups."""
    return render_template(
        "clusters/map.html",
        group_map=map_for(get_session(), map_cache(), viewer()),
        ungrouped_colour=UNGROUPED_COLOUR,
        table_rows=MAP_TABLE_ROWS,
    )


def _question_choice(text: str) -> str:
    """A question shortened to fit in a select box."""
    if len(text) <= QUESTION_CHOICE_LENGTH:
        return text
    return text[: QUESTION_CHOICE_LENGTH - 1].rstrip() + "…"


FORMS: dict[str, type[FlaskForm]] = {
    "rename": RenameForm,
    "merge": MergeForm,
    "move": MoveForm,
    "split": SplitForm,
    "not_relevant": NotRelevantForm,
}


def _group_page(
    cluster_id: int, failed: str | None = None, form: FlaskForm | None = None
) -> tuple[str, int]:
    """A group's page; the form named ``failed`` is re-shown with its errors (status 422)."""
    session = get_session()
    detail = group_detail(session, cluster_id, viewer(), _page_arg())
    feedback = feedback_view(session, detail.cluster.id, viewer(), detail.matches.shown)
    forms = {name: form_class(prefix=name, formdata=None) for name, form_class in FORMS.items()}
    if failed is not None:
        forms[failed] = form
    forms["move"].set_question_choices(
        [(q.id, _question_choice(q.text)) for q in detail.questions.items]
    )
    page = render_template("clusters/show.html", detail=detail, feedback=feedback, **forms)
    return page, 200 if failed is None else 422


@bp.get("/<int:cluster_id>")
@kept_for_visitors
def show(cluster_id: int) -> tuple[str, int]:
    """A group's page: questions, supporters, matches, pledges, partnerships and history.

    :raise 404: no such group. A merged group redirects to the one it was merged into.
    """
    return _group_page(cluster_id)


def _submit(
    cluster_id: int,
    name: str,
    action: Callable[[FlaskForm], Any],
    done: Callable[[Any], tuple[str, int]],
) -> Response | tuple[str, int]:
    """Validate a posted form, run the use case, then go to the page it names or re-show errors."""
    form = FORMS[name](prefix=name)
    if form.validate_on_submit():
        try:
            result = action(form)
        except Refused as error:
            put_errors(form, error)
        else:
            message, target_id = done(result)
            flash(message, "success")
            return redirect(url_for("clusters.show", cluster_id=target_id))
    return _group_page(cluster_id, failed=name, form=form)


@bp.post("/<int:cluster_id>/rename")
@facilitator_required
def rename(cluster_id: int) -> Response | tuple[str, int]:
    """Give the group a facilitator's title."""
    return _submit(
        cluster_id,
        "rename",
        lambda form: rename_group(get_session(), member(), cluster_id, form.title.data),
        lambda cluster: (f"Renamed to “{cluster.title}”.", cluster.id),
    )


@bp.post("/<int:cluster_id>/merge")
@facilitator_required
def merge(cluster_id: int) -> Response | tuple[str, int]:
    """Merge the group into another and go to the merged group."""
    return _submit(
        cluster_id,
        "merge",
        lambda form: merge_groups(get_session(), member(), cluster_id, form.target.data),
        lambda target: (f"Merged group {cluster_id} into this group.", target.id),
    )


@bp.post("/<int:cluster_id>/move")
@facilitator_required
def move(cluster_id: int) -> Response | tuple[str, int]:
    """Move one of the group's questions into another group."""
    return _submit(
        cluster_id,
        "move",
        lambda form: move_question(
            get_session(), member(), cluster_id, form.question_id.data, form.target.data
        ),
        lambda target: (
            f"Moved the question to group {target.id} “{target.display_title}”.",
            cluster_id,
        ),
    )


@bp.post("/<int:cluster_id>/split")
@facilitator_required
def split(cluster_id: int) -> Response | tuple[str, int]:
    """Split the ticked questions off into a new group and go to it."""
    return _submit(
        cluster_id,
        "split",
        lambda form: split_group(
            get_session(), member(), cluster_id, form.question_ids.data, form.title.data
        ),
        lambda created: (f"Split off into the new group {created.id}.", created.id),
    )


@bp.post("/<int:cluster_id>/matches/<int:dataset_id>/not-relevant")
@login_required
def not_relevant(cluster_id: int, dataset_id: int) -> Response | tuple[str, int]:
    """Mark a suggested dataset not relevant for the group, with a reason."""
    return _submit(
        cluster_id,
        "not_relevant",
        lambda form: mark_not_relevant(
            get_session(), member(), cluster_id, dataset_id, form.reason.data
        ),
        lambda feedback: (
            "Thank you: the dataset is now listed after the others for this group.",
            feedback.cluster_id,
        ),
    )


@bp.get("/gaps")
@kept_for_visitors
def gaps() -> str:
    """Data gaps: widely asked groups no dataset serves and no one has pledged data to."""
    order = gap_sort(request.args.get("sort"))
    return render_template(
        "clusters/gaps.html",
        gaps=list_gaps(get_session(), order.key, _page_arg()),
        order=order,
        sort_orders=GAP_SORTS.values(),
    )


@bp.get("/gaps.csv")
def gaps_download() -> Response:
    """The data gaps as CSV, in the page's order."""
    order = gap_sort(request.args.get("sort"))
    body = gaps_csv(
        get_session(),
        order.key,
        lambda cluster_id: url_for("clusters.show", cluster_id=cluster_id, _external=True),
    )
    response = make_response(body)
    response.mimetype = "text/csv"
    response.headers["Content-Disposition"] = "attachment; filename=data-gaps.csv"
    return response


@bp.post("/<int:cluster_id>/lock", defaults={"locked": True})
@bp.post("/<int:cluster_id>/unlock", defaults={"locked": False})
@facilitator_required
def lock(cluster_id: int, locked: bool) -> Response:
    """Lock the group so re-clustering keeps its questions, or unlock it."""
    set_locked(get_session(), member(), cluster_id, locked)
    flash(
        "Locked: re-clustering will keep this group's questions together."
        if locked
        else "Unlocked: re-clustering may regroup these questions.",
        "success",
    )
    return redirect(url_for("clusters.show", cluster_id=cluster_id))


@bp.post("/recluster")
@admin_required
def recluster() -> Response:
    """Start re-clustering in the background (or follow the run under way) and watch it."""
    run_id = request_recluster(get_session(), this_app(), member())
    return redirect(url_for("clusters.run", run_id=run_id))


@bp.post("/runs/<int:run_id>/restart")
@admin_required
def restart(run_id: int) -> Response:
    """Run a failed re-clustering again and watch the new run."""
    new_id = restart_run(get_session(), this_app(), member(), run_id)
    return redirect(url_for("clusters.run", run_id=new_id))


@bp.get("/runs/<int:run_id>")
@admin_required
def run(run_id: int) -> Response:
    """A re-clustering run's progress; htmx polls the fragment until it stops (status 286)."""
    found = get_run(get_session(), this_app(), member(), run_id)
    context = {"run": found, "events": run_events_by_kind(found)}
    if is_fragment(RUN_TARGET):
        response = make_response(render_template("clusters/partials/run_progress.html", **context))
        if found.finished:
            response.status_code = HTMX_STOP_POLLING
    else:
        response = make_response(render_template("clusters/run.html", **context))
    response.vary.add("HX-Request")
    return response
