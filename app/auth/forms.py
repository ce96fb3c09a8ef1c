"""Forms for registration, log in and the account page."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import URL, Email, EqualTo, InputRequired, Length, Optional

from app.forms_common import select_choices
from models import SECTOR_LABELS

NEW_ORGANISATION = "new"


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
    )
    confirm = PasswordField(
        "Repeat the password",
        validators=[InputRequired(), EqualTo("password", message="The passwords do not match.")],
    )
    organisation_id = SelectField(
        "Your organisation",
        validators=[InputRequired(message="Choose your organisation or add a new one.")],
        choices=[],
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
                (NEW_ORGANISATION, "My organisation is not listed: add it"),
            ]
        )

    def validate(self, extra_validators: dict | None = None) -> bool:
        """Also require the new organisation's name and sector when adding one."""
        valid = super().validate(extra_validators)
        if self.organisation_id.data == NEW_ORGANISATION:
            if not (self.new_organisation_name.data or "").strip():
                self.new_organisation_name.errors.append("Give your organisation's name.")
                valid = False
            if not self.new_organisation_sector.data:
                self.new_organisation_sector.errors.append("Choose your organisation's sector.")
                valid = False
        return valid


class RoleForm(FlaskForm):
    """An admin's change of one member's role."""

    role = SelectField("Role", choices=[])
    submit = SubmitField("Change role")
