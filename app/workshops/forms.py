"""Workshop forms. The set-up, decide and data-mapping forms carry fixed fields; the scoring
form's fields are one row per item (named ``<criterion>-<item id>``), read in the routes. The
rules are checked in the service."""

from __future__ import annotations

from decimal import Decimal

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Optional
from wtforms.widgets import CheckboxInput, ListWidget

from app.core.forms import select_choices
from app.workshops.rules import (
    DEFAULT_DOT_CAP,
    DEFAULT_DOTS,
    DISPLAY_NAME_MAX,
    DOTS_MAX,
    WEIGHT_MAX,
    barriers,
    criteria,
)
from models import Sector, WorkshopMode


def _checkboxes(label: str, description: str = "") -> SelectMultipleField:
    return SelectMultipleField(
        label,
        description=description,
        validate_choice=False,
        coerce=str,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )


def _weight(position: int) -> DecimalField:
    return DecimalField(
        f"{criteria()[position].label} weight",
        validators=[Optional()],
        default=Decimal(1),
        places=None,
    )


class WorkshopForm(FlaskForm):
    """Set up a workshop: what, when, what is on the table and how it is scored."""

    title = StringField("Title")
    held_on = DateField("Date (optional)", validators=[Optional()])
    purpose = TextAreaField("Purpose", description="What the session should decide, and for whom.")
    mode = RadioField(
        "How it is held",
        choices=select_choices((m.value, m.label) for m in WorkshopMode),
        default=WorkshopMode.ONLINE.value,
        validate_choice=False,
    )
    groups = _checkboxes("Question groups on the table", "Askers, sectors and data beside each.")
    question_ids = StringField(
        "Single questions (optional)",
        description="Question numbers, separated by commas, from a question's page or address.",
    )
    weight_value = _weight(0)
    weight_gap = _weight(1)
    weight_feasibility = _weight(2)
    dots = IntegerField(
        "Dots per participant",
        default=DEFAULT_DOTS,
        validators=[Optional()],
        description=f"0 for none, up to {DOTS_MAX}.",
    )
    dot_cap = IntegerField(
        "Most dots on one item", default=DEFAULT_DOT_CAP, validators=[Optional()]
    )
    invite_only = BooleanField("Only invited members may join (guests still join by code)")
    invite = TextAreaField(
        "Invite members (optional)", description="Their email addresses, one a line."
    )
    submit = SubmitField("Set up the workshop")

    weight_hint = f"From 0 (not counted) to {WEIGHT_MAX}."


class GuestJoinForm(FlaskForm):
    """Join a workshop by its code, under a display name."""

    code = StringField("Workshop code", description="The six letters and numbers you were given.")
    display_name = StringField(
        "Your name",
        description=f"How others in the session will see you (up to {DISPLAY_NAME_MAX}).",
    )
    sector = SelectField(
        "Your sector (optional)",
        choices=select_choices([("", "Prefer not to say"), *((s.value, s.label) for s in Sector)]),
        validate_choice=False,
    )
    submit = SubmitField("Join the workshop")


class DecideForm(FlaskForm):
    """The outcome: the prioritised items (their next step and owner are read per item)."""

    prioritised = _checkboxes("Prioritised items")
    summary = TextAreaField("Summary of the outcome (optional)")
    submit = SubmitField("Record the priorities")


class MappingForm(FlaskForm):
    """One participant's data mapping for one prioritised item."""

    item_id = IntegerField(validators=[Optional()])
    holds = TextAreaField(
        "Data or insight you hold", description="What it covers, in a line or two."
    )
    dataset_id = SelectField("Link a dataset in the register (optional)", validate_choice=False)
    new_dataset_title = StringField("Or add a new dataset to the register: its title")
    new_dataset_description = TextAreaField("and a short description")
    needs = TextAreaField("What you need from others")
    barriers = _checkboxes("Barriers to sharing or combining it")
    barrier_note = TextAreaField("Anything else in the way (optional)")
    submit = SubmitField("Save")

    def offer(self, datasets: list[tuple[int, str]]) -> None:
        """Offer the barriers and the member's datasets."""
        self.barriers.choices = select_choices((b.slug, b.label) for b in barriers())
        self.dataset_id.choices = select_choices([("", "None"), *datasets])
