"""The OpenAPI description of API v1, assembled from each resource module's paths."""

from __future__ import annotations

from typing import Any

from app.api.clusters import CLUSTER_PATHS
from app.api.questions import QUESTION_PATHS

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "status": {"type": "integer"},
                "title": {"type": "string"},
                "message": {"type": "string"},
                "fields": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
            "required": ["status", "title", "message"],
        }
    },
}

BASE_PATHS: dict[str, Any] = {
    "/health": {
        "get": {
            "summary": "Liveness, counts and the embedding model",
            "security": [],
            "responses": {"200": {"description": "The service is up"}},
        }
    },
    "/me": {
        "get": {
            "summary": "The member the request is authenticated as",
            "responses": {
                "200": {"description": "The member"},
                "401": {"$ref": "#/components/responses/Error"},
            },
        }
    },
}


def openapi_document() -> dict[str, Any]:
    """The whole OpenAPI 3.1 document."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Question Bank API",
            "version": "1",
            "description": "Questions, support and question groups, over the same services as "
            "the web pages. Authenticate with a session cookie or `Authorization: Bearer "
            "<token>` (create a token on your account page or with `flask users token`).",
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearerAuth": []}, {"cookieAuth": []}],
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
        "paths": {**BASE_PATHS, **QUESTION_PATHS, **CLUSTER_PATHS},
    }
