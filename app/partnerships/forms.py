"""Forms for starting a partnership, inviting, asking to join, the log and the status."""

from __future__ import annotations

from collections.abc import Sequence

from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, Optional

from app.core.forms import HiddenIdField, select_choices
from app.partnerships.rules import LOG_TEXT_MAX, TITLE_MAX
from models import LogKind, PartnerRole, PartnershipStatus

ROLE_CHOICES = select_choices((role.value, role.label) for role in PartnerRole)


def _optional_int(value: object) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None


class StartForm(FlaskForm):
    """A name for a new partnership around a group or a question (given as hidden fields)."""

    cluster_id = HiddenIdField()
    question_id = HiddenIdField()
    title = StringField(
        "Name of the partnership (optional)",
        validators=[
            Optional(),
            Length(max=TITLE_MAX, message=f"Keep the name to {TITLE_MAX} characters or fewer."),
        ],
    )
    submit = SubmitField("Start a partnership")


class InviteForm(FlaskForm):
    """Someone to invite: a suggested member, or a member's email; and their role."""

    user_id = SelectField("A suggested member", coerce=_optional_int, validate_choice=False)
    email = EmailField("Or a member's email", validators=[Optional()])
    role = SelectField("Their role", choices=ROLE_CHOICES, default=PartnerRole.DATA_HOLDER.value)
    submit = SubmitField("Invite")

    def set_people(self, people: Sequence[tuple[int, str]]) -> None:
        """Offer the suggested members."""
        self.user_id.choices = select_choices([("", "Choose someone"), *people])


class JoinForm(FlaskForm):
    """The role a member asks to join with."""

    role = SelectField("Your role", choices=ROLE_CHOICES, default=PartnerRole.ANALYST.value)
    submit = SubmitField("Ask to join")


class LogForm(FlaskForm):
    """A decision or a next step for the partnership's log."""

    kind = RadioField(
        "It is a",
        choices=select_choices((k.value, k.label) for k in LogKind),
        default=LogKind.DECISION.value,
    )
    text = TextAreaField(
        "What was decided, or what comes next",
        validators=[Length(max=LOG_TEXT_MAX)],
        description=f"Up to {LOG_TEXT_MAX} characters. Only members see the log.",
    )
    submit = SubmitField("Add to the log")


class StatusForm(FlaskForm):
    """The partnership's next status."""

    status = SelectField("Move the partnership to", validate_choice=False)
    submit = SubmitField("Change status")

    def set_statuses(self, statuses: Sequence[PartnershipStatus]) -> None:
        """Offer the statuses it can move to."""
        self.status.choices = select_choices((s.value, s.label) for s in statuses)
