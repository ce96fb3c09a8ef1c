"""Forms for describing, finding, retiring and importing datasets.

The forms parse and render; every rule is checked once in ``app.datasets.rules`` and its
messages put back beside the fields. Hints quote the same constants, and WTForms' own choice
check is off, so an unknown value reaches the service, which names it.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
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

from app.core.forms import select_choices
from app.datasets.rules import LIST_LIMITS, MAX_THEMES, TEXT_LIMITS, DatasetDraft, split_list
from app.datasets.search import sector_choices
from models import AccessLevel, DatasetVisibility, Theme, UnitOfAnalysis


def _most(name: str) -> str:
    return f"Up to {TEXT_LIMITS[name][1]} characters."


class DatasetForm(FlaskForm):
    """A dataset's description, in the order a holder would think of it."""

    title = StringField("Title", description=f"{TEXT_LIMITS['title'][0]} to 200 characters.")
    description = TextAreaField(
        "What is it?",
        description=f"What it records, how it is collected, its gaps. "
        f"At least {TEXT_LIMITS['description'][0]} characters.",
    )
    held_by_us = RadioField(
        "Who holds it?",
        choices=select_choices(
            [("yes", "My organisation holds it and can share it"), ("no", "It is public data")]
        ),
        default="yes",
        validate_choice=False,
    )
    publisher = StringField(
        "Publisher",
        description="Who publishes or owns it, e.g. Department for Work and Pensions. "
        "Required for public data.",
    )
    contact = StringField("Contact (optional)", description="A team name, email or web form.")
    themes = SelectMultipleField(
        "Themes",
        description=f"Choose up to {MAX_THEMES}.",
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validate_choice=False,
    )
    keywords = StringField(
        "Keywords",
        description=f"Separated by semicolons; up to {LIST_LIMITS['keywords'][0]}.",
    )
    variables = TextAreaField(
        "What it measures",
        description="Key variables, separated by semicolons, e.g. referral reason; "
        "household type; local authority.",
    )
    unit_of_analysis = SelectField(
        "One record is a…",
        choices=select_choices(
            [("", "Not sure / mixed"), *((u.value, u.label) for u in UnitOfAnalysis)]
        ),
        validate_choice=False,
    )
    population = StringField("Who it covers", description=_most("population"))
    geography = StringField("Where it covers", description="UK-wide, a nation, region or area.")
    granularity = StringField("Finest geography", description="e.g. local authority, LSOA.")
    time_span = StringField("Time span", description="e.g. 2019-2025.")
    update_frequency = StringField("Updated", description="e.g. monthly, annual, one-off.")
    format = StringField("Format", description="e.g. CSV, API, SPSS.")
    size = StringField("Rough size", description="e.g. 40,000 households a year.")
    access_level = RadioField(
        "How can it be had?",
        choices=select_choices((a.value, a.label) for a in AccessLevel),
        validate_choice=False,
    )
    licence = StringField("Licence", description="e.g. Open Government Licence v3.0.")
    url = URLField("Link (optional)", description="Where to read about it; https://…")
    visibility = RadioField(
        "Who can see this description?",
        choices=select_choices((v.value, v.label) for v in DatasetVisibility),
        default=DatasetVisibility.PUBLIC.value,
        validate_choice=False,
    )
    could_answer = TextAreaField(
        "Questions this could help answer (optional)", description=_most("could_answer")
    )
    submit = SubmitField("Save the dataset")

    def set_themes(self, themes: Sequence[Theme]) -> None:
        """Offer the themes held in the database."""
        self.themes.choices = select_choices((t.slug, t.label) for t in themes)

    def draft(self) -> DatasetDraft:
        """The form's values as a draft for the service."""
        data = self.data
        texts = {
            name: data.get(name) or ""
            for name in DatasetDraft.field_names()
            if name not in {"themes", "keywords", "variables", "held_by_us"}
        }
        return DatasetDraft(
            **texts,
            themes=tuple(data.get("themes") or ()),
            keywords=split_list(data.get("keywords")),
            variables=split_list(data.get("variables")),
            held_by_us=data.get("held_by_us") != "no",
        )

    def fill(self, draft: DatasetDraft) -> None:
        """Show a stored description in the form (lists joined with semicolons)."""
        for name in DatasetDraft.field_names():
            value = getattr(draft, name)
            if name in {"keywords", "variables"}:
                value = "; ".join(value)
            elif name == "themes":
                value = list(value)
            elif name == "held_by_us":
                value = "yes" if value else "no"
            self[name].data = value


class FilterForm(FlaskForm):
    """The register's search box and filters (a GET form: no CSRF token)."""

    class Meta:
        csrf = False

    q = SearchField("Search datasets")
    theme = SelectField("Theme", validate_choice=False)
    access_level = SelectField(
        "Access",
        choices=select_choices([("", "Any access"), *((a.value, a.label) for a in AccessLevel)]),
        validate_choice=False,
    )
    sector = SelectField(
        "Held by",
        choices=select_choices([("", "Anyone"), *sector_choices()]),
        validate_choice=False,
    )
    geography = StringField("Covers place")
    submit = SubmitField("Find datasets")

    def set_themes(self, themes: Sequence[Theme]) -> None:
        """Offer the themes held in the database."""
        self.theme.choices = select_choices(
            [("", "Any theme"), *((t.slug, t.label) for t in themes)]
        )


class RetireForm(FlaskForm):
    """The confirmation that a dataset leaves the register."""

    confirm = BooleanField("Yes, retire this dataset")
    submit = SubmitField("Retire the dataset")


class ImportForm(FlaskForm):
    """A file of dataset descriptions to preview."""

    file = FileField("File", description="CSV, DCAT JSON-LD or a CKAN API response.")
    held_by_us = RadioField(
        "Who holds these datasets?",
        description="Used where the file does not say (a CSV can have a held_by_us column).",
        choices=select_choices(
            [("yes", "My organisation holds them"), ("no", "They are public data")]
        ),
        default="yes",
        validate_choice=False,
    )
    submit = SubmitField("Preview the import")


class ConfirmImportForm(FlaskForm):
    """The signed, previewed upload, posted back to save it."""

    payload = HiddenField()
    submit = SubmitField("Save these datasets")
