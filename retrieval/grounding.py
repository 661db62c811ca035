"""The optional LLM answerer: a written answer whose every quote is checked, word for word, against the record.

The model sees the retrieved passages with their refs and must reply with JSON: an answer and the quotes it
rests on. A quote survives only if its words stand, in order, in the passage it cites; it is then located at
exact offsets. With no surviving quote, or when the model fails, the extractive answer is given instead, with
a short note saying why.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from langchain_core.output_parsers import PydanticOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnableLambda
from pydantic import BaseModel, Field

from retrieval.answering import (
    Question,
    Retrieve,
    WholeRecord,
    extractive_answer,
    record_asked_about,
    record_passages,
    validate_question,
)
from retrieval.answers.quotes import quote_at
from retrieval.models import Answer, Passage, Quote
from retrieval.questions.topics import TermWeight

log = logging.getLogger(__name__)

MAX_LLM_QUOTES = 3
_EDGE_PUNCTUATION = "\"'“”‘’«»…. "
_WORD = re.compile(r"\S+")


class CitedQuote(BaseModel):
    ref: str = Field(description="The ref of the passage the quote is copied from, exactly as given.")
    text: str = Field(description="Words copied exactly from that passage: no paraphrase, no ellipsis.")


class DraftAnswer(BaseModel):
    answer: str = Field(description="A short answer to the question, in plain words, using only the passages.")
    quotes: list[CitedQuote] = Field(description="One to three quotes the answer rests on.")


PARSER = PydanticOutputParser(pydantic_object=DraftAnswer)
PROMPT = ChatPromptTemplate.from_messages(
    [
        (
            "system",
            "You answer questions about meeting records using only the passages you are given. "
            "Support the answer with quotes copied word for word from the passages, each with its passage's ref. "
            "If the passages do not answer the question, say so and give no quotes.\n{format_instructions}",
        ),
        ("human", "{history}Passages:\n\n{passages}\n\nQuestion: {question}"),
    ]
).partial(format_instructions=PARSER.get_format_instructions())

ChatModel = Runnable  # any chat model (or Runnable) taking a prompt and returning a message


def build_grounded_chain(
    retrieve: Retrieve,
    term_weight: TermWeight,
    chat_model: Callable[[], ChatModel],
    whole_record: WholeRecord | None = None,
) -> Runnable[Question, Answer]:
    """question → passages → the model's draft → verified quotes → Answer (mode "llm"), or the extractive one.

    For a question that names no topic ("Summarize the meeting."), the passages are those that hold the
    extractive summary of the record `whole_record` gives (retrieval/answers/summary.py): spread over the meeting,
    rather than the passages that talk about meetings, which search would find; for one that asks for every
    decision or action item, those that hold them.
    """

    def passages_for(question: Question) -> list[Passage]:
        record = record_asked_about(question, whole_record)
        return record_passages(record, term_weight) if record is not None and record.passages else retrieve(question)

    def answer(question: Question) -> Answer:
        passages = passages_for(question)
        if not passages:
            return extractive_answer(question, passages, term_weight)
        try:
            draft = (PROMPT | chat_model() | PARSER).invoke(_prompt_inputs(question, passages))
        except Exception as error:  # provider errors, timeouts, rate limits, unparsable replies, missing keys
            log.warning("LLM answer failed, falling back to quotes: %s: %s", type(error).__name__, error)
            note = f"The language model could not answer ({type(error).__name__}); showing extracted quotes."
            return extractive_answer(question, passages, term_weight, note)
        quotes = verified_quotes(draft, passages)
        if not quotes:
            note = "The language model's quotes could not be found in the records; showing extracted quotes."
            return extractive_answer(question, passages, term_weight, note)
        dropped = min(len(draft.quotes), MAX_LLM_QUOTES) - len(quotes)
        note = f"{dropped} quote(s) not found word for word in the records were removed." if dropped else None
        return Answer(question.text, draft.answer.strip(), quotes, passages, mode="llm", note=note)

    return RunnableLambda(validate_question) | RunnableLambda(answer)


def verified_quotes(draft: DraftAnswer, passages: list[Passage]) -> list[Quote]:
    by_ref = {passage.ref: passage for passage in passages}
    found = []
    for cited in draft.quotes[:MAX_LLM_QUOTES]:
        passage = by_ref.get(cited.ref.strip())
        quote = locate(cited.text, passage) if passage else None
        if quote is None:
            log.info("dropped an unverifiable quote for %s: %r", cited.ref, cited.text[:80])
        else:
            found.append(quote)
    return found


def locate(text: str, passage: Passage) -> Quote | None:
    """`text` as an exact span of `passage`: the same words in the same order, white space aside.

    Only the quote marks or final stop a model adds around a quote are forgiven: the first word may end a
    word of the record ('“Four' for 'Four') and the last may begin one ('bridge.' for 'bridge').
    """
    words = text.strip(_EDGE_PUNCTUATION).split()
    if not words:
        return None
    spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(passage.text)]
    tokens = [token for _, _, token in spans]
    for i in range(len(tokens) - len(words) + 1):
        if _same_words(tokens[i : i + len(words)], words):
            first_token_start, first_token_end, _ = spans[i]
            last_token_start = spans[i + len(words) - 1][0]
            if len(words) == 1:
                start = first_token_start + tokens[i].index(words[0])
                end = start + len(words[0])
            else:
                start = first_token_end - len(words[0])
                end = last_token_start + len(words[-1])
            return quote_at(passage, start, end)
    return None


def _same_words(tokens: list[str], words: list[str]) -> bool:
    if len(words) == 1:
        return words[0] in tokens[0]
    return tokens[0].endswith(words[0]) and tokens[-1].startswith(words[-1]) and tokens[1:-1] == words[1:-1]


def passage_block(passage: Passage) -> str:
    date = f" ({passage.date})" if passage.date else ""
    return f"[{passage.ref}] {passage.title}{date}, lines {passage.start_line}-{passage.end_line}\n{passage.text}"


def _prompt_inputs(question: Question, passages: list[Passage]) -> dict[str, str]:
    history = "".join(f"Earlier question: {q}\nEarlier answer: {a}\n\n" for q, a in question.history)
    return {
        "history": history,
        "passages": "\n\n".join(passage_block(p) for p in passages),
        "question": question.text,
    }
