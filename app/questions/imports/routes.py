"""Import pages: the list of imports, a new upload, the preview with its column mapping, the
import's progress, and an import's page with its undo."""

from __future__ import annotations

from pathlib import Path

from flask import current_app, flash, make_response, redirect, render_template, request, url_for
from flask_htmx.constants import HTMX_STOP_POLLING
from werkzeug.wrappers import Response

from app.bank.index import question_index
from app.bank.jobs import restart_watched, watched_job
from app.core.errors import Refused
from app.core.paging import page_request
from app.core.policy import require_curator
from app.core.web import is_fragment, login_required, member, put_errors, read_upload, this_app
from app.db import get_session
from app.questions.imports import bp
from app.questions.imports.forms import MappingForm, UploadForm
from app.questions.imports.service import (
    SHOWN_ROWS,
    TARGETS,
    VOCABULARY_FIELDS,
    Choices,
    batch_detail,
    check_rows,
    guess_mapping,
    keep_upload,
    list_batches,
    load_upload,
    start_import,
    undo_import,
    vocabularies,
)
from app.questions.imports.sheets import MAX_BYTES, MAX_ROWS, read_sheet
from models import JobKind

PROGRESS_TARGET = "import-progress"
FIX_PREFIX = "fix:"

Page = str | tuple[str, int]


def _folder() -> Path:
    return Path(current_app.config["UPLOAD_DIR"]) / "question-imports"


@bp.get("", strict_slashes=False)
@login_required
def index() -> str:
    """The imports the facilitator made (an admin: everyone's), newest first."""
    at = page_request(request.args, current_app.config["PAGE_SIZE"])
    return render_template("imports/index.html", batches=list_batches(get_session(), member(), at))


def _upload_page(form: UploadForm, status: int = 200) -> Page:
    page = render_template(
        "imports/new.html", form=form, max_rows=MAX_ROWS, max_megabytes=MAX_BYTES // 2**20
    )
    return page, status


@bp.get("/new")
@login_required
def new() -> Page:
    """The form to upload a spreadsheet of questions."""
    require_curator(member())
    return _upload_page(UploadForm())


@bp.post("/new")
@login_required
def upload() -> Page | Response:
    """Read the spreadsheet, keep it on the server and show its preview; nothing is saved."""
    require_curator(member())
    form = UploadForm()
    posted = read_upload(form, MAX_BYTES, "Choose a spreadsheet to upload.")
    if posted is None:
        return _upload_page(form, 422)
    filename, content = posted
    try:
        sheet = read_sheet(content, filename)
    except Refused as error:
        put_errors(form, error)
        return _upload_page(form, 422)
    kept = keep_upload(_folder(), member(), filename, sheet)
    return redirect(url_for("imports.preview", token=kept.token))


def _fixes() -> dict[tuple[str, str], str]:
    """The replacements chosen for unknown values: ``fix:<field>:<value>`` → key or ""."""
    fixes = {}
    for name, chosen in request.form.items():
        if name.startswith(FIX_PREFIX):
            field_name, _, value = name[len(FIX_PREFIX) :].partition(":")
            if field_name in VOCABULARY_FIELDS:
                fixes[(field_name, value)] = chosen
    return fixes


def _preview_page(token: str, form: MappingForm, choices: Choices) -> Page:
    session = get_session()
    upload = load_upload(_folder(), member(), token)
    result = check_rows(session, member(), upload.sheet, choices)
    for name, messages in result.mapping_errors.items():
        form[name].errors = [*form[name].errors, *messages]
    page = render_template(
        "imports/preview.html",
        form=form,
        upload=upload,
        result=result,
        targets=TARGETS,
        vocabularies=vocabularies(session),
        shown_rows=SHOWN_ROWS,
        fix_prefix=FIX_PREFIX,
    )
    return page, 200 if result.ok else 422


@bp.get("/preview/<token>")
@login_required
def preview(token: str) -> Page:
    """The upload's rows with the columns mapped by their names, and every row's problems."""
    upload = load_upload(_folder(), member(), token)
    form = MappingForm(formdata=None)
    form.offer_columns(upload.sheet.header)
    for name, column in guess_mapping(upload.sheet.header).items():
        form[name].data = "" if column is None else str(column)
    return _preview_page(token, form, Choices(form.mapping(), {}, form.visibility.data))


@bp.post("/preview/<token>")
@login_required
def remap(token: str) -> Page | Response:
    """Check the rows again with the chosen mapping; import them when asked and all is well."""
    upload = load_upload(_folder(), member(), token)
    form = MappingForm()
    form.offer_columns(upload.sheet.header)
    if not form.validate_on_submit():
        return _preview_page(token, form, Choices(form.mapping(), _fixes(), "public"))
    choices = Choices(form.mapping(), _fixes(), form.visibility.data or "")
    if form.confirm.data:
        try:
            job = start_import(get_session(), this_app(), member(), _folder(), token, choices)
        except Refused as error:
            flash(error.message, "error")
        else:
            return redirect(url_for("imports.job", job_id=job.id))
    return _preview_page(token, form, choices)


@bp.get("/jobs/<int:job_id>")
@login_required
def job(job_id: int) -> Response:
    """An import's progress; htmx polls the fragment until it stops (status 286)."""
    found = watched_job(this_app(), get_session(), member(), JobKind.QUESTION_IMPORT, job_id)
    if is_fragment(PROGRESS_TARGET):
        response = make_response(render_template("imports/partials/progress.html", job=found))
        if found.finished:
            response.status_code = HTMX_STOP_POLLING
    else:
        response = make_response(render_template("imports/job.html", job=found))
    response.vary.add("HX-Request")
    return response


@bp.post("/jobs/<int:job_id>/restart")
@login_required
def restart(job_id: int) -> Response:
    """Run a failed import again (an admin) and watch the new job."""
    again = restart_watched(this_app(), get_session(), member(), JobKind.QUESTION_IMPORT, job_id)
    return redirect(url_for("imports.job", job_id=again.id))


@bp.get("/<int:batch_id>")
@login_required
def show(batch_id: int) -> str:
    """An import: when, by whom, its first questions, and the undo."""
    return render_template(
        "imports/batch.html", detail=batch_detail(get_session(), member(), batch_id)
    )


@bp.post("/<int:batch_id>/undo")
@login_required
def undo(batch_id: int) -> Response:
    """Remove every question of the import, with what is attached only to them."""
    removed = undo_import(get_session(), member(), batch_id)
    question_index().forget(removed)
    flash(f"Import undone: {len(removed)} questions removed.", "success")
    return redirect(url_for("imports.show", batch_id=batch_id))
