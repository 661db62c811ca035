"""Lexical search: transcript-aware tokens and a BM25 index (bm25s) over one generation's passages.

English words are stemmed; Chinese, which is written without spaces, is cut into words by jieba's dictionary
(rjieba), so that a question's words match a record's whether the text is Chinese, English or both.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import Stemmer

from retrieval.formats.transcript import strip_markup

if TYPE_CHECKING:
    import bm25s

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)
_FILLERS = frozenset({"um", "uh", "mm", "hmm", "yeah", "okay", "oh", "like", "gonna", "ok", "er", "ah"})
_STEMMER = Stemmer.Stemmer("english")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# Chinese function words and question words: as frequent, and as empty of topic, as English stopwords.
_CJK_STOPWORDS = frozenset(
    """的 了 是 在 和 与 及 或 等 也 都 就 而 对 把 被 这 那 个 之 其 为 以 于 上 中 下 有 没有 我 你 他 她 它 我们 你们
    他们 吗 呢 吧 啊 什么 哪些 哪个 哪里 哪 多少 几 如何 怎么 怎样 为什么 谁 何 是否 是不是 请问 还 又 将 由 从 到 给 让
    所 着 过 该 此 各 并 但 则 即 这个 那个 这些 那些 一个""".split()
)
# The past forms of irregular English verbs, which no stemmer makes of their base ("written" is not "write"): a
# question asks "When will the postmortem be written?" of minutes that say "write the postmortem". Not the forms
# that are also other words ("left", "saw", "found", "rose", "felt", "fell", "bit", "shot", "fed", "bound") or the
# start of one as tokens are cut ("won" of "won't").
_IRREGULAR_VERBS = """
    arise arose arisen|awake awoke awoken|become became|begin began begun|bend bent|bite bitten|blow blew blown|break
    broke broken|breed bred|bring brought|build built|buy bought|catch caught|choose chose chosen|come came|creep
    crept|deal dealt|dig dug|do did done|draw drew drawn|drink drank drunk|drive drove driven|eat ate eaten|fight
    fought|flee fled|fly flew flown|forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven|freeze
    froze frozen|get got gotten|give gave given|go went gone|grow grew grown|hang hung|hear heard|hide hid hidden|hold
    held|keep kept|know knew known|lay laid|lend lent|lose lost|make made|mean meant|meet met|mislead misled|oversee
    oversaw overseen|overtake overtook overtaken|pay paid|ride rode ridden|ring rang rung|rise risen|run ran|sell
    sold|send sent|shake shook shaken|shine shone|show shown|shrink shrank shrunk|sing sang sung|sink sank sunk|sleep
    slept|slide slid|speak spoke spoken|spend spent|spin spun|stand stood|steal stole stolen|stick stuck|sting
    stung|strike struck|swear swore sworn|sweep swept|swim swam swum|take took taken|teach taught|tear tore torn|think
    thought|throw threw thrown|undergo underwent undergone|understand understood|undertake undertook undertaken|wake
    woke woken|wear wore worn|weave wove woven|withdraw withdrew withdrawn|write wrote written
"""
_BASE_FORM = {form: forms.split()[0] for forms in _IRREGULAR_VERBS.split("|") for form in forms.split()[1:]}
# A role's "-ship" is the role ("membership" is "member": "How many members…?" is answered by "Membership rose to
# 247."; "ownership", "leadership", "partnership", "trusteeship", "chairmanship"), where the rest names a person by
# what they do ("-er", "-or", "-ee", "-man"): not "hardship", "flagship" or "township".
_ROLE_SHIP = re.compile(r"(?<=\w\w(?:er|or|ee|an))ship$")
# Short forms that notes typed in a hurry write for a word ("tenants mtg", "approx 2 wks", "xmas party: 14 dec"),
# read as the word, so that a question in full words finds them. Not those that are words of their own ("sun",
# "wed", "mar", "min", "admin", "re"), nor "hr", as often human resources ("hr-policy-call": "How many hours…?" is
# about no HR meeting) as hours.
_SHORT_FORMS = dict(
    pair.split()
    for pair in """
    xmas christmas|mtg meeting|mtgs meetings|wk week|wks weeks|yr year|yrs years|hrs hours|approx
    approximately|dept department|depts departments|mgr manager|mgmt management|govt government|info information|
    assoc association|qty quantity|jan january|feb february|apr april|jun june|jul july|aug august|sep september|
    sept september|oct october|nov november|dec december|mon monday|tue tuesday|tues tuesday|thu thursday|thurs
    thursday|fri friday
    """.split("|")
)
# A noun made of a verb and its particle is the verb, as "roll out" is once its "out" (a stopword) is left out: "When
# is the full rollout?" finds "…we want to roll out to all nine depots in February.", "Why did the rollback take so
# long?" finds "Why did it take twenty minutes to roll back?". Not those whose verb is as often another ("setup",
# "checkout", "login", "turnout", "breakdown", "cutoff", "payout").
_PHRASAL_NOUNS = dict(
    pair.split()
    for pair in """
    rollout roll|rollouts roll|signup sign|signups sign|kickoff kick|followup follow|followups follow|walkthrough
    walk|walkthroughs walk|cleanup clean|shutdown shut|shutdowns shut|pickup pick|pickups pick|handover
    hand|handovers hand|rollback roll|rollbacks roll|layoff lay|layoffs lay
    """.split("|")
)
_EMPTY = "∅"  # the token of a passage with no words; no query has it (bm25s cannot index an empty list)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """English stopwords and transcript fillers (bm25s loads on first use: a CLI command may never tokenise)."""
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN) | _FILLERS


def tokenize(text: str, *, pairs_across_function_words: bool = True) -> list[str]:
    """Lower-cased, stemmed content words, Chinese words, and numbers without separators (150,000 → 150000).

    `pairs_across_function_words` False leaves out the Chinese character pairs that hold a function word's
    character: what a question is about, where "个小" of "多少个小区" and "多少" itself are none of its topic,
    though a record's "2个小区" holds the one."""
    stopwords = _stopwords()
    tokens: list[str] = []
    for token in _TOKEN.findall(strip_markup(text).lower()):
        if token[0].isdigit():
            tokens.append(token.replace(",", ""))
        elif _CJK_RUN.search(token):
            tokens.extend(_chinese_words(token, pairs_across_function_words))
        elif token not in stopwords and len(token) > 1:
            tokens.append(stem(token))
    return tokens


def _chinese_words(token: str, pairs_across_function_words: bool) -> list[str]:
    """A run of letters holding Chinese as its words (without function words) and its character pairs, or only
    those between its function words.

    The pairs catch what the dictionary cuts differently in a question and a record (names, new terms):
    words and pairs together find the answer's passage first more often than either alone (benchmarks/README.md).
    """
    import rjieba

    words = list(rjieba.cut(token))
    if pairs_across_function_words:
        pairs = _character_pairs(token)
    else:
        between = "".join(" " if word in _CJK_STOPWORDS else word for word in words)
        pairs = [pair for part in between.split() for pair in _character_pairs(part)]
    return _content_words(words) + pairs


def _content_words(words: list[str]) -> list[str]:
    """Of the words jieba cut a run of letters into, the Chinese ones but function words, and any others as
    English words."""
    content = []
    for word in words:
        if _CJK_RUN.match(word):
            if word not in _CJK_STOPWORDS:
                content.append(word)
        elif word not in _stopwords() and len(word) > 1:
            content.append(stem(word))
    return content


def _character_pairs(token: str) -> list[str]:
    """Every two neighbouring Chinese characters of a run of letters (a lone character alone)."""
    return [run[i : i + 2] for run in _CJK_RUN.findall(token) for i in range(max(1, len(run) - 1))]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A lower-case English word as the index stems it (Snowball): "areas" → "area", "renovated" → "renov", the
    past of an irregular verb as its base: "written" → "write", a role's "-ship" as the role: "membership" →
    "member", a short form of notes as the word: "mtg" → "meet", and a noun made of a verb and its particle as the
    verb: "rollout" → "roll"."""
    if word[0].isdigit():
        return word
    word = _SHORT_FORMS.get(word, _PHRASAL_NOUNS.get(word, word))
    stemmed = _STEMMER.stemWord(_BASE_FORM.get(word, word))
    return _STEMMER.stemWord(stemmed[:-4]) if _ROLE_SHIP.search(stemmed) else stemmed


class LexicalIndex:
    """BM25 over a fixed list of passages; results are positions in that list."""

    def __init__(self, bm25: bm25s.BM25) -> None:
        self._bm25 = bm25
        self._size = int(bm25.scores["num_docs"])
        self._vocabulary = bm25.vocab_dict
        document_frequency = np.diff(bm25.scores["indptr"])  # the score matrix has one column per term
        self._idf = {
            term: _idf(self._size, int(document_frequency[column]))
            for term, column in bm25.vocab_dict.items()
            if column < len(document_frequency)
        }
        self._max_idf = _idf(self._size, 0)

    @classmethod
    def build(cls, texts: Sequence[str]) -> LexicalIndex:
        import bm25s

        bm25 = bm25s.BM25()
        bm25.index([tokenize(t) or [_EMPTY] for t in texts] or [[_EMPTY]], show_progress=False)
        return cls(bm25)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(folder), show_progress=False))

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder), show_progress=False)

    def idf(self, term: str) -> float:
        """Inverse document frequency; unseen terms are as rare as can be."""
        return self._idf.get(term, self._max_idf)

    def holds(self, term: str) -> bool:
        """Whether some passage holds the term."""
        return term in self._vocabulary

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Best `k` positions with positive scores; `allowed` is a 0/1 mask over positions."""
        tokens = [t for t in tokenize(query) if t in self._vocabulary]
        if not tokens:
            return []
        k = min(k, self._size)
        ids, scores = self._bm25.retrieve([tokens], k=k, show_progress=False, weight_mask=allowed, n_threads=1)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if s > 0]


def _idf(documents: int, frequency: int) -> float:
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))
