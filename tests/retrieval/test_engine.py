from collections.abc import Callable
from pathlib import Path

from retrieval import Minutebot


def test_needs_index_until_this_data_folder_is_indexed(
    make_core: Callable[..., Minutebot], records_dir: Path, tmp_path: Path
) -> None:
    core = make_core(records_dir)
    assert core.needs_index()
    core.index()
    assert not core.needs_index()
    other = tmp_path / "other"
    other.mkdir()
    assert make_core(other).needs_index()  # same store, built from another folder


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
