"""Importing questions from a spreadsheet: upload, map the columns, see every row's problems,
import as one batch (embedded and grouped by a background job), and undo the batch whole.

Part of the questions feature (it builds questions with the same rules as asking) with pages
of its own under ``/import``.
"""

from flask import Blueprint

bp = Blueprint("imports", __name__)

from app.questions.imports import routes  # noqa: E402,F401
