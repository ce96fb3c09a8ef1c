"""Input no database can store is refused at the door, the same way on every route: ids beyond
the database's integers, NUL bytes, lone surrogates and absurdly nested JSON.

PostgreSQL rejects a NUL byte in text and an id beyond 2**31 - 1 with errors that would
otherwise surface as 500s deep inside a use case; SQLite stores them silently. Checking here
keeps both databases behaving the same and every answer a clear 400 or 404.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from flask import Flask, request
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

from app.core.errors import BadRequest

# The largest value of the INTEGER primary keys (PostgreSQL's int4).
MAX_ID = 2**31 - 1
# Deeper JSON than this is no resource of ours; json.loads would recurse far past it.
MAX_JSON_DEPTH = 32


class IdConverter(IntegerConverter):
    """``<int:...>`` in every route: only numbers a row id can be; a larger one is a 404.

    It is answered as 404 at once rather than as a failed match: a failed match let the router
    go on to the rules for other methods on the same path and answer 405 (with an ``Allow``
    that named methods the id would fail for too).
    """

    def to_python(self, value: str) -> int:
        """The id, or a 404 when no row can have it."""
        number = int(value)
        if number > MAX_ID:
            raise NotFound()
        return number


def storable(text: str) -> bool:
    """Whether a text can be stored: no NUL byte and no lone surrogate."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _strings(value: Any, depth: int = 0) -> Iterator[str]:
    if depth > MAX_JSON_DEPTH:
        raise BadRequest.on("body", f"Nest the JSON no deeper than {MAX_JSON_DEPTH} levels.")
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, depth + 1)


def checked_json(data: bytes) -> Any:
    """Parse a JSON body, refusing what cannot be stored.

    :raise BadRequest: not JSON, nested too deep, or holding a NUL byte or a lone surrogate.
    """
    try:
        parsed = json.loads(data)
    except (ValueError, RecursionError):
        raise BadRequest.on("body", "Send a JSON object in the request body.") from None
    if not all(storable(text) for text in _strings(parsed)):
        raise BadRequest.on("body", "The JSON holds characters that cannot be stored.")
    return parsed


def _refuse_unstorable_input() -> None:
    """Query arguments and form fields with a NUL byte or a lone surrogate are refused."""
    for source, values in (("query", request.args), ("form", request.form)):
        for name, value in values.items(multi=True):
            if not (storable(name) and storable(value)):
                raise BadRequest.on(
                    name if storable(name) else source,
                    "This holds characters that cannot be stored (such as a NUL byte).",
                )


def init_app(app: Flask) -> None:
    """Bound route ids and check every request's text, before any blueprint is registered."""
    app.url_map.converters["int"] = IdConverter
    app.before_request(_refuse_unstorable_input)
