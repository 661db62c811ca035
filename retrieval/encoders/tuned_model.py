"""MiniLM tuned for meeting transcripts: the bundled all-MiniLM-L6-v2 plus low-rank changes to its weights (LoRA).

The changes were learned from QMSum's training meetings (benchmarks/train_meeting_model.py) and ship with the
package (retrieval/encoders/). They are merged into a full model folder once, in the model cache, on first use;
from there the folder runs like any other MiniLM (ONNX export, int8). Nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from retrieval.settings import MODEL_NAMES

TUNING = Path(__file__).resolve().parent / "minilm-meetings.npz"
WEIGHTS_FILE = "model.safetensors"
FOLDER_PREFIX = "minilm-meetings-"  # and the tuning's digest: the folder, and so the name of the vectors it makes


def tuned_model_path(cache_dir: Path, tuning: Path = TUNING) -> Path:
    """The tuned model's folder in `cache_dir`, named by the tuning's digest, merged once if missing."""
    target = cache_dir / f"{FOLDER_PREFIX}{tuning_digest(tuning)}"
    if not (target / WEIGHTS_FILE).exists():
        from retrieval.encoders.embeddings import bundled_model_path

        _write_merged(bundled_model_path(), tuning, target)
    return target


def model_description(model: str, vectors: str | None) -> str:
    """The embedding model as people know it ("all-MiniLM-L6-v2 (English)"), saying when it is tuned for meetings."""
    name = MODEL_NAMES.get(model, model)
    return f"{name}, tuned for meetings" if vectors and vectors.startswith(FOLDER_PREFIX) else name


@lru_cache(maxsize=4)
def tuning_digest(tuning: Path) -> str:
    return hashlib.sha256(tuning.read_bytes()).hexdigest()[:10]


def merged_weights(base: dict[str, np.ndarray], tuning: Path) -> dict[str, np.ndarray]:
    """`base` with each tuned layer's weight W replaced by W + B·A (the tuning holds "<layer>.A" and "<layer>.B")."""
    merged = dict(base)
    with np.load(tuning) as changes:
        for layer in sorted({name.rsplit(".", 1)[0] for name in changes.files}):
            low_rank = changes[f"{layer}.B"].astype(np.float32) @ changes[f"{layer}.A"].astype(np.float32)
            merged[f"{layer}.weight"] = base[f"{layer}.weight"] + low_rank
    return merged


def _write_merged(base_dir: Path, tuning: Path, target: Path) -> None:
    """Copy `base_dir` with merged weights into `target`, through a temporary folder: never half a model."""
    from safetensors.numpy import load_file, save_file

    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-"))
    try:
        shutil.copytree(base_dir, temporary, dirs_exist_ok=True, ignore=shutil.ignore_patterns("onnx", WEIGHTS_FILE))
        weights = merged_weights(load_file(base_dir / WEIGHTS_FILE), tuning)
        save_file(weights, temporary / WEIGHTS_FILE, metadata={"format": "pt"})
        try:
            os.replace(temporary, target)
        except OSError:  # another process made it first
            if not (target / WEIGHTS_FILE).exists():
                raise
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
