"""Forms for curating groups."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, Optional

from app.clusters.service import TITLE_MAX
from app.core.forms import select_choices
from models.feedback import REASON_MAX

TARGET_HINT = "The group's number, shown on its page and in the list of groups."


class RenameForm(FlaskForm):
    """A facilitator's title for a group."""

    title = StringField(
        "New title",
        validators=[
            InputRequired(message="Give the group a title."),
            Length(max=TITLE_MAX, message=f"Keep the title to {TITLE_MAX} characters or fewer."),
        ],
        description="The automatic label and keywords stay visible beside it.",
    )
    submit = SubmitField("Rename")


def _target_field(label: str) -> IntegerField:
    """A required group number."""
    return IntegerField(
        label,
        validators=[InputRequired(message="Give the number of a group.")],
        description=TARGET_HINT,
    )


class MergeForm(FlaskForm):
    """The group to fold this one into."""

    target = _target_field("Merge this group into group number")
    submit = SubmitField("Merge")


class MoveForm(FlaskForm):
    """One of the group's questions and the group to move it to."""

    question_id = SelectField(
        "Question",
        coerce=int,
        validate_choice=False,
        validators=[InputRequired(message="Choose a question from this group.")],
    )
    target = _target_field("Move it to group number")
    submit = SubmitField("Move")

    def set_question_choices(self, questions: list[tuple[int, str]]) -> None:
        """Offer the questions listed on the page."""
        self.question_id.choices = select_choices(questions)


class SplitForm(FlaskForm):
    """Questions (ticked in the list) to split off into a new group, and its title."""

    question_ids = SelectMultipleField(
        "Questions to split off",
        coerce=int,
        validate_choice=False,
        validators=[InputRequired(message="Select at least one question to split off.")],
    )
    title = StringField(
        "Title of the new group (optional)",
        validators=[
            Optional(),
            Length(max=TITLE_MAX, message=f"Keep the title to {TITLE_MAX} characters or fewer."),
        ],
    )
    submit = SubmitField("Split into a new group")


class NotRelevantForm(FlaskForm):
    """Why a suggested dataset does not serve the group."""

    reason = StringField(
        "Why is it not relevant?",
        validators=[
            InputRequired(message="Say in a few words why this dataset does not help."),
            Length(max=REASON_MAX, message=f"Keep the reason to {REASON_MAX} characters or fewer."),
        ],
        description="Facilitators read it; it helps us improve matching.",
    )
    submit = SubmitField("Mark not relevant")
