"""Notifications: the member's in-app news (a pledge, a status change, an invitation)."""

from flask import Blueprint

bp = Blueprint("notifications", __name__)

from app.notifications import routes  # noqa: E402,F401
