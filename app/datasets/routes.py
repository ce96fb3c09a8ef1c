"""Dataset pages: the register, a dataset's page, describing, editing, retiring, importing and
the open exports (HTTP only)."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, make_response, redirect, render_template, request, url_for
from flask_htmx.constants import HTMX_STOP_POLLING
from werkzeug.wrappers import Response

from app.bank.jobs import restart_watched, watched_job
from app.core.errors import Refused
from app.core.pagecache import kept_for_visitors
from app.core.paging import page_request
from app.core.web import (
    is_fragment,
    login_required,
    member,
    put_errors,
    register_account_section,
    this_app,
    viewer,
)
from app.datasets import bp
from app.datasets.exporters import export_response
from app.datasets.forms import (
    ConfirmImportForm,
    DatasetForm,
    FilterForm,
    ImportForm,
    RetireForm,
)
from app.datasets.importers import MAX_BYTES, MAX_ROWS, read_upload
from app.datasets.imports import preview_import, start_import
from app.datasets.rules import FREQUENCY_SUGGESTIONS, GRANULARITY_SUGGESTIONS
from app.datasets.search import DatasetFilters, list_datasets
from app.datasets.service import (
    create_dataset,
    dataset_detail,
    draft_of,
    editable_dataset,
    member_datasets,
    retire_dataset,
    themes,
    update_dataset,
)
from app.db import get_session
from app.insight.places import place_suggestions
from models import JobKind

Page = str | tuple[str, int] | Response
IMPORT_TARGET = "import-progress"
PLACES = place_suggestions()

# --- The register ------------------------------------------------------------------------------


@bp.get("/", strict_slashes=False)
@kept_for_visitors
def index() -> Response:
    """The readable datasets, searched and filtered; only the results for the htmx search box."""
    session = get_session()
    form = FilterForm(formdata=request.args)
    form.set_themes(themes(session))
    filters = DatasetFilters.from_args(request.args)
    status, result = 200, None
    try:
        result = list_datasets(
            session, viewer(), filters, page_request(request.args, current_app.config["PAGE_SIZE"])
        )
    except Refused as error:
        put_errors(form, error)
        status = 422
    results_only = is_fragment("dataset-results")
    template = "datasets/partials/results.html" if results_only else "datasets/index.html"
    # htmx swaps only 2xx answers: the results fragment carries its own error message.
    response = make_response(
        render_template(template, form=form, result=result, filters=filters, places=PLACES),
        200 if results_only else status,
    )
    response.vary.add("HX-Request")
    return response


@bp.get("/export.csv")
def export_csv() -> Response:
    """The open register (public, live records) as CSV."""
    return export_response(get_session(), "csv")


@bp.get("/export.jsonld")
def export_jsonld() -> Response:
    """The open register (public, live records) as a DCAT JSON-LD catalogue."""
    return export_response(get_session(), "jsonld")


@bp.get("/<int:dataset_id>")
@kept_for_visitors
def show(dataset_id: int) -> str:
    """A dataset: what it is, its fields, the groups it could serve and its pledges.

    :raise 404: no such dataset, or the viewer may not read it.
    """
    detail = dataset_detail(get_session(), viewer(), dataset_id)
    return render_template("datasets/show.html", detail=detail, dataset=detail.dataset)


# --- Describe and edit -------------------------------------------------------------------------


def _form_page(form: DatasetForm, status: int = 200, **context: Any) -> tuple[str, int]:
    form.set_themes(themes(get_session()))
    page = render_template(
        "datasets/form.html",
        form=form,
        places=PLACES,
        granularities=GRANULARITY_SUGGESTIONS,
        frequencies=FREQUENCY_SUGGESTIONS,
        **context,
    )
    return page, status


@bp.get("/new")
@login_required
def new() -> Page:
    """The form to describe a dataset."""
    return _form_page(DatasetForm(), dataset=None)


@bp.post("/new")
@login_required
def create() -> Page:
    """Save a new description, or show the form again with the errors beside the fields."""
    form = DatasetForm()
    if not form.validate_on_submit():
        return _form_page(form, 422, dataset=None)
    try:
        dataset = create_dataset(get_session(), member(), form.draft())
    except Refused as error:
        put_errors(form, error)
        return _form_page(form, 422, dataset=None)
    flash("The dataset is in the register.", "success")
    return redirect(url_for("datasets.show", dataset_id=dataset.id))


@bp.get("/<int:dataset_id>/edit")
@login_required
def edit(dataset_id: int) -> Page:
    """The form to change a description (its holder's members, or its describer)."""
    dataset = editable_dataset(get_session(), member(), dataset_id)
    form = DatasetForm(formdata=None)
    form.fill(draft_of(dataset))
    return _form_page(form, dataset=dataset)


@bp.post("/<int:dataset_id>/edit")
@login_required
def update(dataset_id: int) -> Page:
    """Save the changed description, or show the form again with the errors."""
    session = get_session()
    dataset = editable_dataset(session, member(), dataset_id)
    form = DatasetForm()
    if not form.validate_on_submit():
        return _form_page(form, 422, dataset=dataset)
    try:
        update_dataset(session, member(), dataset_id, form.draft())
    except Refused as error:
        put_errors(form, error)
        return _form_page(form, 422, dataset=dataset)
    flash("The dataset is updated.", "success")
    return redirect(url_for("datasets.show", dataset_id=dataset_id))


@bp.get("/<int:dataset_id>/retire")
@login_required
def retire_confirm(dataset_id: int) -> Page:
    """Ask before a dataset leaves the register."""
    dataset = editable_dataset(get_session(), member(), dataset_id)
    return render_template("datasets/retire.html", dataset=dataset, form=RetireForm())


@bp.post("/<int:dataset_id>/retire")
@login_required
def retire(dataset_id: int) -> Page:
    """Retire the dataset once the member has ticked the confirmation."""
    session = get_session()
    dataset = editable_dataset(session, member(), dataset_id)
    form = RetireForm()
    if not form.validate_on_submit() or not form.confirm.data:
        form.confirm.errors = ["Tick the box to confirm."]
        return render_template("datasets/retire.html", dataset=dataset, form=form), 422
    retire_dataset(session, member(), dataset_id)
    flash(f"“{dataset.title}” is retired: it no longer appears in the register.", "success")
    return redirect(url_for("datasets.index"))


# --- Import ------------------------------------------------------------------------------------


def _import_page(form: ImportForm, status: int = 200, **context: Any) -> tuple[str, int]:
    page = render_template(
        "datasets/import.html",
        form=form,
        max_rows=MAX_ROWS,
        max_megabytes=MAX_BYTES // 1_000_000,
        **context,
    )
    return page, status


@bp.get("/import")
@login_required
def import_form() -> Page:
    """The form to upload many descriptions at once."""
    return _import_page(ImportForm(), preview=None)


@bp.post("/import")
@login_required
def import_preview() -> Page:
    """Read the upload and show what it would create or update; nothing is saved."""
    form = ImportForm()
    upload = request.files.get("file")
    if not form.validate_on_submit() or upload is None or not upload.filename:
        form.file.errors = ["Choose a file to upload."]
        return _import_page(form, 422, preview=None)
    try:
        content = upload.read(MAX_BYTES + 1)  # one byte over the limit is enough to refuse it
    finally:
        upload.close()
    try:
        rows = read_upload(content, upload.filename, form.held_by_us.data != "no")
    except Refused as error:
        put_errors(form, error)
        return _import_page(form, 422, preview=None)
    preview = preview_import(get_session(), member(), rows, current_app.config["SECRET_KEY"])
    confirm = ConfirmImportForm(formdata=None, payload=preview.payload)
    return _import_page(form, 200 if preview.ok else 422, preview=preview, confirm=confirm)


@bp.post("/import/confirm")
@login_required
def import_confirm() -> Page:
    """Save the previewed upload in the background and watch it."""
    # The signed drafts of a full upload can pass Flask's 500 kB default for a form field.
    request.max_form_memory_size = 4 * MAX_BYTES
    confirm = ConfirmImportForm()
    if not confirm.validate_on_submit():
        return _import_page(ImportForm(formdata=None), 400, preview=None)
    try:
        job = start_import(
            get_session(),
            this_app(),
            member(),
            confirm.payload.data or "",
            current_app.config["SECRET_KEY"],
        )
    except Refused as error:
        form = ImportForm(formdata=None)
        put_errors(form, error)
        return _import_page(form, 422, preview=None)
    return redirect(url_for("datasets.import_job", job_id=job.id))


@bp.get("/import/jobs/<int:job_id>")
@login_required
def import_job(job_id: int) -> Response:
    """An import's progress; htmx polls the fragment until it stops (status 286)."""
    job = watched_job(this_app(), get_session(), member(), JobKind.DATASET_IMPORT, job_id)
    if is_fragment(IMPORT_TARGET):
        response = make_response(render_template("datasets/partials/import_progress.html", job=job))
        if job.finished:
            response.status_code = HTMX_STOP_POLLING
    else:
        response = make_response(render_template("datasets/import_job.html", job=job))
    response.vary.add("HX-Request")
    return response


@bp.post("/import/jobs/<int:job_id>/restart")
@login_required
def import_restart(job_id: int) -> Response:
    """Run a failed import again (its owner or an admin) and watch the new job."""
    job = restart_watched(this_app(), get_session(), member(), JobKind.DATASET_IMPORT, job_id)
    return redirect(url_for("datasets.import_job", job_id=job.id))


# The account page lists the datasets a member looks after.
register_account_section(
    "datasets/partials/account_datasets.html",
    lambda session, user: {"my_datasets": member_datasets(session, user)},
)
