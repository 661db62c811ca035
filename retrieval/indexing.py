"""Build the index: records → chunks → vectors → a new generation in the store, made live only when complete."""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from filelock import FileLock, Timeout

from retrieval.chunking import PASSAGE_RULES, RECORD_RULES, RECORDS_CHANGED, RULES_CHANGED, chunk_record
from retrieval.encoders.embeddings import choose_model, embed_in_length_order, settings_vectors
from retrieval.errors import IndexBusy
from retrieval.formats.transcript import strip_markup
from retrieval.loading import load_records
from retrieval.models import Chunk, IndexSummary, Record
from retrieval.passages import PassageCache, PassageTable
from retrieval.refs import make_ref
from retrieval.settings import RetrievalSettings
from retrieval.store import (
    EMBEDDED_KEY,
    SEARCH_BREADTH,
    Generation,
    IndexStore,
    chunk_metadata,
    ensure_writable,
)
from retrieval.text.turns import lead_with_speaker

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


class _ToEmbed(NamedTuple):
    """A chunk, the text embedded for it (`embedding_text`) and that text's digest (`embedded_digest`)."""

    chunk: Chunk
    text: str
    digest: str


def embedding_text(chunk: Chunk) -> str:
    """What is embedded for a chunk: its text without transcript markup, led by its speaker if cut mid-turn."""
    return lead_with_speaker(" ".join(strip_markup(chunk.text).split()), chunk.turn)


def embedded_digest(text: str) -> str:
    """A short digest of a text to embed: the same text gets the same vector from the same model."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


class Indexer:
    """Indexes the data folder into the store, reusing the vectors of passages whose text did not change."""

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
        if live and live.vectors != vectors:
            before = live.vectors or f"{live.embedding_model}, precision not recorded"
            summary.embedded_again = f"the embedding changed ({before} → {vectors})"
        if live and not comparable:
            summary.cut_again = self._why_cut_again(live)
        elif live and live.record_rules != RECORD_RULES:
            summary.read_again = f"{RECORDS_CHANGED} (record rules {live.record_rules} → {RECORD_RULES})"
        if comparable and not summary.changes and not summary.read_again and not full:
            summary.chunks = comparable.chunks
            if not dry_run and self.store.widen_search(comparable.name):
                log.info("index: the passages of %s are now searched %d wide", comparable.name, SEARCH_BREADTH)
            return summary
        reusable = live if live and live.vectors == vectors and not full else None
        cut = self._cut(loaded.records)
        # Cut the same way, an unchanged record gives the chunks it gave: a generation stored without digests
        # (before 2026-11-29) names them by their old ids.
        undigested = _old_ids(cut, loaded.records, old_hashes) if comparable and not full else {}
        stored = self._stored_ids(reusable, {piece.digest for piece in cut}, undigested)
        if dry_run:  # cut, not embedded: how many passages would need a vector
            summary.chunks, summary.embedded = len(cut), sum(piece.digest not in stored for piece in cut)
            return summary
        self._build(loaded.records, cut, self._stored_vectors(reusable, stored), summary, report)
        return summary

    def _comparable_generation(self, live: Generation | None, vectors: str) -> Generation | None:
        """The live generation of this data folder, if cut the same way and embedded the same way: a folder whose
        records did not change then needs no new build."""
        same = (
            live is not None
            and live.chunk_chars == self.settings.chunk_chars
            and live.vectors == vectors
            and live.passage_rules == PASSAGE_RULES
        )
        return live if same else None

    def _why_cut_again(self, live: Generation) -> str:
        if live.passage_rules != PASSAGE_RULES:
            return f"{RULES_CHANGED} (passage rules {live.passage_rules} → {PASSAGE_RULES})"
        if live.chunk_chars != self.settings.chunk_chars:
            return f"the passage size changed ({live.chunk_chars} → {self.settings.chunk_chars} characters)"
        return ""

    def _build(
        self,
        records: Sequence[Record],
        cut: Sequence[_ToEmbed],
        vectors: dict[str, np.ndarray],
        summary: IndexSummary,
        report: ProgressCallback,
    ) -> None:
        """Make a generation of `cut` live, embedding the texts `vectors` (by digest) has no vector for."""
        name = self.store.new_generation_name()
        try:
            chunks, digests = [piece.chunk for piece in cut], [piece.digest for piece in cut]
            missing = [piece for piece in cut if piece.digest not in vectors]
            log.info("building %s: %d chunks, %d to embed", name, len(chunks), len(missing))
            embedded = self._embed([piece.text for piece in missing], summary.vectors, report)
            vectors.update(zip((piece.digest for piece in missing), embedded, strict=True))
            report(IndexProgress("storing", 0, len(chunks)))
            by_meeting = {r.meeting: r for r in records}
            self.store.add_records(name, records, Counter(c.meeting for c in chunks))
            metadatas = [chunk_metadata(c, by_meeting[c.meeting], d) for c, d in zip(chunks, digests, strict=True)]
            self.store.add_chunks(name, chunks, [vectors[d] for d in digests], metadatas)
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

    def _cut(self, records: Sequence[Record]) -> list[_ToEmbed]:
        """The records' chunks, each with the text embedded for it and that text's digest."""
        chunks = [chunk for record in records for chunk in chunk_record(record, self.settings.chunk_chars)]
        texts = [embedding_text(chunk) for chunk in chunks]
        return [_ToEmbed(chunk, text, embedded_digest(text)) for chunk, text in zip(chunks, texts, strict=True)]

    def _stored_vectors(self, reusable: Generation | None, stored: dict[str, str]) -> dict[str, np.ndarray]:
        """The vectors of the chunks of `reusable` that `stored` names, by digest."""
        vectors = self.store.vectors_by_id(reusable.name, list(stored.values())) if reusable and stored else {}
        return {digest: vectors[chunk_id] for digest, chunk_id in stored.items()}

    def _stored_ids(self, reusable: Generation | None, digests: set[str], undigested: dict[str, str]) -> dict[str, str]:
        """By digest, the id of a chunk of `reusable` whose vector was made from the text of that digest.

        A passage whose text to embed is unchanged keeps its vector, wherever it now lies: in a renamed or edited
        record, or cut by newer rules that read its text the same way. A chunk stored without its digest has it
        in `undigested`, by id, when known.
        """
        stored_as: dict[str, str] = {}
        for chunk_id, metadata in self.store.iter_chunk_metadata(reusable.name) if reusable else ():
            digest = metadata.get(EMBEDDED_KEY) or undigested.get(chunk_id)
            if digest in digests:
                stored_as.setdefault(digest, chunk_id)
        return stored_as

    def _embed(self, texts: Sequence[str], vectors_of: str, report: ProgressCallback) -> np.ndarray:
        """Embed with the model that makes `vectors_of`, with progress reports; float32 rows in the input order.

        Identical texts (repeated boilerplate, a record copied under two names) are embedded once. Vectors are
        kept as float32 rows, not lists of Python floats (eight times the memory on a large corpus).
        """
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


def _old_ids(cut: Sequence[_ToEmbed], records: Sequence[Record], old_hashes: dict[str, str]) -> dict[str, str]:
    """The digest of each chunk of a record whose text did not change, by the id its chunk had in the live index
    (under the record's old name, if it was renamed): cut by the same rules, the same text gives the same chunks."""
    old_name = {content_hash: meeting for meeting, content_hash in old_hashes.items()}
    renamed = {record.meeting: old_name[record.content_hash] for record in records if record.content_hash in old_name}
    return {
        make_ref(renamed[piece.chunk.meeting], piece.chunk.start_char, piece.chunk.end_char): piece.digest
        for piece in cut
        if piece.chunk.meeting in renamed
    }
