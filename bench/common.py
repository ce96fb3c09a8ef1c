"""Shared helpers for the benchmarks: timing, memory, the eval data and the results table."""

from __future__ import annotations

import csv
import os
import statistics
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from config import TestingConfig

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "bench" / "results"
COLUMNS = ("benchmark", "metric", "value", "baseline", "target", "met")

T = TypeVar("T")


@dataclass(frozen=True)
class Row:
    """One line of a benchmark report; every cell is already formatted as text."""

    benchmark: str
    metric: str
    value: str
    baseline: str = ""
    target: str = ""
    met: str = ""

    def cells(self) -> tuple[str, str, str, str, str, str]:
        """The row's cells in column order."""
        return (self.benchmark, self.metric, self.value, self.baseline, self.target, self.met)


def met(ok: bool) -> str:
    """Format whether a target was met."""
    return "yes" if ok else "no"


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) of values, linearly interpolated."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    position = (len(ordered) - 1) * q / 100.0
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summarise_ms(seconds: Sequence[float]) -> tuple[float, float]:
    """Median and p95, in milliseconds, of durations given in seconds."""
    ms = [s * 1000.0 for s in seconds]
    return statistics.median(ms), percentile(ms, 95)


def timings(fn: Callable[[], object], repeats: int, warmup: int = 0) -> tuple[float, float]:
    """Call fn `warmup` times untimed, then `repeats` times; return (median ms, p95 ms)."""
    for _ in range(warmup):
        fn()
    durations = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        durations.append(time.perf_counter() - started)
    return summarise_ms(durations)


def interleaved_timings(
    fns: dict[str, Callable[[T], object]], inputs: Iterable[T]
) -> dict[str, tuple[float, float]]:
    """Time several functions on the same inputs, alternating between them on each input.

    Alternating makes a burst of load from other processes hit every contender alike.
    Returns {name: (median ms, p95 ms)}.
    """
    durations: dict[str, list[float]] = {name: [] for name in fns}
    for item in inputs:
        for name, fn in fns.items():
            started = time.perf_counter()
            fn(item)
            durations[name].append(time.perf_counter() - started)
    return {name: summarise_ms(values) for name, values in durations.items()}


def cpu_ms(fn: Callable[[T], object], inputs: Iterable[T]) -> float:
    """Median CPU time of fn per input in ms, summed over the process's threads.

    Unlike wall time this hardly depends on what other processes are doing, so on a shared
    machine it is the better guide to what a quiet one would show for single-threaded code.
    """
    durations = []
    for item in inputs:
        started = time.process_time()
        fn(item)
        durations.append(time.process_time() - started)
    return statistics.median(durations) * 1000.0


def _proc_status_kb(field: str) -> int | None:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def rss_mb() -> float | None:
    """Current resident memory of this process in MB (Linux /proc), or None elsewhere."""
    kb = _proc_status_kb("VmRSS")
    return kb / 1024 if kb is not None else None


def peak_rss_mb() -> float | None:
    """Peak resident memory of this process so far in MB (Linux /proc), or None elsewhere."""
    kb = _proc_status_kb("VmHWM")
    return kb / 1024 if kb is not None else None


def traced_peak_mb(fn: Callable[[], T]) -> tuple[T, float]:
    """Run fn under tracemalloc; return its result and the peak Python/NumPy allocation in MB."""
    already = tracemalloc.is_tracing()
    if not already:
        tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        if not already:
            tracemalloc.stop()
    return result, peak / (1024 * 1024)


def load_average() -> str:
    """The 1-minute load average and core count, to note how busy the machine was."""
    try:
        one, _, _ = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} on {os.cpu_count()} cores"


def default_eval_dir() -> Path:
    """The labelled eval sets: $EVAL_DIR, else ../shared/eval next to the repository."""
    configured = os.environ.get("EVAL_DIR")
    if configured:
        return Path(configured).expanduser()
    return (ROOT / ".." / "shared" / "eval").resolve()


def eval_texts(eval_dir: Path, limit: int | None = None) -> list[str]:
    """Texts from every `*.csv` (columns text,label) in eval_dir, interleaved across files."""
    per_file: list[list[str]] = []
    for path in sorted(Path(eval_dir).glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            per_file.append([row["text"] for row in csv.DictReader(handle) if row.get("text")])
    if not per_file:
        raise FileNotFoundError(f"no *.csv eval files in {eval_dir}")
    texts: list[str] = []
    longest = max(len(rows) for rows in per_file)
    for i in range(longest):
        for rows in per_file:
            if i < len(rows):
                texts.append(rows[i])
                if limit is not None and len(texts) >= limit:
                    return texts
    return texts


def format_table(rows: Sequence[Row]) -> str:
    """Rows as one aligned plain-text table with a header line."""
    cells = [COLUMNS, *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def markdown_table(rows: Sequence[Row]) -> str:
    """Rows as a Markdown table."""

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join(
        [line(COLUMNS), line(["---"] * len(COLUMNS)), *(line(row.cells()) for row in rows)]
    )


def print_table(rows: Sequence[Row]) -> None:
    """Print rows as one aligned table."""
    print(format_table(rows))


def timed_config(database_url: str) -> TestingConfig:
    """The test configuration for an app whose pages are timed: the visitors' page cache is
    off, so a page is timed as it is built, not as a lookup of a page built before."""
    config = TestingConfig(database_url=database_url)
    config.PAGE_CACHE_SIZE = 0
    return config
