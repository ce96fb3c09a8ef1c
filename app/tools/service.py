"""Group my questions: anyone uploads a CSV of questions, picks the text column, and gets the
same CSV back with ``group``, ``group_title`` and ``similarity_to_centre`` added, and a summary
of the groups on screen.

The grouping is the command line's (``flask insight cluster``, ``app.insight.csvtool``): the
same checks, limits, embedding, clustering and writing. Nothing is stored in the database and
nothing is kept for long. Each run is a folder under the uploads folder named by a random
token, which is all that gives access to it: the input (deleted as soon as it is grouped), the
output and a small state file the progress page reads. Runs older than half an hour are
deleted when the next one starts. The work runs in a thread of the serving process (in the
request itself under the "inline" job backend of the tests), not on the job queue: a worker
elsewhere would not see the folder.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import re
import secrets
import shutil
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.utils import secure_filename

from app.bank.embeddings import embedder
from app.core.errors import NotFound, Refused
from app.insight.csvtool import (
    CsvLimits,
    CsvSurvey,
    CsvTooLarge,
    CsvToolError,
    cluster_survey,
    read_header,
    survey_csv,
)

log = logging.getLogger(__name__)

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
LIMITS = CsvLimits(max_rows=MAX_ROWS, max_bytes=MAX_BYTES)
GROUP_COLUMNS = ("group", "group_title", "similarity_to_centre")
RUN_MAX_AGE_SECONDS = 1800
EXAMPLES_PER_GROUP = 3
# Embedding thousands of texts costs real CPU: a few runs an hour from one address.
GROUP_RATE_LIMIT = "6 per hour"
UPLOAD_RATE_LIMIT = "30 per hour"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
STATE_FILE = "state.json"
WAITING, RUNNING, DONE, FAILED = "waiting", "running", "done", "failed"
FAILED_MESSAGE = "The grouping failed. Nothing of your file was kept: try again later."


@dataclass(frozen=True)
class Run:
    """One upload's folder and what its state file says."""

    token: str
    folder: Path
    state: dict[str, Any]

    @property
    def filename(self) -> str:
        """The uploaded file's (made safe) name."""
        return str(self.state["filename"])

    @property
    def input(self) -> Path:
        """The uploaded file, until it is grouped (in a folder of its own, so no name it may
        have can meet the output's or the state file's)."""
        return self.folder / "upload" / self.filename

    @property
    def output(self) -> Path:
        """The grouped file, once done."""
        return self.folder / "grouped.csv"

    @property
    def finished(self) -> bool:
        """Whether the grouping stopped, well or badly."""
        return self.state["state"] in (DONE, FAILED)

    @property
    def progress(self) -> float:
        """How far the grouping is, from 0 to 1."""
        total = self.state.get("total") or 0
        if self.state["state"] == DONE:
            return 1.0
        return 0.9 * self.state.get("done", 0) / total if total else 0.0


def _save(folder: Path, state: dict[str, Any]) -> None:
    """Write the state file whole (a reader never sees half of it)."""
    partial = folder / f".{STATE_FILE}.tmp"
    partial.write_text(json.dumps(state), encoding="utf-8")
    os.replace(partial, folder / STATE_FILE)


def _sweep(root: Path) -> None:
    cutoff = time.time() - RUN_MAX_AGE_SECONDS
    for folder in root.iterdir():
        try:
            if folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
        except FileNotFoundError:
            continue  # another request swept it


def _message(error: CsvToolError) -> str:
    """What to tell someone on the web (the command line's advice to raise a limit is not)."""
    if isinstance(error, CsvTooLarge):
        if error.limit == "rows":
            return f"The file has more than {MAX_ROWS:,} rows: split it into smaller files."
        return f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB: split it up."
    return str(error)


def new_run(root: Path, filename: str, content: bytes) -> tuple[Run, list[str]]:
    """Keep an uploaded CSV under a new token and read its column names.

    :raise Refused: on ``file``: too large, empty, binary or not UTF-8 (nothing is kept).
    """
    if len(content) > MAX_BYTES:
        raise Refused.on("file", _message(CsvTooLarge("", "bytes")))
    root.mkdir(parents=True, exist_ok=True)
    _sweep(root)
    token = secrets.token_urlsafe(24)
    folder = root / token
    folder.mkdir()
    name = secure_filename(filename) or "questions.csv"
    if not name.lower().endswith(".csv"):
        name += ".csv"
    run = Run(token, folder, {"state": WAITING, "filename": name})
    run.input.parent.mkdir()
    run.input.write_bytes(content)
    try:
        header = read_header(run.input, LIMITS)
    except CsvToolError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise Refused.on("file", _message(error)) from None
    run.state["header"] = header
    _save(folder, run.state)
    return run, header


def open_run(root: Path, token: str) -> Run:
    """A run by its token.

    :raise NotFound: no such run (or it expired and was deleted).
    """
    folder = root / token
    try:
        if not _TOKEN.match(token):
            raise FileNotFoundError(token)
        state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        raise NotFound("This file is no longer here (runs are kept half an hour).") from None
    return Run(token, folder, state)


def guess_column(header: list[str]) -> str:
    """The column most likely to hold the questions: one named like it, else the first."""
    return next((name for name in header if "question" in name.casefold()), header[0])


def start_grouping(app: Flask, run: Run, column: str) -> None:
    """Check the file's rows for this column and group it, in a thread (or at once, under the
    inline job backend).

    :raise Refused: on ``column``: the run started already, or the file cannot be grouped by
        this column (no such column, too many rows, malformed rows, no text).
    """
    if run.state["state"] != WAITING:
        raise Refused.on("column", "This file is already being grouped.")
    try:
        survey = survey_csv(run.input, column, LIMITS)
    except CsvToolError as error:
        raise Refused.on("column", _message(error)) from None
    run.state.update(state=RUNNING, column=column, total=survey.filled, done=0)
    _save(run.folder, run.state)
    if app.config["JOB_BACKEND"] == "inline":
        _group(app, run, survey)
    else:
        threading.Thread(
            target=_group, args=(app, run, survey), name=f"group-{run.token[:8]}", daemon=True
        ).start()


def _group(app: Flask, run: Run, survey: CsvSurvey) -> None:
    """Embed, group and write the file, noting progress in the state file."""
    state = run.state

    def progress(embedded: int) -> None:
        state["done"] = state.get("done", 0) + embedded
        _save(run.folder, state)

    try:
        summary = cluster_survey(survey, run.output, embedder(app), progress, GROUP_COLUMNS)
        state.update(
            state=DONE,
            rows=summary.rows,
            grouped=summary.grouped,
            sentence=str(summary),
            groups=_groups(run.output, survey.header[survey.column]),
        )
    except CsvToolError as error:
        state.update(state=FAILED, message=_message(error))
    except Exception:  # told on the page; the details go to the log
        log.exception("grouping %s failed", run.token[:8])
        state.update(state=FAILED, message=FAILED_MESSAGE)
    finally:
        run.input.unlink(missing_ok=True)
        _save(run.folder, state)


def _groups(output: Path, text_column: str) -> list[dict[str, Any]]:
    """Each group of a grouped file (written with commas, as every output of the tool is):
    number, title, size, and its questions nearest the centre."""
    group_column, title_column, similarity_column = GROUP_COLUMNS
    found: dict[int, dict[str, Any]] = {}
    members: dict[int, list[tuple[float, str]]] = defaultdict(list)
    with output.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        at = {name: header.index(name) for name in GROUP_COLUMNS}
        text_at = header.index(text_column)
        for record in reader:
            if not record or not record[at[group_column]]:
                continue
            number = int(record[at[group_column]])
            found.setdefault(number, {"group": number, "title": record[at[title_column]]})
            similarity = float(record[at[similarity_column]])
            members[number].append((similarity, record[text_at]))
    for number, group in found.items():
        ranked = sorted(members[number], reverse=True)
        group["size"] = len(ranked)
        group["examples"] = [text for _, text in ranked[:EXAMPLES_PER_GROUP]]
    return [found[number] for number in sorted(found)]
