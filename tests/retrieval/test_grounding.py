"""The LLM answerer with LangChain's fake chat models: scripted replies, real retrieval over the sample."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import AIMessage
from langchain_core.prompt_values import ChatPromptValue
from langchain_core.runnables import Runnable, RunnableLambda

from retrieval import Minutebot
from retrieval.answering import Question, record_passages, summary_of
from retrieval.grounding import build_grounded_chain
from retrieval.models import Answer
from retrieval.search import RecordToSummarize, SearchFilter
from retrieval.settings import SAMPLE_DATA_DIR
from tests.conftest import settings_for

QUESTION = "How many old residential areas were renovated?"
QUOTE = "128 old residential areas covering 1.07 million square meters were renovated"


def ask_with(core: Minutebot, chat_model: Runnable, question: Question | None = None):
    searcher = core.searcher
    chain = build_grounded_chain(core._retrieve, searcher.idf, lambda: chat_model, searcher.record_asked_about)
    return chain.invoke(question or Question(QUESTION, 5))


def reply(answer: str, *quotes: tuple[str, str]) -> FakeListChatModel:
    payload = {"answer": answer, "quotes": [{"ref": ref, "text": text} for ref, text in quotes]}
    return FakeListChatModel(responses=[json.dumps(payload)])


def ref_of(core: Minutebot, text: str) -> str:
    return next(p.ref for p in core.searcher.search(QUESTION, 5) if text in p.text)


def assert_exact(core: Minutebot, answer) -> None:
    for span in [*answer.quotes, *answer.passages]:
        record = core.store.record(core.status().name, span.meeting).text
        assert record[span.start_char : span.end_char] == span.text
        assert span.start_line == record.count("\n", 0, span.start_char) + 1


def test_a_faithful_answer_passes_through(sample_core: Minutebot) -> None:
    answer = ask_with(
        sample_core, reply("128 old residential areas were renovated.", (ref_of(sample_core, QUOTE), QUOTE))
    )
    assert answer.mode == "llm" and answer.note is None
    assert answer.answer == "128 old residential areas were renovated."
    assert [q.text for q in answer.quotes] == [QUOTE]
    assert_exact(sample_core, answer)


def test_quote_marks_and_a_final_stop_added_by_the_model_are_forgiven(sample_core: Minutebot) -> None:
    quoted = f"“{QUOTE}, improving the living conditions of more than 40,000 people.”"
    answer = ask_with(sample_core, reply("About 40,000 people.", (ref_of(sample_core, QUOTE), quoted)))
    assert answer.mode == "llm" and answer.quotes[0].text == quoted.strip("“”.")
    assert_exact(sample_core, answer)


def test_a_fabricated_quote_is_removed(sample_core: Minutebot) -> None:
    ref = ref_of(sample_core, QUOTE)
    answer = ask_with(sample_core, reply("128.", (ref, QUOTE), (ref, "the mayor renovated 500 castles")))
    assert answer.mode == "llm" and [q.text for q in answer.quotes] == [QUOTE]
    assert answer.note == "1 quote(s) not found word for word in the records were removed."


def test_an_answer_citing_an_unknown_ref_falls_back(sample_core: Minutebot) -> None:
    answer = ask_with(sample_core, reply("Lots.", ("made-up#0-10", QUOTE)))
    assert answer.mode == "extractive" and "could not be found" in answer.note
    assert "128 old residential areas" in answer.quotes[0].text


def raise_error(error: Exception) -> Runnable:
    def fail(_: object) -> None:
        raise error

    return RunnableLambda(fail)


@pytest.mark.parametrize(
    ("model", "kind"),
    [
        (raise_error(TimeoutError("no reply in 30 s")), "TimeoutError"),
        (raise_error(ConnectionError("rate limited")), "ConnectionError"),
        (FakeListChatModel(responses=["Sure! Here is my answer, not JSON."]), "OutputParserException"),
    ],
)
def test_provider_failures_fall_back_to_quotes(sample_core: Minutebot, model: Runnable, kind: str) -> None:
    answer = ask_with(sample_core, model)
    assert answer.mode == "extractive" and f"({kind})" in answer.note
    assert "128 old residential areas" in answer.quotes[0].text


def test_follow_ups_search_with_the_earlier_question(sample_core: Minutebot) -> None:
    follow_up = Question("and how much area did they cover?", 5, history=((QUESTION, "128 areas."),))
    assert follow_up.search_text == f"{QUESTION} and how much area did they cover?"
    model = reply("1.07 million square meters.", (ref_of(sample_core, QUOTE), QUOTE))
    assert ask_with(sample_core, model, follow_up).mode == "llm"


def ask_a_summary(core: Minutebot, record: RecordToSummarize, question: str) -> tuple[Answer, list[str], list[str]]:
    """Ask `question` of a scripted model that quotes the first sentence of `record`'s summary: the answer, the
    prompts the model was given, and the refs of the passages that hold the summary."""
    quotes, passages = summary_of(record, core.searcher.idf)
    prompts: list[str] = []

    def model(prompt: ChatPromptValue) -> AIMessage:
        prompts.append(prompt.to_string())
        payload = {"answer": "A summary.", "quotes": [{"ref": passages[0].ref, "text": quotes[0].text}]}
        return AIMessage(content=json.dumps(payload))

    answer = ask_with(core, RunnableLambda(model), Question(question, 5))
    return answer, prompts, [passage.ref for passage in passages]


def test_summarize_the_meeting_gives_the_model_the_passages_of_the_meeting_s_summary(sample_core: Minutebot) -> None:
    """Not the passages search finds for it, which talk about meetings: those that hold the extractive summary."""
    record = sample_core.searcher.record_to_summarize(SearchFilter())
    answer, prompts, refs = ask_a_summary(sample_core, record, "Summarize the meeting.")
    assert answer.mode == "llm" and [p.ref for p in answer.passages] == refs
    assert all(f"[{ref}]" in prompts[0] for ref in refs)
    assert_exact(sample_core, answer)


def test_what_a_speaker_said_gives_the_model_the_passages_of_their_summary(
    make_core: Callable[..., Minutebot], two_records_dir: Path
) -> None:
    core = make_core(two_records_dir)
    core.index()
    record = core.searcher.record_asked_about("What did Marketing say?")
    assert record is not None and record.speakers == {"Marketing"}
    answer, prompts, refs = ask_a_summary(core, record, "What did Marketing say?")
    assert answer.mode == "llm" and [p.ref for p in answer.passages] == refs
    assert "budget_review" not in prompts[0]  # Marketing does not speak there
    assert_exact(core, answer)


def test_unset_llm_changes_nothing(sample_core: Minutebot) -> None:
    assert sample_core.settings.llm is None
    assert sample_core.ask(QUESTION).mode == "extractive"


def test_a_configured_provider_that_is_not_installed_falls_back_with_a_note(
    sample_core: Minutebot, tmp_path: Path
) -> None:
    core = Minutebot(
        settings_for(SAMPLE_DATA_DIR, tmp_path / "store", llm="openai:gpt-4o-mini"),
        sample_core.embeddings_for(sample_core.status().made_by),
    )
    core.index()
    answer = core.ask(QUESTION)
    assert answer.mode == "extractive" and "could not answer" in answer.note
    assert "128 old residential areas" in answer.quotes[0].text


def test_every_decision_asked_for_gives_the_model_the_passages_that_hold_them(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    """Not the passages of the meeting's summary, spread over a long discussion: those under its Decisions."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    discussion = " ".join(f"Item {n} of the roadmap was discussed with the vendor at length." for n in range(40))
    decision = "- The Postgres upgrade happens on April 12."
    (folder / "weekly-2025-03-17.md").write_text(
        f"# Weekly\n\n## Discussion\n{discussion}\n\n## Decisions\n{decision}\n"
    )
    core = make_core(folder)
    core.index()
    question = "What did we decide?"
    record = core.searcher.record_asked_about(question)
    assert record is not None and record.act is not None
    passages = record_passages(record, core.searcher.idf)
    assert [decision in passage.text for passage in passages] == [True]
    assert summary_of(record, core.searcher.idf)[1] != passages
    answer = ask_with(core, reply("On April 12.", (passages[0].ref, decision)), Question(question, 5))
    assert answer.mode == "llm" and [p.ref for p in answer.passages] == [passages[0].ref]
    assert_exact(core, answer)
