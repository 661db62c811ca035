"""Ordinary English words: those the bundled MiniLM's WordPiece vocabulary holds whole (uncased).

A question's word that no record uses is worth a note when it is a name, an acronym, a rare term or a typo
("CFO", "Kubernetes", "bugdet"): the records are not about it. An ordinary word ("responsible", "neighbourhoods")
is often only the asker's word for what the records say otherwise ("owner", "residential areas").
"""

from __future__ import annotations

import re
from functools import lru_cache

# Endings whose removal gives the word a vocabulary holds: "neighbourhoods" → neighbourhood, "renovated" →
# renovate (the second pattern), "studies" → study (the third).
_ENDING = re.compile(r"(?:es|s|ed|d|ing|ly)$")
_ENDING_OF_AN_E = re.compile(r"(?:ed|ing)$")
_ENDING_IES = re.compile(r"ies$")
_JOINT = re.compile(r"[-'’]")


@lru_cache(maxsize=1)
def _whole_words() -> frozenset[str]:
    from retrieval.encoders.embeddings import bundled_model_path

    lines = (bundled_model_path() / "vocab.txt").read_text(encoding="utf-8").split("\n")
    return frozenset(line for line in lines if line.isalpha() and line.isascii())


def is_ordinary_word(word: str) -> bool:
    """Whether an English word, or the word it inflects, is one the vocabulary holds whole; a word joined by hyphens
    or apostrophes ("roof-repair", "don't") when each of its parts is."""
    return all(map(_is_ordinary_part, filter(None, _JOINT.split(word.lower()))))


def _is_ordinary_part(lower: str) -> bool:
    forms = {lower, _ENDING.sub("", lower), _ENDING_OF_AN_E.sub("e", lower), _ENDING_IES.sub("y", lower)}
    return not forms.isdisjoint(_whole_words())
