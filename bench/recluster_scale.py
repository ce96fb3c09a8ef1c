"""Re-clustering at scale: a full QuestionClusterer fit at 10k and 100k vectors, and placing one
new question with `assign_to_nearest`.

Data: synthetic but clustered unit vectors in 384 dimensions. Topics (n / 50 of them, sizes
falling off like 1 / rank^0.8) sit in 64 broad themes, so topics of one theme are related
(centre cosine 0.2), and each question is its topic's centre plus noise (cosine to the centre
about 0.74, like real questions to their group centroid). The truth is known, so ARI is
reported too; the smallest topics are too small to be found (a tenth of the topics have fewer
than 10 questions).

Each fit runs in its own child process and the peak memory is that child's ru_maxrss: the whole
process (Python, libraries, the input matrix), not just the increment. Time baseline:
MiniBatchKMeans told the true number of topics, also in a child process. Quick mode: 10k only.

Run alone: `python -m bench.recluster_scale [--quick]`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from bench.common import ROOT, Row, load_average, met, peak_rss_mb, print_table, summarise_ms

DIMENSION = 384
THEMES = 64
PER_TOPIC = 50
THEME_WEIGHT = 0.5  # topics of one theme: centre cosine 0.2 (0.25 / 1.25)
NOISE = 0.9  # cosine to the topic centre ~ 1 / sqrt(1 + NOISE**2)
TARGET_SECONDS = 30.0
TARGET_PEAK_MB = 1024.0
TARGET_ASSIGN_MS = 10.0
ASSIGN_QUESTIONS = 1000
CHILD_TIMEOUT_S = 900


def synthetic(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """n clustered unit vectors (float32) and their topic labels; generated in chunks."""
    rng = np.random.default_rng(seed)
    n_topics = max(2, n // PER_TOPIC)
    themes = rng.standard_normal((THEMES, DIMENSION)).astype(np.float32)
    themes /= np.linalg.norm(themes, axis=1, keepdims=True)
    own = rng.standard_normal((n_topics, DIMENSION)).astype(np.float32)
    own /= np.linalg.norm(own, axis=1, keepdims=True)
    centres = THEME_WEIGHT * themes[rng.integers(0, THEMES, n_topics)] + own
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    weights = 1.0 / np.arange(1, n_topics + 1) ** 0.8
    truth = rng.choice(n_topics, size=n, p=weights / weights.sum())
    X = np.empty((n, DIMENSION), dtype=np.float32)
    for start in range(0, n, 8192):
        rows = truth[start : start + 8192]
        noise = rng.standard_normal((len(rows), DIMENSION)).astype(np.float32)
        chunk = centres[rows] + (NOISE / np.sqrt(DIMENSION)) * noise
        X[start : start + len(rows)] = chunk / np.linalg.norm(chunk, axis=1, keepdims=True)
    return X, truth


def _peak_mb() -> float:
    # VmHWM belongs to this process's own memory map; getrusage's ru_maxrss survives exec and
    # so would report the RSS of the (large) benchmark process that forked this child.
    peak = peak_rss_mb()
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def child(kind: str, n: int) -> dict[str, object]:
    """Work done inside the child process; returns figures as a JSON-able dict."""
    from sklearn.metrics import adjusted_rand_score

    X, truth = synthetic(n)
    before = _peak_mb()
    n_topics = int(truth.max()) + 1
    result: dict[str, object] = {"n": n, "topics": n_topics, "rss_before_mb": before}
    started = time.perf_counter()
    if kind == "fit":
        from app.insight.cluster import QuestionClusterer, assign_to_nearest

        model = QuestionClusterer().fit(X)
        result["seconds"] = time.perf_counter() - started
        labels = model.labels_
        result["groups"] = model.n_clusters_
        result["resolution"] = model.resolution_
        result["candidates"] = len(model.diagnostics_["candidates"])
        result["peak_mb"] = _peak_mb()
        # New questions: existing ones, reworded a little (nudged by noise).
        rng = np.random.default_rng(1)
        new = X[rng.choice(n, ASSIGN_QUESTIONS, replace=False)] + (
            0.3 / np.sqrt(DIMENSION)
        ) * rng.standard_normal((ASSIGN_QUESTIONS, DIMENSION)).astype(np.float32)
        new /= np.linalg.norm(new, axis=1, keepdims=True)
        durations = []
        for vector in new:
            t0 = time.perf_counter()
            assign_to_nearest(vector, model.centroids_, 0.5)
            durations.append(time.perf_counter() - t0)
        result["assign_ms"] = summarise_ms(durations)
    else:
        from sklearn.cluster import MiniBatchKMeans

        labels = MiniBatchKMeans(n_clusters=n_topics, random_state=0, n_init=1).fit_predict(X)
        result["seconds"] = time.perf_counter() - started
        result["groups"] = len(np.unique(labels))
        result["peak_mb"] = _peak_mb()
    result["ari"] = float(adjusted_rand_score(truth, labels))
    return result


def measure(kind: str, n: int) -> dict[str, object]:
    """Run `child(kind, n)` in a fresh interpreter and return its figures."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT))
    completed = subprocess.run(
        [sys.executable, "-m", "bench.recluster_scale", "--child", kind, "--n", str(n)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"child {kind} n={n} failed: {completed.stderr.strip()[-400:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def run(quick: bool) -> list[Row]:
    """Fit time, peak memory and assignment latency at 10k (and 100k unless quick)."""
    rows: list[Row] = []
    for n in (10_000,) if quick else (10_000, 100_000):
        ours = measure("fit", n)
        base = measure("minibatch", n)
        bench = f"recluster {n // 1000}k"
        seconds, peak = float(ours["seconds"]), float(ours["peak_mb"])
        median, p95 = ours["assign_ms"]
        rows += [
            Row(
                bench,
                "full fit, s (groups found / true)",
                f"{seconds:.1f} ({ours['groups']}/{ours['topics']})",
                f"MiniBatchKMeans told k: {float(base['seconds']):.1f}",
                f"<= {TARGET_SECONDS:.0f}",
                met(seconds <= TARGET_SECONDS),
            ),
            Row(
                bench,
                "peak memory of the process, MB",
                f"{peak:.0f} (data loaded: {float(ours['rss_before_mb']):.0f})",
                f"MiniBatchKMeans: {float(base['peak_mb']):.0f}",
                f"<= {TARGET_PEAK_MB:.0f}",
                met(peak <= TARGET_PEAK_MB),
            ),
            Row(
                bench,
                "ARI with the synthetic topics",
                f"{float(ours['ari']):.3f}",
                f"MiniBatchKMeans told k: {float(base['ari']):.3f}",
            ),
            Row(
                bench,
                f"assign_to_nearest, ms (median / p95), {ours['groups']} groups",
                f"{median:.3f} / {p95:.3f}",
                "",
                f"<= {TARGET_ASSIGN_MS:.0f}",
                met(p95 <= TARGET_ASSIGN_MS),
            ),
        ]
    return rows


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (also the child process's)."""
    parser = argparse.ArgumentParser(description="Re-clustering time and memory at scale.")
    parser.add_argument("--quick", action="store_true", help="10k vectors only")
    parser.add_argument("--child", choices=("fit", "minibatch"), help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, default=10_000, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.n)))
        return 0
    print(f"load average {load_average()}")
    print_table(run(args.quick))
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
