"""gunicorn settings for `make run` and the load benchmark (bench/load.py): one place for both.

Rate limits must hold across workers: the default storage (a SQLite file, ``sqlite:///...``) and
Redis (``RATELIMIT_STORAGE_URI=redis://...``) are shared by every process, so the app runs as two
workers, one per core. Only with ``memory://``, whose counts belong to one process, does it run
as one process with threads. ``WORKERS`` and ``THREADS`` override either.

Threads (gthread) rather than more processes: a request spends much of its time waiting on the
database, and threads share one copy of the model and the question index. Each worker keeps
``DATABASE_POOL_SIZE`` (10) connections open, more than its threads, so none opens one per request.

The app is not preloaded in the master: it would open a database connection and start the
model's warm-up threads before the fork, and neither survives one safely.
"""

import os

_shared_limits = not os.environ.get("RATELIMIT_STORAGE_URI", "").strip().startswith("memory:")

worker_class = "gthread"
workers = int(os.environ.get("WORKERS") or (2 if _shared_limits else 1))
threads = int(os.environ.get("THREADS") or (4 if _shared_limits else 8))
# Keep-alive connections wait in the worker's poller, not on a thread, so a few hundred idle
# clients cost no thread.
keepalive = 5
timeout = 120
