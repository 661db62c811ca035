"""Which language records and questions are in (as choosing an embedding model needs to know), and how long a
text in any writing reads."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# English function words: frequent in any English text, rare in any other language.
_ENGLISH_WORDS = frozenset("the and of to a in is that it for was on with we i you this be are have not".split())
_WORD = re.compile(r"[^\W\d_]+")
# Writing without spaces between words, as the body of a regular expression's character class: CJK radicals,
# punctuation, kana, bopomofo and ideographs, compatibility ideographs and forms, and full-width forms. Not
# Hangul syllables: Korean is written with spaces.
CJK_CHARACTERS = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_CJK = re.compile(f"[{CJK_CHARACTERS}]")
ENGLISH_WORD_SHARE = 0.12  # English prose has over twice this share of the words above
LAST_LATIN_LETTER = "\u024f"  # the end of Unicode's Latin Extended-B
SAMPLE_CHARS = 20_000  # of each text: enough to tell its language


def mostly_english(texts: Iterable[str]) -> bool:
    """True when most letters are Latin and the words are English, judged on the start of each text."""
    latin = other = english = words = 0
    for text in texts:
        sample = text[:SAMPLE_CHARS]
        for word in _WORD.findall(sample):
            if word.isascii():
                latin += len(word)
                words += 1
                english += word.lower() in _ENGLISH_WORDS
            else:
                other += len(word)
    return latin > other and words > 0 and english / words >= ENGLISH_WORD_SHARE


def mostly_latin(text: str) -> bool:
    """True when most of the letters of `text` (a question, say) are Latin, accented or not: "LCD 是什么" is,
    "Réunion budget?" is, "城市建设" is not."""
    letters = [character for character in text if character.isalpha()]
    return 2 * sum(character <= LAST_LATIN_LETTER for character in letters) >= len(letters)


def same_writing(first: str, second: str) -> bool:
    """True when both texts are mostly in Latin letters, or both mostly in other ones: a question and records
    that could share words, rather than one asked across languages on purpose (with a multilingual model)."""
    return mostly_latin(first) == mostly_latin(second)


def has_words(text: str) -> bool:
    """True when the text holds letters or digits of any script (not only symbols or emoji)."""
    return any(character.isalnum() for character in text)


def word_count(text: str) -> int:
    """How long `text` reads, in words: those between spaces, with each character of Chinese or Japanese writing
    (which puts no spaces between words) as half a word, about what English takes to say as much."""
    wide = len(_CJK.findall(text))
    return len(_CJK.sub(" ", text).split()) + (wide + 1) // 2


def is_cjk(character: str) -> bool:
    """True for a character of Chinese or Japanese writing (written without spaces between words)."""
    return bool(_CJK.match(character))


def is_wide(character: str) -> bool:
    """A character of Chinese or Japanese writing, or full-width punctuation (。「）): no space goes after it."""
    return is_cjk(character) or unicodedata.east_asian_width(character) in ("W", "F")
