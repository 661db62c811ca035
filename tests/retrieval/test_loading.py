from pathlib import Path

import pytest

from retrieval.errors import NoRecords
from retrieval.loading import find_date, find_title, is_date_line, load_records
from retrieval.settings import SAMPLE_DATA_DIR

MAX_BYTES = 1_000_000


def test_sample_record_has_title_date_and_exact_text() -> None:
    (record,) = load_records(SAMPLE_DATA_DIR, MAX_BYTES).records
    path = SAMPLE_DATA_DIR / "city-party-history-summary-2022-06-20.txt"
    assert record.meeting == "city-party-history-summary-2022-06-20"
    assert record.title == "The city held party history study education summary meeting"
    assert record.date == "2022-06-20"
    assert record.source == path.name
    assert record.text == path.read_text()


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("Minutes\n2022-06-20 0 By", "2022-06-20"),
        ("Held on March 3, 2021", "2021-03-03"),
        ("Held on 14 July 2023.", "2023-07-14"),
        ("No date here", None),
        ("Draft of 2024-02-30, held 2024-03-01", "2024-03-01"),  # no such day as February 30
        ("会议纪要\n2023年3月1日星期三", "2023-03-01"),
        ("Board\nDate: 3 February 2025\nHire staff · Due: 2025-02-28", "2025-02-03"),  # the first, of any form
    ],
)
def test_find_date(head: str, date: str | None) -> None:
    assert find_date(head) == date


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("standup-2025-04-02", "2025-04-02"),
        ("board_2025-03-14", "2025-03-14"),
        ("20250314-standup", "2025-03-14"),
        ("2025.03.14 Board", "2025-03-14"),
        ("2024-03-board", None),  # a month is no day
        ("board-2025-02-30", None),  # no such day
        ("ES2009c", None),
        ("ticket-1234567890", None),  # digits of something else
    ],
)
def test_a_record_without_a_date_in_its_text_takes_the_day_its_name_gives(name: str, date: str | None) -> None:
    assert find_date("Ana Ruiz: Good morning everyone.", name) == date


def test_a_date_in_the_text_comes_before_the_name_s() -> None:
    assert find_date("Board minutes\n2025-03-14", "board_2025-03-21") == "2025-03-14"


def test_title_skips_markdown_marks_and_speaker_turns() -> None:
    assert find_title("\n# Board minutes\nbody", "fallback") == "Board minutes"
    assert find_title("**Library Board - Minutes**\nbody", "fallback") == "Library Board - Minutes"
    assert find_title("Project Manager: Okay .", "ES2006a") == "ES2006a"
    assert find_title("# Postmortem: checkout outage\nbody", "incident") == "Postmortem: checkout outage"  # no turn
    assert find_title("Priya Shah  0:04\nOkay, let's start.", "sync") == "sync"  # a turn's header line
    assert find_title("Grad B: \nGrad D: How many batteries?", "Bed010") == "Bed010"
    assert find_title("The Chair (Hon. Anthony Rota (Nipissing, Lib.)): I call the meeting to order.", "c") == "c"


def test_a_line_led_by_a_label_that_opens_no_turn_of_the_record_is_its_title() -> None:
    transcript = "Design review: checkout redesign\n\nPriya Natarajan  0:00\nOkay.\n\nTom Fischer  0:12\nSure.\n"
    assert find_title(transcript, "otter-export") == "Design review: checkout redesign"
    assert find_title("Tom: Okay, let's start.\nAna: Sure.\nTom: First item.", "sync") == "sync"  # Tom speaks again


def test_a_note_s_front_matter_gives_its_title_and_a_rule_is_none() -> None:
    note = "---\ntitle: Platform guild – 26 Nov 2025\ndate: 2025-11-26\n---\n\n# Platform guild\nFelix reported…"
    assert find_title(note, "platform-guild") == "Platform guild – 26 Nov 2025"
    assert find_title('---\ntitle: "Board minutes"\n---\nbody', "b") == "Board minutes"  # quoted, as YAML may
    assert find_title("---\n\n# Retro\nbody", "retro") == "Retro"  # a rule opens the note: no title


def test_unreadable_files_are_skipped_with_reasons_and_the_rest_loaded(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("# Good\nWe met.")
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "huge.txt").write_text("x" * 2000)
    (tmp_path / "notes.pdf.tmp").write_text("ignored: not a record suffix")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")  # not a record either
    (tmp_path / "board.DOC").write_bytes(b"\xd0\xcf\x11\xe0")  # old Word, which is not read
    (tmp_path / "retro.odt").write_bytes(b"PK\x03\x04")  # read, but broken
    (tmp_path / "review.pptx").write_bytes(b"PK\x03\x04")  # slides, which are not read
    (tmp_path / "recap.msg").write_bytes(b"\xd0\xcf\x11\xe0")  # Outlook's own format
    result = load_records(tmp_path, max_bytes=1000)
    assert [r.meeting for r in result.records] == ["good"]
    reasons = {s.source: s.reason for s in result.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "limit" in reasons["huge.txt"]
    assert reasons["board.DOC"] == ".doc files are not read; save it as .docx, .odt, .pdf, .eml, .txt or .md"
    assert reasons["retro.odt"] == "corrupt OpenDocument text (File is not a zip file)"
    assert reasons["review.pptx"] == ".pptx files are not read; save it as .docx, .odt, .pdf, .eml, .txt or .md"
    assert reasons["recap.msg"] == ".msg files are not read; save it as .docx, .odt, .pdf, .eml, .txt or .md"
    assert set(reasons) == {"empty.txt", "binary.txt", "huge.txt", "board.DOC", "retro.odt", "review.pptx", "recap.msg"}


def test_records_in_subfolders_with_the_same_stem_get_distinct_ids(tmp_path: Path) -> None:
    for team in ("alpha", "beta"):
        (tmp_path / team).mkdir()
        (tmp_path / team / "weekly.txt").write_text(f"{team} weekly sync")
    meetings = [r.meeting for r in load_records(tmp_path, MAX_BYTES).records]
    assert meetings == ["weekly", "beta-weekly"]


def test_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(NoRecords, match="does not exist"):
        load_records(tmp_path / "nope", MAX_BYTES)


def test_folder_without_records_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(NoRecords, match=r"empty\.txt: empty file"):
        load_records(tmp_path, MAX_BYTES)


@pytest.mark.parametrize(
    ("line", "only_a_date"),
    [
        ("2023年3月1日星期三", True),
        ("2024-03-12 (Tuesday)", True),
        ("Friday, 2025-03-14", True),
        ("2025-03-14 budget", False),
        ("会议于2023年3月1日召开。", False),
        ("Budget review", False),
        ("Date: 3 February 2025", True),  # labelled, in words
        ("时间：2025年3月5日 上午9:00", True),
        ("**Date:** Monday, March 3, 2025, 10:00–11:30", True),
        ("The meeting on March 3, 2025 approved the budget", False),
        ("Held on 3 March 2025 at the library", False),
        ("Recorded Nov 28, 2025", True),  # as a transcription service dates its export
        ("Recorded on 28 November 2025 at 10:02 am", True),
        ("Recorded by Ann on 3 May 2025", False),
    ],
)
def test_a_line_that_only_dates_the_record(line: str, only_a_date: bool) -> None:
    assert is_date_line(line) is only_a_date
