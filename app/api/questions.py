"""API v1: questions, support and similar-question search."""

from __future__ import annotations

from typing import Any

QUESTION_PATHS: dict[str, Any] = {}
