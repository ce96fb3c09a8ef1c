"""Forms for registration, log in and the account page."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    PasswordField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import URL, Email, EqualTo, InputRequired, Length, Optional
from wtforms.widgets import PasswordInput

from app.auth.service import NEW_ORGANISATION
from app.auth.tokens import DEFAULT_LIFETIME, NAME_MAX
from app.core.forms import select_choices
from models import SECTOR_LABELS

# A refused registration shows the passwords typed again rather than make the member retype.
_KEEP_TYPED = PasswordInput(hide_value=False)


class LoginForm(FlaskForm):
    """Email and password."""

    email = EmailField("Email", validators=[InputRequired(), Email(), Length(max=254)])
    password = PasswordField("Password", validators=[InputRequired(), Length(max=200)])
    submit = SubmitField("Log in")


class RegistrationForm(FlaskForm):
    """A new member: who they are and which organisation they belong to."""

    display_name = StringField("Your name", validators=[InputRequired(), Length(min=2, max=120)])
    email = EmailField("Email", validators=[InputRequired(), Email(), Length(max=254)])
    password = PasswordField(
        "Password",
        validators=[InputRequired(), Length(min=10, max=200)],
        description="At least 10 characters.",
        widget=_KEEP_TYPED,
    )
    confirm = PasswordField(
        "Repeat the password",
        validators=[InputRequired(), EqualTo("password", message="The passwords do not match.")],
        widget=_KEEP_TYPED,
    )
    organisation_id = SelectField(
        "Your organisation",
        description="Not listed? Type its name below instead.",
        choices=[],
        validate_choice=False,
    )
    new_organisation_name = StringField(
        "New organisation's name", validators=[Optional(), Length(min=2, max=200)]
    )
    new_organisation_sector = SelectField(
        "Its sector",
        choices=select_choices(
            [("", "Choose a sector"), *((s.value, label) for s, label in SECTOR_LABELS.items())]
        ),
        validators=[Optional()],
    )
    new_organisation_region = StringField(
        "Where it works (region or place)", validators=[Optional(), Length(max=120)]
    )
    new_organisation_website = StringField(
        "Its website", validators=[Optional(), URL(require_tld=True), Length(max=300)]
    )
    submit = SubmitField("Create account")

    def set_organisation_choices(self, organisations: list[tuple[int, str]]) -> None:
        """Offer the registered organisations plus "my organisation is not listed"."""
        self.organisation_id.choices = select_choices(
            [
                ("", "Choose your organisation"),
                *organisations,
                (NEW_ORGANISATION, "My organisation is not listed: add it below"),
            ]
        )


class TokenForm(FlaskForm):
    """A new personal API token: what it is for, and how long it lasts."""

    name = StringField(
        "What is it for?",
        validators=[Length(max=NAME_MAX)],
        description="For example: monthly export script. Shown in your list of tokens.",
    )
    lifetime = SelectField(
        "Expires",
        choices=select_choices(
            [("30", "in 30 days"), ("90", "in 90 days"), ("365", "in a year"), ("never", "never")]
        ),
        default=DEFAULT_LIFETIME,
        validate_choice=False,
    )
    submit = SubmitField("Create a new API token")


class PasswordForm(FlaskForm):
    """A new password, after the current one; the service checks both."""

    current = PasswordField("Current password", validators=[InputRequired()])
    new = PasswordField(
        "New password", validators=[InputRequired()], description="At least 10 characters."
    )
    repeated = PasswordField("Repeat the new password", validators=[InputRequired()])
    submit = SubmitField("Change password")


class DeleteAccountForm(FlaskForm):
    """Delete the account: what becomes of the questions, and the password to confirm."""

    questions = RadioField(
        "Your questions",
        choices=select_choices(
            [
                ("keep", "Keep them as anonymous questions of my organisation"),
                ("remove", "Remove them, with everyone's support for them"),
            ]
        ),
        default="keep",
        validators=[InputRequired(message="Choose what happens to your questions.")],
    )
    password = PasswordField("Your password, to confirm", validators=[InputRequired()])
    submit = SubmitField("Delete my account")
