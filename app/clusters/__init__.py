"""Question groups: browsing, the map, curation and re-clustering."""

from flask import Blueprint

bp = Blueprint("clusters", __name__)

from app.clusters import open_data, routes  # noqa: E402,F401
