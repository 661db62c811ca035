import platform
import threading
from pathlib import Path

import numpy as np
import onnx
import pytest
from langchain_core.embeddings import Embeddings

from retrieval.encoders.embeddings import build_embeddings, bundled_model_path, minilm_folder
from retrieval.encoders.onnx_encoder import (
    OnnxEncoder,
    cpu_flags,
    ensure_exported,
    int8_products_saturate,
    single_threaded_session,
    weights_digest,
)
from retrieval.settings import RetrievalSettings
from tests.conftest import TRANSCRIPT

TEXTS = [
    "How many old residential areas were renovated?",
    "Four shantytowns covering 150,000 square meters and 128 old residential areas were renovated.",
    TRANSCRIPT * 3,  # longer than the model's 256 tokens: truncated like sentence-transformers does
    "短い",
]


@pytest.fixture(scope="module")
def default_folder() -> Path:
    """MiniLM as users run it by default: tuned for meetings."""
    folder = minilm_folder(RetrievalSettings(_env_file=None))
    assert folder is not None
    return folder


@pytest.fixture(scope="module")
def torch_vectors(default_folder: Path) -> np.ndarray:
    return np.array(build_embeddings(default_folder, "torch").embed_documents(TEXTS))


def test_onnx_gives_the_same_vectors_as_sentence_transformers(
    tmp_path: Path, default_folder: Path, torch_vectors: np.ndarray
) -> None:
    embeddings = OnnxEncoder(default_folder, tmp_path, quantized=False)
    onnx_vectors = np.array(embeddings.embed_documents(TEXTS))
    assert np.allclose(onnx_vectors, torch_vectors, atol=1e-4)
    assert np.allclose(embeddings.embed_query(TEXTS[0]), torch_vectors[0], atol=1e-4)


def test_int8_vectors_stay_close(embeddings: Embeddings, torch_vectors: np.ndarray) -> None:
    assert isinstance(embeddings, OnnxEncoder)  # the default backend: int8 weights, one scale per output channel
    similarity = (np.array(embeddings.embed_documents(TEXTS)) * torch_vectors).sum(axis=1)
    assert similarity.min() > 0.97  # per-tensor scales gave 0.89 at worst on QMSum passages


@pytest.mark.parametrize(
    ("machine", "flags", "saturate"),
    [
        ("x86_64", frozenset({"avx2", "fma"}), True),  # AVX2 without VNNI: 16-bit sums saturate
        ("x86_64", frozenset({"avx2", "avx512f", "avx512_vnni"}), False),
        ("AMD64", frozenset({"avx2", "avx_vnni"}), False),
        ("x86_64", None, True),  # instruction sets unknown: exact is the safe choice
        ("aarch64", None, False),  # ARM kernels have no such saturation
    ],
)
def test_which_cpus_need_exact_int8_products(machine: str, flags: frozenset[str] | None, saturate: bool) -> None:
    assert int8_products_saturate(machine, flags) is saturate


def test_sessions_ask_for_exact_int8_products_only_where_they_would_saturate(tmp_path: Path) -> None:
    """The option halves the speed on a CPU with VNNI, where products are exact anyway."""
    session = single_threaded_session(ensure_exported(bundled_model_path(), tmp_path, quantized=True))
    try:
        exact = session.get_session_options().get_session_config_entry("session.x64quantprecision") == "1"
    except RuntimeError:  # how ONNX Runtime says the option was never set
        exact = False
    assert exact is int8_products_saturate(platform.machine(), cpu_flags())


def test_export_happens_once_and_is_reused(tmp_path: Path) -> None:
    first = ensure_exported(bundled_model_path(), tmp_path, quantized=False)
    stamp = first.stat().st_mtime_ns
    assert ensure_exported(bundled_model_path(), tmp_path, quantized=False) == first
    assert first.stat().st_mtime_ns == stamp
    assert not list(tmp_path.glob("*.tmp"))


def test_a_tuned_copy_of_the_model_is_never_served_the_published_models_export(default_folder: Path) -> None:
    """The two weights files share their size and first megabytes (embeddings are not tuned)."""
    assert weights_digest(default_folder) != weights_digest(bundled_model_path())


def test_preparing_the_int8_model_writes_nothing_beside_the_shared_float_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes may prepare the model at once (a bot and `minutebot index`): a scratch file of a fixed name
    beside the float model, which both read, is deleted by one under the other."""
    written: list[Path] = []
    infer_shapes_path = onnx.shape_inference.infer_shapes_path

    def recording(model_path: str, output_path: str = "", *args: object, **kwargs: object) -> None:
        written.append(Path(output_path or model_path))
        infer_shapes_path(model_path, output_path, *args, **kwargs)

    monkeypatch.setattr(onnx.shape_inference, "infer_shapes_path", recording)
    ensure_exported(bundled_model_path(), tmp_path, quantized=True)
    assert written and not any(path.parent == tmp_path for path in written)


def test_a_question_asked_while_every_session_is_busy_gets_one_more(
    default_folder: Path, embeddings: Embeddings
) -> None:
    cache = RetrievalSettings(_env_file=None).model_cache  # the export made for the `embeddings` fixture
    encoder = OnnxEncoder(default_folder, cache, quantized=True, workers=2)
    busy = encoder._sessions.get()  # another question's, held until it is done
    answered = threading.Event()
    asking = threading.Thread(target=lambda: (encoder.embed_query(TEXTS[0]), answered.set()))
    try:
        asking.start()
        assert answered.wait(timeout=60), "the question waited for the busy session"
    finally:
        encoder._sessions.put(busy)
        asking.join()
    assert encoder._made == 2
    assert np.allclose(encoder.embed_query(TEXTS[0]), embeddings.embed_query(TEXTS[0]), atol=1e-6)


def test_sessions_stop_at_one_per_core(default_folder: Path, embeddings: Embeddings) -> None:
    encoder = OnnxEncoder(default_folder, RetrievalSettings(_env_file=None).model_cache, quantized=True, workers=1)
    busy = encoder._sessions.get()
    asking = threading.Thread(target=encoder.embed_query, args=(TEXTS[0],))
    asking.start()
    asking.join(timeout=1)
    assert asking.is_alive()  # waiting for the one session: a single core gets no second
    encoder._sessions.put(busy)
    asking.join()
    assert encoder._made == 1
