"""The constants partnership forms, services and the API schema share."""

from __future__ import annotations

from models import PartnershipStatus

TITLE_MAX = 200
LOG_TEXT_MAX = 2000
SUGGESTED_ORGANISATIONS = 12

# forming → active → concluded (stored as "completed"); the lead moves it.
NEXT_STATUSES: dict[PartnershipStatus, tuple[PartnershipStatus, ...]] = {
    PartnershipStatus.FORMING: (PartnershipStatus.ACTIVE,),
    PartnershipStatus.ACTIVE: (PartnershipStatus.COMPLETED,),
    PartnershipStatus.COMPLETED: (),
    PartnershipStatus.CLOSED: (),
}
MEMBER_ACTIONS = ("invite", "join", "accept", "decline")
