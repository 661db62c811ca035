from collections.abc import Callable
from pathlib import Path

from retrieval import Minutebot


def test_needs_index_until_this_data_folder_is_indexed(
    make_core: Callable[..., Minutebot], records_dir: Path, tmp_path: Path
) -> None:
    core = make_core(records_dir)
    assert core.needs_index() == "first use"
    core.index()
    assert core.needs_index() is None
    other = tmp_path / "other"
    other.mkdir()
    assert make_core(other).needs_index() == "the index holds another data folder"  # same store


def test_an_index_of_the_published_model_is_indexed_again_for_the_tuned_one(
    make_core: Callable[..., Minutebot], records_dir: Path
) -> None:
    """After an upgrade that tunes MiniLM, the first question re-embeds (CLI, demo, serve) instead of failing."""
    published = make_core(records_dir, model_tuning="none")
    published.index()  # embedded by the tests' shared model: only what the index records matters here
    assert published.needs_index() is None
    float32 = make_core(records_dir, model_tuning="none", embedding_backend="onnx")
    assert float32.needs_index() is None  # only the precision differs: questions are embedded like the index
    assert make_core(records_dir).needs_index() == "the embedding model changed"


def test_context_setting_decides_how_far_passages_are_widened(
    make_core: Callable[..., Minutebot], records_dir: Path
) -> None:
    as_indexed = make_core(records_dir, chunk_chars=200, context_chars=0)
    as_indexed.index()
    widened = make_core(records_dir, chunk_chars=200, context_chars=600)
    narrow = as_indexed.ask("voice recognition chip", top_k=1).passages[0]
    wide = widened.ask("voice recognition chip", top_k=1).passages[0]
    assert len(narrow.text) <= 200 < len(wide.text) <= 600
    assert wide.start_char <= narrow.start_char and narrow.end_char <= wide.end_char
