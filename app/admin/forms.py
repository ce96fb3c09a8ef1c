"""The admin's forms."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectField, SubmitField

from app.core.forms import select_choices
from app.core.opendata import LICENCES
from models import Role

ROLE_CHOICES = select_choices((role.value, role.label) for role in Role)


class RoleForm(FlaskForm):
    """An admin's change of one member's role."""

    role = SelectField("Role", choices=ROLE_CHOICES)
    submit = SubmitField("Change role")


class LicenceForm(FlaskForm):
    """The licence the bank's open data is published under."""

    licence = SelectField(
        "Open-data licence",
        choices=select_choices((name, item["title"]) for name, item in LICENCES.items()),
        description="Every open data file and its data package name this licence.",
    )
    submit = SubmitField("Save the licence")
