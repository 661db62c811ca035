from itertools import pairwise
from pathlib import Path

import pytest

from retrieval.chunking import LineIndex, chunk_record
from retrieval.loading import load_record
from retrieval.models import Record
from retrieval.settings import SAMPLE_DATA_DIR
from tests.conftest import TRANSCRIPT

QMSUM_RECORDS = Path(__file__).resolve().parents[3] / "shared" / "qmsum-val" / "records"


def record_of(text: str) -> Record:
    return Record(meeting="m", title="t", date=None, source="m.txt", text=text, content_hash="h")


SAMPLE = (SAMPLE_DATA_DIR / "city-party-history-summary-2022-06-20.txt").read_text()
INPUTS = {
    "sample report": SAMPLE,
    "transcript": TRANSCRIPT,
    "markdown": "# Board minutes\n\n2024-03-01\n\n## Budget\n\nThe board approved the budget.It rises 5%.\n\n- item one\n- item two\n",
    "one long word": "x" * 2000,
    "no final newline": "Chair: We start.\nClerk: Minutes approved",
    "windows-style blank lines": "A: one.\n\n\nB: two.\n",
    "wrapped prose": (
        "The board met in the hall at seven and the chair opened the meeting with a welcome to all guests.\n"
        "Twice this quarter a failover of the Redis cluster lost\nevents from the order service, and the support "
        "team had to\nrebuild about fifteen hundred orders by hand over two\nweekends.\n"
    )
    * 3,
}


@pytest.mark.parametrize("name", INPUTS)
@pytest.mark.parametrize("max_chars", [200, 800])
def test_chunk_offsets_and_lines_round_trip(name: str, max_chars: int) -> None:
    text = INPUTS[name]
    lines = text.split("\n")
    for chunk in chunk_record(record_of(text), max_chars):
        assert text[chunk.start_char : chunk.end_char] == chunk.text
        assert len(chunk.text) <= max_chars
        assert chunk.start_line == text.count("\n", 0, chunk.start_char) + 1
        assert chunk.end_line == text.count("\n", 0, chunk.end_char - 1) + 1
        assert lines[chunk.start_line - 1] and lines[chunk.end_line - 1]


@pytest.mark.skipif(not QMSUM_RECORDS.is_dir(), reason="shared QMSum transcripts not beside the project")
def test_chunk_offsets_round_trip_on_real_transcripts() -> None:
    for path in sorted(QMSUM_RECORDS.glob("*.txt"))[:6]:
        record = load_record(path, path.name, 10**8)
        for chunk in chunk_record(record, 800):
            assert record.text[chunk.start_char : chunk.end_char] == chunk.text


def test_chunks_cover_every_sentence_of_the_sample() -> None:
    chunks = chunk_record(record_of(SAMPLE), 800)
    covered = "".join(c.text for c in chunks)
    assert "636 practical things" in covered and "80,000 people" in covered
    assert all(a.end_char <= b.start_char for a, b in pairwise(chunks))


def test_chunks_keep_speaker_names_and_whole_turns() -> None:
    chunks = chunk_record(record_of(TRANSCRIPT), 300)
    turns = [line for line in TRANSCRIPT.splitlines() if line]
    for turn in turns:
        assert any(turn in chunk.text for chunk in chunks), f"turn split across chunks: {turn!r}"
    assert all(chunk.text.split(":")[0] in chunk.speakers for chunk in chunks)
    assert chunks[0].speakers[:2] == ("Project Manager", "Marketing")


def test_line_index_maps_offsets_and_line_ranges() -> None:
    lines = LineIndex("ab\ncd\n\nef")
    assert [lines.line_of(i) for i in (0, 2, 3, 6, 7)] == [1, 1, 2, 3, 4]
    assert lines.char_range(2, 4) == (3, 9)
    assert lines.char_range(4, 5) is None


def test_a_sentence_wrapped_over_lines_is_never_cut_between_chunks() -> None:
    text = INPUTS["wrapped prose"]
    for chunk in chunk_record(record_of(text), 200):
        assert chunk.text.startswith(("The board met", "Twice"))
        assert chunk.text.endswith(("guests.", "weekends."))
