"""Question groups: browsing, the map, curation and re-clustering."""

from flask import Blueprint

bp = Blueprint("clusters", __name__)

from app.clusters import routes  # noqa: E402,F401
