"""The dataset register: descriptions of data members hold or know of (never the data itself),
their matches to question groups, imports and open exports."""

from flask import Blueprint

bp = Blueprint("datasets", __name__)

from app.datasets import routes  # noqa: E402,F401
