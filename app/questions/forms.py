"""Forms for asking, finding, curating and moderating questions.

The forms parse and render; the rules (lengths, vocabularies, limits) are checked once, in the
service, whose errors the views put back beside each field. Choices come from the database, so
WTForms' own choice check is off and an unknown value reaches the service, which names it.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SearchField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    URLField,
)
from wtforms.widgets import CheckboxInput, ListWidget

from app.core.forms import PlainSelect, select_choices
from app.insight.places import UK_WIDE, place_suggestions
from app.questions.filters import NEWEST, NO_GROUP, SORTS, SUPPORTED
from app.questions.rules import (
    ACTION_MAX,
    ACTION_MIN,
    MAX_POPULATION_GROUPS,
    MAX_THEMES,
    TEXT_MAX,
    TEXT_MIN,
)
from app.questions.search import GroupChoice
from models import SECTOR_LABELS, ActionType, QuestionStatus, Theme, Visibility

# Offered as the member types a place (every UK local authority); any other can be typed.
PLACE_SUGGESTIONS: tuple[str, ...] = place_suggestions()

VISIBILITY_LABELS = {
    Visibility.PUBLIC: "Everyone (public, and in open data exports)",
    Visibility.MEMBERS: "Members only (people signed in to Question Bank)",
    Visibility.PRIVATE: "My organisation only",
}


class IdListField(HiddenField):
    """Question ids a member has been shown, gathered from every field of this name."""

    def process_formdata(self, valuelist: list[str]) -> None:
        """Union the comma-separated ids of every submitted value."""
        self.data = ",".join(
            part for value in valuelist for part in value.split(",") if part.strip().isdigit()
        )

    @property
    def ids(self) -> set[int]:
        """The ids as integers."""
        return {int(part) for part in (self.data or "").split(",") if part.isdigit()}


class AskForm(FlaskForm):
    """A new question and the action an answer would enable."""

    text = TextAreaField(
        "Your question",
        description=f"In plain words, {TEXT_MIN} to {TEXT_MAX} characters. "
        "Questions others already ask appear as you type.",
    )
    action = TextAreaField(
        "What would an answer let you do?",
        description=f"For example: decide where to open a new advice session. "
        f"{ACTION_MIN} to {ACTION_MAX} characters.",
    )
    action_type = SelectField("What kind of action is that?", validate_choice=False)
    themes = SelectMultipleField(
        "Themes",
        description=f"Choose 1 to {MAX_THEMES}.",
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validate_choice=False,
    )
    geography = StringField(
        "Where?", default=UK_WIDE, description="UK-wide, a nation, a region or a local area."
    )
    population_groups = StringField(
        "Who is it about? (optional)",
        description=f"Up to {MAX_POPULATION_GROUPS} groups, separated by commas, "
        "for example: lone parents, carers.",
    )
    visibility = RadioField(
        "Who can see this question?",
        choices=select_choices((v.value, label) for v, label in VISIBILITY_LABELS.items()),
        default=Visibility.PUBLIC.value,
        validate_choice=False,
    )
    show_organisation = BooleanField("Show my organisation's name with this question", default=True)
    seen_similar = IdListField()
    submit = SubmitField("Post my question")

    def set_vocabulary(self, action_types: Sequence[ActionType], themes: Sequence[Theme]) -> None:
        """Offer the action types and themes held in the database."""
        self.action_type.choices = select_choices(
            [("", "Choose one"), *((a.slug, a.label) for a in action_types)]
        )
        self.themes.choices = select_choices((t.slug, t.label) for t in themes)


class FilterForm(FlaskForm):
    """The search box and filters of the question list (a GET form: no CSRF token)."""

    class Meta:
        csrf = False

    q = SearchField("Search questions")
    theme = SelectField("Theme", validate_choice=False, widget=PlainSelect())
    action_type = SelectField("Action", validate_choice=False, widget=PlainSelect())
    sector = SelectField(
        "Asked by",
        choices=select_choices(
            [("", "Any sector"), *((s.value, label) for s, label in SECTOR_LABELS.items())]
        ),
        validate_choice=False,
        widget=PlainSelect(),
    )
    geography = StringField("Place")
    status = SelectField(
        "Status",
        choices=select_choices([("", "Any status"), *((s.value, s.label) for s in QuestionStatus)]),
        validate_choice=False,
        widget=PlainSelect(),
    )
    group = SelectField("Group", validate_choice=False, widget=PlainSelect())
    sort = SelectField(
        "Order",
        choices=select_choices(
            [("", "Best match"), (NEWEST, SORTS[NEWEST]), (SUPPORTED, SORTS[SUPPORTED])]
        ),
        validate_choice=False,
        widget=PlainSelect(),
    )
    submit = SubmitField("Find questions")

    def set_vocabulary(
        self,
        action_types: Sequence[ActionType],
        themes: Sequence[Theme],
        groups: Sequence[GroupChoice],
    ) -> None:
        """Offer the themes, the action types and the largest groups (and the chosen one)."""
        self.theme.choices = select_choices(
            [("", "Any theme"), *((t.slug, t.label) for t in themes)]
        )
        self.action_type.choices = select_choices(
            [("", "Any action"), *((a.slug, a.label) for a in action_types)]
        )
        self.group.choices = select_choices(
            [
                ("", "Any group"),
                (NO_GROUP, "Not yet grouped"),
                *((g.id, f"{g.title} ({g.size})") for g in groups),
            ]
        )


class StatusForm(FlaskForm):
    """A facilitator's move of a question to its next status."""

    status = SelectField("New status", validate_choice=False)
    note = TextAreaField("Note for supporters (optional)")
    submit = SubmitField("Change status")

    def set_statuses(self, statuses: Sequence[QuestionStatus]) -> None:
        """Offer only the moves allowed from the current status."""
        self.status.choices = select_choices((s.value, s.label) for s in statuses)


class AnswerLinkForm(FlaskForm):
    """Where an answer to the question can be read."""

    url = URLField("Link to the answer", description="A web address starting with https://")
    summary = StringField("One-line summary", description="Up to 300 characters.")
    submit = SubmitField("Add answer link")


class FlagForm(FlaskForm):
    """A member's report that a question needs a moderator's look."""

    reason = TextAreaField(
        "What is wrong with it?",
        description="For example: abusive, names a person, spam. Moderators read this.",
    )
    submit = SubmitField("Flag for a moderator")


class HideForm(FlaskForm):
    """A moderator's reason for hiding a question (kept for the record)."""

    reason = TextAreaField("Why hide it?", description="Kept for the record.")
    submit = SubmitField("Hide this question")
