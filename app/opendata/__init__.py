"""Open data: the bank's public records as files anyone may download and re-use."""

from flask import Blueprint

bp = Blueprint("opendata", __name__)

from app.opendata import routes  # noqa: E402,F401
