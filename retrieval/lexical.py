"""Lexical search: transcript-aware tokens and a BM25 index (bm25s) over one generation's passages."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import bm25s
import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_EN

_MARKUP = re.compile(r"\{\w+\}")  # QMSum-style {disfmarker}, {vocalsound}
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)
_FILLERS = frozenset({"um", "uh", "mm", "hmm", "yeah", "okay", "oh", "like", "gonna", "ok", "er", "ah"})
_STOPWORDS = frozenset(STOPWORDS_EN) | _FILLERS
_STEMMER = Stemmer.Stemmer("english")


def strip_markup(text: str) -> str:
    """Remove transcript annotations such as {disfmarker}; they carry no meaning for search."""
    return _MARKUP.sub(" ", text)


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed content words, and numbers without thousands separators (150,000 → 150000)."""
    words = [t.replace(",", "") if t[0].isdigit() else t for t in _TOKEN.findall(strip_markup(text).lower())]
    return [_stem(w) for w in words if w not in _STOPWORDS and (len(w) > 1 or w.isdigit())]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return word if word[0].isdigit() else _STEMMER.stemWord(word)


class LexicalIndex:
    """BM25 over a fixed list of passages; results are positions in that list."""

    def __init__(self, texts: Sequence[str]) -> None:
        corpus = [tokenize(t) or ["∅"] for t in texts]
        self._size = len(corpus)
        self._bm25 = bm25s.BM25()
        self._bm25.index(corpus, show_progress=False)
        self._vocabulary = set(self._bm25.vocab_dict)
        document_frequency = Counter(term for tokens in corpus for term in set(tokens))
        self._idf = {t: math.log(1 + (self._size - df + 0.5) / (df + 0.5)) for t, df in document_frequency.items()}
        self._max_idf = math.log(1 + (self._size + 0.5) / 0.5)

    def idf(self, term: str) -> float:
        """Inverse document frequency; unseen terms are as rare as can be."""
        return self._idf.get(term, self._max_idf)

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Best `k` positions with positive scores; `allowed` is a 0/1 mask over positions."""
        tokens = [t for t in tokenize(query) if t in self._vocabulary]
        if not tokens or self._size == 0:
            return []
        k = min(k, self._size)
        ids, scores = self._bm25.retrieve([tokens], k=k, show_progress=False, weight_mask=allowed, n_threads=1)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if s > 0]
