import pytest

from retrieval import Minutebot
from retrieval.errors import RefOutsideRecord, UnknownRef
from tests.conftest import SAMPLE_MEETING


def test_cite_round_trips_every_ref_that_ask_returns(sample_core: Minutebot) -> None:
    answer = sample_core.ask("How many people visited?")
    for span in [*answer.quotes, *answer.passages]:
        citation = sample_core.cite(span.ref)
        assert citation.span.text == span.text
        assert (citation.span.start_line, citation.span.end_line) == (span.start_line, span.end_line)
        assert citation.title == span.title and citation.date == "2022-06-20"


def test_cite_gives_context_around_a_quote(sample_core: Minutebot) -> None:
    quote = sample_core.ask("How many old residential areas were renovated?").quotes[0]
    citation = sample_core.cite(quote.ref)
    assert "636 practical things" in citation.context_before
    assert "80,000 people" in citation.context_after


def test_cite_accepts_line_refs(sample_core: Minutebot) -> None:
    citation = sample_core.cite(f"{SAMPLE_MEETING}:1")
    assert citation.span.text == "The city held party history study education summary meeting"


@pytest.mark.parametrize("ref", ["nope", "unknown_meeting#0-10", f"{SAMPLE_MEETING}#0-999999", f"{SAMPLE_MEETING}:99"])
def test_unknown_refs_are_refused(sample_core: Minutebot, ref: str) -> None:
    with pytest.raises(UnknownRef):
        sample_core.cite(ref)


@pytest.mark.parametrize("ref", [f"{SAMPLE_MEETING}:99", f"{SAMPLE_MEETING}:5-40", f"{SAMPLE_MEETING}#0-999999"])
def test_a_ref_beyond_the_record_says_how_far_it_goes(sample_core: Minutebot, ref: str) -> None:
    length = len(sample_core.cite(f"{SAMPLE_MEETING}:1-5").span.text)
    with pytest.raises(RefOutsideRecord, match=rf"has lines 1-5 \(characters 0-{length}\)"):
        sample_core.cite(ref)
