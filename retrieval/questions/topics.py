"""What a question is about (its topic terms), how much each term weighs among the candidate sentences, and how
much of it a sentence holds."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence, Set
from functools import lru_cache

from retrieval.answers.quotes import title_terms
from retrieval.lexical import tokenize
from retrieval.questions.query import ABOUT_A_SUBJECT, FUNCTION_WORDS, SETTING_THE_SCENE, reduce_question
from retrieval.text.sections import HeadedSentence, heading_terms, opposed, section_of

TermWeight = Callable[[str], float]  # a term's weight in the index: its IDF
ACCOUNT_SHARE = 1 / 3  # of the best topic-term share among the candidates, that a sentence on the subject holds
TITLE_TERM_SHARE = 0.1  # of its weight, for a topic term in the record's title (benchmarks/README.md)
SCENE_SHARE = 0.25  # of its weight, for a topic term only in a clause that sets the scene (benchmarks/README.md)


def section_terms(sentence: HeadedSentence, question: str) -> frozenset[str]:
    """The terms of the heading a sentence falls under, which say what it is about: "| Remove the extension | Tom |"
    under "Action items" is one of Tom's action items. The record's title is no section's heading: its terms count
    a tenth (`discounted`), and every sentence of the record falls under it. A heading that says the opposite of
    the question says nothing of what it asks: "What went well?" is not answered under "What didn't go well"."""
    heading = section_of(sentence)
    return frozenset() if heading is None or opposed(heading, question) else heading_terms(heading)


def topic_term_weights(
    query_terms: Set[str], sentence_terms: list[set[str]], term_weight: TermWeight
) -> dict[str, float]:
    """Each topic term's weight: its IDF in the index times its IDF among the candidate sentences.

    A term found in most candidates (the article's subject, the meeting's running topic) tells them apart no
    better than a common word, so the words that make the question specific ("weight", "appointed") decide.
    """
    candidates = len(sentence_terms)
    return {
        term: term_weight(term) * math.log((candidates + 1) / (sum(term in terms for terms in sentence_terms) + 0.5))
        for term in query_terms
    }


def discounted(weights: dict[str, float], terms: Set[str], share: float) -> dict[str, float]:
    """`weights` with `terms` counting `share` of their weight: a record's title terms (TITLE_TERM_SHARE) tell which
    record, not which of its sentences, and the title line itself is no answer; a scene's (`in_the_scene_set`)."""
    return {term: w * (share if term in terms else 1.0) for term, w in weights.items()}


def held_share(held: Set[str], weights: dict[str, float]) -> float:
    """The share of the question's topic-term weight (`weights`) that a sentence holding `held` holds. Summed
    exactly (`math.fsum`): a set's order changes from one process to the next (string hashing is salted), and a plain
    sum in that order can part two equal shares in their last bit, and the answer with them."""
    return math.fsum(weights[term] for term in held) / (math.fsum(weights.values()) or 1.0)


def holds_enough(shares: Sequence[float]) -> list[bool]:
    """Whether each sentence, by its share of the question's topic, is on the subject: it holds some, and at least
    ACCOUNT_SHARE of the best share: "Tom Berg: the benches for Mill Park arrive on 20 May." holds only the "park"
    of "What happens to the car park during the festival?", and says nothing of it."""
    floor = ACCOUNT_SHARE * max(shares, default=0.0)
    return [share > 0 and share >= floor for share in shares]


@lru_cache(maxsize=256)
def topic_terms(question: str) -> frozenset[str]:
    """The question's terms without its framing and function words: what it is about. Cached: the sentences'
    features and the records an account may draw on both need them for the same question."""
    reduced = reduce_question(question)
    compounds = frozenset(tokenize(" ".join(word for word in reduced.split() if "-" in word)))  # "looked-after"
    return frozenset(tokenize(reduced, pairs_across_function_words=False)) - (function_terms() - compounds)


@lru_cache(maxsize=1)
def function_terms() -> frozenset[str]:
    """FUNCTION_WORDS as terms (tokenised on first use: the tokenizer's stemmer loads then)."""
    return frozenset(tokenize(" ".join(FUNCTION_WORDS)))


def in_the_scene_set(question: str, weights: dict[str, float]) -> dict[str, float]:
    """`weights` with the terms of a closing clause that sets the scene (SETTING_THE_SCENE) counting SCENE_SHARE,
    those the rest of the question holds aside: "Why did the group think of the locator when presenting the
    functional requirements?" asks about the locator, and "Marketing: But is everyone's called functional
    requirements?" is no answer. Search still reads the clause, which finds that part of the meeting."""
    scene = SETTING_THE_SCENE.search(question)
    if scene is None:
        return weights
    setting = topic_terms(question[scene.end() :]) - topic_terms(question[: scene.start()])
    return discounted(weights, setting, SCENE_SHARE)


def subject_terms(question: str) -> frozenset[str] | None:
    """The topic terms of the subject a question sets apart with "about" ("What did Tom say about latency?" →
    latency), or None when it sets none apart. A sentence of minutes that names Tom and not latency is about
    something else, though it holds one of the question's topic terms."""
    about = ABOUT_A_SUBJECT.search(question)
    return (topic_terms(question[about.end() :]) or None) if about else None


def records_about(topic: Set[str], sentences: Iterable[tuple[str, Set[str]]]) -> set[str]:
    """The titles of the records that are about a question's `topic` as a whole (its topic terms, or those of the
    subject it sets apart): every sentence of such a record is on it, named in it or not ("全市教育工作会议纪要" for
    "会议讨论了教育方面的哪些问题？").
    `sentences` gives each candidate sentence's title and terms. A title holds some of the topic's terms, and no
    sentence of its record holds the others: where one does, the question asks about that within the record.
    "What is the budget for the library roof?" is about a budget, not every line of the library board's minutes;
    "What did the tenants decide about the rent increase?" is about the rent increase."""
    held: dict[str, set[str]] = {}
    for title, terms in sentences:
        held.setdefault(title, set()).update(terms & topic)
    return {title for title, terms in held.items() if (in_title := topic & title_terms(title)) and terms <= in_title}
