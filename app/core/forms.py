"""Small helpers shared by the features' forms."""

from __future__ import annotations

from collections.abc import Iterable

from wtforms import Field

# types-WTForms 3.2 predates SelectChoice (WTForms 3.3), so here it is untyped.
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]
from wtforms.widgets import HiddenInput


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
