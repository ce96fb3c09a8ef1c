"""Clustering a CSV of questions with no database: output columns, order and clear errors."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from app.insight import csvtool
from app.insight.csvtool import (
    OUTPUT_COLUMNS,
    CsvLimits,
    CsvTooLarge,
    CsvToolError,
    cluster_csv,
    survey_csv,
)

FOOD = [
    "How many families referred to food banks are waiting for Universal Credit?",
    "Are people using food banks because their Universal Credit payment is late?",
    "What share of food bank referrals come from the five-week Universal Credit wait?",
    "Do delays in the first Universal Credit payment push families to food banks?",
]
BUSES = [
    "How have cuts to rural bus services affected people getting to work?",
    "Are fewer bus routes stopping people in villages from reaching jobs?",
    "What happens to employment in rural areas when the bus service is withdrawn?",
    "Do people in the countryside lose work because buses no longer run?",
]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8", **kwargs) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, **kwargs).writerows(rows)
    return path


def read_csv(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def sticky_notes(tmp_path: Path) -> Path:
    texts = [FOOD[0], BUSES[0], FOOD[1], BUSES[1], FOOD[2], BUSES[2], FOOD[3], BUSES[3]]
    rows = [["note", "question", "table"]] + [
        [str(i + 1), text, "A" if i % 2 else "B"] for i, text in enumerate(texts)
    ]
    return write_csv(tmp_path / "notes.csv", rows)


def test_two_topics_make_two_groups_and_every_row_is_kept(tmp_path: Path, embedder) -> None:
    source = sticky_notes(tmp_path)
    out = tmp_path / "grouped.csv"
    summary = cluster_csv(source, "question", out, embedder)
    rows = read_csv(out)
    assert list(rows[0]) == ["note", "question", "table", *OUTPUT_COLUMNS]
    assert [r["note"] for r in rows] == [str(i) for i in range(1, 9)]  # same rows, same order
    assert [r["question"] for r in rows] == [r["question"] for r in read_csv(source)]
    food = {r["cluster_id"] for r in rows if "food bank" in r["question"]}
    buses = {r["cluster_id"] for r in rows if "bus" in r["question"]}
    assert len(food) == 1 and len(buses) == 1 and food != buses
    assert {r["cluster_id"] for r in rows} == {"1", "2"}
    food_label = next(r["cluster_label"] for r in rows if "food bank" in r["question"])
    assert "food" in food_label or "universal credit" in food_label
    for r in rows:
        similarity = r["similarity_to_centre"]
        assert 0.0 < float(similarity) <= 1.0
        assert len(similarity.split(".")[1]) == 3
    assert summary.rows == 8 and summary.grouped == 8 and summary.n_clusters == 2
    assert summary.empty_lines == []
    assert str(summary) == "Grouped 8 questions into 2 groups."


def test_rows_with_empty_text_are_kept_with_empty_cluster_columns(tmp_path: Path, embedder) -> None:
    rows = [["question", "who"], [FOOD[0], "a"], ["", "b"], [FOOD[1], "c"], ["   ", "d"]]
    source = write_csv(tmp_path / "in.csv", rows)
    out = tmp_path / "out.csv"
    summary = cluster_csv(source, "question", out, embedder)
    written = read_csv(out)
    assert [r["who"] for r in written] == ["a", "b", "c", "d"]
    assert written[1]["cluster_id"] == "" and written[1]["cluster_label"] == ""
    assert written[3]["similarity_to_centre"] == ""
    assert written[0]["cluster_id"] == written[2]["cluster_id"] == "1"
    assert summary.empty_lines == [3, 5]
    assert "2 rows were left ungrouped because 'question' is empty (lines 3, 5)" in str(summary)


def test_missing_column_names_the_columns_there_are(tmp_path: Path, embedder) -> None:
    source = sticky_notes(tmp_path)
    with pytest.raises(CsvToolError) as error:
        cluster_csv(source, "text", tmp_path / "out.csv", embedder)
    message = str(error.value)
    assert message == "notes.csv has no column 'text'; its columns are: 'note', 'question', 'table'"
    assert not (tmp_path / "out.csv").exists()


def test_column_name_matches_ignoring_case(tmp_path: Path, embedder) -> None:
    source = write_csv(tmp_path / "in.csv", [["Question"], [FOOD[0]], [BUSES[0]]])
    summary = cluster_csv(source, "question", tmp_path / "out.csv", embedder)
    assert summary.grouped == 2


def test_empty_file(tmp_path: Path, embedder) -> None:
    source = tmp_path / "empty.csv"
    source.write_bytes(b"")
    with pytest.raises(CsvToolError, match=r"^empty\.csv is empty"):
        cluster_csv(source, "question", tmp_path / "out.csv", embedder)


def test_header_only_or_all_blank_text(tmp_path: Path, embedder) -> None:
    header_only = write_csv(tmp_path / "h.csv", [["question", "who"]])
    with pytest.raises(CsvToolError, match="no rows with text in column 'question'"):
        cluster_csv(header_only, "question", tmp_path / "out.csv", embedder)
    blank = write_csv(tmp_path / "b.csv", [["question", "who"], ["", "a"], [" ", "b"]])
    with pytest.raises(CsvToolError, match=r"2 rows, all empty"):
        cluster_csv(blank, "question", tmp_path / "out.csv", embedder)


def test_binary_file_is_refused_in_one_line(tmp_path: Path, embedder) -> None:
    source = tmp_path / "photo.csv"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)))
    with pytest.raises(CsvToolError) as error:
        cluster_csv(source, "question", tmp_path / "out.csv", embedder)
    assert "binary" in str(error.value) and "\n" not in str(error.value)


def test_non_utf8_text_is_refused_with_advice(tmp_path: Path, embedder) -> None:
    source = tmp_path / "latin.csv"
    source.write_bytes("question\nHow much is £10 worth to a family?\n".encode("cp1252"))
    with pytest.raises(CsvToolError, match=r"not UTF-8 text .*save it as 'CSV UTF-8'"):
        cluster_csv(source, "question", tmp_path / "out.csv", embedder)


def test_missing_input_file(tmp_path: Path, embedder) -> None:
    with pytest.raises(CsvToolError, match="no such file"):
        cluster_csv(tmp_path / "nope.csv", "question", tmp_path / "out.csv", embedder)


def test_row_with_too_many_fields(tmp_path: Path, embedder) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("question,who\nFood banks,a\nBuses, villages,b,extra\n")
    with pytest.raises(CsvToolError, match="line 3 has 4 fields but the header has 2"):
        cluster_csv(source, "question", tmp_path / "out.csv", embedder)


def test_excel_bom_and_semicolons_are_understood(tmp_path: Path, embedder) -> None:
    rows = [["id", "question"]] + [[str(i), t] for i, t in enumerate(FOOD + BUSES)]
    source = write_csv(tmp_path / "excel.csv", rows, encoding="utf-8-sig", delimiter=";")
    out = tmp_path / "out.csv"
    summary = cluster_csv(source, "question", out, embedder)
    assert summary.encoding == "utf-8-sig" and summary.n_clusters == 2
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel still opens it as UTF-8
    written = read_csv(out, encoding="utf-8-sig")
    assert list(written[0]) == ["id", "question", *OUTPUT_COLUMNS]


def test_rerunning_on_its_own_output_replaces_the_cluster_columns(tmp_path: Path, embedder) -> None:
    source = sticky_notes(tmp_path)
    out = tmp_path / "out.csv"
    cluster_csv(source, "question", out, embedder)
    cluster_csv(out, "question", out, embedder)
    written = read_csv(out)
    assert list(written[0]) == ["note", "question", "table", *OUTPUT_COLUMNS]
    assert len(written) == 8


def test_unwritable_output(tmp_path: Path, embedder) -> None:
    source = sticky_notes(tmp_path)
    with pytest.raises(CsvToolError, match=r"cannot write .*does not exist"):
        cluster_csv(source, "question", tmp_path / "missing" / "out.csv", embedder)


class RecordingEncoder:
    """The real embedder, noting how many texts each call is given."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder
        self.calls: list[int] = []

    def encode(self, texts, batch_size: int = 64):
        self.calls.append(len(texts))
        return self.embedder.encode(texts, batch_size)


def test_texts_are_embedded_in_bounded_batches_with_progress(
    tmp_path: Path, embedder, monkeypatch
) -> None:
    monkeypatch.setattr(csvtool, "EMBED_BATCH", 3)
    source = sticky_notes(tmp_path)
    recording = RecordingEncoder(embedder)
    steps: list[int] = []
    summary = cluster_csv(
        source, "question", tmp_path / "out.csv", recording, progress=steps.append
    )
    assert recording.calls == [3, 3, 2] and steps == [3, 3, 2]
    assert summary.n_clusters == 2  # the same grouping as embedding all at once


def test_limits_refuse_a_file_before_anything_is_embedded(tmp_path: Path) -> None:
    source = sticky_notes(tmp_path)
    with pytest.raises(CsvTooLarge, match=r"^notes\.csv has more than 7 rows, the limit") as rows:
        survey_csv(source, "question", CsvLimits(max_rows=7))
    assert rows.value.limit == "rows"
    assert survey_csv(source, "question", CsvLimits(max_rows=8)).rows == 8
    size = source.stat().st_size
    with pytest.raises(CsvTooLarge, match=r"MB, above the limit of") as too_big:
        survey_csv(source, "question", CsvLimits(max_bytes=size - 1))
    assert too_big.value.limit == "bytes"
    assert survey_csv(source, "question", CsvLimits(max_bytes=size)).filled == 8


def test_the_whole_file_is_checked_as_utf8_in_chunks(tmp_path: Path) -> None:
    head = "question\n" + "How much do families spend on food each week?\n" * 1500
    # A two-byte character astride the first chunk's end is not an error...
    pad = 64 * 1024 - len(head.encode()) - 1
    text = head + "x" * pad + "£10 a week?\n"
    source = tmp_path / "long.csv"
    source.write_bytes(text.encode())
    assert survey_csv(source, "question").rows == 1501
    # ...and a bad byte far into the file is found, at its true position.
    data = text.encode() + b"What about \xff?\n"
    source.write_bytes(data)
    position = data.index(b"\xff")
    with pytest.raises(CsvToolError, match=rf"byte 0xff at position {position}\)"):
        survey_csv(source, "question")


def test_many_empty_rows_are_counted_and_the_first_ten_named(tmp_path: Path, embedder) -> None:
    rows = [["question"], [FOOD[0]], [FOOD[1]]] + [[""]] * 12
    summary = cluster_csv(
        write_csv(tmp_path / "in.csv", rows), "question", tmp_path / "o.csv", embedder
    )
    assert summary.empty_lines == list(range(4, 14))
    assert "12 rows were left ungrouped" in str(summary) and "and 2 more" in str(summary)


def test_a_large_group_takes_its_keywords_from_a_sample(
    tmp_path: Path, embedder, monkeypatch
) -> None:
    monkeypatch.setattr(csvtool, "KEYWORD_TEXTS_PER_GROUP", 2)
    seen: list[int] = []
    original = csvtool.ctfidf_keywords

    def counting(texts_by_group, *args, **kwargs):
        seen.extend(len(texts) for texts in texts_by_group.values())
        return original(texts_by_group, *args, **kwargs)

    monkeypatch.setattr(csvtool, "ctfidf_keywords", counting)
    out = tmp_path / "out.csv"
    cluster_csv(sticky_notes(tmp_path), "question", out, embedder)
    assert seen == [2, 2]
    labels = {r["cluster_id"]: r["cluster_label"] for r in read_csv(out)}
    assert len(labels) == 2 and all(labels.values())
