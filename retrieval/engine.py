"""The retrieval core behind one object, built once and shared by the CLI and the Discord bot."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import date
from functools import cache, cached_property
from typing import TYPE_CHECKING

from retrieval.chunking import PASSAGE_RULES, RECORD_RULES, RECORDS_CHANGED, RULES_CHANGED
from retrieval.citing import cite
from retrieval.encoders.embeddings import minilm_folder, settings_vectors, vectors_made_by
from retrieval.errors import EmptyDateRange, IndexModelChanged, NotIndexed, UnknownRef
from retrieval.models import Answer, Citation, IndexSummary, MeetingInfo, Passage, joined_notes
from retrieval.passages import PassageCache
from retrieval.questions.days import meeting_days_named
from retrieval.refs import parse_ref
from retrieval.settings import RetrievalSettings
from retrieval.store import Generation, IndexStore, open_client

if TYPE_CHECKING:  # imported where first used: `index`, `meetings` and `cite` need neither search nor LangChain
    from langchain_core.embeddings import Embeddings
    from langchain_core.language_models import BaseChatModel
    from langchain_core.runnables import Runnable

    from retrieval.answering import Question
    from retrieval.indexing import ProgressCallback
    from retrieval.search import HybridSearcher

log = logging.getLogger(__name__)

NO_MEETING_ON = "No meeting in the index has a date {when}, so the question was asked of every meeting."
NO_MEETING_DATED = "No meeting in the index has a date, so the question was asked of every meeting."
NOT_IN_RECORDS = "No record uses {words}: this answer is only the closest match."
DAY_TAKEN = "Asked of the {meetings} held on {days}."  # when the question named the day in part: "Monday's meeting"
PASSAGES_FOLDER = "passages"  # in the store folder, by collection prefix: passage tables (retrieval/passages.py)


class Minutebot:
    """Index, ask, cite and list meetings. The embedding model loads on first need, once."""

    def __init__(self, settings: RetrievalSettings, embeddings: Embeddings | None = None) -> None:
        """`embeddings`, if given, is the MiniLM model already loaded (tests and benchmarks share one)."""
        self.settings = settings
        self.store = IndexStore(open_client(settings), settings.collection)
        self.passages = PassageCache(settings.store / PASSAGES_FOLDER / settings.collection)
        self._models: dict[str, Embeddings] = {self._minilm_vectors: embeddings} if embeddings is not None else {}
        self._loading = threading.Lock()

    def embeddings_for(self, vectors: str) -> Embeddings:
        """The model that makes `vectors` (see embeddings.vectors_made_by), loaded on first need, once.

        Raises IndexModelChanged when the settings no longer name the model folder that made `vectors`.
        """
        vectors = self._as_recorded(vectors)
        with self._loading:
            if vectors not in self._models:
                self._models[vectors] = self._load_model(vectors)
            return self._models[vectors]

    @cached_property
    def _minilm_vectors(self) -> str:
        """The vectors MiniLM makes as the settings run it (worked out once: it is asked on every question)."""
        return settings_vectors("minilm", self.settings)

    def _as_recorded(self, vectors: str) -> str:
        """A bare "minilm" (indexes built before their vectors were recorded, when MiniLM was never tuned) as the
        vectors it stands for: MINUTEBOT_MODEL_PATH's folder or the published MiniLM, run as the settings say."""
        if vectors != "minilm":
            return vectors
        return vectors_made_by("minilm", self.settings.embedding_backend, self.settings.model_path)

    def _other_model(self, generation: Generation) -> bool:
        """True when MiniLM as the settings give it is another model than the one that embedded `generation`."""
        return generation.embedding_model == "minilm" and not self._same_minilm(self._as_recorded(generation.made_by))

    def _same_minilm(self, vectors: str) -> bool:
        """Whether `vectors` come from the model folder the settings give (at either precision)."""
        return vectors.rsplit("-", 1)[0] == self._minilm_vectors.rsplit("-", 1)[0]

    def _load_model(self, vectors: str) -> Embeddings:
        from retrieval.encoders.embeddings import build_embeddings

        if vectors == "e5":
            from retrieval.encoders.e5_encoder import E5Encoder

            return E5Encoder()
        settings = self.settings
        ours = self._minilm_vectors
        if not self._same_minilm(vectors):
            raise IndexModelChanged(vectors, ours)
        precision = vectors.rsplit("-", 1)[1]
        backend = settings.embedding_backend if vectors == ours else "onnx-int8" if precision == "int8" else "onnx"
        return build_embeddings(minilm_folder(settings), backend, settings.model_cache)

    @cached_property
    def searcher(self) -> HybridSearcher:
        from retrieval.search import HybridSearcher, SearchConfig

        config = SearchConfig(context_chars=self.settings.context_chars)
        required = None if self.settings.embedding_model == "auto" else self.settings.embedding_model
        return HybridSearcher(self.store, self.embeddings_for, config, self.passages, required_model=required)

    @cached_property
    def answer_chain(self) -> Runnable[Question, Answer]:
        """Extractive by default; grounded LLM answers when MINUTEBOT_LLM names a chat model."""
        from retrieval.answering import build_extractive_chain
        from retrieval.grounding import build_grounded_chain

        searcher = self.searcher
        if self.settings.llm:
            return build_grounded_chain(self._retrieve, searcher.idf, self._chat_model, searcher.record_asked_about)
        return build_extractive_chain(self._retrieve, searcher.idf, searcher.similarity, searcher.record_asked_about)

    @cache  # noqa: B019 - one chat model per core, built on first use; the core lives as long as the process
    def _chat_model(self) -> BaseChatModel:
        from retrieval.answers.chat import build_chat_model

        return build_chat_model(self.settings.llm or "", self.settings.llm_timeout)

    def index(
        self, full: bool = False, dry_run: bool = False, progress: ProgressCallback | None = None
    ) -> IndexSummary:
        from retrieval.indexing import Indexer

        indexer = Indexer(self.store, self.embeddings_for, self.settings, self.passages)
        return indexer.run(full=full, dry_run=dry_run, progress=progress)

    def needs_index(self) -> str | None:
        """Why the records must be indexed before a question can be answered, or None when they need not be."""
        active = self.store.active()
        if active is None:
            return "first use"
        if not active.built_from(self.settings.data_dir):
            return "the index holds another data folder"
        if self._other_model(active):
            return "the embedding model changed"
        if active.passage_rules != PASSAGE_RULES:
            return RULES_CHANGED
        if active.record_rules != RECORD_RULES:
            return RECORDS_CHANGED
        return None

    def ask(
        self,
        question: str,
        top_k: int | None = None,
        meeting: str | None = None,
        after: date | None = None,
        before: date | None = None,
        history: tuple[tuple[str, str], ...] = (),
        asked_on: date | None = None,
    ) -> Answer:
        """Answer with verbatim quotes from the best passages, optionally within one meeting or a date range.

        `history` holds the earlier (question, answer) pairs of a conversation, for follow-up questions.
        `asked_on` is the day "yesterday's meeting" is counted from (default: today, in MINUTEBOT_TIMEZONE).
        """
        from retrieval.answering import Question
        from retrieval.search import SearchFilter

        if after and before and after > before:
            raise EmptyDateRange(after, before)
        note = None
        asked = question
        if meeting is None and after is None and before is None:
            asked, after, before, note = self._keep_to_days_named(question, asked_on or self.settings.today())
        search_filter = SearchFilter(meeting=meeting, after=after, before=before)
        answer = self.answer_chain.invoke(Question(asked, top_k or self.settings.top_k, search_filter, history))
        if not answer.by_meaning:  # whose note says more: no sentence shares a word with the question
            note = joined_notes(note, self._words_not_indexed(asked))
        return replace(answer, question=question, note=joined_notes(note, answer.note))

    def _words_not_indexed(self, question: str) -> str | None:
        """A note naming the words of the question's topic that no record holds (a typo, or a subject no one wrote
        about): the answer is only the closest match then."""
        words = self.searcher.words_not_indexed(question)
        if not words:
            return None
        quoted = [f"“{word}”" for word in dict.fromkeys(words)]
        listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
        return NOT_IN_RECORDS.format(words=f"the word{'s' if len(quoted) > 1 else ''} {listed}")

    def _keep_to_days_named(self, question: str, today: date) -> tuple[str, date | None, date | None, str | None]:
        """The question without the meeting days it names ("What was decided at Monday's meeting?"), the range
        of indexed days they name (after, before), and a note: which days were taken when the question named
        them in part, or that no meeting was held then."""
        named = meeting_days_named(question, today)
        if not named:
            return question, None, None, None  # the index's days are not read: a round trip every question would pay
        indexed = self.searcher.meeting_days()
        held = named.held(indexed)
        if not held:
            note = NO_MEETING_ON.format(when=named.described()) if indexed else NO_MEETING_DATED
            return named.rest, None, None, note
        taken = " and ".join(map(str, sorted(held)))
        note = DAY_TAKEN.format(meetings="meetings" if len(held) > 1 else "meeting", days=taken)
        return named.rest, min(held), max(held), note if named.partial else None

    def cite(self, ref: str) -> Citation:
        parsed = parse_ref(ref)
        record = self.store.record(self._active().name, parsed.meeting)
        if record is None:
            raise UnknownRef(ref)
        return cite(record, parsed, ref)

    def meetings(self) -> list[MeetingInfo]:
        infos = self.store.record_infos(self._active().name)
        return sorted(
            (MeetingInfo(i["meeting"], i["title"], i["date"] or None, i["source"], i["chunks"]) for i in infos),
            key=lambda m: (m.date or "", m.meeting),
        )

    def status(self) -> Generation | None:
        return self.store.active()

    def _active(self) -> Generation:
        active = self.store.active()
        if active is None:
            raise NotIndexed()
        return active

    def _retrieve(self, question: Question) -> list[Passage]:
        return self.searcher.search(question.search_text, question.top_k, question.search_filter)
