"""Small helpers shared by the features' forms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape
from wtforms import Field

# types-WTForms 3.2 predates SelectChoice (WTForms 3.3), so here it is untyped.
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]
from wtforms.widgets import HiddenInput, Select


def select_choices(pairs: Iterable[tuple[object, str]]) -> list[SelectChoice]:
    """WTForms select options from (value, label) pairs."""
    return [SelectChoice(str(value), label) for value, label in pairs]


class HiddenIdField(Field):
    """A hidden record id: a positive whole number, or None when missing or malformed."""

    widget = HiddenInput()
    data: int | None

    def process_formdata(self, valuelist: list[str]) -> None:
        """Keep the first value if it is a whole number."""
        text = valuelist[0].strip() if valuelist else ""
        self.data = int(text) if text.isdigit() else None

    def _value(self) -> str:
        return "" if self.data is None else str(self.data)


class PlainSelect(Select):
    """WTForms' select, with options written directly when they carry no attributes of their own.

    The filters of a listing offer up to 60 groups on every page view, and WTForms builds each
    option through ``html_params``: about 4 ms a page. The markup is the same.
    """

    # types-WTForms 3.2 gives the pre-3.3 signature (value, label, selected); 3.3 passes a choice.
    @classmethod
    def render_option(cls, choice: Any, **kwargs: Any) -> Markup:  # type: ignore[override]
        """One option, escaped as WTForms escapes it."""
        if kwargs or choice.render_kw or isinstance(choice.value, bool):
            return super().render_option(choice, **kwargs)
        selected = "selected " if choice.selected else ""  # html_params sorts: selected first
        label = escape(choice.label or choice.value)
        return Markup(f'<option {selected}value="{escape(choice.value)}">{label}</option>')
