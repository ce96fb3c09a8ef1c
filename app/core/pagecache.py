"""Pages as visitors who are not logged in see them, kept while the bank has not changed.

Every visitor who is not logged in sees the same page for the same address: what they may read
is decided by ``policy`` for "no viewer". A page built for one of them is kept with the bank's
change counter (``app.db.current_generation``) as it was when the page was built, and served to
the next one until a transaction writes to the bank: within ``CHECK_INTERVAL`` when another
process wrote, and at once when this one did. ``PAGE_CACHE_STALENESS`` (`make run` sets it) lets
a page built less than that many seconds ago be served whatever was written since: without it,
a bank taking a post every few dozen milliseconds would throw away every visitor's page between
two views of it, so under writing load every page would be built afresh, and the posts would
wait behind the rebuilding. With it, a page past that age is rebuilt by one request while the
others are served the old page (``REBUILD_GRACE``), and a page built while posts commit is kept.
Visitors cannot write, so a page a few seconds behind is one they cannot tell from a fresh one.
The visitor's own CSRF token is put back into the page each time, so their forms and htmx
requests work as before.

Only pages that are the same for every visitor are kept: GET answers of 200 with HTML or JSON,
for nobody logged in, with no message flashed for them, for the same htmx headers and within the
same day (so nothing that counts days can go stale overnight). Members always get pages built
for them.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import wraps
from typing import ParamSpec

from flask import Flask, current_app, g, request, session
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import generate_csrf
from werkzeug.wrappers import Response

from app.core.web import viewer
from app.db import current_generation, get_session, writes_committed

P = ParamSpec("P")

# Where the visitor's CSRF token goes in a kept page: a NUL byte never reaches a page (the
# guards refuse it in input), so the slot cannot be confused with content.
TOKEN_SLOT = b"\x00csrf-token\x00"
KEPT_TYPES = frozenset({"text/html", "application/json"})
# How stale a kept page may be after another process (another gunicorn worker, a background
# job, a command) changed the bank: the change counter is read again at most this often.
# Changes made by this process are seen at once.
CHECK_INTERVAL = 1.0
# With a staleness allowed, a page past it is rebuilt by one request while the others are served
# the old page meanwhile, for at most this many seconds more (a rebuild that fails or hangs
# gives way to the next request after it): a page expiring under load is not rebuilt by every
# visitor asking for it at once.
REBUILD_GRACE = 2.0
# The request headers a page may differ by (``app.core.web.is_fragment`` reads them).
VARY_HEADERS = ("HX-Request", "HX-Target", "HX-History-Restore-Request")
# Headers that belong to one answer, not to the page.
OWN_HEADERS = frozenset({"content-length", "set-cookie"})
Key = tuple[str, str, str]


@dataclass(frozen=True)
class KeptPage:
    """A page's body (with its CSRF token taken out), status and headers."""

    body: bytes
    status: int
    headers: tuple[tuple[str, str], ...]
    has_token: bool

    def response(self) -> Response:
        """The page as an answer to this visitor, with their CSRF token in it."""
        body = self.body
        if self.has_token:
            body = body.replace(TOKEN_SLOT, generate_csrf().encode())
        return Response(body, status=self.status, headers=list(self.headers))


@dataclass(frozen=True)
class _Entry:
    page: KeptPage
    generation: int
    built_at: float


class PageCache:
    """Pages kept with the generation they were built at, the least recently used dropped."""

    def __init__(
        self, capacity: int, check_interval: float = CHECK_INTERVAL, staleness: float = 0.0
    ) -> None:
        self._capacity = capacity
        self._check_interval = check_interval
        # How long after it was built a page may be served whatever the bank's generation.
        self._staleness = staleness
        self._pages: OrderedDict[Key, _Entry] = OrderedDict()
        self._rebuilding: dict[Key, float] = {}  # pages being rebuilt, since when
        self._generation: int | None = None
        self._checked_at = float("-inf")
        self._writes_seen = -1
        self._lock = threading.Lock()

    def generation(self, read: Callable[[], int | None]) -> int | None:
        """The bank's generation: ``read`` from the database at most every ``check_interval``
        seconds, and at once after this process wrote."""
        with self._lock:
            fresh = time.monotonic() - self._checked_at < self._check_interval
            if fresh and self._writes_seen == writes_committed():
                return self._generation
        writes = writes_committed()  # before reading: a commit in between is read again
        generation = read()
        with self._lock:
            self._generation = generation
            self._checked_at = time.monotonic()
            self._writes_seen = writes
        return generation

    def get(self, key: Key, generation: int) -> KeptPage | None:
        """The page kept for key, if built at this generation or within the staleness allowed.

        With a staleness allowed, a page past it is still served, for up to ``REBUILD_GRACE``
        seconds, while another request rebuilds it: the first to find it past gets None (and
        should ``put`` the page it builds, then ``release`` the key)."""
        now = time.monotonic()
        with self._lock:
            entry = self._pages.get(key)
            if entry is None:
                return None
            age = now - entry.built_at
            if entry.generation == generation or age < self._staleness:
                self._pages.move_to_end(key)
                return entry.page
            if self._staleness > 0 and age < self._staleness + REBUILD_GRACE:
                since = self._rebuilding.get(key)
                if since is not None and now - since < REBUILD_GRACE:
                    return entry.page
                self._rebuilding[key] = now
                return None
            del self._pages[key]
            return None

    def put(self, key: Key, generation: int, page: KeptPage, started: float | None = None) -> None:
        """Keep a page built from the bank at ``generation``, its build begun at ``started``
        (``time.monotonic()``; now if not given).

        Without a staleness allowed, a page built before a change is not kept; with one it is,
        and is served until it is that old, counted from when its build began."""
        with self._lock:
            if generation != self._generation and self._staleness <= 0:
                return
            built_at = time.monotonic() if started is None else started
            self._pages[key] = _Entry(page, generation, built_at)
            self._pages.move_to_end(key)
            while len(self._pages) > self._capacity:
                self._pages.popitem(last=False)

    def release(self, key: Key) -> None:
        """Say the page of key is no longer being rebuilt (kept or not)."""
        with self._lock:
            self._rebuilding.pop(key, None)

    def __len__(self) -> int:
        return len(self._pages)


def init_app(app: Flask) -> None:
    """Give the app its cache (PAGE_CACHE_SIZE pages; 0 turns it off), which serves a page up to
    PAGE_CACHE_STALENESS seconds after it was built whatever changed since."""
    size = app.config["PAGE_CACHE_SIZE"]
    staleness = app.config["PAGE_CACHE_STALENESS"] or 0.0
    app.extensions["qb.page_cache"] = PageCache(size, staleness=staleness) if size > 0 else None


def _cache() -> PageCache | None:
    cache: PageCache | None = current_app.extensions.get("qb.page_cache")
    return cache


def _key() -> Key:
    htmx = "|".join(request.headers.get(name, "") for name in VARY_HEADERS)
    return request.url, htmx, datetime.now(UTC).date().isoformat()


def _same_for_every_visitor() -> bool:
    return request.method == "GET" and viewer() is None and "_flashes" not in session


def _kept(response: Response) -> KeptPage | None:
    """The answer as a page to keep, or None when it is not the same for every visitor."""
    if (
        response.status_code != 200
        or response.direct_passthrough
        or response.is_streamed
        or response.mimetype not in KEPT_TYPES
        or "Set-Cookie" in response.headers
    ):
        return None
    body = response.get_data()
    token = g.get("csrf_token")
    has_token = bool(token) and token.encode() in body
    if has_token:
        body = body.replace(token.encode(), TOKEN_SLOT)
    headers = tuple(
        (name, value) for name, value in response.headers if name.lower() not in OWN_HEADERS
    )
    return KeptPage(body, response.status_code, headers, has_token)


def kept_for_visitors(view: Callable[P, ResponseReturnValue]) -> Callable[P, ResponseReturnValue]:
    """Serve the view's page from the cache to visitors who are not logged in, while the bank
    has not changed since it was built (or it is younger than the staleness allowed)."""

    @wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        cache = _cache()
        if cache is None or not _same_for_every_visitor():
            return view(*args, **kwargs)
        generation = cache.generation(lambda: current_generation(get_session()))
        if generation is None:
            return view(*args, **kwargs)
        key = _key()
        started = time.monotonic()
        page = cache.get(key, generation)
        if page is not None:
            return page.response()
        try:
            response = current_app.make_response(view(*args, **kwargs))
            kept = _kept(response)
            if kept is not None:
                cache.put(key, generation, kept, started)
        finally:
            cache.release(key)
        return response

    return wrapper
