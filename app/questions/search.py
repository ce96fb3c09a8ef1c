"""Finding questions: the filtered, searchable listing, literal and by meaning.

Every query here goes through ``readable_by``, so a listing or a search never shows a hidden
question or another organisation's private one.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from flask import Flask, current_app
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, defer, joinedload, selectinload

from app.bank.embeddings import embed_texts
from app.bank.fulltext import TextQuery, matches, ranked_ids, text_query
from app.bank.index import question_index
from app.bank.support import sector_counts
from app.bank.vocabulary import action_types, themes
from app.core.guards import MAX_ID
from app.core.paging import Page, PageRequest
from app.core.policy import readable_by
from app.core.text import squash
from app.db import among
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
from models.fulltext import QUESTIONS_TEXT

# Search queries are a few words, not a question, so their cosines run lower than question
# pairs. On the 282 demo questions at 0.40: "bus cuts" finds 5, "rent arrears" 17, "hungry
# households" 49; off-topic queries ("football results", "weather tomorrow") top out near 0.2
# and find nothing.
SEARCH_THRESHOLD = 0.40
SEARCH_DEPTH = 200
# A word in thousands of questions is ranked among its newest RANK_DEPTH matches only: bm25 over
# every match costs about 3 microseconds each (30 ms for a word in one question in ten at
# 100,000); a rarer word or several words have fewer matches and are ranked in full.
RANK_DEPTH = 1000

# Counting every match means reading every matching row (about 40 ms for 100,000 questions on
# SQLite); counting up to this many reads a few hundred index entries. Nobody pages past 50
# pages: beyond it the page says "more than 1000" and still offers the next page.
COUNT_LIMIT = 1000
# The group filter offers the largest groups by name; any other can still be chosen from its
# own page ("see its questions").
GROUP_CHOICES = 60


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


# Embedding a query (about 5 ms) runs beside the full-text search of the same request, which
# does not need it; the model releases the GIL while it works.
_MEANING = ThreadPoolExecutor(max_workers=4, thread_name_prefix="search-meaning")


def _meaning_scores(query: str, app: Flask) -> dict[int, float]:
    """Question ids close in meaning to the query, with their similarity."""
    hits = question_index(app).search(embed_texts([query], app)[0], k=SEARCH_DEPTH)
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


@dataclass(frozen=True)
class _Search:
    """A search query: its words for the full-text index and the questions close in meaning
    (being found in the background until first asked for)."""

    words: TextQuery
    literal: Condition
    meaning: Future[dict[int, float]]

    @cached_property
    def scores(self) -> dict[int, float]:
        """Question ids close in meaning to the query, with their similarity."""
        return self.meaning.result()

    @property
    def found_by(self) -> Condition:
        """A hit: every word (stemmed) in the question or its action, or close in meaning."""
        if not self.scores:
            return self.literal
        return or_(self.literal, Question.id.in_(self.scores))


def _ranked_matches(
    session: Session, conditions: list[Condition], search: _Search
) -> tuple[list[int], bool]:
    """Search hits best first: the SEARCH_DEPTH best word matches (of the newest RANK_DEPTH),
    then the meaning matches.

    Word matches keep the full-text rank (bm25 or ts_rank); the questions found only by meaning
    follow, by similarity, then support. Returns the ranked ids and whether word matches went
    deeper than SEARCH_DEPTH.
    """
    literal_ids = ranked_ids(
        session, QUESTIONS_TEXT, search.words, conditions, SEARCH_DEPTH, RANK_DEPTH
    )
    found = set(literal_ids)
    meaning_only = [question_id for question_id in search.scores if question_id not in found]
    rows = (
        session.execute(
            select(Question.id, Question.support_count).where(
                *conditions, among(session, Question.id, meaning_only)
            )
        ).all()
        if meaning_only
        else []
    )
    support = {row.id: row.support_count for row in rows}

    def rank(question_id: int) -> tuple[float, int, int]:
        return (-search.scores[question_id], -support[question_id], -question_id)

    return [*literal_ids, *sorted(support, key=rank)], len(literal_ids) == SEARCH_DEPTH


def _rows(session: Session, ids: list[int]) -> list[Question]:
    """The questions with what a row shows, in the order of the ids.

    A row shows no vectors and no group figures: those columns (a few kilobytes a row, and JSON
    to parse) are left in the database unless something asks for them.
    """
    loaded = {
        question.id: question
        for question in session.scalars(
            select(Question)
            .where(Question.id.in_(ids))
            .options(
                defer(Question.embedding),
                joinedload(Question.cluster).defer(Cluster.centroid),
                joinedload(Question.cluster).defer(Cluster.public_centroid),
                joinedload(Question.cluster).defer(Cluster.keywords),
                joinedload(Question.cluster).defer(Cluster.match_terms),
                joinedload(Question.cluster).defer(Cluster.sector_counts),
                joinedload(Question.cluster).defer(Cluster.action_type_counts),
                joinedload(Question.organisation),
                joinedload(Question.action_type),
                selectinload(Question.themes),
            )
        )
    }
    return [loaded[question_id] for question_id in ids]


def _relevance_page(
    session: Session, conditions: list[Condition], search: _Search, request: PageRequest
) -> tuple[list[int], int, bool]:
    """Ids of one page of search hits in relevance order, the total and whether it is capped.

    The total is the ranked hits: counting the rest of a common word's literal matches would
    read the whole table for a figure nobody needs exactly.
    """
    ranked, deeper = _ranked_matches(session, conditions, search)
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

    A search matches the words (stemmed, the last as a prefix, in the question or its action)
    *or* the meaning. In relevance order, word matches come first in full-text rank, then
    meaning-only ones; only the SEARCH_DEPTH best word matches (of the newest RANK_DEPTH) are
    listed, so very common words page through those. A query without a word (empty, or
    punctuation) searches nothing. The count stops at ``count_limit`` (None: count them all).
    A page beyond the last one answers the last page.

    :raise Refused: a filter names something that does not exist.
    """
    conditions = [unindexed(readable_by(viewer)), *filter_conditions(session, filters)]
    query = squash(filters.q)
    words = text_query(query)
    search = None
    if words is not None:
        dialect = session.get_bind().dialect.name
        app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
        meaning = _MEANING.submit(_meaning_scores, query, app)
        search = _Search(words, matches(QUESTIONS_TEXT, words, dialect), meaning)
    sort = filters.sort or (RELEVANCE if search else NEWEST)
    if sort == RELEVANCE and search is None:
        sort = NEWEST

    def matching() -> list[Condition]:
        return [*conditions, search.found_by] if search else conditions

    def fetch(at: PageRequest) -> tuple[list[int], int, bool]:
        if sort == RELEVANCE and search is not None:
            return _relevance_page(session, conditions, search, at)
        return _ordered_page(session, matching(), sort, at, count_limit)

    found, total, capped = fetch(request)
    if not found and request.page > 1:  # beyond the last page: answer the last one
        if capped:
            total, capped = _count(session, matching(), None)
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
        action_types=action_types(session),
        themes=themes(session),
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
