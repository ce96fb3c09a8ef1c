"""Tests for the in-memory near-duplicate index (app/insight/index.py)."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from app.insight.embed import Embedder
from app.insight.index import SimilarityIndex

DIM = 16


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def random_unit(n: int, dim: int = DIM, seed: int = 0) -> np.ndarray:
    return unit(np.random.default_rng(seed).standard_normal((n, dim)))


def brute_force(
    ids: list[int], vectors: np.ndarray, query: np.ndarray, k: int
) -> list[tuple[int, float]]:
    scores = vectors @ (query / np.linalg.norm(query))
    order = np.argsort(-scores, kind="stable")[:k]
    return [(ids[i], float(scores[i])) for i in order]


def test_empty_index_finds_nothing() -> None:
    index = SimilarityIndex(DIM)
    assert len(index) == 0
    assert 1 not in index
    assert index.search(random_unit(1)[0]) == []


def test_search_finds_the_vector_itself_first_with_cosine_one() -> None:
    vectors = random_unit(50)
    index = SimilarityIndex(DIM)
    index.add(list(range(100, 150)), vectors)
    hits = index.search(vectors[7], k=3)
    assert hits[0][0] == 107
    assert hits[0][1] == pytest.approx(1.0, abs=1e-6)
    assert [score for _, score in hits] == sorted((score for _, score in hits), reverse=True)


def test_search_equals_exact_brute_force() -> None:
    vectors = random_unit(3000, dim=64, seed=1)
    ids = list(range(3000))
    index = SimilarityIndex(64, initial_capacity=8)
    for start in range(0, 3000, 250):
        index.add(ids[start : start + 250], vectors[start : start + 250])
    for query in random_unit(40, dim=64, seed=2):
        got = index.search(query, k=10)
        want = brute_force(ids, vectors, query, 10)
        assert [i for i, _ in got] == [i for i, _ in want]
        assert np.allclose([s for _, s in got], [s for _, s in want], atol=1e-5)


def test_near_duplicates_among_many_similar_rows_are_ranked_exactly() -> None:
    # Rows packed tightly around one direction have scores that differ only in late digits.
    rng = np.random.default_rng(3)
    centre = random_unit(1, dim=384, seed=4)[0]
    vectors = unit(centre + 0.05 * rng.standard_normal((2000, 384)))
    index = SimilarityIndex(384)
    index.add(list(range(2000)), vectors)
    for query in unit(centre + 0.05 * rng.standard_normal((20, 384))):
        got = index.search(query, k=5)
        want = brute_force(list(range(2000)), vectors, query, 5)
        assert [i for i, _ in got] == [i for i, _ in want]


def test_equal_scores_are_ordered_by_id() -> None:
    vector = random_unit(1)
    index = SimilarityIndex(DIM)
    index.add([9, 3, 5], np.repeat(vector, 3, axis=0))
    assert [i for i, _ in index.search(vector[0], k=3)] == [3, 5, 9]


def test_vectors_are_normalised_on_the_way_in() -> None:
    index = SimilarityIndex(2)
    index.add([1, 2], np.array([[3.0, 0.0], [0.0, 0.5]]))
    assert index.search(np.array([10.0, 0.0]), k=2) == [
        (1, pytest.approx(1.0)),
        (2, pytest.approx(0.0, abs=1e-7)),
    ]


def test_k_larger_than_the_index_returns_everything() -> None:
    vectors = random_unit(4)
    index = SimilarityIndex(DIM)
    index.add([1, 2, 3, 4], vectors)
    hits = index.search(vectors[0], k=50)
    assert sorted(i for i, _ in hits) == [1, 2, 3, 4]


def test_exclude_skips_ids_even_when_they_are_the_best() -> None:
    vectors = random_unit(20)
    index = SimilarityIndex(DIM)
    index.add(list(range(20)), vectors)
    hits = index.search(vectors[5], k=20, exclude={5, 6, 999})
    assert [i for i, _ in hits] == [
        i for i, _ in brute_force(list(range(20)), vectors, vectors[5], 20) if i not in {5, 6}
    ]
    assert index.search(vectors[5], k=3, exclude=range(20)) == []


def test_re_adding_an_id_replaces_its_vector() -> None:
    vectors = random_unit(3)
    index = SimilarityIndex(DIM)
    index.add([1, 2], vectors[:2])
    index.add([1], vectors[2:3])
    assert len(index) == 2
    assert index.search(vectors[2], k=1) == [(1, pytest.approx(1.0, abs=1e-6))]
    assert index.search(vectors[0], k=2)[0][1] < 0.999


def test_a_repeated_id_within_one_call_keeps_its_last_row() -> None:
    vectors = random_unit(2)
    index = SimilarityIndex(DIM)
    index.add([7, 7], vectors)
    assert len(index) == 1
    assert index.search(vectors[1], k=1) == [(7, pytest.approx(1.0, abs=1e-6))]


def test_remove_forgets_ids_and_keeps_the_rest_searchable() -> None:
    vectors = random_unit(10)
    index = SimilarityIndex(DIM, initial_capacity=2)
    index.add(list(range(10)), vectors)
    index.remove([0, 4, 9, 12345])
    assert len(index) == 7
    assert 4 not in index and 5 in index
    assert sorted(index.ids()) == [1, 2, 3, 5, 6, 7, 8]
    for i in (1, 2, 3, 5, 6, 7, 8):
        assert index.search(vectors[i], k=1)[0][0] == i
    hits = index.search(vectors[4], k=10)
    assert {i for i, _ in hits} == {1, 2, 3, 5, 6, 7, 8}


def test_removing_everything_then_adding_again_works() -> None:
    vectors = random_unit(5)
    index = SimilarityIndex(DIM)
    index.add(list(range(5)), vectors)
    index.remove(range(5))
    assert len(index) == 0
    assert index.search(vectors[0]) == []
    index.add([42], vectors[:1])
    assert index.search(vectors[0]) == [(42, pytest.approx(1.0, abs=1e-6))]


def test_capacity_grows_past_the_initial_allocation() -> None:
    vectors = random_unit(1000)
    index = SimilarityIndex(DIM, initial_capacity=1)
    for i in range(1000):
        index.add([i], vectors[i : i + 1])
    assert len(index) == 1000
    assert index.search(vectors[999], k=1)[0][0] == 999


def test_adding_nothing_is_a_no_op() -> None:
    index = SimilarityIndex(DIM)
    index.add([], np.zeros((0, DIM), dtype=np.float32))
    assert len(index) == 0


@pytest.mark.parametrize(
    "ids, vectors",
    [
        ([1, 2], np.ones((3, DIM))),
        ([1], np.ones((1, DIM + 1))),
        ([1], np.ones(DIM)),
        ([1], np.zeros((1, DIM))),
        ([1], np.full((1, DIM), np.nan)),
    ],
)
def test_bad_vectors_are_rejected(ids: list[int], vectors: np.ndarray) -> None:
    index = SimilarityIndex(DIM)
    with pytest.raises(ValueError):
        index.add(ids, vectors)
    assert len(index) == 0


@pytest.mark.parametrize(
    "query, k",
    [(np.ones(DIM + 1), 5), (np.zeros(DIM), 5), (np.ones(DIM), 0)],
)
def test_bad_queries_are_rejected(query: np.ndarray, k: int) -> None:
    index = SimilarityIndex(DIM)
    index.add([1], random_unit(1))
    with pytest.raises(ValueError):
        index.search(query, k=k)


def test_concurrent_adds_removes_and_searches_stay_consistent() -> None:
    vectors = random_unit(400)
    index = SimilarityIndex(DIM, initial_capacity=4)
    index.add(list(range(200)), vectors[:200])
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for i in range(200, 400):
                index.add([i], vectors[i : i + 1])
                index.remove([i - 200])
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    def reader() -> None:
        try:
            for n in range(300):
                hits = index.search(vectors[n % 400], k=3)
                assert len(hits) == 3
                for i, score in hits:
                    # An id is only ever found with its own vector's score.
                    assert score == pytest.approx(float(vectors[i] @ vectors[n % 400]), abs=1e-5)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=writer)] + [
        threading.Thread(target=reader) for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(index.ids()) == list(range(200, 400))


def test_embedded_paraphrase_is_found_as_a_near_duplicate(embedder: Embedder) -> None:
    texts = [
        "How many families use food banks in Newcastle?",
        "How do bus cuts affect rural workers?",
        "Which councils have the highest rates of fuel poverty?",
        "What share of children in Glasgow live in poverty?",
    ]
    index = SimilarityIndex(embedder.dimension)
    index.add([10, 20, 30, 40], embedder.encode(texts))
    query = embedder.encode(["What number of households in Newcastle rely on food banks?"])[0]
    hits = index.search(query, k=2)
    assert hits[0][0] == 10
    assert hits[0][1] > hits[1][1] + 0.3


# --- above the exact limit: the HNSW graph ------------------------------------------------------


def clustered_unit(n_topics: int, per_topic: int, dim: int = 64, seed: int = 0) -> np.ndarray:
    """Vectors with neighbourhood structure, as real embeddings have: points around topics."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((n_topics, dim))
    points = np.repeat(centres, per_topic, axis=0) + 0.5 * rng.standard_normal(
        (n_topics * per_topic, dim)
    )
    return unit(points)


def test_above_the_limit_searches_go_through_the_graph_and_find_the_exact_neighbours() -> None:
    vectors = clustered_unit(40, 25)
    ids = list(range(1000, 2000))
    index = SimilarityIndex(64, approximate_above=500)
    index.add(ids[:400], vectors[:400])
    assert not index.wait_for_graph()  # under the limit: no graph is built
    index.add(ids[400:], vectors[400:])
    assert index.wait_for_graph()
    recall = []
    for n in range(0, 1000, 10):
        expected = brute_force(ids, vectors, vectors[n], 10)
        found = index.search(vectors[n], k=10)
        assert found[0] == (ids[n], pytest.approx(1.0, abs=1e-5))
        recall.append(len({i for i, _ in found} & {i for i, _ in expected}) / 10)
        for i, score in found:  # every score is the true cosine
            assert score == pytest.approx(float(vectors[i - 1000] @ vectors[n]), abs=1e-5)
    assert np.mean(recall) > 0.97


def test_the_graph_follows_adds_removes_and_changes_of_a_vector() -> None:
    vectors = clustered_unit(20, 30, seed=1)
    index = SimilarityIndex(64, approximate_above=100)
    index.add(list(range(600)), vectors)
    assert index.wait_for_graph()
    index.remove([7])
    assert 7 not in {i for i, _ in index.search(vectors[7], k=20)}
    index.add([7], vectors[300:301])  # back, with another question's vector
    assert index.search(vectors[300], k=2)[0][1] == pytest.approx(1.0, abs=1e-5)
    assert {i for i, _ in index.search(vectors[300], k=2)} == {7, 300}
    fresh = unit(vectors[5:6] + 0.01)
    index.add([9999], fresh)
    assert index.search(fresh[0], k=1)[0][0] == 9999
    assert 300 not in {i for i, _ in index.search(vectors[300], k=5, exclude={300})}


@pytest.fixture
def held_build(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Background graph builds wait in their bulk insert until the returned event is set."""
    from app.insight import index as index_module

    release = threading.Event()
    original_add = index_module._Graph.add

    def slow_bulk_add(self, ids, rows, threads=1):  # type: ignore[no-untyped-def]
        if threads != 1:  # the background bulk build
            release.wait(10)
        original_add(self, ids, rows, threads)

    monkeypatch.setattr(index_module._Graph, "add", slow_bulk_add)
    return release


def test_changes_made_while_the_graph_is_built_are_applied_to_it(
    held_build: threading.Event,
) -> None:
    vectors = clustered_unit(20, 30, seed=2)
    index = SimilarityIndex(64, approximate_above=100)
    index.add(list(range(500)), vectors[:500])
    assert not index.approximate  # still building: searches are exact meanwhile
    index.remove([3])
    index.add([777], vectors[500:501])
    held_build.set()
    assert index.wait_for_graph()
    assert 3 not in {i for i, _ in index.search(vectors[3], k=10)}
    assert index.search(vectors[500], k=1)[0][0] == 777


def test_clearing_while_the_graph_is_built_throws_that_graph_away(
    held_build: threading.Event,
) -> None:
    vectors = clustered_unit(10, 30, seed=3)
    index = SimilarityIndex(64, approximate_above=100)
    index.add(list(range(300)), vectors)
    index.clear()
    held_build.set()
    assert not index.wait_for_graph()
    assert index.search(vectors[0], k=3) == []


def test_an_exact_search_scans_every_vector_even_when_the_graph_is_built() -> None:
    vectors = clustered_unit(20, 30, seed=4)
    index = SimilarityIndex(64, approximate_above=100)
    index.add(list(range(600)), vectors)
    assert index.wait_for_graph()
    for n in range(0, 600, 50):
        found = index.search(vectors[n], k=15, exact=True)
        expected = brute_force(list(range(600)), vectors, vectors[n], 15)
        assert [i for i, _ in found] == [i for i, _ in expected]


def test_a_build_outdated_by_clear_leaves_the_next_builds_changes_alone(
    held_build: threading.Event,
) -> None:
    vectors = clustered_unit(20, 30, seed=5)
    index = SimilarityIndex(64, approximate_above=100)
    index.add(list(range(300)), vectors[:300])  # build 1, held
    index.clear()
    index.add(list(range(300, 600)), vectors[300:])  # build 2, held too
    index.remove([301])  # journalled for build 2
    held_build.set()
    assert index.wait_for_graph()
    time.sleep(0.2)  # build 1 finishes too, and must leave build 2's journal applied
    assert 301 not in {i for i, _ in index.search(vectors[301], k=10)}
