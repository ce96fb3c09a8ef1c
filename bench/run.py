"""Run every benchmark that exists and print one table (also written to bench/results/latest.md).

Usage: `python -m bench.run [--quick] [--eval-dir ../shared/eval]`. Benchmark modules written by
others are optional: a module that is not there is skipped with a note, and one that fails adds
an error row instead of stopping the others.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

# Set before any benchmark imports a Hugging Face library: nothing may be downloaded.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from bench.common import (
    RESULTS_DIR,
    Row,
    default_eval_dir,
    format_table,
    load_average,
    markdown_table,
)

# Module name, and how to call its run() with (quick, eval_dir).
BENCHES: list[tuple[str, Callable[[ModuleType, bool, Path], list[Row]]]] = [
    ("speed", lambda module, quick, eval_dir: module.run(quick, eval_dir)),
    ("cluster_quality", lambda module, quick, eval_dir: module.run(eval_dir, quick)),
    ("match_quality", lambda module, quick, eval_dir: module.run(quick)),
    ("pages", lambda module, quick, eval_dir: module.run(quick)),
    ("recluster_scale", lambda module, quick, eval_dir: module.run(quick)),
    ("matches", lambda module, quick, eval_dir: module.run(quick, eval_dir)),
    ("load", lambda module, quick, eval_dir: module.run(quick)),
    ("search_speed", lambda module, quick, eval_dir: module.run(quick, eval_dir)),
    ("workshops", lambda module, quick, eval_dir: module.run(quick)),
    ("question_import", lambda module, quick, eval_dir: module.run(quick)),
    ("open_data", lambda module, quick, eval_dir: module.run(quick, eval_dir)),
]


def _import(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"bench.{name}")
    except ModuleNotFoundError as error:
        if error.name == f"bench.{name}":
            return None
        raise


def run_all(quick: bool, eval_dir: Path) -> list[Row]:
    """Run each available benchmark in turn and return all their rows."""
    rows: list[Row] = []
    for name, call in BENCHES:
        try:
            module = _import(name)
            if module is None:
                print(f"note: bench.{name} is not there; skipped", flush=True)
                continue
            print(f"running bench.{name} ...", flush=True)
            started = time.perf_counter()
            rows.extend(call(module, quick, eval_dir))
            print(f"bench.{name} done in {time.perf_counter() - started:.0f} s", flush=True)
        except Exception as error:
            traceback.print_exc()
            rows.append(Row(name, "error", f"{type(error).__name__}: {error}"[:120], met="no"))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status (1 if any benchmark errored)."""
    parser = argparse.ArgumentParser(description="Run the Question Bank benchmarks.")
    parser.add_argument("--quick", action="store_true", help="smaller, faster runs")
    parser.add_argument(
        "--eval-dir",
        type=Path,
        default=None,
        help="labelled eval CSVs (default: $EVAL_DIR or ../shared/eval)",
    )
    args = parser.parse_args(argv)
    eval_dir = (args.eval_dir or default_eval_dir()).resolve()
    started = datetime.now(UTC)
    load_before = load_average()
    rows = run_all(args.quick, eval_dir)
    table = format_table(rows)
    print()
    print(table)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    mode = "quick" if args.quick else "full"
    header = (
        f"# Benchmarks ({mode})\n\n"
        f"Started {started:%Y-%m-%d %H:%M} UTC; eval dir {eval_dir}; "
        f"load average {load_before} before, {load_average()} after.\n\n"
    )
    (RESULTS_DIR / "latest.md").write_text(header + markdown_table(rows) + "\n")
    print(f"\nwritten to {RESULTS_DIR / 'latest.md'}")
    return 1 if any(row.metric == "error" for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
