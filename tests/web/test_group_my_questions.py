"""Group my questions: anyone uploads a CSV, picks the text column, reads a summary of the
groups and downloads the same CSV with the group columns added; nothing enters the bank, and
the limits are told plainly."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select

from app.db import new_session
from app.tools.service import MAX_BYTES, MAX_ROWS
from models import Question

QUESTIONS = [
    "How many families skip meals to pay for food?",
    "Which food banks see the most families each week?",
    "How many families rely on food banks in winter?",
    "How many households cannot afford to heat their homes?",
    "Which homes lose the most heat in a cold winter?",
    "How many older people cut back on heating to pay energy bills?",
]


def sheet(rows: list[str]) -> bytes:
    lines = ["id;note;Question asked"] + [f"{n};n{n};{text}" for n, text in enumerate(rows, 1)]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def tool(app, tmp_path):
    """The tool's files in a temporary folder."""
    app.config["UPLOAD_DIR"] = tmp_path
    return tmp_path


def upload(client, content: bytes, name: str = "sticky notes.csv"):
    # The body is built here: the test client spools a large one to a temporary file it
    # never closes (a ResourceWarning, an error under this suite).
    boundary = "qb-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return client.post(
        "/tools/group", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )


def test_a_visitor_groups_a_csv_and_downloads_it_with_the_group_columns(app, client, tool):
    page = client.get("/tools/group")
    assert page.status_code == 200 and "No account needed" in page.text
    uploaded = upload(client, sheet(QUESTIONS))
    assert uploaded.status_code == 302
    run_url = uploaded.headers["Location"]
    choose = client.get(run_url)
    # The columns of the file are offered, the one named like questions chosen.
    assert '<option selected value="Question asked">' in choose.text
    assert '<option value="note">' in choose.text
    started = client.post(run_url, data={"column": "Question asked"})
    assert started.status_code == 302
    result = client.get(run_url)
    assert "Done" in result.text and "Grouped 6 questions into" in result.text
    assert "The groups, largest first" in result.text
    download = client.get(f"{run_url}/grouped.csv")
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert "sticky_notes-grouped.csv" in download.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(download.text)))
    download.close()
    assert list(rows[0]) == [
        "id",
        "note",
        "Question asked",
        "group",
        "group_title",
        "similarity_to_centre",
    ]
    assert [row["Question asked"] for row in rows] == QUESTIONS  # the same rows, in order
    groups = {row["group"] for row in rows}
    assert groups <= {str(n) for n in range(1, 7)} and "1" in groups
    assert all(0 < float(row["similarity_to_centre"]) <= 1.0 for row in rows)
    food = {row["group"] for row in rows[:3]}
    assert len(food) == 1  # the food-bank questions go together
    assert list(tool.glob("*/*/upload")) and not list(tool.glob("*/*/upload/*"))  # deleted
    with app.app_context(), new_session(app) as session:
        assert session.scalar(select(func.count()).select_from(Question)) == 0


def test_choosing_another_column_groups_by_it_and_a_missing_one_is_named(client, tool):
    run_url = upload(client, sheet(QUESTIONS)).headers["Location"]
    refused = client.post(run_url, data={"column": "answer"})
    assert refused.status_code == 422
    assert "has no column &#39;answer&#39;" in refused.text
    assert client.post(run_url, data={"column": "note"}).status_code == 302
    result = client.get(run_url).text
    assert "Grouped 6 questions" in result


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Question\n" + b"x" * (MAX_BYTES + 10), "larger than 5 MB"),
        (b"Caf\xe9 question\nWhy?\n", "is not UTF-8 text"),
        (b"", "is empty"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_plainly(client, tool, content, message):
    refused = upload(client, content)
    assert refused.status_code == 422
    assert message in refused.text
    assert not list(tool.glob("*/*/upload/*"))  # nothing kept


def test_too_many_rows_are_refused_before_any_work(client, tool):
    content = sheet([f"Question number {n} about food?" for n in range(MAX_ROWS + 1)])
    run_url = upload(client, content).headers["Location"]
    refused = client.post(run_url, data={"column": "Question asked"})
    assert refused.status_code == 422
    assert f"more than {MAX_ROWS:,} rows" in refused.text


def test_a_file_named_like_the_output_is_grouped_all_the_same(client, tool):
    run_url = upload(client, sheet(QUESTIONS), name="grouped.csv").headers["Location"]
    assert client.post(run_url, data={"column": "Question asked"}).status_code == 302
    download = client.get(f"{run_url}/grouped.csv")
    assert download.status_code == 200 and "group_title" in download.text
    download.close()


def test_an_unknown_run_is_not_found(client, tool):
    assert client.get("/tools/group/not-a-token-at-all-really-no").status_code == 404
    assert client.get("/tools/group/..%2F..%2Fetc").status_code == 404


def test_grouping_is_rate_limited(limited_client, app, tmp_path):
    app.config["UPLOAD_DIR"] = tmp_path
    statuses = [upload(limited_client, b"").status_code for _ in range(31)]
    assert statuses[-1] == 429 and 429 not in statuses[:30]
