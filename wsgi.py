"""The WSGI entry point for gunicorn: ``EMBEDDING_WARMUP=1 gunicorn wsgi:app``.

A served process refuses to start on a database it cannot use, with one line saying why,
rather than answer 500 to everyone.
"""

import sys

from sqlalchemy.engine import make_url

from app import create_app
from app.db import unavailable_reason

app = create_app()

if (reason := unavailable_reason(app)) is not None:
    where = make_url(app.config["DATABASE_URL"]).render_as_string(hide_password=True)
    sys.exit(f"Question Bank cannot start: {reason}. DATABASE_URL is {where}.")
