"""Settings an admin chooses at run time, stored in the database; the configuration gives
each one's default until an admin sets it. Only the open-data licence, for now."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.core.errors import Refused
from app.core.opendata import LICENCES
from app.core.policy import require_admin
from models import Setting, User

OPEN_DATA_LICENCE = "open_data_licence"


def open_data_licence(session: Session, default: str) -> str:
    """The name of the open data's licence: the admin's choice, else ``default`` (the
    configuration's)."""
    chosen = session.get(Setting, OPEN_DATA_LICENCE)
    return chosen.value if chosen is not None and chosen.value in LICENCES else default


def set_open_data_licence(session: Session, actor: User | None, name: str) -> str:
    """Publish the open data under another licence from the list, and commit.

    :raise Forbidden: the actor is not an admin.
    :raise Refused: on ``licence``: not a licence on the list.
    """
    admin = require_admin(actor)
    if name not in LICENCES:
        raise Refused.on("licence", "Choose a licence from the list.")
    setting = session.get(Setting, OPEN_DATA_LICENCE)
    if setting is None:
        session.add(Setting(key=OPEN_DATA_LICENCE, value=name, updated_by_id=admin.id))
    else:
        setting.value, setting.updated_by_id = name, admin.id
    session.commit()
    return name
