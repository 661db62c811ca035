import itertools
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from retrieval import Minutebot
from retrieval.answers.quotes import sentence_quotes
from retrieval.chunking import LineIndex
from retrieval.errors import NotIndexed, UnknownMeeting
from retrieval.search import (
    HybridSearcher,
    RecordToSummarize,
    SearchConfig,
    SearchFilter,
    closest_name,
    reciprocal_rank_fusion,
)
from retrieval.settings import PROJECT_ROOT
from tests.conftest import SAMPLE_MEETING


def test_reciprocal_rank_fusion_rewards_agreement() -> None:
    fused = reciprocal_rank_fusion([[1, 2, 3], [3, 1]])
    assert sorted(fused, key=lambda i: -fused[i]) == [1, 3, 2]


def test_meeting_filter_restricts_passages(make_core: Callable[..., Minutebot], two_records_dir: Path) -> None:
    core = make_core(two_records_dir)
    core.index()
    passages = core.searcher.search("remote control budget", 5, SearchFilter(meeting="budget_review"))
    assert passages and {p.meeting for p in passages} == {"budget_review"}
    assert {p.meeting for p in core.searcher.search("remote control budget", 5)} == {"budget_review", "design_kickoff"}


def test_unknown_meeting_is_refused(sample_core: Minutebot) -> None:
    with pytest.raises(UnknownMeeting, match=r"'no_such_meeting'\. Run 'minutebot meetings'"):
        sample_core.ask("anything", meeting="no_such_meeting")


@pytest.mark.parametrize("asked", [SAMPLE_MEETING.upper(), SAMPLE_MEETING.replace("2022", "2023")])
def test_a_meeting_id_mistyped_or_in_other_case_gets_the_likely_one(sample_core: Minutebot, asked: str) -> None:
    with pytest.raises(UnknownMeeting, match=f"Did you mean '{SAMPLE_MEETING}'"):
        sample_core.ask("anything", meeting=asked)


def test_only_a_close_name_is_suggested() -> None:
    names = ["ES2006a", "Bed010", "parks-2025-03-14"]
    assert closest_name("bed10", names) == "Bed010"
    assert closest_name("budget", names) is None


def test_search_before_indexing_says_so(make_core: Callable[..., Minutebot], records_dir: Path) -> None:
    with pytest.raises(NotIndexed):
        make_core(records_dir).ask("budget?")


def test_date_filters_keep_meetings_dated_in_range(make_core: Callable[..., Minutebot], records_dir: Path) -> None:
    for day in ("2024-01-10", "2024-02-10", "2024-03-10"):
        (records_dir / f"budget_{day}.md").write_text(f"# Budget review\n{day}\n\nFinance: The budget is fixed.\n")
    core = make_core(records_dir)
    core.index()
    answer = core.ask("budget", top_k=10, after=date(2024, 2, 1), before=date(2024, 2, 28))
    assert {p.meeting for p in answer.passages} == {"budget_2024-02-10"}
    assert {p.meeting for p in core.ask("budget", top_k=10, after=date(2024, 2, 1)).passages} == {
        "budget_2024-02-10",
        "budget_2024-03-10",
    }


def test_a_named_speaker_s_turns_are_favoured(make_core: Callable[..., Minutebot], records_dir: Path) -> None:
    core = make_core(records_dir)
    core.index()
    passages = core.searcher.search("What did Industrial Designer say about the chip?", 5)
    assert "Industrial Designer" in passages[0].speakers


def test_neighbouring_passages_wait_their_turn(make_core: Callable[..., Minutebot], tmp_path: Path) -> None:
    folder = tmp_path / "long"
    folder.mkdir()
    turns = [f"Chair: Item {i} is about the budget of the project number {i} ." for i in range(60)]
    (folder / "long_meeting.txt").write_text("\n".join(turns) + "\n")
    core = make_core(folder, chunk_chars=200, context_chars=0)  # passages as indexed: the gap is in their units
    core.index()
    diversified = core.searcher.search("budget project", 3)
    crowded_config = SearchConfig(neighbour_gap=0, context_chars=0)
    crowded = HybridSearcher(core.store, core.embeddings_for, crowded_config).search("budget project", 3)
    gaps = [abs(a.start_line - b.start_line) for a, b in itertools.combinations(diversified, 2)]
    assert min(gaps) > 2 * (diversified[0].end_line - diversified[0].start_line + 1)
    assert len(crowded) == 3


def test_a_passage_that_opens_in_the_middle_of_a_line_keeps_the_line_s_speaker(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    """Cut between two sentences of one line of minutes, the second passage opens with "Lena: yes, …": the line is
    nobody's turn, and nor is that sentence."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    line = (
        "Tobias asked if we can reuse the recording of the October webinar for the website, the newsletter and the "
        "sales team's onboarding pack next month. Lena: yes, cut it into five short clips for YouTube and post one "
        "a week through November, with captions in English and German."
    )
    (folder / "marketing.md").write_text(f"Attendees: Lena Fischer, Tobias Wolf\n{line}\n")
    core = make_core(folder, chunk_chars=200, context_chars=0)
    core.index()
    view = core.searcher.view()
    reply = next(p for p in view.record_passages(view.meeting_numbers["marketing"]) if p.text.startswith("Lena"))
    assert reply.opens_mid_line
    assert sentence_quotes(reply)[0].speaker is None


def test_a_search_racing_a_reindex_answers_from_the_new_index(
    make_core: Callable[..., Minutebot], records_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    core = make_core(records_dir)
    core.index()
    stale = core.searcher.view()
    core.index(full=True)  # a new generation goes live and the old collections are dropped
    views = iter([stale])
    fresh_view = HybridSearcher.view
    monkeypatch.setattr(HybridSearcher, "view", lambda self: next(views, None) or fresh_view(self))
    passages = core.searcher.search("remote control budget", 3)
    assert passages and core.store.generation_names() == {core.status().name}


def test_passages_are_widened_with_whole_sentences_and_stay_exact(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    folder = tmp_path / "long"
    folder.mkdir()
    speakers = ("Chair", "Finance", "Design")
    text = "\n".join(f"{speakers[i % 3]}: Item {i} is the budget of project {i} . It was agreed ." for i in range(40))
    (folder / "long_meeting.txt").write_text(text + "\n")
    core = make_core(folder, chunk_chars=200, context_chars=500)
    core.index()
    as_indexed = SearchConfig(context_chars=0)
    cores = HybridSearcher(core.store, core.embeddings_for, as_indexed).search("budget of project 17", 3)
    widened = core.searcher.search("budget of project 17", 3)
    lines = LineIndex(text)
    for core_passage, passage in zip(cores, widened, strict=True):
        assert passage.start_char <= core_passage.start_char < core_passage.end_char <= passage.end_char
        assert core_passage.end_char - core_passage.start_char < passage.end_char - passage.start_char <= 500
        assert passage.text == text[passage.start_char : passage.end_char]
        assert (passage.start_line, passage.end_line) == lines.span_lines(passage.start_char, passage.end_char)
        assert (passage.start_char == 0 or text[passage.start_char - 1] in "\n ") and passage.text.endswith(" .")
        assert set(passage.speakers) == set(speakers)


def test_passages_shown_together_never_overlap(sample_core: Minutebot) -> None:
    passages = sample_core.searcher.search("practical things for the people", 8)
    assert len(passages) > 3  # the sample's few passages: widened ones would run into each other
    spans = sorted((p.start_char, p.end_char) for p in passages)
    assert all(end <= next_start for (_, end), (next_start, _) in itertools.pairwise(spans))


def test_the_record_to_summarize_is_the_meeting_named_or_the_latest(
    make_core: Callable[..., Minutebot], dated_records_dir: Path
) -> None:
    core = make_core(dated_records_dir)
    core.index()
    named = core.searcher.record_to_summarize(SearchFilter(meeting="design_kickoff"))
    assert named.meetings == 1 and {p.meeting for p in named.passages} == {"design_kickoff"}
    words = " ".join(p.text for p in named.passages).split()
    assert words == (dated_records_dir / "design_kickoff.txt").read_text().split()  # the whole record, in order
    latest = core.searcher.record_to_summarize(SearchFilter())
    assert latest.meetings == 3 and {p.meeting for p in latest.passages} == {"board_2025-03-14"}
    earlier = core.searcher.record_to_summarize(SearchFilter(before=date(2025, 2, 28)))
    assert earlier.meetings == 1 and {p.meeting for p in earlier.passages} == {"board_2025-02-01"}
    assert core.searcher.record_to_summarize(SearchFilter(after=date(2026, 1, 1))) == RecordToSummarize([], 0)
    with pytest.raises(UnknownMeeting):
        core.searcher.record_to_summarize(SearchFilter(meeting="no_such_meeting"))


def test_a_question_names_no_topic_when_it_asks_for_everything_or_for_what_someone_said(
    make_core: Callable[..., Minutebot], two_records_dir: Path
) -> None:
    core = make_core(two_records_dir)
    core.index()
    searcher = core.searcher
    assert searcher.record_asked_about("Summarize the meeting.") == RecordToSummarize([], 2)  # two undated
    spoken = searcher.record_asked_about("What did Finance say?")
    assert spoken and spoken.meetings == 1 and spoken.speakers == {"Finance"}
    assert {p.meeting for p in spoken.passages} == {"budget_review"}
    assert searcher.record_asked_about("What did Finance say about the budget?") is None
    assert searcher.record_asked_about("What does the remote cost?") is None
    elsewhere = searcher.record_asked_about("What did Finance say?", SearchFilter(meeting="design_kickoff"))
    assert elsewhere == RecordToSummarize([], 0, frozenset({"Finance"}))  # Finance does not speak there


def test_no_record_is_summarized_when_several_have_no_date(
    make_core: Callable[..., Minutebot], two_records_dir: Path
) -> None:
    core = make_core(two_records_dir)
    core.index()
    assert core.searcher.record_to_summarize(SearchFilter()) == RecordToSummarize([], 2)


def test_a_meeting_named_by_its_title_is_summed_up_whole(make_core: Callable[..., Minutebot]) -> None:
    """The English minutes set of the benchmarks: a question that names a meeting by its title and asks what it
    said is about that meeting, not a search for its title's words; the latest of the title when several."""
    core = make_core(PROJECT_ROOT / "benchmarks" / "data" / "minutes-en" / "records")
    core.index()
    parks = core.searcher.record_asked_about("What did the parks committee discuss?")
    assert parks is not None and parks.meetings == 2
    assert {p.meeting for p in parks.passages} == {"parks-committee-2025-05-05"}
    for latest in ("What happened at the last parks committee?", "Summarize the latest parks committee minutes."):
        asked = core.searcher.record_asked_about(latest)
        assert asked is not None and {p.meeting for p in asked.passages} == {"parks-committee-2025-05-05"}
    steering = core.searcher.record_asked_about("Summarize the IT steering group meeting.")
    assert steering is not None and {p.meeting for p in steering.passages} == {"it-steering-2025-03-12"}
    assert core.searcher.record_asked_about("What did the parks committee say about benches?") is None
    assert core.searcher.record_asked_about("What is a steering group?") is None  # what a thing is: searched


def test_a_record_s_other_passage_comes_before_another_record_s_poor_match(make_core: Callable[..., Minutebot]) -> None:
    """A postmortem of two passages among four other records: "Lena Fischer rolled back the configuration change"
    is in the passage next to the best, which scores far above any other record's. It used to wait behind all of
    them, and miss the five."""
    core = make_core(PROJECT_ROOT / "benchmarks" / "data" / "minutes-formats-3" / "records")
    core.index()
    found = core.searcher.search("Who rolled back the configuration change?", 5)
    assert any("Lena Fischer rolled back the configuration change" in passage.text for passage in found)


@pytest.mark.parametrize(
    ("folder", "question", "meeting"),
    [
        ("minutes-formats-2", "Who sent apologies?", "foodbank-trustees-2025-04-22"),  # a later record is Chinese
        ("minutes-formats-3", "会议决定了什么？", "项目周会-2025-09-15"),  # a later record is English
    ],
)
def test_a_question_about_the_latest_minutes_asks_those_written_as_it_is(
    make_core: Callable[..., Minutebot], folder: str, question: str, meeting: str
) -> None:
    core = make_core(PROJECT_ROOT / "benchmarks" / "data" / folder / "records")
    core.index()
    asked = core.searcher.record_asked_about(question)
    assert asked is not None and {passage.meeting for passage in asked.passages} == {meeting}


def test_a_chinese_question_among_english_minutes_is_searched_by_every_word_it_shares(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    """English MiniLM cannot bridge languages: a Chinese question whose only word in common with the Chinese minutes
    is a generic one ("会议") is searched by it, not turned away as sharing no word."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    for name in ("board", "finance", "staff"):  # mostly English: indexed with MiniLM
        (folder / f"{name}.md").write_text(f"# {name.title()} committee\n\nThe {name} committee approved the plan.\n")
    (folder / "议事会.md").write_text(
        "# 居民议事会会议纪要\n\n地点：社区活动中心二楼会议室\n\n地面停车位月租由150元调整为180元。\n", encoding="utf-8"
    )
    core = make_core(folder)
    assert core.index().model == "minilm"
    assert core.ask("会议在哪里召开？").quotes[0].text == "地点：社区活动中心二楼会议室"
