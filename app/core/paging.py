"""One page of a longer list, and the one parser of page arguments."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.core.errors import BadRequest

T = TypeVar("T")

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
# Far beyond any real list; larger numbers are clamped before they reach SQL (OFFSET overflow).
MAX_PAGE = 1_000_000


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list.

    ``total`` is exact unless ``total_capped``, when counting stopped there (at least that many).
    """

    items: list[T]
    page: int
    per_page: int
    total: int
    total_capped: bool = False

    @property
    def pages(self) -> int | None:
        """How many pages the whole list fills (at least one); None when the count is capped."""
        if self.total_capped:
            return None
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_previous(self) -> bool:
        """Whether there is a page before this one."""
        return self.page > 1

    @property
    def has_next(self) -> bool:
        """Whether there is a page after this one."""
        pages = self.pages
        return pages is None or self.page < pages

    @property
    def first_index(self) -> int:
        """The 1-based position of the page's first item in the whole list (0 when empty)."""
        return (self.page - 1) * self.per_page + 1 if self.items else 0

    @property
    def last_index(self) -> int:
        """The 1-based position of the page's last item in the whole list (0 when empty)."""
        return self.first_index + len(self.items) - 1 if self.items else 0

    def as_dict(self, items: list[Any]) -> dict[str, Any]:
        """The page's figures with its items already serialised, for JSON."""
        return {
            "items": items,
            "page": self.page,
            "per_page": self.per_page,
            "total": self.total,
            "total_capped": self.total_capped,
            "pages": self.pages,
        }


@dataclass(frozen=True)
class PageRequest:
    """Which page was asked for, and how long pages are."""

    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    @property
    def offset(self) -> int:
        """How many items come before this page."""
        return (self.page - 1) * self.per_page

    def clamped(self, total: int) -> PageRequest:
        """The same request moved back to the last page when it asked beyond it."""
        last = max(1, math.ceil(total / self.per_page))
        return PageRequest(min(self.page, last), self.per_page)


def _positive(name: str, value: Any, default: int, ceiling: int, strict: bool) -> int:
    # An argument given empty (``?page=``) is no number: the API refuses it as any other.
    if value is None or (value == "" and not strict):
        return default
    text = str(value).strip()
    # A very long number is still a number: past the ceiling, not garbage.
    number = (int(text) if len(text) <= 18 else ceiling + 1) if text.isdigit() else None
    if strict and (number is None or not 1 <= number <= ceiling):
        raise BadRequest.on(name, f"Give a whole number from 1 to {ceiling}.")
    return default if number is None else min(max(number, 1), ceiling)


def page_request(
    args: Mapping[str, Any],
    per_page: int = DEFAULT_PER_PAGE,
    max_per_page: int = MAX_PER_PAGE,
    allow_size: bool = False,
    strict: bool = False,
) -> PageRequest:
    """``page`` (and with ``allow_size``, ``per_page``) from query arguments, within bounds.

    For pages (``strict`` off) anything that is not a positive number falls back to the
    default: a link is never worth an error page. The API (``strict``) refuses it, as its
    description says.

    :raise BadRequest: with ``strict``, a page or size that is not a number in range.
    """
    size = per_page
    if allow_size:
        size = _positive("per_page", args.get("per_page"), per_page, max_per_page, strict)
    return PageRequest(_positive("page", args.get("page"), 1, MAX_PAGE, strict), size)


def paginate(session: Session, query: Select[Any], request: PageRequest) -> Page[Any]:
    """Run an ordered select for one page (clamped to the last page) and count the whole list."""
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    request = request.clamped(total)
    items = list(session.scalars(query.limit(request.per_page).offset(request.offset)))
    return Page(items=items, page=request.page, per_page=request.per_page, total=total)
