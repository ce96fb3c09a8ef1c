"""The OpenAPI description of API v1, assembled from each feature's API module.

Each feature describes what its views answer; the answers the spine gives around every view
are added here once (see `_with_spine_answers`), so no operation forgets them.
"""

from __future__ import annotations

from typing import Any

from app.api.idempotency import KEY_HEADER, REPLAYED_HEADER
from app.auth.api import AUTH_PATHS
from app.clusters.api import CLUSTER_PATHS
from app.core.serializers import ERROR_RESPONSE, ERROR_SCHEMA
from app.datasets.api import DATASET_PATHS
from app.main.api import MAIN_PATHS
from app.notifications.api import NOTIFICATION_PATHS
from app.opendata.api import open_data_paths
from app.organisation.api import ORGANISATION_PATHS
from app.partnerships.api import PARTNERSHIP_PATHS
from app.pledges.api import PLEDGE_PATHS
from app.questions.api import QUESTION_PATHS
from app.workshops.api import WORKSHOP_PATHS

_METHODS = {"get", "put", "post", "patch", "delete"}
_SIGNED_IN: list[dict[str, list[str]]] = [{"bearerAuth": []}, {"cookieAuth": []}]


def _with_spine_answers(paths: dict[str, Any]) -> dict[str, Any]:
    """Every operation with the errors the spine answers whatever the feature: 400 for a body
    or query it cannot read (``json_body``, ``app.core.guards``, strict paging), 401 where a
    signed-in caller is required (``login_required``), 404 for a path id no row can have."""
    described: dict[str, Any] = {}
    for path, item in paths.items():
        described[path] = dict(item)
        for method, operation in item.items():
            if method not in _METHODS:
                continue
            responses = dict(operation["responses"])
            takes_input = "requestBody" in operation or any(
                parameter["in"] in {"query", "header"}
                for parameter in operation.get("parameters", [])
            )
            if takes_input:
                responses.setdefault("400", ERROR_RESPONSE)
            security = operation.get("security", _SIGNED_IN)
            if security and {} not in security:
                responses.setdefault("401", ERROR_RESPONSE)
            if "{" in path:
                responses.setdefault("404", ERROR_RESPONSE)
            described[path][method] = {**operation, "responses": responses}
    return described


def openapi_document() -> dict[str, Any]:
    """The whole OpenAPI 3.1 document."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Question Bank API",
            "version": "1",
            "description": "Questions, support, question groups, the dataset register, pledges, "
            "partnerships, workshops, notifications, your organisation and the open data files, "
            "over the same services as the web pages. "
            "Authenticate with a session cookie or `Authorization: Bearer <token>` (create a "
            "token on your account page or with `flask users token`). Every error has the body "
            "`components/schemas/Error`; rate-limited calls answer 429 with `Retry-After`, and "
            "a request line longer than the server accepts is refused with 414 before it "
            "reaches the application. Workshop guests send the token `POST /workshops/join` gave "
            "them as `Authorization: Bearer <token>`; it opens their workshop only. "
            "`POST /questions` and `POST /pledges` take an "
            f"`{KEY_HEADER}` header so that a retry creates nothing twice: the same key and "
            "body within 24 hours answer the first response again with "
            f"`{REPLAYED_HEADER}: true`; another body with that key is refused (422), and a "
            "retry while the first is still being served answers 409.",
        },
        "servers": [{"url": "/api/v1"}],
        "security": _SIGNED_IN,
        "components": {
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer"},
                "cookieAuth": {"type": "apiKey", "in": "cookie", "name": "session"},
            },
            "schemas": {"Error": ERROR_SCHEMA},
            "responses": {
                "Error": {
                    "description": "An error, with the fields at fault where relevant",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                }
            },
        },
        "paths": _with_spine_answers(
            {
                **MAIN_PATHS,
                **AUTH_PATHS,
                **ORGANISATION_PATHS,
                **QUESTION_PATHS,
                **CLUSTER_PATHS,
                **DATASET_PATHS,
                **PLEDGE_PATHS,
                **PARTNERSHIP_PATHS,
                **NOTIFICATION_PATHS,
                **WORKSHOP_PATHS,
                **open_data_paths(),
            }
        ),
    }
