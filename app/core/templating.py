"""Template helpers every page may use."""

from __future__ import annotations

from functools import lru_cache

from flask import Flask
from markupsafe import Markup, escape


@lru_cache(maxsize=16)
def datalist_options(values: tuple[str, ...]) -> Markup:
    """The ``<option>`` elements of a datalist, built once per list of values.

    The place suggestions are some 400 names sent with every list and form page: looping over
    them in Jinja cost more than the rest of the page's rows.
    """
    return Markup("".join(f'<option value="{escape(value)}"></option>' for value in values))


def register_template_helpers(app: Flask) -> None:
    """Make the helpers available to every template."""
    app.jinja_env.filters["datalist_options"] = datalist_options
