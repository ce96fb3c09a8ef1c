"""Forms of "Group my questions": the upload, then the choice of the text column."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField, SubmitField


class GroupUploadForm(FlaskForm):
    """A CSV of questions to group."""

    file = FileField("CSV file", description="Saved as UTF-8, with a header row.")
    submit = SubmitField("Upload")


class ColumnForm(FlaskForm):
    """Which column holds the questions (its choices are the file's columns)."""

    column = SelectField("Which column holds the questions?", validate_choice=False)
    submit = SubmitField("Group the questions")
