"""Forms for pledging a dataset and moving a pledge along; the rules are checked in the service."""

from __future__ import annotations

from collections.abc import Sequence

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    SelectField,
    SelectMultipleField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Optional
from wtforms.widgets import CheckboxInput, ListWidget

from app.core.forms import HiddenIdField, select_choices
from app.pledges.rules import CONDITIONS, NOTE_MAX
from models import Dataset, PledgeStatus


def _optional_int(value: object) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None


class PledgeForm(FlaskForm):
    """A dataset of the member's organisation offered toward a question or a group."""

    dataset_id = SelectField(
        "Dataset",
        coerce=_optional_int,
        validate_choice=False,
        description="One your organisation holds.",
    )
    question_id = HiddenIdField()
    cluster_id = HiddenIdField()
    conditions = SelectMultipleField(
        "Conditions",
        description="Tick any that apply.",
        choices=select_choices((c.value, c.label) for c in CONDITIONS),
        validate_choice=False,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    note = TextAreaField(
        "Anything else about the conditions (optional)",
        description=f"Up to {NOTE_MAX} characters: who may analyse it, what level of detail.",
    )
    available_from = DateField(
        "Available from (optional)", validators=[Optional()], description="Leave empty if now."
    )
    accept_terms = BooleanField("I accept these terms of use for this pledge")
    submit = SubmitField("Pledge this dataset")

    def set_datasets(self, datasets: Sequence[Dataset]) -> None:
        """Offer the organisation's datasets."""
        self.dataset_id.choices = select_choices(
            [("", "Choose a dataset"), *((d.id, d.title) for d in datasets)]
        )


class PledgeStatusForm(FlaskForm):
    """The next status of a pledge, with an optional note."""

    status = SelectField("Move this pledge to", validate_choice=False)
    note = TextAreaField("Note (optional)")
    submit = SubmitField("Update the pledge")

    def set_statuses(self, statuses: Sequence[PledgeStatus]) -> None:
        """Offer the statuses the pledge can move to."""
        self.status.choices = select_choices((s.value, s.label) for s in statuses)
