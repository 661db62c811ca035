"""A summary of one whole record, for a question that names no topic ("Summarize the meeting.", "总结一下会议").

Search cannot answer such a question: it has nothing to search for, and the passages nearest in meaning to
"summarize the meeting" are those that talk about meetings. The summary is drawn from the whole record instead,
by SumBasic (Nenkova and Vanderwende, 2005) with words weighted by their IDF in the index: the sentence whose
words the record uses most and the other records least is chosen, its words then count for less so that the
next one chosen says something else, and so on up to the length of a summary; the sentences are put in the
order they were said. A sentence's words include its speaker's label, so the summary leans to those who speak
most, as people's summaries of a meeting do (left out, ROUGE fell on both QMSum splits). Measured against
QMSum's topic summaries of each meeting (benchmarks/summaries.py, benchmarks/README.md).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence, Set

from retrieval.answers.composing import SUMMARY_WORDS, said_text, spoken_words
from retrieval.answers.quotes import is_front_matter
from retrieval.lexical import tokenize
from retrieval.models import Passage, Quote
from retrieval.text.language import word_count
from retrieval.text.sections import headed_sentences
from retrieval.text.sentences import is_question, proposes

# Fewer content words (the speaker's label among them), and a sentence seldom says something of its own ("So
# we'll look into that."). 5 scored above 3 and 8 on the validation meetings and as well as either on the
# training ones; counting only the words said, without the label, scored lower on validation (benchmarks/README.md).
SUMMARY_MIN_TERMS = 5


def summary_sentences(
    passages: Sequence[Passage],
    term_weight: Callable[[str], float],
    speakers: Set[str] = frozenset(),
    words: tuple[int, int] = SUMMARY_WORDS,
    min_terms: int = SUMMARY_MIN_TERMS,
) -> list[Quote]:
    """The sentences of a record's `passages` that sum it up, or sum up what `speakers` said when given, about
    `words` (fewest, most) in all, as they were said. Questions (but those that put a proposal: "Could we…?"), the
    record's title, date and attendance lines, its headings and tables' header rows, and sentences of fewer than
    `min_terms` content words are passed over, unless nothing else is left."""
    sentences = [
        sentence.quote
        for sentence in headed_sentences(passages, continuous=True)
        if not (sentence.names_a_section or is_front_matter(sentence.quote))
        and (not speakers or sentence.quote.speaker in speakers)
    ]
    terms_of = {quote: tokenize(quote.text) for quote in sentences}  # with the speaker's label
    candidates = [
        quote
        for quote in sentences
        if len(terms_of[quote]) >= min_terms and (not is_question(quote.text) or proposes(said_text(quote)))
    ] or [quote for quote in sentences if terms_of[quote]]
    counts = Counter(term for quote in candidates for term in terms_of[quote])
    total = sum(counts.values())
    weight = {term: count / total * term_weight(term) for term, count in counts.items()}

    def salience(quote: Quote) -> float:
        terms = set(terms_of[quote])
        return math.fsum(weight[term] for term in terms) / len(terms)  # in any order alike (see held_share)

    lengths: dict[int, int] = {}

    def length(i: int) -> int:  # in words, as the answer line reads
        if i not in lengths:
            lengths[i] = word_count(spoken_words(candidates[i]))
        return lengths[i]

    fewest, most = words
    chosen: list[Quote] = []
    count = 0
    pool = list(range(len(candidates)))
    while pool and count < fewest:
        # Weights change only when a sentence is chosen: rank once, then take the best that fits. Those that do not
        # fit never will (the room left only shrinks), so they leave the pool. Ties go to the one said first.
        ranked = sorted(pool, key=lambda i: (-salience(candidates[i]), i))
        fitting = next((n for n, i in enumerate(ranked) if not chosen or count + length(i) <= most), None)
        if fitting is None:
            break
        best, pool = ranked[fitting], ranked[fitting + 1 :]
        chosen.append(candidates[best])
        count += length(best)
        for term in set(terms_of[candidates[best]]):
            weight[term] **= 2  # said once: the next sentence chosen should say something else
    return sorted(chosen, key=lambda quote: quote.start_char)
