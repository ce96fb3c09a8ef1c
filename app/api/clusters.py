"""API v1: question groups."""

from __future__ import annotations

from typing import Any

CLUSTER_PATHS: dict[str, Any] = {}
