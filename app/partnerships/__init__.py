"""Partnerships: members working together on a question or a group, joined by invitation or
by asking, with a private log and a data-sharing readiness checklist."""

from flask import Blueprint

bp = Blueprint("partnerships", __name__)

from app.partnerships import routes  # noqa: E402,F401
