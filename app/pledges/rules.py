"""What a pledge may say and how its status moves: the constants the forms, the service and
the API schema all read."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from models import PledgeCondition, PledgeStatus

NOTE_MAX = 2000
STATUS_NOTE_MAX = 500
CONDITIONS = tuple(PledgeCondition)

# offered → in discussion → shared; withdrawn from any state that is not final.
NEXT_STATUSES: dict[PledgeStatus, tuple[PledgeStatus, ...]] = {
    PledgeStatus.OFFERED: (PledgeStatus.IN_DISCUSSION, PledgeStatus.WITHDRAWN),
    PledgeStatus.IN_DISCUSSION: (PledgeStatus.SHARED, PledgeStatus.WITHDRAWN),
    PledgeStatus.SHARED: (),
    PledgeStatus.WITHDRAWN: (),
}

_TERMS_FILE = Path(__file__).with_name("data") / "terms.txt"


@cache
def terms_of_use() -> tuple[str, ...]:
    """The terms every pledge carries (the asset lock), one sentence each."""
    lines = _TERMS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def terms_text() -> str:
    """The terms as stored with a pledge."""
    return "\n".join(terms_of_use())
