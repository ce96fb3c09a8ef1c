"""Pledges: a member offers one of its organisation's datasets toward a question or a group."""

from flask import Blueprint

bp = Blueprint("pledges", __name__)

from app.pledges import routes  # noqa: E402,F401
