"""Workshops: facilitators and participants prioritise questions by the value of the action and
the gap in understanding, then map the data they hold and the barriers to sharing it."""

from flask import Blueprint

bp = Blueprint("workshops", __name__)

from app.workshops import routes  # noqa: E402,F401
