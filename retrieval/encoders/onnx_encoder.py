"""MiniLM through ONNX Runtime: the same vectors as sentence-transformers, faster, without torch at run time.

The bundled model is exported to ONNX once, on first use, with torch's exporter, and cached next to the index
(optionally with int8 weights); nothing is downloaded. Inference needs only onnxruntime and tokenizers.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import queue
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from retrieval.encoders.embeddings import embed_in_length_order

log = logging.getLogger(__name__)

BATCH_SIZE = 2  # texts per model call: batches of similar length, small, so little is padding (benchmarks)
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
# x86 CPUs without VNNI multiply int8 weights through 16-bit sums that saturate (ONNX Runtime's U8S8 kernels);
# this option has them use exact U8U8 products instead. It is set only there: on a CPU with VNNI the products are
# exact already, and the option would halve the speed (benchmarks/README.md).
EXACT_INT8_PRODUCTS = "session.x64quantprecision"
VNNI_FLAGS = frozenset({"avx512_vnni", "avx_vnni", "amx_int8"})  # as Linux names them in /proc/cpuinfo
X86_MACHINES = frozenset({"x86_64", "amd64", "i386", "i686", "x86"})
DEFAULT_MAX_TOKENS = 256


class OnnxEncoder(Embeddings):
    """Mean-pooled, normalised sentence embeddings from an ONNX export of a sentence-transformers model.

    Each CPU core gets its own single-threaded session, and batches run side by side, one per core, rather than
    each batch being split over every core: less waiting between threads, and twice the passages per second on
    the benchmark machine (benchmarks/README.md). Questions take whichever session is free. The sessions beyond
    the first are made on the first call that has work for them, so that answering starts as fast as before: a
    batch of passages makes them all, and a question that finds every session busy has one more made in the
    background while it waits for the first to come free.
    """

    def __init__(self, model_dir: Path, cache_dir: Path, quantized: bool = False, workers: int | None = None) -> None:
        from tokenizers import Tokenizer

        self._onnx_path = ensure_exported(model_dir, cache_dir, quantized)
        self._workers = workers or os.cpu_count() or 1
        self._sessions: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._sessions.put(single_threaded_session(self._onnx_path))
        self._made = 1
        self._making = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.enable_truncation(_max_tokens(model_dir))
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # pad to the longest text of each batch

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if len(texts) <= BATCH_SIZE:
            return self._encode(texts).tolist()
        return embed_in_length_order(texts, self._encode, BATCH_SIZE, run=self._side_by_side).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text])[0].tolist()

    def _side_by_side(
        self, encode: Callable[[list[str]], np.ndarray], batches: Iterable[list[str]]
    ) -> Iterator[np.ndarray]:
        with self._making:
            while self._made < self._workers:
                self._sessions.put(single_threaded_session(self._onnx_path))
                self._made += 1
            self._pool = self._pool or ThreadPoolExecutor(self._workers, thread_name_prefix="embedding")
        return self._pool.map(encode, batches)

    def _take_session(self) -> Any:
        """A free session, waiting for one while every session is busy; while there are fewer than one per core,
        the wait has another made meanwhile (questions asked at once then run side by side, as batches do)."""
        try:
            return self._sessions.get_nowait()
        except queue.Empty:
            with self._making:
                more = self._made < self._workers
                self._made += more
            if more:
                threading.Thread(target=self._add_session, name="onnx-session", daemon=True).start()
            return self._sessions.get()

    def _add_session(self) -> None:
        self._sessions.put(single_threaded_session(self._onnx_path))

    def _encode(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        inputs = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        session = self._take_session()
        try:
            hidden = session.run(None, inputs)[0]
        finally:
            self._sessions.put(session)
        mask = inputs["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)


def single_threaded_session(onnx_path: Path) -> Any:
    """An ONNX Runtime session on one thread, with exact int8 products on every CPU."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    if int8_products_saturate(platform.machine(), cpu_flags()):
        options.add_session_config_entry(EXACT_INT8_PRODUCTS, "1")
    return onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])


def int8_products_saturate(machine: str, flags: frozenset[str] | None) -> bool:
    """True on an x86 CPU without VNNI, or one whose instruction sets are unknown (`flags` None): exact is safe."""
    return machine.lower() in X86_MACHINES and (flags is None or not flags & VNNI_FLAGS)


@lru_cache(maxsize=1)
def cpu_flags() -> frozenset[str] | None:
    """The CPU's instruction sets as Linux lists them, or None where /proc/cpuinfo does not say."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("flags"):
                    return frozenset(line.partition(":")[2].split())
    except OSError:
        pass
    return None


def ensure_exported(model_dir: Path, cache_dir: Path, quantized: bool) -> Path:
    """The cached ONNX file for `model_dir` (keyed by its weights), exported and written atomically if missing."""
    key = weights_digest(model_dir)
    target = cache_dir / f"minilm-{key}{'-int8pc' if quantized else ''}.onnx"
    if target.exists():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    full = cache_dir / f"minilm-{key}.onnx"
    if not full.exists():
        log.warning("preparing the embedding model (one-time ONNX export to %s)", full)
        _atomic_write(full, lambda path: _export(model_dir, path))
    if quantized:
        _atomic_write(target, lambda path: _quantize(full, path))
    return target


def _quantize(full: Path, path: Path) -> None:
    """int8 weights with one scale per output channel: per-tensor scales lose far more (benchmarks/README.md).

    The float model is passed loaded: given its path, ONNX Runtime writes its shape-inferred copy beside it under a
    fixed name, which a second process preparing the model at the same time deletes under the first one."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    logging.disable(logging.WARNING)  # it logs advice on pre-processing through the root logger
    try:
        quantize_dynamic(onnx.load(str(full)), str(path), weight_type=QuantType.QInt8, per_channel=True)
    finally:
        logging.disable(logging.NOTSET)


def _export(model_dir: Path, path: Path) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()

    model = AutoModel.from_pretrained(str(model_dir)).eval()
    example = AutoTokenizer.from_pretrained(str(model_dir))(
        ["an example", "a longer example text"], padding=True, return_tensors="pt"
    )

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(
            self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
        ) -> torch.Tensor:
            return self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)[0]

    dynamic = {name: {0: "batch", 1: "tokens"} for name in (*INPUT_NAMES, "last_hidden_state")}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tracer's notes on shapes it treats as constants: none apply here
        torch.onnx.export(
            LastHiddenState(),
            tuple(example[name] for name in INPUT_NAMES),
            str(path),
            input_names=list(INPUT_NAMES),
            output_names=["last_hidden_state"],
            dynamic_axes=dynamic,
            opset_version=17,
            dynamo=False,
        )


def _atomic_write(target: Path, write: object) -> None:
    """Write through a temporary file in the same folder, then rename: readers never see half a model."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".onnx.tmp")
    os.close(handle)
    try:
        write(Path(temporary))  # type: ignore[operator]
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)


def weights_digest(model_dir: Path) -> str:
    """Names a model's weights by their file's size, modification time and first megabyte, without reading all of
    it at every start. The time matters: a tuned copy shares its first megabytes (the embeddings) with the model
    it was tuned from, and a reinstalled model is exported once more rather than served a stale export."""
    weights = model_dir / "model.safetensors"
    stat = weights.stat()
    digest = hashlib.sha256(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    with weights.open("rb") as handle:
        digest.update(handle.read(1 << 20))
    return digest.hexdigest()[:12]


def _max_tokens(model_dir: Path) -> int:
    config = model_dir / "sentence_bert_config.json"
    return (
        json.loads(config.read_text()).get("max_seq_length", DEFAULT_MAX_TOKENS)
        if config.exists()
        else DEFAULT_MAX_TOKENS
    )
