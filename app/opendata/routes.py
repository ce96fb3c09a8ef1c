"""The open-data page: what the bank publishes, how fresh it is, and the downloads."""

from __future__ import annotations

from flask import current_app, jsonify, render_template, url_for
from werkzeug.wrappers import Response

from app.bank.settings import open_data_licence
from app.core.opendata import licence
from app.db import get_session
from app.opendata import bp
from app.opendata.files import last_changed, package_descriptor, published_files


@bp.get("/")
def index() -> str:
    """The files anyone may download, with their record counts and licence."""
    files = published_files(get_session())
    return render_template(
        "opendata/index.html",
        files=files,
        changed=last_changed(files),
        licence=licence(open_data_licence(get_session(), current_app.config["OPEN_DATA_LICENCE"])),
    )


@bp.get("/datapackage.json")
def package() -> Response:
    """The Frictionless data package describing every file (also at /api/v1/export/)."""
    descriptor = package_descriptor(
        get_session(), lambda name: url_for("api.export_file", name=name, _external=True)
    )
    return jsonify(descriptor)
