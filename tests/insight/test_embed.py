"""Tests for sentence embeddings (app/insight/embed.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from app.insight.embed import (
    DEFAULT_MODEL,
    MODEL_SHA256,
    Embedder,
    ModelIntegrityError,
    get_embedder,
    resolve_model_dir,
    verify_weights,
    warm_up_in_background,
)

FOOD_BANKS = "How many families use food banks in Newcastle?"
FOOD_BANKS_PARAPHRASE = "What number of households in Newcastle rely on food banks?"
BUSES = "How do bus cuts affect rural workers?"

SENTENCES = [
    FOOD_BANKS,
    FOOD_BANKS_PARAPHRASE,
    BUSES,
    "Which councils in Wales have seen the biggest rise in fuel poverty since 2021?",
    "a",
    "",
    "Universal Credit deductions " * 80,  # longer than 256 tokens: truncated like the reference
    "Café prices — £3.50 for tea? 🍵",
]


def test_encode_returns_normalised_float32_rows(embedder: Embedder) -> None:
    vectors = embedder.encode(SENTENCES)
    assert vectors.shape == (len(SENTENCES), embedder.dimension) == (len(SENTENCES), 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_empty_input_gives_an_empty_matrix(embedder: Embedder) -> None:
    vectors = embedder.encode([])
    assert vectors.shape == (0, 384)
    assert vectors.dtype == np.float32


def test_a_single_string_is_refused(embedder: Embedder) -> None:
    with pytest.raises(TypeError):
        embedder.encode(FOOD_BANKS)  # type: ignore[arg-type]


def test_paraphrases_are_closer_than_unrelated_questions(embedder: Embedder) -> None:
    food, paraphrase, buses = embedder.encode([FOOD_BANKS, FOOD_BANKS_PARAPHRASE, BUSES])
    assert float(food @ paraphrase) > 0.7
    assert float(food @ paraphrase) > float(food @ buses) + 0.4


def test_result_does_not_depend_on_batching_or_order(embedder: Embedder) -> None:
    together = embedder.encode(SENTENCES, batch_size=3)
    alone = np.vstack([embedder.encode([text]) for text in SENTENCES])
    reversed_ = embedder.encode(SENTENCES[::-1], batch_size=64)[::-1]
    assert np.allclose(together, alone, atol=1e-5)
    assert np.allclose(together, reversed_, atol=1e-5)


def test_onnx_vectors_equal_the_sentence_transformers_reference(embedder: Embedder) -> None:
    reference = Embedder(DEFAULT_MODEL, backend="torch", num_threads=1)
    expected = reference.encode(SENTENCES)
    cosines = np.sum(embedder.encode(SENTENCES) * expected, axis=1)
    assert cosines.min() >= 0.9999


def test_concurrent_encodes_agree(embedder: Embedder) -> None:
    expected = embedder.encode(SENTENCES)
    results: list[np.ndarray] = []

    def work() -> None:
        results.append(embedder.encode(SENTENCES))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4
    for result in results:
        assert np.allclose(result, expected, atol=1e-5)


def test_get_embedder_returns_one_shared_instance() -> None:
    assert get_embedder() is get_embedder(DEFAULT_MODEL)
    assert get_embedder() is get_embedder(f"sentence-transformers/{DEFAULT_MODEL}")
    assert get_embedder(backend="torch") is not get_embedder()


def test_get_embedder_is_shared_across_threads() -> None:
    found: list[Embedder] = []
    threads = [threading.Thread(target=lambda: found.append(get_embedder())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 8
    assert all(model is get_embedder() for model in found)


def test_construction_is_lazy(tmp_path: Path) -> None:
    model = Embedder(cache_dir=tmp_path)
    assert not model.is_loaded
    assert model.dimension == 384
    assert list(tmp_path.iterdir()) == []


def test_damaged_cache_is_rebuilt_from_the_weights(tmp_path: Path, embedder: Embedder) -> None:
    model = Embedder(cache_dir=tmp_path / "cache")
    model.onnx_path.parent.mkdir(parents=True)
    model.onnx_path.write_bytes(b"half an onnx file")
    thread = warm_up_in_background(model)
    thread.join(timeout=300)
    assert model.is_loaded
    # Only the finished export is left: the temp file was renamed over the damaged one.
    assert [path.name for path in model.onnx_path.parent.iterdir()] == [model.onnx_path.name]
    assert MODEL_SHA256[:16] in model.onnx_path.name
    assert model.onnx_path.stat().st_mode & 0o777 == 0o644
    assert np.allclose(model.encode(SENTENCES), embedder.encode(SENTENCES), atol=1e-5)


def test_known_model_names_resolve_to_the_bundled_weights() -> None:
    folder = resolve_model_dir(DEFAULT_MODEL)
    assert folder == resolve_model_dir(f"sentence-transformers/{DEFAULT_MODEL}")
    assert (folder / "model.safetensors").is_file()


def test_unknown_model_name_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown embedding model"):
        resolve_model_dir("no-such-model-anywhere")


def test_local_model_without_a_digest_is_refused(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text('{"hidden_size": 384}')
    with pytest.raises(ValueError, match="expected_sha256"):
        Embedder(str(tmp_path))


def test_bundled_weights_pass_verification() -> None:
    verify_weights(resolve_model_dir(DEFAULT_MODEL) / "model.safetensors", MODEL_SHA256)


def test_weights_with_wrong_bytes_are_refused(tmp_path: Path) -> None:
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"not the model you are looking for")
    with pytest.raises(ModelIntegrityError, match="sha256"):
        verify_weights(weights, MODEL_SHA256)


def test_missing_weights_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelIntegrityError, match="not found"):
        verify_weights(tmp_path / "model.safetensors", MODEL_SHA256)


def test_tampered_local_model_is_never_loaded(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text('{"hidden_size": 384}')
    (tmp_path / "model.safetensors").write_bytes(b"\x00" * 64)
    model = Embedder(str(tmp_path), expected_sha256=MODEL_SHA256, cache_dir=tmp_path / "cache")
    with pytest.raises(ModelIntegrityError):
        model.encode([FOOD_BANKS])
    assert not model.is_loaded
    assert not (tmp_path / "cache").exists()
