from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from retrieval import Minutebot
from retrieval.answering import LATEST_MEETING, NAME_A_MEETING, NO_SHARED_WORD
from retrieval.engine import DAY_TAKEN, NO_MEETING_DATED, NO_MEETING_ON, NOT_IN_RECORDS


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


def test_summarize_the_meeting_sums_up_the_latest_whole_record_and_says_which(
    make_core: Callable[..., Minutebot], dated_records_dir: Path
) -> None:
    core = make_core(dated_records_dir)
    core.index()
    answer = core.ask("Summarize the meeting.")
    assert {quote.meeting for quote in answer.quotes} == {"board_2025-03-14"}
    assert answer.answer_quotes == list(range(len(answer.quotes)))
    assert answer.note == LATEST_MEETING.format(meetings=3, meeting="board_2025-03-14", date="2025-03-14")
    assert core.ask("Summarize the minutes.").quotes == answer.quotes  # the record named by its kind
    named = core.ask("What was discussed?", meeting="design_kickoff")
    assert {quote.meeting for quote in named.quotes} == {"design_kickoff"} and named.note is None
    assert "twelve Euro fifty" in named.answer  # the budget, from the middle of the meeting
    assert "What about" not in named.answer


def test_what_a_speaker_said_is_a_summary_of_their_words(
    make_core: Callable[..., Minutebot], two_records_dir: Path
) -> None:
    core = make_core(two_records_dir)
    core.index()
    answer = core.ask("What did Marketing say?")  # the one meeting where Marketing speaks, of two
    assert answer.quotes and {quote.speaker for quote in answer.quotes} == {"Marketing"}
    assert answer.note is None and answer.answer.startswith("Marketing: ")
    assert "trendy" in answer.answer and "older people" in answer.answer  # both turns, not one passage's
    assert answer.answer_quotes == list(range(len(answer.quotes)))  # in the order said
    about = core.ask("What did Marketing say about voice recognition?")  # a subject: search, as before
    assert about.quotes[0].text.startswith("Marketing: What about a voice recognition feature")


def test_what_one_of_two_speakers_of_one_first_name_said_is_theirs_alone(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "sitting.txt").write_text(
        "Hon. Bill Morneau: Our rent relief program supports small businesses across the country.\n"
        "Hon. Bill Blair: The prohibited firearms were not designed for hunting or sport shooting.\n"
        "Hon. Bill Morneau: The wage subsidy has kept millions of workers on the payroll this year.\n"
        "Hon. Bill Blair: Border officers seized more illegal guns than in any year before.\n"
    )
    core = make_core(folder)
    core.index()
    answer = core.ask("What did Bill Morneau say?")  # "Bill" alone would name both
    assert answer.quotes and {quote.speaker for quote in answer.quotes} == {"Hon. Bill Morneau"}


def test_summarize_without_a_meeting_among_undated_ones_asks_for_one(
    make_core: Callable[..., Minutebot], two_records_dir: Path
) -> None:
    core = make_core(two_records_dir)
    core.index()
    answer = core.ask("Summarize the meeting.")
    assert answer.quotes and answer.note == NAME_A_MEETING.format(meetings=2)


def test_a_meeting_s_day_named_in_the_question_keeps_to_that_meeting(
    make_core: Callable[..., Minutebot], dated_records_dir: Path
) -> None:
    core = make_core(dated_records_dir)
    core.index()
    question = "What did the board discuss at the meeting of February 1, 2025?"
    answer = core.ask(question)
    assert answer.question == question and answer.note is None
    assert answer.quotes and {quote.meeting for quote in answer.quotes} == {"board_2025-02-01"}
    summary = core.ask("Summarize the meeting of 2025-02-01.")
    assert {quote.meeting for quote in summary.quotes} == {"board_2025-02-01"} and summary.note is None
    without_year = core.ask("What did the board discuss at the February 1 meeting?")
    assert {quote.meeting for quote in without_year.quotes} == {"board_2025-02-01"}
    assert without_year.note == DAY_TAKEN.format(meetings="meeting", days="2025-02-01")
    missing = core.ask("Summarize the meeting of 2025-02-02.")
    assert missing.note and missing.note.startswith(NO_MEETING_ON.format(when="on 2025-02-02"))
    assert {quote.meeting for quote in missing.quotes} == {"board_2025-03-14"}  # the latest, as the note says


def test_a_day_asked_of_meetings_that_have_none_is_said_so_plainly(
    make_core: Callable[..., Minutebot], two_records_dir: Path
) -> None:
    """Not "no meeting has a date on or before today": no meeting has one at all."""
    core = make_core(two_records_dir)
    core.index()
    answer = core.ask("What was discussed at the last meeting?")
    assert answer.note and answer.note.startswith(NO_MEETING_DATED)
    assert answer.quotes


def test_days_named_in_words_are_counted_from_the_day_asked(
    make_core: Callable[..., Minutebot], dated_records_dir: Path
) -> None:
    core = make_core(dated_records_dir)
    core.index()
    yesterday = core.ask("What did the board discuss at yesterday's meeting?", asked_on=date(2025, 2, 2))
    assert yesterday.quotes and {quote.meeting for quote in yesterday.quotes} == {"board_2025-02-01"}
    assert yesterday.note is None  # the day is whole: nothing to say back
    saturday = core.ask("What did the board discuss at Saturday's meeting?", asked_on=date(2025, 3, 20))
    assert {quote.meeting for quote in saturday.quotes} == {"board_2025-02-01"}
    assert saturday.note == DAY_TAKEN.format(meetings="meeting", days="2025-02-01")  # the latest held on a Saturday
    discussed = core.ask("What did the board discuss on Saturday?")  # no word for a meeting: what one did
    assert {quote.meeting for quote in discussed.quotes} == {"board_2025-02-01"}
    monday = core.ask("What did the board discuss at Monday's meeting?")
    assert monday.note and monday.note.startswith(NO_MEETING_ON.format(when="on a Monday"))
    assert monday.quotes
    last = core.ask("What did the board discuss at the last meeting?", asked_on=date(2025, 3, 1))
    assert {quote.meeting for quote in last.quotes} == {"board_2025-02-01"}  # the meeting of 2025-03-14 is to come
    assert last.note == DAY_TAKEN.format(meetings="meeting", days="2025-02-01")
    weeks = core.ask("What did the board discuss at last week's meetings?", asked_on=date(2025, 3, 20))
    assert {quote.meeting for quote in weeks.quotes} == {"board_2025-03-14"}


def test_a_question_without_a_day_does_not_read_the_meetings_days(
    sample_core: Minutebot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading them is a round trip to the store: every question would pay for it."""

    def unexpected() -> set[object]:
        raise AssertionError("the meetings' days were read")

    monkeypatch.setattr(sample_core.searcher, "meeting_days", unexpected)
    assert sample_core.ask("How many old residential areas were renovated?").quotes


def test_a_question_about_words_no_record_uses_says_so(records_dir: Path, make_core: Callable[..., Minutebot]) -> None:
    """The closest match to "What is the CFO's budget?" in a folder where no one wrote "CFO" is no answer to it, and
    the reader should know; not so for an ordinary word the records may say otherwise. Words spelled out in a
    transcript (`L_C_D_`) are words the records use."""
    (records_dir / "screens.txt").write_text("Industrial Designer: An L_C_D_ screen would cost three Euro more .\n")
    core = make_core(records_dir)
    core.index()
    assert core.ask("What is the CFO's budget?").note == NOT_IN_RECORDS.format(words="the word “CFO”")
    assert core.ask("What did they decide about the rubber cace and the Kubernetes case?").note == (
        NOT_IN_RECORDS.format(words="the words “cace” or “Kubernetes”")  # "decide" is found as "agreed", …
    )
    assert core.ask("What is the status of the rubber case?").note is None  # "status" asks how it stands
    assert core.ask("Who is responsible for the rubber case?").note is None  # an ordinary word, said otherwise
    assert core.ask("How much would an LCD screen cost?").note is None


def test_a_question_no_sentence_shares_a_word_with_gets_one_note(
    records_dir: Path, make_core: Callable[..., Minutebot]
) -> None:
    """That no sentence shares a word with it says more than which of its words no record uses."""
    core = make_core(records_dir)
    core.index()
    answer = core.ask("Kubernetes Zorblax?")
    assert answer.by_meaning
    assert answer.note == NO_SHARED_WORD
