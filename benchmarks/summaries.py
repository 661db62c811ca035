"""Summaries of a meeting ("Summarize the meeting.") and of one speaker ("What did X say?") on QMSum.

QMSum's shared questions hold no request to summarize a whole meeting, but each meeting has summaries of its
topics ("Summarize the discussion about…"). Joined, they stand in for a summary of the meeting: each way of
answering "Summarize the meeting." within that meeting is scored against them with ROUGE (rouge-score, F1 and
recall of ROUGE-1), beside the first words of the record (the lead) and the answer search gives. In the same way,
the reference answers of a meeting's questions that name one speaker ("What did Marketing think of…"), joined,
stand in for a summary of what that speaker said.
Usage: python benchmarks/summaries.py [--qmsum DIR]
"""

from __future__ import annotations

import argparse
import statistics
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from qmsum import DEFAULT_QMSUM, indexed_core, load_queries
from rouge_score import rouge_scorer

from retrieval import Minutebot
from retrieval.answering import Question, extractive_answer, summary_answer
from retrieval.answers.composing import SUMMARY_WORDS, attributed, shorten, spoken_words
from retrieval.answers.quotes import sentence_quotes
from retrieval.answers.summary import SUMMARY_MIN_TERMS, summary_sentences
from retrieval.questions.query import mentioned_speakers
from retrieval.questions.topics import TermWeight
from retrieval.search import RecordToSummarize, SearchFilter
from retrieval.text.turns import bare_name

QUESTION = "Summarize the meeting."
SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def summarized(record: RecordToSummarize, term_weight: TermWeight, min_terms: int = SUMMARY_MIN_TERMS) -> str:
    """The summary's answer line (as answering.summary_answer writes it), with sentences of at least `min_terms`
    content words as candidates."""
    return shorten(attributed(summary_sentences(record.passages, term_weight, min_terms=min_terms)))


def scored(reference: str, text: str) -> tuple[float, ...]:
    """ROUGE-1 F1 and recall, ROUGE-2 and ROUGE-L F1, and the length in words."""
    score = SCORER.score(reference, text)
    rouge1, rouge2, rouge_l = score["rouge1"], score["rouge2"], score["rougeL"]
    return rouge1.fmeasure, rouge1.recall, rouge2.fmeasure, rouge_l.fmeasure, len(text.split())


def meeting_summaries(core: Minutebot, queries: list[dict]) -> dict[str, list[tuple[float, ...]]]:
    """'Summarize the meeting.' in each meeting that has topic summaries, against them joined."""
    references: dict[str, list[str]] = defaultdict(list)
    for query in queries:
        if query["query"].lower().startswith("summar"):
            references[query["meeting"]].append(query["answer"])
    scores: dict[str, list[tuple[float, ...]]] = defaultdict(list)
    searcher = core.searcher
    for meeting, answers in sorted(references.items()):
        question = Question(QUESTION, 5, SearchFilter(meeting=meeting))
        record = searcher.record_to_summarize(question.search_filter)
        lead = " ".join(core.store.record(core.status().name, meeting).text.split()[: SUMMARY_WORDS[1]])
        systems = {
            "minutebot: summary of the record (SumBasic, IDF-weighted, 5+ content words)": summary_answer(
                question, record, searcher.idf
            ).answer,
            "  without IDF (plain SumBasic)": summarized(record, lambda term: 1.0),
            "  sentences of 3+ content words": summarized(record, searcher.idf, min_terms=3),
            "  sentences of 8+ content words": summarized(record, searcher.idf, min_terms=8),
            "search's answer (before: best passages for the question)": extractive_answer(
                question, searcher.search(QUESTION, 5, question.search_filter), searcher.idf
            ).answer,
            f"the record's first {SUMMARY_WORDS[1]} words (lead)": shorten(lead),
        }
        reference = " ".join(answers)
        for name, text in systems.items():
            scores[name].append(scored(reference, text))
    return scores


def speaker_summaries(core: Minutebot, queries: list[dict]) -> dict[str, list[tuple[float, ...]]]:
    """'What did X say?' in each meeting, for every speaker X its questions name (one speaker at a time), against
    the reference answers of those questions joined."""
    searcher = core.searcher
    view = searcher.view()
    speakers_in: dict[str, set[str]] = defaultdict(set)
    for position, metadata in enumerate(view.metadatas):
        speakers_in[metadata["meeting"]] |= view.speakers[position]
    references: dict[tuple[str, str], list[str]] = defaultdict(list)
    for query in queries:
        named = {bare_name(speaker) for speaker in mentioned_speakers(query["query"], speakers_in[query["meeting"]])}
        if len(named) == 1:
            references[(query["meeting"], named.pop())].append(query["answer"])
    scores: dict[str, list[tuple[float, ...]]] = defaultdict(list)
    for (meeting, speaker), answers in sorted(references.items()):
        text, at_length = f"What did {speaker} say?", f"Summarize what {speaker} said."
        question = Question(text, 5, SearchFilter(meeting=meeting))
        record = searcher.record_to_summarize(question.search_filter)
        said = [
            spoken_words(quote)
            for passage in record.passages
            for quote in sentence_quotes(passage)
            if quote.speaker and bare_name(quote.speaker) == speaker
        ]
        systems = {
            "minutebot: summary of what the speaker said": core.ask(text, meeting=meeting).answer,
            "search's answer (before: best passages for the question)": extractive_answer(
                question, searcher.search(text, 5, question.search_filter), searcher.idf
            ).answer,
            "  the same at a summary's length (asked 'Summarize what X said.')": extractive_answer(
                replace(question, text=at_length), searcher.search(at_length, 5, question.search_filter), searcher.idf
            ).answer,
            f"the speaker's first {SUMMARY_WORDS[1]} words": shorten(
                " ".join(" ".join(said).split()[: SUMMARY_WORDS[1]])
            ),
        }
        reference = " ".join(answers)
        for name, answer in systems.items():
            scores[name].append(scored(reference, answer))
    return scores


def print_table(question: str, scores: dict[str, list[tuple[float, ...]]]) -> None:
    print(f"| answer to '{question}' | ROUGE-1 F1 | ROUGE-1 recall | ROUGE-2 F1 | ROUGE-L F1 | words |")
    print("|---|---|---|---|---|---|")
    for name, rows in scores.items():
        means = [statistics.mean(row[i] for row in rows) for i in range(5)]
        print(f"| {name} | " + " | ".join(f"{100 * m:.2f}" for m in means[:4]) + f" | {means[4]:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qmsum", type=Path, default=DEFAULT_QMSUM)
    args = parser.parse_args()
    queries = load_queries(args.qmsum)
    with indexed_core(args.qmsum) as core:
        meetings = meeting_summaries(core, queries)
        speakers = speaker_summaries(core, queries)
    print(f"{len(next(iter(meetings.values())))} meetings of {args.qmsum.name}")
    print_table(QUESTION, meetings)
    print(f"\n{len(next(iter(speakers.values())))} speakers in their meetings of {args.qmsum.name}")
    print_table("What did X say?", speakers)


if __name__ == "__main__":
    main()
