"""Finding questions: the filtered, searchable listing and similar questions by meaning.

Every query here goes through ``readable_by``, so a listing, a search or a similar-questions
panel never shows a hidden question or another organisation's private one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

import numpy as np
from sqlalchemy import ColumnElement, and_, exists, false, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from app.embedding import blob_to_vector, embed_texts, question_index
from app.insight.match import canonical_place
from app.questions.access import readable_by
from app.questions.rules import GEOGRAPHY_MAX, SEARCH_MAX, TEXT_MIN, QuestionError
from models import (
    ActionType,
    Cluster,
    Organisation,
    Question,
    QuestionStatus,
    Sector,
    Support,
    Theme,
    User,
    question_themes,
)

# Cosine similarity (all-MiniLM-L6-v2) at which another question counts as "similar" while
# asking. Measured on the 282 demo questions, hand-written in families of near-duplicates: at
# 0.55, 93% of questions find at least one neighbour and only 6% of the pairs shown share no
# theme at all (unrelated), against 13% at 0.50 and 20% at 0.45; at 0.60 a quarter of the
# questions find nothing. Showing a near miss costs a glance; missing a duplicate costs a group.
SIMILAR_THRESHOLD = 0.55
SIMILAR_LIMIT = 5
# Extra candidates fetched from the index so that unreadable ones can be dropped.
SIMILAR_OVERFETCH = 4
SIMILAR_MIN_CHARS = TEXT_MIN

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

NEWEST, SUPPORTED, RELEVANCE = "newest", "supported", "relevance"
SORTS = {NEWEST: "Newest", SUPPORTED: "Most supported", RELEVANCE: "Best match"}
NO_GROUP = "none"

_WORD = re.compile(r"\w+")
# Words too common in questions to narrow a literal search.
_COMMON_WORD_TEXT = """
a an and are as at be by can do does for from has have how in is it many more most of on or our
the their there they this to was we what when where which who why will with
"""
_COMMON_WORDS = frozenset(_COMMON_WORD_TEXT.split())


@dataclass(frozen=True)
class QuestionFilters:
    """What the listing is narrowed to, as plain values from a query string or JSON."""

    q: str = ""
    theme: str = ""
    action_type: str = ""
    sector: str = ""
    geography: str = ""
    status: str = ""
    group: str = ""
    sort: str = ""

    @property
    def searching(self) -> bool:
        """Whether there is a search query."""
        return bool(self.q.strip())

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> QuestionFilters:
        """The filters in a query string, trimmed."""
        return cls(**{f.name: str(args.get(f.name, "")).strip() for f in fields(cls)})

    def as_args(self) -> dict[str, str]:
        """The filters that are set, as query-string arguments."""
        return {name: value for name, value in vars(self).items() if value}


@dataclass(frozen=True)
class QuestionRow:
    """A question in a listing with its supporters counted by sector."""

    question: Question
    supporters_by_sector: dict[Sector, int]


@dataclass(frozen=True)
class QuestionPage:
    """One page of a listing, and how many questions match (exactly, or "more than")."""

    rows: list[QuestionRow]
    total: int
    page: int
    per_page: int
    sort: str
    has_next: bool
    # True when counting stopped at ``total``: at least that many match.
    total_capped: bool = False

    @property
    def pages(self) -> int | None:
        """How many pages there are, when the count is exact."""
        return None if self.total_capped else max(1, math.ceil(self.total / self.per_page))

    @property
    def has_previous(self) -> bool:
        """Whether there is a page before this one."""
        return self.page > 1


@dataclass(frozen=True)
class SimilarQuestion:
    """A readable question close in meaning to a text, with its cosine similarity."""

    question: Question
    score: float
    supported: bool


def sector_counts(session: Session, question_ids: Iterable[int]) -> dict[int, dict[Sector, int]]:
    """Supporters of each question counted by their organisation's sector, in one query."""
    ids = list(question_ids)
    counts: dict[int, dict[Sector, int]] = {question_id: {} for question_id in ids}
    if not ids:
        return counts
    rows = session.execute(
        select(Support.question_id, Organisation.sector, func.count())
        .join(User, User.id == Support.user_id)
        .join(Organisation, Organisation.id == User.organisation_id)
        .where(Support.question_id.in_(ids))
        .group_by(Support.question_id, Organisation.sector)
    )
    for question_id, sector, count in rows:
        counts[question_id][sector] = count
    order = list(Sector)
    return {
        question_id: dict(sorted(by_sector.items(), key=lambda item: order.index(item[0])))
        for question_id, by_sector in counts.items()
    }


def supported_ids(session: Session, user: User | None, question_ids: Iterable[int]) -> set[int]:
    """Which of these questions the user says they ask too."""
    ids = list(question_ids)
    if user is None or not user.is_authenticated or not ids:
        return set()
    return set(
        session.scalars(
            select(Support.question_id).where(
                Support.user_id == user.id, Support.question_id.in_(ids)
            )
        )
    )


def _similar(
    session: Session,
    viewer: User | None,
    vector: np.ndarray,
    limit: int,
    exclude: Iterable[int] = (),
) -> list[SimilarQuestion]:
    hits = [
        hit
        for hit in question_index().search(vector, k=limit * SIMILAR_OVERFETCH, exclude=exclude)
        if hit.score >= SIMILAR_THRESHOLD
    ]
    if not hits:
        return []
    readable = {
        question.id: question
        for question in session.scalars(
            select(Question)
            .where(Question.id.in_([hit.question_id for hit in hits]), readable_by(viewer))
            .options(joinedload(Question.cluster))
        )
    }
    kept = [hit for hit in hits if hit.question_id in readable][:limit]
    supported = supported_ids(session, viewer, [hit.question_id for hit in kept])
    return [
        SimilarQuestion(readable[hit.question_id], hit.score, hit.question_id in supported)
        for hit in kept
    ]


def similar_to_text(
    session: Session, viewer: User | None, text: str, limit: int = SIMILAR_LIMIT
) -> list[SimilarQuestion]:
    """Readable questions close in meaning to a text being typed, best first."""
    text = " ".join((text or "").split())
    if len(text) < SIMILAR_MIN_CHARS:
        return []
    return _similar(session, viewer, embed_texts([text])[0], limit)


def similar_to_question(
    session: Session, viewer: User | None, question: Question, limit: int = SIMILAR_LIMIT
) -> list[SimilarQuestion]:
    """Readable questions close in meaning to a stored question, itself left out."""
    if question.embedding is None:
        return []
    return _similar(
        session, viewer, blob_to_vector(question.embedding), limit, exclude=[question.id]
    )


def _filter_conditions(session: Session, filters: QuestionFilters) -> list[ColumnElement[bool]]:
    """SQL conditions for the filters, each value checked against what exists.

    Only the one-group filter may lead the planner to an index (see ``_unindexed``).
    """
    errors: dict[str, list[str]] = {}
    conditions: list[ColumnElement[bool]] = []
    if filters.theme:
        if session.get(Theme, filters.theme) is None:
            errors["theme"] = ["Choose a theme from the list."]
        conditions.append(
            exists().where(
                question_themes.c.question_id == Question.id,
                question_themes.c.theme_slug == filters.theme,
            )
        )
    if filters.action_type:
        if session.get(ActionType, filters.action_type) is None:
            errors["action_type"] = ["Choose an action type from the list."]
        conditions.append(_unindexed(Question.action_type_slug == filters.action_type))
    if filters.sector:
        try:
            sector = Sector(filters.sector)
        except ValueError:
            errors["sector"] = ["Choose a sector from the list."]
        else:
            conditions.append(
                exists().where(
                    Organisation.id == Question.organisation_id, Organisation.sector == sector
                )
            )
    if filters.status:
        try:
            conditions.append(_unindexed(Question.status == QuestionStatus(filters.status)))
        except ValueError:
            errors["status"] = ["Choose a status from the list."]
    if filters.group == NO_GROUP:
        conditions.append(_unindexed(Question.cluster_id.is_(None)))
    elif filters.group:
        if not filters.group.isdigit() or session.get(Cluster, int(filters.group)) is None:
            errors["group"] = ["There is no such question group."]
        else:
            # One group's questions are few: here its index is the better road.
            conditions.append(Question.cluster_id == int(filters.group))
    if filters.geography:
        if len(filters.geography) > GEOGRAPHY_MAX:
            errors["geography"] = [f"Keep the place to {GEOGRAPHY_MAX} characters or fewer."]
        place = canonical_place(filters.geography).lower()
        conditions.append(func.lower(Question.geography) == place)
    if filters.sort and filters.sort not in SORTS:
        errors["sort"] = ["Choose an order from the list."]
    if len(filters.q) > SEARCH_MAX:
        errors["q"] = [f"Keep the search to {SEARCH_MAX} characters or fewer."]
    if errors:
        raise QuestionError(errors)
    return conditions


def _search_terms(query: str) -> list[str]:
    words = [word for word in _WORD.findall(query.lower()) if word not in _COMMON_WORDS]
    return [word for word in words if len(word) > 2] or [query.strip().lower()]


def _contains(column: ColumnElement[str], term: str, dialect: str) -> ColumnElement[bool]:
    """The column holds the term, ignoring case.

    SQLite's LIKE already ignores ASCII case, and the ``lower()`` that ``ilike`` adds around both
    sides there more than doubles a scan of every question; PostgreSQL gets ILIKE.
    """
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    if dialect == "sqlite":
        return column.like(pattern, escape="\\")
    return column.ilike(pattern, escape="\\")


def _text_match(query: str, dialect: str) -> ColumnElement[bool]:
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


def _count(
    session: Session, conditions: list[ColumnElement[bool]], limit: int | None
) -> tuple[int, bool]:
    """How many questions match, counting no further than ``limit``; and whether it stopped."""
    matching = select(Question.id).where(*conditions)
    if limit is None:
        return session.scalar(select(func.count()).select_from(matching.subquery())) or 0, False
    counted = (
        session.scalar(select(func.count()).select_from(matching.limit(limit + 1).subquery())) or 0
    )
    return min(counted, limit), counted > limit


def _unindexed(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """The same condition, in a form no index can serve, so the planner walks the sort's index.

    Without ANALYZE statistics SQLite guesses that ``hidden = 0`` (or a status, an action type)
    picks out a handful of rows, reads every one through that index and sorts them all: 120 ms
    at 100,000 questions. Hidden from index choice, the condition is checked while walking the
    created-at or support index, which stops after one page: under 1 ms. PostgreSQL plans from
    its statistics and reaches the same plan either way.
    """
    return func.coalesce(condition, false())


def _ranked_matches(
    session: Session,
    conditions: list[ColumnElement[bool]],
    literal_match: ColumnElement[bool],
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


def list_questions(
    session: Session,
    viewer: User | None,
    filters: QuestionFilters,
    page: int = 1,
    per_page: int = 20,
    count_limit: int | None = COUNT_LIMIT,
) -> QuestionPage:
    """One page of the readable questions matching the filters and search, in the asked order.

    A search matches the words literally (in the question or its action) *or* by meaning. In
    relevance order, literal matches come first and meaning decides within each kind; only the
    newest SEARCH_DEPTH literal matches are ranked, so very common words page through those.
    The count stops at ``count_limit`` (None: count them all).

    :raise QuestionError: a filter names something that does not exist.
    """
    conditions = [_unindexed(readable_by(viewer)), *_filter_conditions(session, filters)]
    sort = filters.sort or (RELEVANCE if filters.searching else NEWEST)
    page = max(1, page)
    offset = (page - 1) * per_page
    if filters.searching:
        query = " ".join(filters.q.split())
        literal_match = _text_match(query, session.get_bind().dialect.name)
        scores = _meaning_scores(query)
        found_by = or_(literal_match, Question.id.in_(scores)) if scores else literal_match
    elif sort == RELEVANCE:
        sort = NEWEST
    if sort == RELEVANCE:
        ranked, deeper = _ranked_matches(session, conditions, literal_match, scores)
        found = ranked[offset : offset + per_page + 1]
        conditions.append(found_by)
        exact = not deeper
    else:
        if filters.searching:
            conditions.append(found_by)
        order = {
            NEWEST: (Question.created_at.desc(), Question.id.desc()),
            SUPPORTED: (Question.support_count.desc(), Question.id.desc()),
        }[sort]
        found = list(
            session.scalars(
                select(Question.id)
                .where(*conditions)
                .order_by(*order)
                .limit(per_page + 1)
                .offset(offset)
            )
        )
        ranked = found
        exact = page == 1 and len(found) <= per_page  # the first page holds them all
    questions = _rows(session, found[:per_page])
    if exact:
        total, capped = len(ranked), False
    elif sort == RELEVANCE and count_limit is not None:
        # At least the ranked ones: counting the rest of a common word's matches means reading
        # the whole table for a figure nobody needs exactly.
        total, capped = len(ranked), True
    else:
        total, capped = _count(session, conditions, count_limit)
    counts = sector_counts(session, [question.id for question in questions])
    return QuestionPage(
        rows=[QuestionRow(question, counts[question.id]) for question in questions],
        total=total,
        page=page,
        per_page=per_page,
        sort=sort,
        has_next=len(found) > per_page,
        total_capped=capped,
    )


@dataclass(frozen=True)
class Vocabulary:
    """The action types and themes a question can carry, in their display order."""

    action_types: list[ActionType]
    themes: list[Theme]


def vocabulary(session: Session) -> Vocabulary:
    """Every action type and theme."""
    return Vocabulary(
        action_types=list(session.scalars(select(ActionType).order_by(ActionType.position))),
        themes=list(session.scalars(select(Theme).order_by(Theme.position))),
    )


def group_title(session: Session, group: str) -> str | None:
    """The title of the group a filter value names, or None."""
    cluster = session.get(Cluster, int(group)) if group.isdigit() else None
    return cluster.display_title if cluster is not None else None
