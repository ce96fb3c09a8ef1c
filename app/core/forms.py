"""Small helpers shared by the features' forms."""

from __future__ import annotations

from collections.abc import Iterable

# types-WTForms 3.2 predates SelectChoice (WTForms 3.3), so here it is untyped.
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]


def select_choices(pairs: Iterable[tuple[object, str]]) -> list[SelectChoice]:
    """WTForms select options from (value, label) pairs."""
    return [SelectChoice(str(value), label) for value, label in pairs]
