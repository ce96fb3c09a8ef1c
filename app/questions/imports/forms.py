"""Forms of a spreadsheet import: the upload, and the mapping of its columns."""

from __future__ import annotations

from collections.abc import Sequence

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import RadioField, SelectField, SubmitField

from app.core.forms import select_choices
from app.questions.imports.service import IMPORT_VISIBILITIES, TARGETS

NOT_MAPPED = ""


class UploadForm(FlaskForm):
    """A spreadsheet of questions to preview."""

    file = FileField("Spreadsheet", description="A CSV (UTF-8) or an Excel workbook (.xlsx).")
    submit = SubmitField("Upload and preview")


class MappingForm(FlaskForm):
    """Which column holds each field, and who may read the questions; built for one file."""

    text = SelectField("Question", validate_choice=False)
    action = SelectField("What an answer would let them do", validate_choice=False)
    action_type = SelectField("Action type", validate_choice=False)
    themes = SelectField(
        "Themes", validate_choice=False, description="Several themes in a cell: separate with ;"
    )
    geography = SelectField(
        "Place", validate_choice=False, description="Left out: the question is UK-wide."
    )
    organisation = SelectField(
        "Organisation",
        validate_choice=False,
        description="Left out, or a cell left empty: your organisation.",
    )
    visibility = RadioField(
        "Who can read the imported questions?",
        choices=select_choices([(v.value, v.label) for v in IMPORT_VISIBILITIES]),
        default=IMPORT_VISIBILITIES[0].value,
        validate_choice=False,
    )
    check = SubmitField("Check again")
    confirm = SubmitField("Import these questions")

    def offer_columns(self, header: Sequence[str]) -> None:
        """Let every field be mapped from any column of this file, or from none."""
        choices = [(NOT_MAPPED, "— not in the file —")]
        choices += [(str(position), name) for position, name in enumerate(header)]
        for target in TARGETS:
            self[target.name].choices = choices

    def mapping(self) -> dict[str, int | None]:
        """The column chosen for each field (None: not mapped)."""
        chosen: dict[str, int | None] = {}
        for target in TARGETS:
            value = self[target.name].data or NOT_MAPPED
            chosen[target.name] = int(value) if value.isdigit() else None
        return chosen
