"""Finding questions: the filtered, searchable listing, literal and by meaning.

Every query here goes through ``readable_by``, so a listing or a search never shows a hidden
question or another organisation's private one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from app.bank.embeddings import embed_texts
from app.bank.index import question_index
from app.bank.support import sector_counts
from app.core.guards import MAX_ID
from app.core.paging import Page, PageRequest
from app.core.policy import readable_by
from app.core.text import squash
from app.insight.stopwords import COMMON_WORDS
from app.questions.filters import (
    NEWEST,
    RELEVANCE,
    SUPPORTED,
    Condition,
    QuestionFilters,
    filter_conditions,
    unindexed,
)
from models import (
    ActionType,
    Cluster,
    ClusterState,
    Question,
    Sector,
    Theme,
    User,
)

# Search queries are a few words, not a question, so their cosines run lower than question
# pairs. On the 282 demo questions at 0.40: "bus cuts" finds 5, "rent arrears" 17, "hungry
# households" 49; off-topic queries ("football results", "weather tomorrow") top out near 0.2
# and find nothing.
SEARCH_THRESHOLD = 0.40
SEARCH_DEPTH = 200
# A literal match of every search word is strong evidence: it ranks above meaning-only hits.
TEXT_MATCH_BONUS = 0.5

# Counting every match means reading every matching row (about 40 ms for 100,000 questions on
# SQLite); counting up to this many reads a few hundred index entries. Nobody pages past 50
# pages: beyond it the page says "more than 1000" and still offers the next page.
COUNT_LIMIT = 1000
# The group filter offers the largest groups by name; any other can still be chosen from its
# own page ("see its questions").
GROUP_CHOICES = 60

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class QuestionRow:
    """A question in a listing with its supporters counted by sector."""

    question: Question
    supporters_by_sector: dict[Sector, int]


@dataclass(frozen=True)
class QuestionPage(Page[QuestionRow]):
    """One page of a listing in the order it was sorted by."""

    sort: str = NEWEST
    more: bool = False  # whether a next page has questions (known even when the count is capped)

    @property
    def has_next(self) -> bool:
        """Whether there is a page after this one."""
        return self.more


def _search_terms(query: str) -> list[str]:
    words = [word for word in _WORD.findall(query.lower()) if word not in COMMON_WORDS]
    return [word for word in words if len(word) > 2] or [query.strip().lower()]


def _contains(column: SQLColumnExpression[str], term: str, dialect: str) -> Condition:
    """The column holds the term, ignoring case.

    SQLite's LIKE already ignores ASCII case, and the ``lower()`` that ``ilike`` adds around both
    sides there more than doubles a scan of every question; PostgreSQL gets ILIKE.
    """
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    if dialect == "sqlite":
        return column.like(pattern, escape="\\")
    return column.ilike(pattern, escape="\\")


def _text_match(query: str, dialect: str) -> Condition:
    """Every word of the query in the question or its action, ignoring case (LIKE: portable)."""
    return and_(
        *(
            or_(
                _contains(Question.text, term, dialect),
                _contains(Question.action, term, dialect),
            )
            for term in _search_terms(query)
        )
    )


def _meaning_scores(query: str) -> dict[int, float]:
    """Question ids close in meaning to the query, with their similarity."""
    hits = question_index().search(embed_texts([query])[0], k=SEARCH_DEPTH)
    return {hit.question_id: hit.score for hit in hits if hit.score >= SEARCH_THRESHOLD}


def _count(session: Session, conditions: list[Condition], limit: int | None) -> tuple[int, bool]:
    """How many questions match, counting no further than ``limit``; and whether it stopped."""
    matching = select(Question.id).where(*conditions)
    if limit is None:
        return session.scalar(select(func.count()).select_from(matching.subquery())) or 0, False
    counted = (
        session.scalar(select(func.count()).select_from(matching.limit(limit + 1).subquery())) or 0
    )
    return min(counted, limit), counted > limit


def _ranked_matches(
    session: Session,
    conditions: list[Condition],
    literal_match: Condition,
    scores: dict[int, float],
) -> tuple[list[int], bool]:
    """Search hits best first: the newest SEARCH_DEPTH literal matches and the meaning matches.

    Literal matches rank above meaning-only ones; similarity orders each kind, then support.
    Returns the ranked ids and whether literal matches went deeper than SEARCH_DEPTH.
    """
    literal_rows = session.execute(
        select(Question.id, Question.support_count)
        .where(*conditions, literal_match)
        .order_by(Question.created_at.desc(), Question.id.desc())
        .limit(SEARCH_DEPTH)
    ).all()
    meaning_rows = (
        session.execute(
            select(Question.id, Question.support_count).where(*conditions, Question.id.in_(scores))
        ).all()
        if scores
        else []
    )
    literal_ids = {row.id for row in literal_rows}
    support = {row.id: row.support_count for row in (*literal_rows, *meaning_rows)}

    def rank(question_id: int) -> tuple[float, int, int]:
        bonus = TEXT_MATCH_BONUS if question_id in literal_ids else 0.0
        return (-(scores.get(question_id, 0.0) + bonus), -support[question_id], -question_id)

    return sorted(support, key=rank), len(literal_rows) == SEARCH_DEPTH


def _rows(session: Session, ids: list[int]) -> list[Question]:
    """The questions with what a row shows, in the order of the ids."""
    loaded = {
        question.id: question
        for question in session.scalars(
            select(Question)
            .where(Question.id.in_(ids))
            .options(
                joinedload(Question.cluster),
                joinedload(Question.organisation),
                joinedload(Question.action_type),
                selectinload(Question.themes),
            )
        )
    }
    return [loaded[question_id] for question_id in ids]


@dataclass(frozen=True)
class _Search:
    """A search query as SQL: its literal match and the questions close to it in meaning."""

    query: str
    literal: Condition
    scores: dict[int, float]

    @property
    def found_by(self) -> Condition:
        """A hit: every word literally in the question or its action, or close in meaning."""
        if not self.scores:
            return self.literal
        return or_(self.literal, Question.id.in_(self.scores))


def _relevance_page(
    session: Session, conditions: list[Condition], search: _Search, request: PageRequest
) -> tuple[list[int], int, bool]:
    """Ids of one page of search hits in relevance order, the total and whether it is capped.

    The total is the ranked hits: counting the rest of a common word's literal matches would
    read the whole table for a figure nobody needs exactly.
    """
    ranked, deeper = _ranked_matches(session, conditions, search.literal, search.scores)
    found = ranked[request.offset : request.offset + request.per_page + 1]
    return found, len(ranked), deeper


def _ordered_page(
    session: Session,
    conditions: list[Condition],
    sort: str,
    request: PageRequest,
    count_limit: int | None,
) -> tuple[list[int], int, bool]:
    """Ids of one page in newest or most-supported order, the total and whether it is capped."""
    orders: dict[str, tuple[ColumnElement[Any], ...]] = {
        NEWEST: (Question.created_at.desc(), Question.id.desc()),
        SUPPORTED: (Question.support_count.desc(), Question.id.desc()),
    }
    order = orders[sort]
    found = list(
        session.scalars(
            select(Question.id)
            .where(*conditions)
            .order_by(*order)
            .limit(request.per_page + 1)
            .offset(request.offset)
        )
    )
    if request.page == 1 and len(found) <= request.per_page:  # the first page holds them all
        return found, len(found), False
    total, capped = _count(session, conditions, count_limit)
    return found, total, capped


def list_questions(
    session: Session,
    viewer: User | None,
    filters: QuestionFilters,
    request: PageRequest,
    count_limit: int | None = COUNT_LIMIT,
) -> QuestionPage:
    """One page of the readable questions matching the filters and search, in the asked order.

    A search matches the words literally (in the question or its action) *or* by meaning. In
    relevance order, literal matches come first and meaning decides within each kind; only the
    newest SEARCH_DEPTH literal matches are ranked, so very common words page through those.
    The count stops at ``count_limit`` (None: count them all). A page beyond the last one
    answers the last page.

    :raise Refused: a filter names something that does not exist.
    """
    conditions = [unindexed(readable_by(viewer)), *filter_conditions(session, filters)]
    query = squash(filters.q)
    search = None
    if query:
        dialect = session.get_bind().dialect.name
        search = _Search(query, _text_match(query, dialect), _meaning_scores(query))
    sort = filters.sort or (RELEVANCE if search else NEWEST)
    if sort == RELEVANCE and search is None:
        sort = NEWEST
    matching = [*conditions, search.found_by] if search else conditions

    def fetch(at: PageRequest) -> tuple[list[int], int, bool]:
        if sort == RELEVANCE and search is not None:
            return _relevance_page(session, conditions, search, at)
        return _ordered_page(session, matching, sort, at, count_limit)

    found, total, capped = fetch(request)
    if not found and request.page > 1:  # beyond the last page: answer the last one
        if capped:
            total, capped = _count(session, matching, None)
        request = request.clamped(total)
        found, total, capped = fetch(request)
    questions = _rows(session, found[: request.per_page])
    counts = sector_counts(session, [question.id for question in questions])
    return QuestionPage(
        items=[QuestionRow(question, counts[question.id]) for question in questions],
        page=request.page,
        per_page=request.per_page,
        total=total,
        total_capped=capped,
        sort=sort,
        more=len(found) > request.per_page,
    )


@dataclass(frozen=True)
class GroupChoice:
    """A live group offered by the listing's group filter."""

    id: int
    title: str
    size: int


@dataclass(frozen=True)
class Vocabulary:
    """The action types, themes and largest groups a listing can be narrowed to."""

    action_types: list[ActionType]
    themes: list[Theme]


def vocabulary(session: Session) -> Vocabulary:
    """Every action type and theme, in display order."""
    return Vocabulary(
        action_types=list(session.scalars(select(ActionType).order_by(ActionType.position))),
        themes=list(session.scalars(select(Theme).order_by(Theme.position))),
    )


def group_choices(session: Session, chosen: str = "") -> list[GroupChoice]:
    """The largest live groups for the group filter, plus the chosen one if it is not among them.

    Group titles are labels that every visitor sees on the groups page too.
    """
    rows = session.execute(
        select(Cluster.id, Cluster.title, Cluster.auto_label, Cluster.size)
        .where(Cluster.state == ClusterState.ACTIVE, Cluster.size > 0)
        .order_by(Cluster.size.desc(), Cluster.id)
        .limit(GROUP_CHOICES)
    ).all()
    choices = [GroupChoice(r.id, r.title or r.auto_label or f"Group {r.id}", r.size) for r in rows]
    if chosen.isdigit() and int(chosen) <= MAX_ID and int(chosen) not in {c.id for c in choices}:
        cluster = session.get(Cluster, int(chosen))
        if cluster is not None:
            choices.append(GroupChoice(cluster.id, cluster.display_title, cluster.size))
    return sorted(choices, key=lambda choice: choice.title.lower())
