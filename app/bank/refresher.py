"""Work on groups that a write asks for and need not finish before the write answers: done by a
thread of the serving process after the write commits, many writes' groups in one pass.

A question posted changes its group's figures (size, support, breadth) and its stored matches.
Both are recounted from the database, so they can be recounted once for a burst of posts
rather than once for each, and outside the post's transaction, which then answers sooner.
``after_commit(session, refresh, ids)`` asks for ``refresh(session, ids)``: where the app has a
``Refresher`` (served processes) it runs in the background once ``session`` commits, nothing
if it rolls back; elsewhere (tests, the command line) at once, in the caller's transaction, so
what the caller commits is complete.

Figures and matches are also recounted from scratch by every re-cluster, so a pass that fails
(it is logged and asked for again with the next) leaves them stale, never wrong for good.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

Refresh = Callable[[Session, Iterable[int]], None]

_REFRESHER = "qb.refresher"  # in session.info: the factory's Refresher
_PENDING = "qb.refresh_after_commit"  # in session.info: what to hand it when the session commits

log = logging.getLogger(__name__)


def after_commit(session: Session, refresh: Refresh, ids: Iterable[int]) -> None:
    """Run ``refresh(session, ids)`` after this session commits, in the background, when its
    factory has a ``Refresher``; else now, before the caller commits."""
    wanted = set(ids)
    if not wanted:
        return
    refresher = session.info.get(_REFRESHER)
    if refresher is None or not session.in_transaction():  # no commit to wait for
        refresh(session, wanted)
        return
    session.info.setdefault(_PENDING, {}).setdefault(refresh, set()).update(wanted)


class Refresher:
    """Runs the refreshes sessions of ``factory`` asked for, in a thread of its own, once their
    transactions have committed: those asked for during ``delay`` seconds in one pass, each
    refresh once with all its ids, in the order they were first asked for, in one transaction."""

    def __init__(self, factory: sessionmaker[Session], delay: float = 0.5) -> None:
        self._factory = factory
        self.delay = delay
        self._pending: dict[Refresh, set[int]] = {}
        self._busy = False
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None
        factory.configure(info={_REFRESHER: self})
        event.listen(factory, "after_commit", self._committed)
        # Soft: fired by every rollback() call, even one with no database transaction begun.
        event.listen(factory, "after_soft_rollback", self._rolled_back)

    def _committed(self, session: Session) -> None:
        for refresh, ids in session.info.pop(_PENDING, {}).items():
            self.add(refresh, ids)

    def _rolled_back(self, session: Session, _previous: Any) -> None:
        session.info.pop(_PENDING, None)

    def add(self, refresh: Refresh, ids: Iterable[int]) -> None:
        """Ask for ``refresh`` of some ids soon."""
        with self._condition:
            self._pending.setdefault(refresh, set()).update(ids)
            if self._thread is None or not self._thread.is_alive():
                # Started on first use, in the process that serves (never before a fork).
                self._thread = threading.Thread(target=self._run, name="refresher", daemon=True)
                self._thread.start()
            self._condition.notify_all()

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Block until nothing is pending or running; whether that happened in time."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while self._pending or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._condition.wait(left)
        return True

    def _run(self) -> None:
        while True:
            with self._condition:
                while not self._pending:
                    self._condition.wait()
            time.sleep(self.delay)  # let the groups of a burst of posts gather
            with self._condition:
                work, self._pending, self._busy = self._pending, {}, True
            try:
                with self._factory() as session:
                    for refresh, ids in work.items():
                        refresh(session, ids)
                    session.commit()
            except Exception:
                log.exception("a background refresh of %s failed", ", ".join(map(_name, work)))
                time.sleep(self.delay)
                with self._condition:
                    for refresh, ids in work.items():
                        self._pending.setdefault(refresh, set()).update(ids)
            finally:
                with self._condition:
                    self._busy = False
                    self._condition.notify_all()


def _name(refresh: Refresh) -> str:
    return getattr(refresh, "__qualname__", repr(refresh))
