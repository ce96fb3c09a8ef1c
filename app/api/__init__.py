"""The JSON API, version 1, over the same services as the pages."""

from flask import Blueprint

bp = Blueprint("api", __name__)

from app.api import routes  # noqa: E402,F401
