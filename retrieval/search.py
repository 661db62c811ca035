"""Hybrid search: dense vectors (Chroma) and BM25, fused, filtered and diversified.

Choices measured on QMSum (benchmarks/README.md): framing words are dropped from the question; dense and BM25
scores are scaled to the best and mixed (better than reciprocal rank fusion here); passages where a speaker the
question names speaks are favoured; a passage next to one already chosen waits its turn, so the top five
show five places of the record rather than one place five times; and the passages returned are widened with
the sentences around them (retrieval/text/context.py).
"""

from __future__ import annotations

import difflib
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, NamedTuple

import numpy as np
from chromadb.errors import NotFoundError
from langchain_core.embeddings import Embeddings

from retrieval.answers.quotes import titles_holding
from retrieval.errors import ModelMismatch, NotIndexed, QuestionInAnotherLanguage, UnknownMeeting
from retrieval.formats.extract import anchors_within
from retrieval.formats.transcript import spelled_words
from retrieval.lexical import LexicalIndex, tokenize
from retrieval.models import Passage, Quote, Record
from retrieval.passages import PassageCache, PassageTable, speaker_list
from retrieval.questions.acts import ReportsAct, act_terms, every_act_asked, sentences_reporting
from retrieval.questions.query import (
    asks_about_everything,
    meeting_words,
    mentioned_speakers,
    reduce_question,
    speakers_asked_about,
    topic_words_as_written,
)
from retrieval.store import Generation, IndexStore, date_number, day_of_number
from retrieval.text.context import speakers_between, widen
from retrieval.text.language import mostly_latin
from retrieval.text.sections import Headings, headings_of
from retrieval.text.turns import speaker_at
from retrieval.text.vocabulary import is_ordinary_word

log = logging.getLogger(__name__)

Fusion = Literal["weighted", "rrf", "dense", "lexical"]
RRF_K = 60  # the usual reciprocal-rank-fusion constant (Cormack et al., 2009)
CLOSE_NAME = 0.8  # how alike (difflib ratio) a meeting id must be to one asked for to be suggested
WRITING_SAMPLE = 2000  # characters of a record that say what it is written in
ACT_MEETINGS = 10  # the latest meetings looked through for one that reports the act asked for ("What did we decide?")


@dataclass(frozen=True)
class SearchConfig:
    fusion: Fusion = "weighted"
    candidates: int = 200  # from each retriever, before fusion: deep enough that most candidates get both scores
    dense_weight: float = 0.6  # of the weighted fusion; BM25 gets the rest
    speaker_boost: float = 1.3  # score factor for passages where a speaker named in the question speaks
    neighbour_gap: int = 2  # passages this close to a better one in the same meeting are ranked after the others
    neighbour_wait: float = 0.5  # ...of other meetings, that score at least this share of theirs
    reduce_question: bool = True
    context_chars: int = 800  # returned passages grow by whole sentences around them up to this size; 0: as indexed


@dataclass(frozen=True)
class SearchFilter:
    """Which passages may be returned: one meeting, and/or meetings dated within [after, before]."""

    meeting: str | None = None
    after: date | None = None
    before: date | None = None

    def where(self) -> dict[str, Any] | None:
        """The same filter as a Chroma `where` clause."""
        clauses: list[dict[str, Any]] = []
        if self.meeting:
            clauses.append({"meeting": self.meeting})
        if self.after:
            clauses.append({"date_number": {"$gte": date_number(self.after)}})
        if self.before:
            clauses.append({"date_number": {"$lte": date_number(self.before)}})
        return None if not clauses else clauses[0] if len(clauses) == 1 else {"$and": clauses}


class RecordToSummarize(NamedTuple):
    """What a question that names no topic is asked of: the passages of one record, in reading order, how many
    meetings the filter allows (the record is the latest of them when several), and the speakers whose words are
    to be summed up ("What did Marketing say?"; none: everyone's, "Summarize the meeting."); or, asked for every
    report of an act, the act, and the people the reports are to name."""

    passages: list[Passage]
    meetings: int
    speakers: frozenset[str] = frozenset()
    act: ReportsAct | None = None  # the act whose every report is asked for ("What did we decide?"), if one
    # the record's sentences that report it (retrieval/questions/acts.py), found choosing it
    reported: tuple[Quote, ...] = ()


@dataclass
class SearchView:
    """One generation, ready to search: its records, BM25 index and passages' metadata (vectors stay in Chroma)."""

    generation: Generation
    lexical: LexicalIndex
    records: dict[str, Record]  # meeting id → record, whose text passages are cut from
    metadatas: list[dict[str, Any]]
    position_of: dict[str, int]
    sequence: np.ndarray  # each passage's position in reading order, meeting by meeting
    speakers: list[frozenset[str]]
    meeting_numbers: dict[str, int]  # meeting id → number, for the per-passage array below
    meeting_of: np.ndarray  # each passage's meeting number
    date_of: np.ndarray  # each passage's meeting date as YYYYMMDD, 0 when unknown
    all_speakers: frozenset[str]
    _headings: dict[str, Headings] = field(default_factory=dict)  # meeting id → its heading lines, read on first use
    _spelled: frozenset[str] | None = None  # the words transcripts spell letter by letter (L_C_D_), read on first use
    _latin: dict[int, bool] | None = None  # meeting number → whether its record is written in Latin letters

    def passages(self, positions: list[int], scores: dict[int, float], context_chars: int) -> list[Passage]:
        """The passages at `positions`, in order, each widened to `context_chars` without overlapping another."""
        claimed = {i: (self.metadatas[i]["start_char"], self.metadatas[i]["end_char"]) for i in positions}
        for i in positions:
            meeting = self.metadatas[i]["meeting"]
            start, end = claimed[i]
            others = [claimed[j] for j in positions if j != i and self.metadatas[j]["meeting"] == meeting]
            lower = max((other_end for other_start, other_end in others if other_end <= start), default=0)
            upper = min((other_start for other_start, _ in others if other_start >= end), default=None)
            claimed[i] = widen(self.records[meeting].text, start, end, context_chars, lower, upper)
        return [self._passage(i, *claimed[i], scores[i]) for i in positions]

    def record_passages(self, meeting_number: int) -> list[Passage]:
        """A meeting's passages as indexed, in reading order."""
        positions = np.flatnonzero(self.meeting_of == meeting_number).tolist()
        positions.sort(key=lambda i: self.metadatas[i]["start_char"])
        return [
            self._passage(i, self.metadatas[i]["start_char"], self.metadatas[i]["end_char"], 0.0) for i in positions
        ]

    def _passage(self, position: int, start: int, end: int, score: float) -> Passage:
        meta = self.metadatas[position]
        record = self.records[meta["meeting"]]
        text = record.text
        return Passage(
            meeting=record.meeting,
            source=record.source,
            start_char=start,
            end_char=end,
            start_line=meta["start_line"] - text.count("\n", start, meta["start_char"]),
            end_line=meta["end_line"] + text.count("\n", meta["end_char"], end),
            text=text[start:end],
            title=record.title,
            date=record.date,
            score=round(score, 6),
            speakers=speakers_between(text, start, end),
            anchors=tuple(anchors_within(record.anchors, start, end)),
            heading=self.headings(record).at(start),
            turn=speaker_at(text, start),
            opens_mid_line=bool(text[text.rfind("\n", 0, start) + 1 : start].strip()),
        )

    def words_not_held(self, words: Iterable[str]) -> list[str]:
        """Those of `words` that no record holds: no passage has their terms, and no transcript spells them out
        letter by letter ("LCD" is in a transcript that writes `L_C_D_`, which search reads as single letters)."""
        unheld = [word for word in words if (terms := tokenize(word)) and not any(map(self.lexical.holds, terms))]
        if unheld and self._spelled is None:  # read once, and only when a question names a word search lacks
            self._spelled = frozenset().union(*(spelled_words(record.text) for record in self.records.values()))
        return [word for word in unheld if self._spelled is None or word.lower() not in self._spelled]

    def headings(self, record: Record) -> Headings:
        """The heading lines of `record`, found on first use and kept (a record's text does not change)."""
        if record.meeting not in self._headings:
            self._headings[record.meeting] = headings_of(record.text, record.title)
        return self._headings[record.meeting]

    def meetings_written_as(self, text: str) -> list[int]:
        """The numbers of the meetings whose records are written as `text` is: mostly in Latin letters, or not
        (each record judged by its opening WRITING_SAMPLE characters, once)."""
        if self._latin is None:
            self._latin = {
                self.meeting_numbers[meeting]: mostly_latin(record.text[:WRITING_SAMPLE])
                for meeting, record in self.records.items()
            }
        latin = mostly_latin(text)
        return [meeting for meeting, written in self._latin.items() if written == latin]

    def mask(self, search_filter: SearchFilter) -> np.ndarray | None:
        """The filter as a 0/1 weight per passage, for BM25; None when everything is allowed."""
        if search_filter.where() is None:
            return None
        allowed = np.ones(len(self.meeting_of), dtype=bool)
        if search_filter.meeting:
            allowed &= self.meeting_of == self.meeting_numbers[search_filter.meeting]
        if search_filter.after:
            allowed &= self.date_of >= date_number(search_filter.after)
        if search_filter.before:
            allowed &= (self.date_of > 0) & (self.date_of <= date_number(search_filter.before))
        return allowed.astype(np.float32)


class HybridSearcher:
    """Searches the live generation; picks up a new one as soon as a reindex makes it live."""

    def __init__(
        self,
        store: IndexStore,
        embeddings_for: Callable[[str], Embeddings],
        config: SearchConfig | None = None,
        passages: PassageCache | None = None,
        required_model: str | None = None,
    ) -> None:
        """`embeddings_for` gives the model that made a generation's vectors, by name, to embed questions with.

        `required_model`, when set, is the model the settings name: an index built with another is an error.
        """
        self.store = store
        self.embeddings_for = embeddings_for
        self.required_model = required_model
        self.config = config or SearchConfig()
        self.passages = passages or PassageCache(None)
        self._view: SearchView | None = None
        self._reload = threading.Lock()

    def view(self) -> SearchView:
        active = self.store.active()
        if active is None:
            raise NotIndexed()
        with self._reload:
            if self._view is None or self._view.generation.name != active.name:
                self._view = self._load(active)
            return self._view

    def idf(self, term: str) -> float:
        """A term's inverse document frequency in the index last searched (no store round-trip)."""
        return (self._view or self.view()).lexical.idf(term)

    def words_not_indexed(self, question: str) -> list[str]:
        """The names, acronyms, rare terms and typos of a question's topic that no record of the index last searched
        holds ("Who is the new CFO?" → CFO, in a folder where no one wrote "CFO"). Not ordinary words
        (retrieval/text/vocabulary.py), which records may say otherwise ("responsible" for "owner"), nor the words of
        an act ("decide": "Decisions", "agreed"); English words only: a Chinese question's terms are dictionary
        words and character pairs, which a record may hold in other cuts."""
        words = [
            word for word in topic_words_as_written(question) if not is_ordinary_word(word) and not act_terms(word)
        ]
        return (self._view or self.view()).words_not_held(words)

    def similarity(self, question: str, texts: list[str]) -> list[float]:
        """Cosine similarity of meaning between the question and each text, by the model of the index last searched."""
        view = self._view or self.view()
        model = self.embeddings_for(view.generation.made_by)
        vectors = np.asarray(model.embed_documents(texts), dtype=np.float32)
        return (vectors @ np.asarray(model.embed_query(question), dtype=np.float32)).tolist()

    def search(self, question: str, k: int, search_filter: SearchFilter | None = None) -> list[Passage]:
        """The best `k` passages for `question` within `search_filter`, best first."""
        search_filter = search_filter or SearchFilter()
        try:
            return self._search(self.view(), question, k, search_filter)
        except NotFoundError:  # a reindex made a new generation live and dropped this one mid-question
            log.info("the index changed during a search; searching the new one")
            return self._search(self.view(), question, k, search_filter)

    def meeting_days(self) -> set[date]:
        """The days the indexed meetings are dated (an index built before dates were checked may hold a date that
        is no day, such as 2024-13-45: it is passed over)."""
        days = (day_of_number(number) for number in np.unique(self.view().date_of).tolist() if number)
        return {day for day in days if day is not None}

    def record_asked_about(self, question: str, search_filter: SearchFilter | None = None) -> RecordToSummarize | None:
        """The record a question that names no topic is asked of, to be summed up: for every report of an act
        ("What did we decide?", "What are Tom's action items?"), as a whole ("Summarize the meeting.", or naming
        it by its title: "What did the parks committee discuss?") or what the speakers it names said ("What did
        Marketing say?"); None when it names a topic."""
        view = self._view or self.view()
        titles = (record.title for record in view.records.values())  # read only for a question about an act
        if (act := every_act_asked(question, view.all_speakers, titles)) is not None:
            return self.record_to_summarize(search_filter, act.people, act.reports, act.titles, written_as=question)
        if asks_about_everything(question):
            return self.record_to_summarize(search_filter, written_as=question)
        if titled := titles_holding(meeting_words(question), (record.title for record in view.records.values())):
            return self.record_to_summarize(search_filter, titles=titled, written_as=question)
        speakers = speakers_asked_about(question, view.all_speakers)
        return self.record_to_summarize(search_filter, frozenset(speakers), written_as=question) if speakers else None

    def record_to_summarize(
        self,
        search_filter: SearchFilter | None = None,
        speakers: frozenset[str] = frozenset(),
        act: ReportsAct | None = None,
        titles: frozenset[str] = frozenset(),
        written_as: str | None = None,
    ) -> RecordToSummarize:
        """The passages of the meeting `search_filter` names (and one of `titles` titles, when given) or, when it
        allows several, of the latest dated one: with `act`, the latest of the ACT_MEETINGS latest that reports it
        (naming one of `speakers`, when given); else, or when none does, the latest where one of `speakers`
        speaks, when given. No passages when it allows several meetings and none of them has a date. Of several
        meetings, those whose records are written as the question `written_as` is (in Latin letters or in
        others) are asked, when there are such: "Who sent apologies?" asks about English minutes, "会议决定了什么？"
        about Chinese ones, in a folder that holds both."""
        search_filter = search_filter or SearchFilter()
        view = self.view()
        _check_meeting(view, search_filter)
        mask = view.mask(search_filter)
        allowed = np.arange(len(view.meeting_of)) if mask is None else np.flatnonzero(mask)
        if titles:
            titled = [view.meeting_numbers[m] for m, record in view.records.items() if record.title in titles]
            allowed = allowed[np.isin(view.meeting_of[allowed], titled)]
        if written_as is not None:
            alike = allowed[np.isin(view.meeting_of[allowed], view.meetings_written_as(written_as))]
            allowed = alike if len(alike) else allowed
        if act is not None:
            for meeting in _latest_first(view, allowed)[:ACT_MEETINGS]:
                passages = view.record_passages(meeting)
                if reported := sentences_reporting(passages, act, speakers):
                    meetings = len(np.unique(view.meeting_of[allowed]))
                    return RecordToSummarize(passages, meetings, speakers, act, tuple(reported))
        if speakers:
            allowed = np.array([i for i in allowed.tolist() if view.speakers[i] & speakers], dtype=np.int64)
        meetings = len(np.unique(view.meeting_of[allowed]))
        latest = _latest_first(view, allowed)
        passages = view.record_passages(latest[0]) if latest else []
        reported = sentences_reporting(passages, act, speakers) if act is not None and passages else []
        return RecordToSummarize(passages, meetings, speakers, act, tuple(reported))

    def _search(self, view: SearchView, question: str, k: int, search_filter: SearchFilter) -> list[Passage]:
        if self.required_model and view.generation.embedding_model != self.required_model:
            raise ModelMismatch(view.generation.embedding_model, self.required_model)
        _check_meeting(view, search_filter)
        query = reduce_question(question) if self.config.reduce_question else question
        dense = self._dense(view, query, search_filter) if self.config.fusion != "lexical" else {}
        lexical = self._lexical(view, query, search_filter) if self.config.fusion != "dense" else {}
        if not lexical and view.generation.embedding_model == "minilm" and not mostly_latin(question):
            # MiniLM cannot bridge the languages: the words a question shares with the records are all there is to
            # go on, its generic ones too ("会议在哪里召开？" shares only "会议" with minutes that say where)
            lexical = self._lexical(view, question, search_filter) if query != question else {}
            if not lexical:
                raise QuestionInAnotherLanguage()
        scores = self._fuse(dense, lexical)
        if named := mentioned_speakers(question, view.all_speakers):
            boost = self.config.speaker_boost
            scores = {i: s * (boost if named & view.speakers[i] else 1.0) for i, s in scores.items()}
        return view.passages(self._diversify(view, _ranking(scores), k, scores), scores, self.config.context_chars)

    def _dense(self, view: SearchView, query: str, search_filter: SearchFilter) -> dict[int, float]:
        vector = self.embeddings_for(view.generation.made_by).embed_query(query)
        found = self.store.nearest(view.generation.name, vector, self.config.candidates, search_filter.where())
        return {
            view.position_of[chunk_id]: similarity for chunk_id, similarity in found if chunk_id in view.position_of
        }

    def _lexical(self, view: SearchView, query: str, search_filter: SearchFilter) -> dict[int, float]:
        return dict(view.lexical.search(query, self.config.candidates, view.mask(search_filter)))

    def _fuse(self, dense: dict[int, float], lexical: dict[int, float]) -> dict[int, float]:
        if self.config.fusion == "rrf":
            return reciprocal_rank_fusion([_ranking(dense), _ranking(lexical)])
        weight = {"weighted": self.config.dense_weight, "dense": 1.0, "lexical": 0.0}[self.config.fusion]
        dense, lexical = _scaled(dense), _scaled(lexical)
        candidates = dense.keys() | lexical.keys()
        return {i: weight * dense.get(i, 0.0) + (1 - weight) * lexical.get(i, 0.0) for i in candidates}

    def _diversify(self, view: SearchView, ranked: list[int], k: int, scores: dict[int, float]) -> list[int]:
        """The best `k`, passing over passages within `neighbour_gap` of a chosen one for the others, but for those of
        other meetings that score under `neighbour_wait` of theirs: in a folder of short minutes, the half of a
        record next to its best passage comes before a passage of another record that shares a word with the
        question and no more, while within a meeting the top five still show five places."""
        chosen: list[int] = []
        deferred: list[int] = []
        gap = self.config.neighbour_gap
        for i in ranked:
            while deferred and len(chosen) < k and self._outranks(view, deferred[0], i, scores):
                chosen.append(deferred.pop(0))
            if len(chosen) == k:
                break
            near = any(
                view.meeting_of[i] == view.meeting_of[j] and abs(int(view.sequence[i]) - int(view.sequence[j])) <= gap
                for j in chosen
            )
            (deferred if near and gap else chosen).append(i)
            if len(chosen) == k:
                break
        return (chosen + deferred)[:k]

    def _outranks(self, view: SearchView, neighbour: int, other: int, scores: dict[int, float]) -> bool:
        """Whether a passage waiting behind its neighbour comes before `other`, of another meeting, scoring far less."""
        elsewhere = view.meeting_of[other] != view.meeting_of[neighbour]
        return bool(elsewhere) and scores[other] < self.config.neighbour_wait * scores[neighbour]

    def _load(self, generation: Generation) -> SearchView:
        log.info("loading index generation %s", generation.name)
        records = {record.meeting: record for record in self.store.iter_records(generation.name)}
        table = self.passages.get(generation.name, lambda: self._passage_table(generation.name, records))
        metadatas = table.metadatas
        meeting_numbers = {m: i for i, m in enumerate(sorted({meta["meeting"] for meta in metadatas}))}
        reading_order = sorted(
            range(len(metadatas)), key=lambda i: (metadatas[i]["meeting"], metadatas[i]["start_char"])
        )
        sequence = np.zeros(len(metadatas), dtype=np.int64)
        for number, i in enumerate(reading_order):
            sequence[i] = number
        speakers = [frozenset(speaker_list(meta)) for meta in metadatas]
        return SearchView(
            generation=generation,
            lexical=table.lexical,
            records=records,
            metadatas=metadatas,
            position_of={chunk_id: i for i, chunk_id in enumerate(table.ids)},
            sequence=sequence,
            speakers=speakers,
            meeting_numbers=meeting_numbers,
            meeting_of=np.array([meeting_numbers[meta["meeting"]] for meta in metadatas], dtype=np.int32),
            date_of=np.array([meta.get("date_number", 0) for meta in metadatas], dtype=np.int64),
            all_speakers=frozenset().union(*speakers),
        )

    def _passage_table(self, generation_name: str, records: dict[str, Record]) -> PassageTable:
        rows = list(self.store.iter_chunk_metadata(generation_name))
        return PassageTable.build([chunk_id for chunk_id, _ in rows], [meta for _, meta in rows], records)


def _check_meeting(view: SearchView, search_filter: SearchFilter) -> None:
    """Raise UnknownMeeting, with the likely meeting, when the filter names one the index does not hold."""
    if search_filter.meeting is not None and search_filter.meeting not in view.meeting_numbers:
        raise UnknownMeeting(search_filter.meeting, closest_name(search_filter.meeting, view.meeting_numbers))


def reciprocal_rank_fusion(rankings: list[list[int]], k: int = RRF_K) -> dict[int, float]:
    """Fuse rankings of positions: each contributes 1 / (k + rank)."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, position in enumerate(ranking, start=1):
            scores[position] = scores.get(position, 0.0) + 1.0 / (k + rank)
    return scores


def closest_name(name: str, names: Iterable[str]) -> str | None:
    """The name `name` most likely meant: the same but for case, else the closest in spelling, if any is close."""
    by_case = {known.casefold(): known for known in names}
    if name.casefold() in by_case:
        return by_case[name.casefold()]
    close = difflib.get_close_matches(name.casefold(), list(by_case), n=1, cutoff=CLOSE_NAME)
    return by_case[close[0]] if close else None


def _ranking(scores: dict[int, float]) -> list[int]:
    return sorted(scores, key=lambda i: -scores[i])


def _scaled(scores: dict[int, float]) -> dict[int, float]:
    """Scores divided by the best, negatives as 0: the same scale for cosine similarity and BM25.

    The floor is 0, not the worst candidate, so that a narrow band of dense similarities is not stretched to
    the whole range (both signals are near 0 for unrelated passages).
    """
    high = max(scores.values(), default=0.0)
    return {i: max(s, 0.0) / high if high > 0 else 0.0 for i, s in scores.items()}


def _latest_first(view: SearchView, allowed: np.ndarray) -> list[int]:
    """The meetings of the `allowed` passages, the latest dated first; the one meeting they are of, dated or not;
    none when they are of several and none of these has a date."""
    meetings = np.unique(view.meeting_of[allowed])
    if len(meetings) == 1:
        return [int(meetings[0])]
    days = {int(view.meeting_of[i]): int(view.date_of[i]) for i in allowed.tolist() if view.date_of[i] > 0}
    return sorted(days, key=lambda meeting: (days[meeting], meeting), reverse=True)
