"""The WSGI entry point for gunicorn: ``gunicorn wsgi:app``."""

import os

from app import create_app

# Served processes warm the embedding model in the background so the first question posted
# after start-up does not wait for it.
os.environ.setdefault("EMBEDDING_WARMUP", "1")
app = create_app()
