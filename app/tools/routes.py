"""Pages of "Group my questions": upload a CSV, choose its text column, watch it being grouped,
read the groups and download the grouped file. No account is needed."""

from __future__ import annotations

from pathlib import Path

from flask import (
    current_app,
    make_response,
    redirect,
    render_template,
    send_file,
    url_for,
)
from flask_htmx.constants import HTMX_STOP_POLLING
from werkzeug.wrappers import Response

from app.core.errors import NotFound, Refused
from app.core.web import is_fragment, put_errors, read_upload, this_app
from app.extensions import limiter
from app.tools import bp
from app.tools.forms import ColumnForm, GroupUploadForm
from app.tools.service import (
    DONE,
    GROUP_COLUMNS,
    GROUP_RATE_LIMIT,
    MAX_BYTES,
    MAX_ROWS,
    RUN_MAX_AGE_SECONDS,
    UPLOAD_RATE_LIMIT,
    WAITING,
    Run,
    guess_column,
    new_run,
    open_run,
    start_grouping,
)

PROGRESS_TARGET = "group-progress"

Page = str | tuple[str, int]


def _root() -> Path:
    return Path(current_app.config["UPLOAD_DIR"]) / "group-my-questions"


def _upload_page(form: GroupUploadForm, status: int = 200) -> Page:
    page = render_template(
        "tools/group.html",
        form=form,
        max_rows=MAX_ROWS,
        max_megabytes=MAX_BYTES // 2**20,
        columns=GROUP_COLUMNS,
        kept_minutes=RUN_MAX_AGE_SECONDS // 60,
    )
    return page, status


@bp.get("/group")
def group() -> Page:
    """The form to upload a CSV of questions."""
    return _upload_page(GroupUploadForm())


@bp.post("/group")
@limiter.limit(UPLOAD_RATE_LIMIT)
def group_upload() -> Page | Response:
    """Keep the file for a while and ask which column holds the questions."""
    form = GroupUploadForm()
    posted = read_upload(form, MAX_BYTES, "Choose a CSV file to upload.")
    if posted is None:
        return _upload_page(form, 422)
    try:
        run, _ = new_run(_root(), *posted)
    except Refused as error:
        put_errors(form, error)
        return _upload_page(form, 422)
    return redirect(url_for("tools.run", token=run.token))


def _run_page(run: Run, form: ColumnForm | None = None, status: int = 200) -> Response:
    if form is None and run.state["state"] == WAITING:
        form = ColumnForm(formdata=None, column=guess_column(run.state["header"]))
    if form is not None:
        form.column.choices = [(name, name) for name in run.state["header"]]
    if is_fragment(PROGRESS_TARGET):
        response = make_response(render_template("tools/partials/progress.html", run=run))
        if run.finished:
            response.status_code = HTMX_STOP_POLLING
    else:
        response = make_response(render_template("tools/run.html", run=run, form=form), status)
    response.vary.add("HX-Request")
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/group/<token>")
def run(token: str) -> Response:
    """The column choice, then the progress, then the groups and the download."""
    return _run_page(open_run(_root(), token))


@bp.post("/group/<token>")
@limiter.limit(GROUP_RATE_LIMIT)
def run_start(token: str) -> Response:
    """Group the file by the chosen column."""
    found = open_run(_root(), token)
    form = ColumnForm()
    if not form.validate_on_submit():
        return _run_page(found, form, 422)
    try:
        start_grouping(this_app(), found, form.column.data or "")
    except Refused as error:
        put_errors(form, error)
        return _run_page(found, form, 422)
    return redirect(url_for("tools.run", token=token))


@bp.get("/group/<token>/grouped.csv")
def download(token: str) -> Response:
    """The grouped file, as an attachment."""
    found = open_run(_root(), token)
    if found.state["state"] != DONE or not found.output.exists():
        raise NotFound("This file is not grouped yet, or no longer here.")
    stem = Path(found.filename).stem
    response = send_file(
        found.output,
        mimetype="text/csv",
        as_attachment=True,
        download_name=f"{stem}-grouped.csv",
        max_age=0,
    )
    response.headers["Cache-Control"] = "no-store"
    return response
