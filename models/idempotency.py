"""Idempotency keys: a client's retry of a POST gets the first answer instead of a duplicate."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, CreatedAt, IntPK

DIGEST_LENGTH = 64  # a sha256 in hex


class IdempotencyKey(Base):
    """One account's use of an ``Idempotency-Key``: the request it came with and, once the
    request succeeded, the answer a retry gets back.

    Only digests are kept: of the key (per account) and of the request (method, path, body).
    While ``response_status`` is null the first request is still being served.
    """

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("user_id", "key_hash"),)

    id: Mapped[IntPK]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key_hash: Mapped[str] = mapped_column(String(DIGEST_LENGTH))
    fingerprint: Mapped[str] = mapped_column(String(DIGEST_LENGTH))
    response_status: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[str | None] = mapped_column(Text)
    response_location: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[CreatedAt] = mapped_column(index=True)  # expiry and the purge read it

    def __repr__(self) -> str:
        return f"<IdempotencyKey user {self.user_id} status {self.response_status}>"
