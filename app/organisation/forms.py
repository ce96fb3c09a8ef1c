"""The forms of the organisation page: a member's role in it, and closing it."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, SubmitField
from wtforms.validators import InputRequired

from app.core.forms import select_choices
from models import OrganisationRole

ORGANISATION_ROLE_CHOICES = select_choices((role.value, role.label) for role in OrganisationRole)


class OrganisationRoleForm(FlaskForm):
    """An organisation admin's change of one member's role in it (prefixed by the member; the
    page labels each by the member's name)."""

    organisation_role = SelectField("Role in the organisation", choices=ORGANISATION_ROLE_CHOICES)


class CloseOrganisationForm(FlaskForm):
    """The organisation's name, typed to confirm closing it."""

    confirm = StringField(
        "Type the organisation's name to confirm",
        validators=[InputRequired(message="Type the organisation's name to confirm.")],
    )
    submit = SubmitField("Close the organisation and delete every account in it")
