"""Transcript conventions that are not words as written: annotations (`{disfmarker}`, `{vocalsound}`) and letters
spelled out one by one (AMI writes the spoken "L C D" as `L_C_D_`)."""

from __future__ import annotations

import re

MARKUP = re.compile(r"\{\w+\}")  # QMSum-style {disfmarker}, {vocalsound}
_SPELLED_LETTERS = re.compile(r"\b(?:[A-Za-z]_){2,}")  # two or more letters each followed by "_": T_V_, L_C_D_


def strip_markup(text: str) -> str:
    """`text` without transcript annotations such as {disfmarker}: they carry no meaning for search."""
    return MARKUP.sub(" ", text)


def spelled_words(text: str) -> set[str]:
    """The words `text` spells out letter by letter, lower-cased: {"lcd", "tv"} of "an L_C_D_ or a T_V_"."""
    return {match.replace("_", "").lower() for match in _SPELLED_LETTERS.findall(text)}


def join_spelled_letters(text: str) -> str:
    """Letters spelled out one by one as the word they spell: `L_C_D_ screen` → `LCD screen`.

    For the answer line only: search reads them as they are, as the tuned model learned them (joined, the first
    passage within a meeting was right for fewer questions: benchmarks/README.md).
    """
    return _SPELLED_LETTERS.sub(lambda match: match.group().replace("_", ""), text)
