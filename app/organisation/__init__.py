"""Your organisation: its details and members; for its admins, who else is one, its record
and its closing."""

from flask import Blueprint

bp = Blueprint("organisation", __name__)

from app.organisation import routes  # noqa: E402,F401
