"""`flask insight cluster`: any CSV of questions grouped without touching the database."""

from __future__ import annotations

import csv

from sqlalchemy import func, select

from models import Question


def _write(path, rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def test_groups_sticky_notes_and_keeps_every_row(runner, tmp_path, db) -> None:
    source = tmp_path / "notes.csv"
    _write(
        source,
        [
            ["note", "table"],
            ["How many families rely on food banks in Newcastle?", "1"],
            ["What number of households in Newcastle use food banks?", "2"],
            ["Are more families going to food banks this winter?", "1"],
            ["How have rural bus cuts affected people getting to work?", "3"],
            ["Do bus route cuts stop villagers reaching jobs?", "2"],
            ["Are people in the countryside losing work because buses stopped?", "3"],
            ["", "4"],
        ],
    )
    output = tmp_path / "grouped.csv"
    result = runner.invoke(
        args=["insight", "cluster", str(source), "--text-column", "note", "--output", str(output)]
    )
    assert result.exit_code == 0, result.output
    assert "Grouped 6 questions into 2 groups" in result.output
    with output.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["table"] for row in rows] == ["1", "2", "1", "3", "2", "3", "4"]
    assert {"cluster_id", "cluster_label", "similarity_to_centre"} <= set(rows[0])
    food = {row["cluster_id"] for row in rows[:3]}
    buses = {row["cluster_id"] for row in rows[3:6]}
    assert len(food) == 1 and len(buses) == 1 and food != buses
    assert rows[6]["cluster_id"] == ""
    assert db.scalar(select(func.count()).select_from(Question)) == 0


def test_missing_column_is_one_clear_line_and_non_zero(runner, tmp_path) -> None:
    source = tmp_path / "notes.csv"
    _write(source, [["text"], ["How many families use food banks?"]])
    result = runner.invoke(
        args=["insight", "cluster", str(source), "--text-column", "note", "--output", "out.csv"]
    )
    assert result.exit_code != 0
    assert "note" in result.output and "text" in result.output
    assert "Traceback" not in result.output


def test_unreadable_file_is_a_clear_error(runner, tmp_path) -> None:
    source = tmp_path / "image.csv"
    source.write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(
        args=["insight", "cluster", str(source), "--text-column", "note", "--output", "out.csv"]
    )
    assert result.exit_code != 0
    assert result.output.startswith("Error:")
    assert "Traceback" not in result.output


NOTES = [
    ["note", "table", "score"],
    ['=HYPERLINK("https://evil.example","How many families use food banks?")', "1", "-0.5"],
    ["What number of households in Newcastle use food banks?", "@SUM(1+1)", "0.25"],
    ["Are more families going to food banks this winter?", "1", "-1"],
    ["How have rural bus cuts affected people getting to work?", "3", "2"],
    ["Do bus route cuts stop villagers reaching jobs?", "+44 20 7946 0000", "-0.75"],
    ["Are people in the countryside losing work because buses stopped?", "3", "1e-3"],
]


def _cluster(runner, source, output, *options):
    return runner.invoke(
        args=[
            *("insight", "cluster", str(source), "--text-column", "note"),
            *("--output", str(output), *options),
        ]
    )


def test_formula_cells_are_written_back_neutralised_and_numbers_stay_numbers(
    runner, tmp_path
) -> None:
    source, output = tmp_path / "notes.csv", tmp_path / "grouped.csv"
    _write(source, NOTES)
    result = _cluster(runner, source, output)
    assert result.exit_code == 0, result.output
    with output.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["note"] == "'" + NOTES[1][0]
    assert [row["table"] for row in rows] == ["1", "'@SUM(1+1)", "1", "3", "'+44 20 7946 0000", "3"]
    # Every cell of "score" is a number, so the column stays numeric, minus signs and all.
    assert [row["score"] for row in rows] == ["-0.5", "0.25", "-1", "2", "-0.75", "1e-3"]
    assert all(row["cluster_id"].isdigit() for row in rows)
    assert all(float(row["similarity_to_centre"]) > 0 for row in rows)


def test_progress_goes_to_standard_error_and_the_summary_to_standard_output(
    runner, tmp_path
) -> None:
    source, output = tmp_path / "notes.csv", tmp_path / "grouped.csv"
    _write(source, NOTES)
    result = _cluster(runner, source, output)
    assert result.exit_code == 0, result.output
    assert "Embedding 6 texts" in result.stderr
    assert "Embedding" not in result.stdout
    assert result.stdout.startswith("Grouped 6 questions into")


def test_too_many_rows_is_refused_in_one_line_before_embedding(
    app, runner, tmp_path, monkeypatch
) -> None:
    from app.insight.embed import Embedder

    def never(*args, **kwargs):
        raise AssertionError("nothing is embedded for a file that is refused")

    monkeypatch.setattr(Embedder, "encode", never)
    source, output = tmp_path / "notes.csv", tmp_path / "grouped.csv"
    _write(source, NOTES)
    result = _cluster(runner, source, output, "--max-rows", "5")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "notes.csv has more than 5 rows, the limit" in result.output
    assert "--max-rows or CLUSTER_CSV_MAX_ROWS" in result.output
    assert not output.exists()

    app.config["CLUSTER_CSV_MAX_ROWS"] = 4  # the configured limit holds without the option
    assert "more than 4 rows" in _cluster(runner, source, output).output
    app.config["CLUSTER_CSV_MAX_ROWS"] = 6
    assert "more than" not in _cluster(runner, source, output, "--max-bytes", "100000").output


def test_too_many_bytes_is_refused_in_one_line(app, runner, tmp_path) -> None:
    source, output = tmp_path / "notes.csv", tmp_path / "grouped.csv"
    _write(source, NOTES)
    size = source.stat().st_size
    result = _cluster(runner, source, output, "--max-bytes", str(size - 1))
    assert result.exit_code == 1 and result.output.strip().count("\n") == 0
    assert "above the limit of" in result.output and "--max-bytes" in result.output
    app.config["CLUSTER_CSV_MAX_BYTES"] = 10
    assert "above the limit of" in _cluster(runner, source, output).output
    assert not output.exists()
