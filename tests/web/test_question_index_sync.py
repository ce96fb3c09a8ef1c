"""The in-memory question index reads only the bank's change counter while nothing was written,
and catches up with a question written by another process as soon as something was."""

from __future__ import annotations

from sqlalchemy import event, update

from app.bank.embeddings import blob_to_vector
from app.bank.index import question_index
from app.db import get_engine, new_session
from models import Question


def _statements_during(app, action) -> list[str]:
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    engine = get_engine(app)
    event.listen(engine, "before_cursor_execute", note)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return seen


def test_a_sync_with_nothing_written_reads_only_the_change_counter(app, make_question) -> None:
    first = make_question("How many families use food banks in winter?")
    with app.app_context():
        index = question_index(app)
        index.sync(force=True)
        assert len(index) == 1
        quiet = _statements_during(app, lambda: index.sync(force=True))
        assert len(quiet) == 1 and "bank_changes" in quiet[0]

        second = make_question("How many tenants fall behind on rent after a rise?")
        index.sync(force=True)
        assert len(index) == 2
        with new_session(app) as session:  # as another process would: no note() here
            session.execute(update(Question).where(Question.id == first).values(hidden=True))
            session.commit()
        index.sync(force=True)
        assert len(index) == 1
        with new_session(app) as session:
            vector = blob_to_vector(session.get(Question, second).embedding)
        assert [hit.question_id for hit in index.search(vector, k=5)] == [second]


def test_a_question_added_elsewhere_is_applied_without_reloading_every_row(
    app, make_question
) -> None:
    make_question("How many families use food banks in winter?")
    with app.app_context():
        index = question_index(app)
        index.sync(force=True)
        second = make_question("How many tenants fall behind on rent after a rise?")
        index.forget([second])  # as if another process had posted it: this one has not seen it
        statements = _statements_during(app, lambda: index.sync(force=True))
        assert len(index) == 2
        reads = [s for s in statements if "SELECT questions.id, questions.embedding" in s]
        assert reads and all("updated_at >=" in s for s in reads), "\n---\n".join(statements)

        with new_session(app) as session:  # deleted elsewhere: no row is left to read
            session.delete(session.get(Question, second))
            session.commit()
        index.sync(force=True)
        assert len(index) == 1
