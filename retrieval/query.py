"""Understanding a question before searching: drop the words that only frame it, find the speakers it names."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from retrieval.turns import bare_name, parenthesis_of

# Words that frame questions about meetings ("Summarize the discussion about…", "What did X think of…") but
# say nothing about the topic; left in, they pull search towards passages that merely talk about talking.
FRAMING_WORDS = frozenset(
    """
    summarize summarise summary discuss discussed discussing discussion discussions talk talked talking think
    thought thinks opinion opinions say said says tell told group team meeting meetings mention mentioned view
    views idea ideas propose proposed proposal suggest suggested explain explained question questioning put forward
    when what why how who whom which did does do was were is are the a an about on of for in to and with their they
    them his her its it this that there
    """.split()
)
# Parts of speaker labels that do not identify one person ("Hon. Bill Blair", "Grad E", "Lynne Neagle AM").
_NOT_A_NAME = frozenset("hon mr mrs ms dr right the am mp acting chair grad phd professor postdoc".split())
_MIN_NAME_PART = 4
_WORD = re.compile(r"[\w'’-]+")


def reduce_question(question: str) -> str:
    """The question without framing words; the question itself if nothing else is left."""
    kept = [word for word in _WORD.findall(question) if word.lower() not in FRAMING_WORDS]
    return " ".join(kept) or question


def mentioned_speakers(question: str, speakers: Iterable[str]) -> set[str]:
    """Speakers the question names, in full ("Project Manager"), by a distinctive part ("Bains"), or by the letter
    that ends their label ("What did C think…" for "Professor C")."""
    speakers = set(speakers)
    named = {speaker for speaker in speakers if any(_is_named_in(question, name) for name in _names_of(speaker))}
    # A role given once in a parenthesis ("Hon. Deb Schulte (Minister of Seniors)") names the person's other turns.
    return named | ({bare_name(speaker) for speaker in named} & speakers)


def _is_named_in(question: str, name: str) -> bool:
    if len(name) == 1:  # a speaker's letter stands between words: not an opening "A", "A/B" or "plan A."
        return re.search(rf"(?<=\s){name}(?=\s|['’]s\b|,)", question) is not None
    return _contains_word(question, name)


@functools.lru_cache(maxsize=4096)
def _names_of(speaker: str) -> tuple[str, ...]:
    """The ways a question may name `speaker`: the label without its parenthesis, its distinctive parts, and the
    capital letter that ends a label like "Grad A" (transcripts that tell speakers apart by letter); what the
    parenthesis says, whole ("Minister of Seniors"), and, after a label that is only a role ("The Acting Chair
    (Mr. Bruce Stanton)"), its distinctive parts too."""
    label = bare_name(speaker)
    words = _WORD.findall(label)
    parts = _distinctive(words)
    letter = [words[-1]] if len(words) > 1 and len(words[-1]) == 1 and words[-1].isupper() else []
    said = parenthesis_of(speaker)
    if said is None:
        return (label, *parts, *letter)
    return (label, *parts, *letter, said, *([] if parts else _distinctive(_WORD.findall(said))))


def _distinctive(words: list[str]) -> list[str]:
    return [p for p in words if len(p) >= _MIN_NAME_PART and p.lower().strip(".") not in _NOT_A_NAME]


def _contains_word(text: str, word: str) -> bool:
    """Case-sensitive whole-word match: names are capitalised, so 'marketing' the topic is not 'Marketing'."""
    # The substring test first: most speakers are not named, and it is far cheaper than the pattern.
    return word in text and re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
