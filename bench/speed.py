"""Speed of the insight engine: embedding latency and throughput, agreement with the reference
model, and similar-question search at 100k vectors.

Embedding baseline: plain `SentenceTransformer.encode` with torch's default threads. Search:
`SimilarityIndex` is an exact NumPy brute force, so its baseline is the naive exact search (one
`np.dot` per stored vector in a Python list, then a sort), and hnswlib, the approximate option
that was rejected, is measured in the full run. Contenders are timed alternately on the same
inputs so a burst of load from other processes hits them alike; the load average is noted.

Run alone: `python -m bench.speed [--quick] [--eval-dir DIR]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

# Set before sentence-transformers is imported: nothing may be downloaded.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np

from app.insight.embed import DEFAULT_MODEL, Embedder, resolve_model_dir
from app.insight.index import SimilarityIndex
from bench.common import (
    Row,
    cpu_ms,
    default_eval_dir,
    eval_texts,
    interleaved_timings,
    load_average,
    met,
    print_table,
    rss_mb,
    summarise_ms,
)

TARGET_SINGLE_MS = 8.0
TARGET_SENTENCES_PER_S = 350.0
TARGET_COSINE = 0.9999
TARGET_SEARCH_MS = 10.0
TARGET_RECALL = 0.99
SEARCH_ROWS = 100_000
DIMENSION = 384
K = 5


def _throughput(encode: Callable[[list[str]], object], texts: list[str]) -> float:
    started = time.perf_counter()
    encode(texts)
    return len(texts) / (time.perf_counter() - started)


def embedding_rows(quick: bool, eval_dir: Path) -> list[Row]:
    """Single-question latency, batched throughput and agreement with the reference model."""
    from sentence_transformers import SentenceTransformer

    bench = "embed"
    texts = eval_texts(eval_dir, limit=2048)
    singles = texts[: 100 if quick else 300]
    batch = texts[: 512 if quick else 2048]
    rounds = 1 if quick else 3

    onnx = Embedder(DEFAULT_MODEL, num_threads=1)
    onnx_2 = Embedder(DEFAULT_MODEL, num_threads=2)
    started = time.perf_counter()
    onnx.load()
    load_s = time.perf_counter() - started
    onnx_2.load()
    reference = SentenceTransformer(str(resolve_model_dir(DEFAULT_MODEL)), device="cpu")

    def st_encode(items: list[str]) -> np.ndarray:
        return reference.encode(items, batch_size=64, normalize_embeddings=True)

    for warm in (onnx.encode, onnx_2.encode, st_encode):
        warm(texts[:64])

    single = interleaved_timings(
        {
            "onnx": lambda text: onnx.encode([text]),
            "onnx2": lambda text: onnx_2.encode([text]),
            "st": lambda text: st_encode([text]),
        },
        singles,
    )
    single_cpu = cpu_ms(lambda text: onnx.encode([text]), singles)
    rates: dict[str, list[float]] = {"onnx": [], "onnx2": [], "st": []}
    started_cpu = time.process_time()
    onnx.encode(batch)
    batch_cpu_rate = len(batch) / (time.process_time() - started_cpu)
    for _ in range(rounds):
        rates["onnx"].append(_throughput(onnx.encode, batch))
        rates["onnx2"].append(_throughput(onnx_2.encode, batch))
        rates["st"].append(_throughput(st_encode, batch))
    rate = {name: statistics.median(values) for name, values in rates.items()}

    agreement = texts[:200]
    cosines = np.sum(onnx.encode(agreement) * st_encode(agreement), axis=1)

    def ms(name: str) -> str:
        median, p95 = single[name]
        return f"{median:.2f} ({p95:.2f})"

    st_single = ms("st")
    return [
        Row(bench, "ONNX export/load + sha256 check, s", f"{load_s:.2f}"),
        Row(
            bench,
            "one question, median ms (p95), 1 thread",
            ms("onnx"),
            st_single,
            f"<= {TARGET_SINGLE_MS:g}",
            met(single["onnx"][0] <= TARGET_SINGLE_MS),
        ),
        Row(bench, "one question, median CPU ms, 1 thread", f"{single_cpu:.2f}"),
        Row(
            bench,
            "one question, median ms (p95), 2 threads",
            ms("onnx2"),
            st_single,
            f"<= {TARGET_SINGLE_MS:g}",
            met(single["onnx2"][0] <= TARGET_SINGLE_MS),
        ),
        Row(
            bench,
            f"batched sentences/s ({len(batch)} texts, 1 thread)",
            f"{rate['onnx']:.0f}",
            f"{rate['st']:.0f}",
            f">= {TARGET_SENTENCES_PER_S:g}",
            met(rate["onnx"] >= TARGET_SENTENCES_PER_S),
        ),
        Row(
            bench,
            "batched sentences per CPU-second, 1 thread",
            f"{batch_cpu_rate:.0f}",
        ),
        Row(
            bench,
            f"batched sentences/s ({len(batch)} texts, 2 threads)",
            f"{rate['onnx2']:.0f}",
            f"{rate['st']:.0f}",
            f">= {TARGET_SENTENCES_PER_S:g}",
            met(rate["onnx2"] >= TARGET_SENTENCES_PER_S),
        ),
        Row(
            bench,
            f"min cosine ONNX vs sentence-transformers ({len(agreement)} texts)",
            f"{cosines.min():.7f}",
            "",
            f">= {TARGET_COSINE:g}",
            met(float(cosines.min()) >= TARGET_COSINE),
        ),
    ]


def _random_unit(n: int, seed: int) -> np.ndarray:
    rows = np.random.default_rng(seed).standard_normal((n, DIMENSION), dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _brute_force(matrix: np.ndarray, query: np.ndarray, k: int) -> np.ndarray:
    scores = matrix @ query
    top = np.argpartition(scores, -k)[-k:]
    return top[np.argsort(-scores[top])]


def _naive(rows: list[np.ndarray], query: np.ndarray, k: int) -> list[int]:
    scores = [float(np.dot(row, query)) for row in rows]
    return sorted(range(len(rows)), key=scores.__getitem__, reverse=True)[:k]


def search_rows(quick: bool) -> list[Row]:
    """Exact search at 100k vectors against the naive exact search, plus add/remove costs."""
    bench = f"search @ {SEARCH_ROWS // 1000}k"
    vectors = _random_unit(SEARCH_ROWS, seed=1)
    # Half random queries, half near-duplicates of stored rows, as when a question is re-asked.
    n_queries = 200 if quick else 600
    rng = np.random.default_rng(2)
    near = vectors[rng.choice(SEARCH_ROWS, n_queries // 2, replace=False)]
    near = near + 0.02 * rng.standard_normal(near.shape, dtype=np.float32)
    queries = np.vstack([_random_unit(n_queries - len(near), seed=3), near])
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)

    index = SimilarityIndex(DIMENSION)
    rss_before = rss_mb()
    started = time.perf_counter()
    index.add(range(SEARCH_ROWS), vectors)
    bulk_s = time.perf_counter() - started
    rss_after = rss_mb()

    for query in queries[:5]:
        index.search(query, k=K)
    index_ms = interleaved_timings({"index": lambda q: index.search(q, k=K)}, queries)["index"]
    index_cpu = cpu_ms(lambda q: index.search(q, k=K), queries[:100])
    hits = 0
    for query in queries:
        got = {i for i, _ in index.search(query, k=K)}
        hits += len(got & set(_brute_force(vectors, query, K).tolist()))
    recall = hits / (K * len(queries))
    # The naive search takes ~0.1 s a query; a few queries are enough for its median.
    listed = list(vectors)
    sample = queries[:: max(1, len(queries) // (10 if quick else 30))]
    naive_ms = interleaved_timings({"naive": lambda q: _naive(listed, q, K)}, sample)["naive"]
    naive_agrees = all(
        _naive(listed, q, K) == [i for i, _ in index.search(q, k=K)] for q in sample[:5]
    )

    extra = _random_unit(1000, seed=4)
    add_s = []
    for i, row in enumerate(extra):
        started = time.perf_counter()
        index.add([SEARCH_ROWS + i], row[None, :])
        add_s.append(time.perf_counter() - started)
    remove_s = []
    for i in range(len(extra)):
        started = time.perf_counter()
        index.remove([SEARCH_ROWS + i])
        remove_s.append(time.perf_counter() - started)
    add_median, add_p95 = summarise_ms(add_s)
    remove_median, _ = summarise_ms(remove_s)

    rows = [
        Row(
            bench,
            f"exact search, median ms (p95), {len(queries)} queries",
            f"{index_ms[0]:.2f} ({index_ms[1]:.2f})",
            f"{naive_ms[0]:.0f} ({naive_ms[1]:.0f}) naive np.dot list",
            f"<= {TARGET_SEARCH_MS:g}",
            met(index_ms[0] <= TARGET_SEARCH_MS),
        ),
        Row(bench, "exact search, median CPU ms (all BLAS threads)", f"{index_cpu:.2f}"),
        Row(
            bench,
            f"recall@{K} vs exact (matrix @ q); same top-{K} as naive",
            f"{recall:.4f}; {'yes' if naive_agrees else 'NO'}",
            "1.0000",
            f">= {TARGET_RECALL:g}",
            met(recall >= TARGET_RECALL and naive_agrees),
        ),
        Row(bench, "bulk add of 100k vectors, s", f"{bulk_s:.2f}"),
        Row(
            bench,
            "index memory, MB (RSS growth on bulk add)",
            f"{(rss_after or 0) - (rss_before or 0):.0f}",
            f"{vectors.nbytes / 2**20:.0f} (the input matrix)",
        ),
        Row(
            bench,
            "incremental add of one vector, median ms (p95)",
            f"{add_median:.3f} ({add_p95:.3f})",
        ),
        Row(bench, "remove of one id, median ms", f"{remove_median:.3f}"),
    ]
    if not quick:
        rows.extend(_hnsw_rows(bench, vectors, queries))
    return rows


def _hnsw_rows(bench: str, vectors: np.ndarray, queries: np.ndarray) -> list[Row]:
    """hnswlib, the approximate alternative that was considered: build time, speed, recall."""
    import hnswlib

    graph = hnswlib.Index(space="ip", dim=DIMENSION)
    graph.init_index(max_elements=len(vectors), ef_construction=100, M=16)
    started = time.perf_counter()
    graph.add_items(vectors, np.arange(len(vectors)), num_threads=os.cpu_count() or 1)
    build_s = time.perf_counter() - started
    graph.set_ef(200)
    speed = interleaved_timings(
        {"hnsw": lambda q: graph.knn_query(q, k=K, num_threads=1)}, queries
    )["hnsw"]
    hits = 0
    for query in queries:
        labels, _ = graph.knn_query(query, k=K, num_threads=1)
        hits += len(set(labels[0].tolist()) & set(_brute_force(vectors, query, K).tolist()))
    recall = hits / (K * len(queries))
    return [
        Row(
            bench,
            "hnswlib M=16 ef=200, median ms (p95) [rejected]",
            f"{speed[0]:.2f} ({speed[1]:.2f})",
            "",
            f"<= {TARGET_SEARCH_MS:g}",
            met(speed[0] <= TARGET_SEARCH_MS),
        ),
        Row(
            bench,
            f"hnswlib recall@{K} [rejected]",
            f"{recall:.4f}",
            "1.0000",
            f">= {TARGET_RECALL:g}",
            met(recall >= TARGET_RECALL),
        ),
        Row(bench, "hnswlib graph build, s [rejected]", f"{build_s:.1f}"),
    ]


def run(quick: bool = False, eval_dir: Path | None = None) -> list[Row]:
    """Measure embedding and search speed; `quick` uses fewer texts and queries."""
    load_before = load_average()
    rows = [*embedding_rows(quick, eval_dir or default_eval_dir()), *search_rows(quick)]
    rows.append(Row("speed", "load average before, after", f"{load_before}; {load_average()}"))
    return rows


def main() -> None:
    """Command-line entry point: print the speed table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--eval-dir", type=Path, default=None)
    args = parser.parse_args()
    print_table(run(args.quick, args.eval_dir))


if __name__ == "__main__":
    main()
