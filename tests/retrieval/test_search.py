from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval import Minutebot
from retrieval.errors import NotIndexed, UnknownMeeting
from retrieval.search import reciprocal_rank_fusion


def test_reciprocal_rank_fusion_rewards_agreement() -> None:
    fused = [position for position, _ in reciprocal_rank_fusion([[1, 2, 3], [3, 1]])]
    assert fused == [1, 3, 2]


def test_meeting_filter_restricts_passages(make_core: Callable[..., Minutebot], records_dir: Path) -> None:
    (records_dir / "budget_review.txt").write_text("Finance: The remote control budget is twelve Euro fifty.\n")
    core = make_core(records_dir)
    core.index()
    passages = core.searcher.search("remote control budget", 5, meeting="budget_review")
    assert passages and {p.meeting for p in passages} == {"budget_review"}
    assert {p.meeting for p in core.searcher.search("remote control budget", 5)} == {"budget_review", "design_kickoff"}


def test_unknown_meeting_is_refused(sample_core: Minutebot) -> None:
    with pytest.raises(UnknownMeeting):
        sample_core.ask("anything", meeting="no_such_meeting")


def test_search_before_indexing_says_so(make_core: Callable[..., Minutebot], records_dir: Path) -> None:
    with pytest.raises(NotIndexed):
        make_core(records_dir).ask("budget?")
