from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import load_file

from retrieval.encoders.embeddings import build_embeddings, bundled_model_path, minilm_folder, settings_vectors
from retrieval.encoders.tuned_model import TUNING, WEIGHTS_FILE, merged_weights, tuned_model_path, tuning_digest
from tests.conftest import settings_for


def test_a_tuned_layer_gains_its_low_rank_change_and_the_others_stay(tmp_path: Path) -> None:
    base = {
        "layer.weight": np.ones((3, 2), np.float32),
        "layer.bias": np.zeros(3, np.float32),
        "other.weight": np.eye(2),
    }
    tuning = tmp_path / "tuning.npz"
    a, b = np.array([[1.0, 2.0]], np.float16), np.array([[1.0], [0.0], [-1.0]], np.float16)
    np.savez(tuning, **{"layer.A": a, "layer.B": b})
    merged = merged_weights(base, tuning)
    assert np.array_equal(merged["layer.weight"], [[2, 3], [1, 1], [0, -1]])
    assert merged["layer.bias"] is base["layer.bias"] and merged["other.weight"] is base["other.weight"]


def test_the_shipped_tuning_changes_every_linear_layer_of_the_transformer_and_nothing_else() -> None:
    base = load_file(bundled_model_path() / WEIGHTS_FILE)
    merged = merged_weights(base, TUNING)
    changed = {name for name in base if not np.array_equal(base[name], merged[name])}
    linear = {name for name in base if ".layer." in name and name.endswith(".weight") and "LayerNorm" not in name}
    assert changed == linear and len(changed) == 36


def test_the_tuned_folder_is_merged_once_and_named_by_its_tuning(tmp_path: Path) -> None:
    folder = tuned_model_path(tmp_path)
    assert folder.name == f"minilm-meetings-{tuning_digest(TUNING)}"
    assert (folder / "tokenizer.json").exists() and not (folder / "onnx").exists()
    written = (folder / WEIGHTS_FILE).stat().st_mtime_ns
    assert tuned_model_path(tmp_path) == folder and (folder / WEIGHTS_FILE).stat().st_mtime_ns == written
    other = tmp_path / "other.npz"
    other.write_bytes(TUNING.read_bytes() + b"\0")  # any other file is another tuning
    assert tuned_model_path(tmp_path / "cache", other).name != folder.name
    assert not list(tmp_path.glob(".minilm-meetings-*"))  # no temporary folder left behind


@pytest.mark.parametrize(
    ("tuning", "expected"), [("meetings", f"minilm-meetings-{tuning_digest(TUNING)}-int8"), ("none", "minilm-int8")]
)
def test_the_vectors_name_says_whether_minilm_is_tuned(tmp_path: Path, tuning: str, expected: str) -> None:
    settings = settings_for(tmp_path, tmp_path / "store", model_tuning=tuning)
    assert settings_vectors("minilm", settings) == expected


def test_a_model_folder_of_ones_own_wins_over_the_tuning(tmp_path: Path) -> None:
    assert minilm_folder(settings_for(tmp_path, tmp_path / "store", model_path=tmp_path / "mine")) == tmp_path / "mine"


def test_tuned_vectors_are_near_the_published_ones_but_not_the_same(tmp_path: Path) -> None:
    text = ["Project Manager: so the remote control needs a clip so people do not lose it"]
    published = np.array(build_embeddings(None, "torch").embed_documents(text))
    tuned = np.array(build_embeddings(tuned_model_path(tmp_path), "torch").embed_documents(text))
    assert 0.5 < float(published[0] @ tuned[0]) < 0.999
