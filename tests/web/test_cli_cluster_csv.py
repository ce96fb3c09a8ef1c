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
