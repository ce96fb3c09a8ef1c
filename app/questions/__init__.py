"""Questions: asking without duplicating, support, browsing, status and moderation."""

from flask import Blueprint

bp = Blueprint("questions", __name__)

from app.questions import open_data, routes  # noqa: E402,F401
