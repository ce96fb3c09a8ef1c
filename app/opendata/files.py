"""Serving and writing the published files: conditional, streamed downloads and the data
package that describes them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import Response, current_app, request, stream_with_context
from sqlalchemy.orm import Session

from app.bank.settings import open_data_licence
from app.core.errors import NotFound
from app.core.opendata import (
    Freshness,
    OpenExport,
    data_package,
    licence,
    open_export,
    open_exports,
)
from app.db import new_session
from models import utcnow

PACKAGE = "datapackage.json"


@dataclass(frozen=True)
class PublishedFile:
    """A published file as the open-data page lists it."""

    export: OpenExport
    freshness: Freshness


def published_files(session: Session) -> list[PublishedFile]:
    """Every published file with how many records it holds and when it last changed."""
    return [PublishedFile(export, export.freshness(session)) for export in open_exports()]


def package_descriptor(session: Session, path_of: Callable[[str], str]) -> dict[str, Any]:
    """The Frictionless data package: every file, its schema, the licence and today's date."""
    return data_package(
        [export.resource(path_of(export.name)) for export in open_exports()],
        utcnow(),
        licence(open_data_licence(session, current_app.config["OPEN_DATA_LICENCE"])),
    )


CHUNK_CHARS = 64 * 1024


def download(session: Session, name: str) -> Response:
    """A published file as a streamed download, answering 304 when the client's copy is current.

    :raise NotFound: no file of that name is published.
    """
    export = open_export(name)
    if export is None:
        raise NotFound(f"No open data file is called {name!r}.")
    freshness = export.freshness(session)
    # The body is in place before the conditional check: checked on an empty body, the answer
    # would carry "Content-Length: 0", and a real server sends exactly that many bytes. Nor may
    # the check measure the body, which would read the whole file into memory first.
    response = Response(stream_with_context(_streamed(export)), mimetype=export.media_type)
    response.automatically_set_content_length = False
    response.set_etag(freshness.etag(name))
    if freshness.changed is not None:
        response.last_modified = freshness.changed
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.cache_control.public = True
    response.cache_control.max_age = 300
    response.make_conditional(request)
    return response


def _streamed(export: OpenExport) -> Iterator[str]:
    # The request's own session is closed when the view returns, before the body is sent: the
    # download reads through a session of its own, closed when the last line is out. Lines go
    # out in chunks of about CHUNK_CHARS: a write to the socket per line costs more than the line.
    with new_session() as session:
        pending: list[str] = []
        size = 0
        for piece in export.stream(session):
            pending.append(piece)
            size += len(piece)
            if size >= CHUNK_CHARS:
                yield "".join(pending)
                pending, size = [], 0
        if pending:
            yield "".join(pending)


def last_changed(files: list[PublishedFile]) -> datetime | None:
    """When the most recently changed file changed."""
    return max((f.freshness.changed for f in files if f.freshness.changed), default=None)
