"""Build the index: records → chunks → vectors → a new generation in the store, made live only when complete."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from filelock import FileLock, Timeout

from retrieval.chunking import PASSAGE_RULES, RECORD_RULES, RECORDS_CHANGED, RULES_CHANGED, chunk_record
from retrieval.embeddings import choose_model, embed_in_length_order, settings_vectors
from retrieval.errors import IndexBusy
from retrieval.loading import load_records
from retrieval.models import Chunk, IndexSummary, Record
from retrieval.passages import PassageCache, PassageTable
from retrieval.refs import make_ref
from retrieval.settings import RetrievalSettings
from retrieval.store import Generation, IndexStore, chunk_metadata, ensure_writable
from retrieval.transcript import strip_markup
from retrieval.turns import lead_with_speaker

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

log = logging.getLogger(__name__)

EMBED_BATCH = 64
LOCK_NAME = "index.lock"


@dataclass(frozen=True)
class IndexProgress:
    """Reported while indexing: `done` of `total` units of `stage` ("embedding" counts chunks)."""

    stage: str
    done: int
    total: int


ProgressCallback = Callable[[IndexProgress], None]


def embedding_text(chunk: Chunk) -> str:
    """What is embedded for a chunk: its text without transcript markup, led by its speaker if cut mid-turn."""
    return lead_with_speaker(" ".join(strip_markup(chunk.text).split()), chunk.turn)


class Indexer:
    """Indexes the data folder into the store, reusing the vectors of records that did not change."""

    def __init__(
        self,
        store: IndexStore,
        embeddings_for: Callable[[str], Embeddings],
        settings: RetrievalSettings,
        passages: PassageCache | None = None,
    ) -> None:
        self.store = store
        self.embeddings_for = embeddings_for
        self.settings = settings
        self.passages = passages or PassageCache(None)

    def run(self, full: bool = False, dry_run: bool = False, progress: ProgressCallback | None = None) -> IndexSummary:
        started = time.perf_counter()
        report = progress or (lambda _: None)
        with self._lock():
            summary = self._run(full, dry_run, report)
        summary.seconds = round(time.perf_counter() - started, 3)
        log.info("index: %s", summary.to_dict())
        return summary

    def _run(self, full: bool, dry_run: bool, report: ProgressCallback) -> IndexSummary:
        loaded = load_records(self.settings.data_dir, int(self.settings.max_file_mb * 1_000_000))
        report(IndexProgress("reading", len(loaded.records), len(loaded.records)))
        model = choose_model(self.settings.embedding_model, (record.text for record in loaded.records))
        live = self.store.active()
        live = live if live is not None and live.built_from(self.settings.data_dir) else None
        vectors = settings_vectors(model, self.settings)
        comparable = self._comparable_generation(live, vectors)
        old_hashes = (
            {info["meeting"]: info["content_hash"] for info in self.store.record_infos(live.name)} if live else {}
        )
        summary = _compare(loaded.records, old_hashes)
        summary.skipped = loaded.skipped
        summary.model, summary.vectors = model, vectors
        summary.dry_run = dry_run
        if live and not comparable:
            summary.embedded_again = self._why_embedded_again(live, vectors)
        elif live and live.record_rules != RECORD_RULES:
            summary.read_again = f"{RECORDS_CHANGED} (record rules {live.record_rules} → {RECORD_RULES})"
        if comparable and not summary.changes and not summary.read_again and not full:
            summary.chunks = comparable.chunks
            return summary
        if dry_run:
            return summary
        self._build(loaded.records, old_hashes, None if full else comparable, summary, report)
        return summary

    def _comparable_generation(self, live: Generation | None, vectors: str) -> Generation | None:
        """The live generation of this data folder, if cut at the same passage size and embedded the same way.

        Vectors made another way (another model, or MiniLM at another precision) are not mixed with new ones:
        every passage is embedded again.
        """
        same = (
            live is not None
            and live.chunk_chars == self.settings.chunk_chars
            and live.vectors == vectors
            and live.passage_rules == PASSAGE_RULES
        )
        return live if same else None

    def _why_embedded_again(self, live: Generation, vectors: str) -> str:
        if live.passage_rules != PASSAGE_RULES:
            return f"{RULES_CHANGED} (passage rules {live.passage_rules} → {PASSAGE_RULES})"
        if live.chunk_chars != self.settings.chunk_chars:
            return f"the passage size changed ({live.chunk_chars} → {self.settings.chunk_chars} characters)"
        before = live.vectors or f"{live.embedding_model}, precision not recorded"
        return f"the embedding changed ({before} → {vectors})"

    def _build(
        self,
        records: Sequence[Record],
        old_hashes: dict[str, str],
        reusable: Generation | None,
        summary: IndexSummary,
        report: ProgressCallback,
    ) -> None:
        name = self.store.new_generation_name()
        try:
            chunks = [chunk for record in records for chunk in chunk_record(record, self.settings.chunk_chars)]
            vectors = self._reusable_vectors(chunks, records, old_hashes, reusable)
            missing = [c for c in chunks if c.ref not in vectors]
            log.info("building %s: %d chunks, %d to embed", name, len(chunks), len(missing))
            embedded = self._embed(missing, summary.vectors, report)
            vectors.update(zip((c.ref for c in missing), embedded, strict=True))
            report(IndexProgress("storing", 0, len(chunks)))
            by_meeting = {r.meeting: r for r in records}
            self.store.add_records(name, records, Counter(c.meeting for c in chunks))
            metadatas = [chunk_metadata(c, by_meeting[c.meeting]) for c in chunks]
            self.store.add_chunks(name, chunks, [vectors[c.ref] for c in chunks], metadatas)
            self.passages.put(name, PassageTable.build([c.ref for c in chunks], metadatas, by_meeting))
            self.store.activate(
                Generation(
                    name=name,
                    built_at=time.time(),
                    data_dir=str(self.settings.data_dir.resolve()),
                    chunk_chars=self.settings.chunk_chars,
                    records=len(records),
                    chunks=len(chunks),
                    embedding_model=summary.model,
                    vectors=summary.vectors,
                    passage_rules=PASSAGE_RULES,
                    record_rules=RECORD_RULES,
                )
            )
        except BaseException:
            self.store.drop_generation(name)
            raise
        self.passages.keep_only(name)
        summary.chunks = len(chunks)
        summary.embedded = len(missing)

    def _reusable_vectors(
        self,
        chunks: Sequence[Chunk],
        records: Sequence[Record],
        old_hashes: dict[str, str],
        reusable: Generation | None,
    ) -> dict[str, np.ndarray]:
        """Vectors of the live index for every chunk whose record text did not change, even if renamed.

        Chunking is deterministic, so the same text cut at the same size gives the same spans.
        """
        if reusable is None:
            return {}
        meeting_of_hash = {content_hash: meeting for meeting, content_hash in old_hashes.items()}
        old_meeting = {r.meeting: meeting_of_hash[r.content_hash] for r in records if r.content_hash in meeting_of_hash}
        if not old_meeting:
            return {}
        stored = self.store.vectors_by_id(reusable.name, set(old_meeting.values()))
        reused = {}
        for chunk in chunks:
            if chunk.meeting in old_meeting:
                old_ref = make_ref(old_meeting[chunk.meeting], chunk.start_char, chunk.end_char)
                if old_ref in stored:
                    reused[chunk.ref] = stored[old_ref]
        return reused

    def _embed(self, chunks: Sequence[Chunk], vectors_of: str, report: ProgressCallback) -> np.ndarray:
        """Embed with the model that makes `vectors_of`, with progress reports; float32 rows in the input order.

        Identical texts (repeated boilerplate, a record copied under two names) are embedded once. Vectors are
        kept as float32 rows, not lists of Python floats (eight times the memory on a large corpus).
        """
        texts = [embedding_text(chunk) for chunk in chunks]
        unique = list(dict.fromkeys(texts))
        report(IndexProgress("embedding", 0, len(unique)))
        vectors = embed_in_length_order(
            unique,
            self.embeddings_for(vectors_of).embed_documents,
            EMBED_BATCH,
            lambda done: report(IndexProgress("embedding", done, len(unique))),
        )
        row_of = {text: row for row, text in enumerate(unique)}
        return vectors[[row_of[text] for text in texts]] if texts else vectors

    def _lock(self) -> AbstractContextManager[object]:
        """Hold the store's index lock for the run; another run, in any process, gets IndexBusy."""
        ensure_writable(self.settings.store)
        try:
            return FileLock(Path(self.settings.store) / LOCK_NAME).acquire(timeout=0)
        except Timeout:
            raise IndexBusy() from None


def _compare(records: Sequence[Record], old_hashes: dict[str, str]) -> IndexSummary:
    summary = IndexSummary()
    for record in records:
        old = old_hashes.get(record.meeting)
        bucket = summary.added if old is None else summary.unchanged if old == record.content_hash else summary.changed
        bucket.append(record.meeting)
    current = {r.meeting for r in records}
    summary.removed = sorted(m for m in old_hashes if m not in current)
    return summary
