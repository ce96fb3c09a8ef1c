"""API v1: the open data files and their Frictionless data package."""

from __future__ import annotations

from typing import Any

from flask import jsonify, url_for
from werkzeug.wrappers import Response

from app.api import bp
from app.core.opendata import open_exports
from app.core.serializers import ERROR_RESPONSE
from app.db import get_session
from app.opendata.files import download, package_descriptor


@bp.get("/export/datapackage.json")
def export_package() -> Response:
    """The data package: each file with its schema, the licence and the export date."""
    descriptor = package_descriptor(
        get_session(), lambda name: url_for("api.export_file", name=name, _external=True)
    )
    return jsonify(descriptor)


@bp.get("/export/<name>")
def export_file(name: str) -> Response:
    """One open data file, streamed; 304 when the client's copy (ETag, date) is current."""
    return download(get_session(), name)


def _body_schema(media_type: str) -> dict[str, Any]:
    # A CSV is text; the JSON files are one document each.
    return {"type": "string"} if media_type.startswith("text/") else {"type": "object"}


def _file_path(name: str, media_type: str, summary: str) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": [
                {"name": "If-None-Match", "in": "header", "schema": {"type": "string"}},
            ],
            "responses": {
                "200": {
                    "description": f"The file {name} (public records only)",
                    "content": {media_type: {"schema": _body_schema(media_type)}},
                },
                "304": {"description": "Your copy is current"},
            },
        }
    }


def open_data_paths() -> dict[str, Any]:
    """The open data files in the OpenAPI description (one path per published file)."""
    paths: dict[str, Any] = {
        "/export/datapackage.json": {
            "get": {
                "summary": "The Frictionless data package describing the open data files",
                "responses": {"200": {"description": "The data package"}},
            }
        }
    }
    for export in open_exports():
        paths[f"/export/{export.name}"] = _file_path(export.name, export.media_type, export.title)
    paths["/export/{name}"] = {
        "get": {
            "summary": "Any other name is not published",
            "parameters": [
                {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"404": ERROR_RESPONSE},
        }
    }
    return paths
