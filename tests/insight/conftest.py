"""Fixtures for the insight engine tests: the real embedding model, loaded once per session."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest

from app.insight.embed import Embedder, get_embedder


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The shared ONNX embedder for the default model, loaded once for the whole session."""
    model = get_embedder()
    model.load()
    return model
