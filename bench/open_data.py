"""Open data export at scale: each published file streamed through the API, and ``flask export``
writing them all, from the search benchmark's bank (100k distinct questions, a tenth of them
members-only, organisation-only or hidden; ``bench/search_bank.py``), built without the
embeddings of its extra questions, which no export reads.

For each file: the time to stream it whole through the Flask test client and the peak Python
allocation while doing so (tracemalloc), with the records and bytes written. The baseline,
measured in the same run, is the obvious export a streaming one replaces: every public
question loaded through the ORM at once, then written to one CSV string in memory. Targets
(issue 11): the questions file in ≤ 10 s and ≤ 200 MB peak at 100k questions.

Run alone: ``python -m bench.open_data [--quick]`` (quick: the 20k bank).
"""

from __future__ import annotations

import argparse
import csv
import io
import tempfile
import time
from pathlib import Path

from bench.common import Row, default_eval_dir, print_table, timed_config, traced_peak_mb
from bench.search_bank import sqlite_bank

BENCHMARK = "open_data"
TARGET_SECONDS = 10.0
TARGET_PEAK_MB = 200.0


def _stream(client: object, path: str) -> tuple[int, int]:
    """GET an export and read it chunk by chunk; (bytes, lines) received."""
    response = client.get(path, buffered=False)  # type: ignore[attr-defined]
    size = lines = 0
    for chunk in response.response:
        data = chunk if isinstance(chunk, bytes) else chunk.encode()
        size += len(data)
        lines += data.count(b"\n")
    response.close()
    return size, lines


def _naive_questions_csv(app: object) -> int:
    """Every public question loaded at once through the ORM, then one CSV string: the
    baseline."""
    from sqlalchemy import select

    from app.db import new_session
    from models import Question, Visibility

    with app.app_context(), new_session(app) as session:  # type: ignore[attr-defined]
        questions = session.scalars(
            select(Question).where(
                Question.hidden.is_(False), Question.visibility == Visibility.PUBLIC
            )
        ).all()
        out = io.StringIO()
        writer = csv.writer(out)
        for q in questions:
            writer.writerow(
                [q.id, q.text, q.action, q.action_type_slug, q.geography, q.status.value]
            )
        return len(out.getvalue())


def run(quick: bool = False, eval_dir: Path | None = None) -> list[Row]:
    """Build (once) and export the bank."""
    from app import create_app
    from app.core.opendata import open_exports

    n = 20_000 if quick else 100_000
    url = sqlite_bank(n, eval_dir or default_eval_dir(), embedded=False)
    app = create_app(timed_config(url))
    client = app.test_client()
    rows: list[Row] = []
    _stream(client, "/api/v1/export/datapackage.json")  # warm: the app, its queries' plans
    names = [export.name for export in open_exports()]
    for name in names:
        started = time.perf_counter()
        size, lines = _stream(client, f"/api/v1/export/{name}")
        seconds = time.perf_counter() - started
        _, peak = traced_peak_mb(lambda name=name: _stream(client, f"/api/v1/export/{name}"))
        target = name.startswith("questions.")
        rows.append(
            Row(
                BENCHMARK,
                f"GET /api/v1/export/{name} at {n:,} questions: s, peak MB ({size / 1e6:.1f} MB, "
                f"{lines:,} lines)",
                f"{seconds:.2f} s, {peak:.1f} MB",
                "",
                f"<= {TARGET_SECONDS:.0f} s, <= {TARGET_PEAK_MB:.0f} MB" if target else "",
                ("yes" if seconds <= TARGET_SECONDS and peak <= TARGET_PEAK_MB else "no")
                if target
                else "",
            )
        )
    started = time.perf_counter()
    _naive_questions_csv(app)
    naive_seconds = time.perf_counter() - started
    _, naive_peak = traced_peak_mb(lambda: _naive_questions_csv(app))
    rows.append(
        Row(
            BENCHMARK,
            "baseline: public questions loaded at once through the ORM into one CSV string",
            f"{naive_seconds:.2f} s, {naive_peak:.1f} MB",
        )
    )
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        result = app.test_cli_runner().invoke(args=["export", "--out", folder])
        seconds = time.perf_counter() - started
        written = sum(p.stat().st_size for p in Path(folder).iterdir())
    rows.append(
        Row(
            BENCHMARK,
            f"flask export --out DIR, every file and datapackage.json ({written / 1e6:.1f} MB)",
            f"{seconds:.2f} s" if result.exit_code == 0 else f"failed: {result.output[-80:]}",
            met="" if result.exit_code == 0 else "no",
        )
    )
    return rows


def main() -> None:
    """Print the export figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the 20k bank")
    print_table(run(parser.parse_args().quick))


if __name__ == "__main__":
    main()
