"""The WSGI entry point for gunicorn: ``EMBEDDING_WARMUP=1 gunicorn wsgi:app``."""

from app import create_app

app = create_app()
