"""``Idempotency-Key`` on the API's creating POSTs: a client retrying after a reset connection
gets the first answer again instead of a duplicate (the IETF httpapi draft "The Idempotency-Key
HTTP Header Field", as Stripe practises it).

- Keys are per account: two members may use the same key without meeting.
- The same key with the same request (method, path and JSON body, whatever its key order or
  spacing) gets the first answer's status and body back, with ``Idempotent-Replayed: true``,
  and nothing runs again.
- The same key with another request is refused (422); a retry while the first request is still
  being served is told to wait (409), so two requests in flight never both run.
- Only a success is kept: a refused request created nothing, so its key is released and the
  corrected request (``confirm: true`` after a review, say) may use it again.
- Keys live KEY_LIFETIME; older ones are purged as new ones are claimed. A claim never finished
  (its worker was killed) is given up after ABANDONED_AFTER, far beyond any request's timeout.

The claim is committed before the view runs, so the database's unique (user, key) constraint
is what decides between two requests racing with the same key, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
from collections.abc import Callable
from datetime import timedelta
from typing import ParamSpec

from flask import current_app, make_response, request
from flask.typing import ResponseReturnValue
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response

from app.core.errors import BadRequest, Conflict, Refused
from app.core.serializers import JsonSchema
from app.core.web import member
from app.db import get_session
from models import IdempotencyKey, utcnow

P = ParamSpec("P")

KEY_HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
KEY_MAX = 255
KEY_LIFETIME = timedelta(hours=24)
ABANDONED_AFTER = timedelta(minutes=10)
_KEY = re.compile(rf"[!-~]{{1,{KEY_MAX}}}")  # visible ASCII

KEY_PARAMETER: JsonSchema = {
    "name": KEY_HEADER,
    "in": "header",
    "required": False,
    "description": "A key of your choosing (a UUID, say) that makes a retry safe: the same key "
    "with the same body within 24 hours answers the first response again, marked "
    f"`{REPLAYED_HEADER}: true`, and creates nothing; with another body it is refused (422); "
    "while the first request is still being served, 409. Keys are per account, and only "
    "successful answers are kept, so a refused request's key can be used again.",
    "schema": {"type": "string", "minLength": 1, "maxLength": KEY_MAX, "pattern": "^[!-~]+$"},
}
REPLAYED_HEADER_SCHEMA: JsonSchema = {
    "description": f"`true` when this is the stored answer to an earlier request with the same "
    f"`{KEY_HEADER}`.",
    "schema": {"type": "string", "enum": ["true"]},
}


def replayable(response: JsonSchema) -> JsonSchema:
    """An OpenAPI success response that a retry with the same key may answer again."""
    headers = {**response.get("headers", {}), REPLAYED_HEADER: REPLAYED_HEADER_SCHEMA}
    return {**response, "headers": headers}


def idempotent(view: Callable[P, ResponseReturnValue]) -> Callable[P, ResponseReturnValue]:
    """Honour ``Idempotency-Key`` on a view that creates something (inside ``login_required``).

    :raise BadRequest: the key is not 1-255 visible ASCII characters.
    :raise Refused: the key was used for another request.
    :raise Conflict: a request with the key is still being served.
    """

    @functools.wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        raw = request.headers.get(KEY_HEADER)
        if raw is None:
            return view(*args, **kwargs)
        session = get_session()
        claim, fresh = _claim(session, member().id, _key_hash(raw), _fingerprint())
        if not fresh:
            return _replay(claim)
        try:
            response = make_response(view(*args, **kwargs))
        except BaseException:
            _release(session, claim.id)
            raise
        if 200 <= response.status_code < 300:
            _keep(session, claim.id, response)
        else:
            _release(session, claim.id)
        return response

    return wrapped


def _key_hash(raw: str) -> str:
    key = raw.strip()
    if not _KEY.fullmatch(key):
        raise BadRequest.on(KEY_HEADER, f"Give a key of 1 to {KEY_MAX} visible ASCII characters.")
    return hashlib.sha256(key.encode("ascii")).hexdigest()


def _fingerprint() -> str:
    """The request as a digest: method, path and query, and the body (as parsed JSON when it is
    JSON, so spacing and key order do not count)."""
    body = request.get_data(cache=True)
    with contextlib.suppress(ValueError, RecursionError):  # not JSON: the bytes as sent
        body = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    line = f"{request.method} {request.full_path}\n".encode("utf-8", "surrogateescape")
    return hashlib.sha256(line + body).hexdigest()


def _claim(
    session: Session, user_id: int, key_hash: str, fingerprint: str
) -> tuple[IdempotencyKey, bool]:
    """The account's row for the key: a new claim (True), or the earlier request's (False).

    :raise Refused: the earlier request was another one.
    :raise Conflict: the earlier request is still being served.
    """
    now = utcnow()
    session.execute(delete(IdempotencyKey).where(IdempotencyKey.created_at < now - KEY_LIFETIME))
    mine = (IdempotencyKey.user_id == user_id, IdempotencyKey.key_hash == key_hash)
    for _ in range(2):
        claim = IdempotencyKey(
            user_id=user_id, key_hash=key_hash, fingerprint=fingerprint, created_at=now
        )
        session.add(claim)
        try:
            session.commit()
            return claim, True
        except IntegrityError:
            session.rollback()
        abandoned = session.scalar(
            delete(IdempotencyKey)
            .where(
                *mine,
                IdempotencyKey.response_status.is_(None),
                IdempotencyKey.created_at < now - ABANDONED_AFTER,
            )
            .returning(IdempotencyKey.id)
        )
        session.commit()
        earlier = session.scalar(select(IdempotencyKey).where(*mine))
        if abandoned is not None or earlier is None:
            continue  # given up, or released meanwhile: claim it afresh
        if earlier.fingerprint != fingerprint:
            raise Refused.on(
                KEY_HEADER, "This key was used for a different request: use a new key."
            )
        if earlier.response_status is None:
            raise Conflict.on(
                KEY_HEADER, "A request with this key is still being served: retry in a moment."
            )
        return earlier, False
    raise Conflict.on(KEY_HEADER, "Requests with this key keep clashing: retry in a moment.")


def _replay(claim: IdempotencyKey) -> Response:
    response = current_app.response_class(
        claim.response_body, status=claim.response_status, mimetype="application/json"
    )
    if claim.response_location:
        response.headers["Location"] = claim.response_location
    response.headers[REPLAYED_HEADER] = "true"
    return response


def _keep(session: Session, claim_id: int, response: Response) -> None:
    """Store a success so retries get it back."""
    session.execute(
        update(IdempotencyKey)
        .where(IdempotencyKey.id == claim_id)
        .values(
            response_status=response.status_code,
            response_body=response.get_data(as_text=True),
            response_location=response.headers.get("Location"),
        )
    )
    session.commit()


def _release(session: Session, claim_id: int) -> None:
    """Forget a claim whose request did not succeed (it created nothing)."""
    session.rollback()  # whatever the view had begun is not kept
    session.execute(delete(IdempotencyKey).where(IdempotencyKey.id == claim_id))
    session.commit()
