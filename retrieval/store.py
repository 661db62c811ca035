"""The Chroma store: passages with their vectors, record texts, and which build of the index is live.

Each index build writes a new *generation* (a pair of collections) and becomes live only when complete, by one
write to a catalog collection; readers follow the catalog, so nobody ever sees a half-built index.
"""

from __future__ import annotations

import functools
import json
import logging
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import chromadb
import httpx
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.api.types import GetResult
from chromadb.config import Settings as ChromaSettings

from retrieval.errors import StoreNotWritable, StoreUnavailable
from retrieval.models import Chunk, Record
from retrieval.settings import RetrievalSettings

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")
ACTIVE_ID = "active"
EMBEDDED_KEY = "embedded"  # a chunk's metadata: the digest of the text its vector was made from
PLACEHOLDER_VECTOR = [0.0]  # catalog and record entries are looked up by id, never by similarity
GET_PAGE = 5000
# Chroma's writes hold Python's GIL until they return: written in small batches, an index build in a worker thread
# leaves the event loop of a bot serving questions meanwhile free to run between them (benchmarks/README.md).
WRITE_BATCH = 64  # passages per write
RECORD_WRITE_BATCH = 8  # whole records per write
RECORD_PAGE = 100  # records are whole texts: fewer per page
# How widely HNSW searches the passages' graph (Chroma's ef_search). At Chroma's default, 100, below the 200
# candidates search asks for, the nearest passages of a question differed from one build of the same records to the
# next, and an answer could change after a reindex that changed nothing; at 800 they are those an exact search finds
# (recall 0.999 on 3,796 passages), in the same time (benchmarks/README.md).
SEARCH_BREADTH = 800


@dataclass(frozen=True)
class Generation:
    """One complete build of the index, as recorded in the catalog."""

    name: str
    built_at: float
    data_dir: str
    chunk_chars: int
    records: int
    chunks: int
    embedding_model: str = "minilm"  # indexes built before the model was recorded used MiniLM
    vectors: str | None = None  # embeddings.vectors_made_by of its passages; None: built before this was recorded
    passage_rules: int = 1  # chunking.PASSAGE_RULES it was cut by; 1: built before this was recorded
    record_rules: int = 0  # chunking.RECORD_RULES its titles and dates were read by; 0: built before this was recorded

    @classmethod
    def from_json(cls, text: str) -> Generation:
        """The generation as the catalog records it; what a newer minutebot recorded besides is ignored."""
        known = {field.name for field in fields(cls)}
        return cls(**{key: value for key, value in json.loads(text).items() if key in known})

    @property
    def made_by(self) -> str:
        """What made its vectors, to embed questions alike: `vectors`, or for an older index its model's name."""
        return self.vectors or self.embedding_model

    def built_from(self, data_dir: Path) -> bool:
        """True when this generation indexes `data_dir` (compared as resolved paths)."""
        return self.data_dir == str(data_dir.resolve())


def reaching_the_server(method: Callable[P, R]) -> Callable[P, R]:
    """A store call that may go to a Chroma server: a server that stopped answering is StoreUnavailable.

    Nothing is cached about the connection, so the next call after the server is back simply works.
    """

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except httpx.TransportError as error:
            raise StoreUnavailable(
                f"The index is unavailable: its Chroma server does not answer ({error}). "
                "Questions are answered again as soon as it is back."
            ) from error

    return call


def chunks_collection(generation_name: str) -> str:
    return f"{generation_name}_chunks"


def records_collection(generation_name: str) -> str:
    return f"{generation_name}_records"


def open_client(settings: RetrievalSettings) -> ClientAPI:
    """A Chroma server client when CHROMA_HOST is set, else a persistent store in the store folder."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
            client.heartbeat()
        except Exception as error:  # chromadb raises several types for an unreachable server
            raise StoreUnavailable(
                f"Cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} ({error})."
            ) from error
        return client
    ensure_writable(settings.store)
    return chromadb.PersistentClient(path=str(settings.store), settings=chroma_settings)


def ensure_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{uuid.uuid4().hex}"
        probe.touch()
        probe.unlink()
    except OSError as error:
        raise StoreNotWritable(folder, error.strerror or str(error)) from None


class IndexStore:
    """Generations of the index in one Chroma client, under a collection-name prefix."""

    def __init__(self, client: ClientAPI, prefix: str) -> None:
        self.client = client
        self.prefix = prefix
        self._catalog = client.get_or_create_collection(f"{prefix}_catalog", embedding_function=None)

    # -- the live generation -------------------------------------------------------------------------------
    @reaching_the_server
    def active(self) -> Generation | None:
        found = self._catalog.get(ids=[ACTIVE_ID], include=["documents"])
        if not found["ids"]:
            return None
        return Generation.from_json(found["documents"][0])

    @reaching_the_server
    def activate(self, generation: Generation) -> None:
        """Make `generation` live in one write, then drop every other generation."""
        self._catalog.upsert(
            ids=[ACTIVE_ID], embeddings=[PLACEHOLDER_VECTOR], documents=[json.dumps(asdict(generation))]
        )
        self.drop_generations(keep=generation.name)

    @reaching_the_server
    def drop_generations(self, keep: str | None) -> None:
        """Delete the collections of every generation but `keep` (also leftovers of an interrupted build)."""
        for name in self._collection_names():
            if name.startswith(f"{self.prefix}_gen") and not name.startswith(f"{keep}_"):
                self._drop(name)

    @reaching_the_server
    def drop_generation(self, generation_name: str) -> None:
        for name in self._collection_names():
            if name.startswith(f"{generation_name}_"):
                self._drop(name)

    @reaching_the_server
    def generation_names(self) -> set[str]:
        """Every generation with collections in the store, live or left by an interrupted build."""
        return {name.rsplit("_", 1)[0] for name in self._collection_names() if name.startswith(f"{self.prefix}_gen")}

    def _collection_names(self) -> list[str]:
        return [getattr(c, "name", c) for c in self.client.list_collections()]

    def _drop(self, collection_name: str) -> None:
        log.info("dropping collection %s", collection_name)
        self.client.delete_collection(collection_name)

    # -- building --------------------------------------------------------------------------------------------
    def new_generation_name(self) -> str:
        return f"{self.prefix}_gen{time.strftime('%Y%m%d%H%M%S')}{uuid.uuid4().hex[:6]}"

    @reaching_the_server
    def chunks(self, generation_name: str) -> Collection:
        return self.client.get_or_create_collection(
            chunks_collection(generation_name),
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine", "ef_search": SEARCH_BREADTH}},
        )

    @reaching_the_server
    def widen_search(self, generation_name: str) -> bool:
        """Give a generation built with another search breadth (before SEARCH_BREADTH was set) this one; whether it
        had another. A process that has searched it already searches at the old breadth until it restarts."""
        collection = self.client.get_collection(chunks_collection(generation_name))
        hnsw = collection.configuration.get("hnsw") or {}
        if hnsw.get("ef_search", SEARCH_BREADTH) == SEARCH_BREADTH:
            return False
        collection.modify(configuration={"hnsw": {"ef_search": SEARCH_BREADTH}})
        return True

    @reaching_the_server
    def records(self, generation_name: str) -> Collection:
        return self.client.get_or_create_collection(records_collection(generation_name), embedding_function=None)

    @reaching_the_server
    def add_chunks(
        self,
        generation_name: str,
        chunks: Sequence[Chunk],
        embeddings: Sequence[np.ndarray],
        metadatas: Sequence[dict[str, Any]],
    ) -> None:
        collection = self.chunks(generation_name)
        for batch in _batches(list(range(len(chunks))), min(WRITE_BATCH, self.client.get_max_batch_size())):
            collection.add(
                ids=[chunks[i].ref for i in batch],
                embeddings=np.stack([embeddings[i] for i in batch]),
                documents=[chunks[i].text for i in batch],
                metadatas=[metadatas[i] for i in batch],
            )

    @reaching_the_server
    def add_records(self, generation_name: str, records: Sequence[Record], chunk_counts: dict[str, int]) -> None:
        collection = self.records(generation_name)
        for batch in _batches(list(records), min(RECORD_WRITE_BATCH, self.client.get_max_batch_size())):
            collection.add(
                ids=[r.meeting for r in batch],
                embeddings=[PLACEHOLDER_VECTOR] * len(batch),
                documents=[r.text for r in batch],
                metadatas=[
                    {
                        "title": r.title,
                        "date": r.date or "",
                        "source": r.source,
                        "content_hash": r.content_hash,
                        "chunks": chunk_counts[r.meeting],
                        "anchors": json.dumps(r.anchors),
                    }
                    for r in batch
                ],
            )

    # -- reading ---------------------------------------------------------------------------------------------
    def iter_chunk_metadata(self, generation_name: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every stored chunk's id and metadata (its text is a slice of its record's), page by page."""
        for page in _pages(self.chunks(generation_name), ["metadatas"], GET_PAGE):
            yield from zip(page["ids"], page["metadatas"], strict=True)

    @reaching_the_server
    def nearest(
        self, generation_name: str, vector: Sequence[float], k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """Ids and cosine similarities of the `k` chunks nearest to `vector` (ids only: readers hold the texts).

        Raises chromadb's NotFoundError when the generation has been dropped meanwhile.
        """
        collection = self.client.get_collection(chunks_collection(generation_name))
        found = collection.query(query_embeddings=[list(vector)], n_results=k, where=where, include=["distances"])
        return [
            (chunk_id, 1.0 - distance)
            for chunk_id, distance in zip(found["ids"][0], found["distances"][0], strict=True)
        ]

    def vectors_by_id(self, generation_name: str, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of `chunk_ids`, by chunk id, as float32 rows, fetched a page at a time."""
        collection = self.chunks(generation_name)
        vectors = {}
        for batch in _batches(list(chunk_ids), GET_PAGE):
            found = reaching_the_server(collection.get)(ids=batch, include=["embeddings"])
            for chunk_id, vector in zip(found["ids"], found["embeddings"], strict=True):
                vectors[chunk_id] = np.asarray(vector, dtype=np.float32)
        return vectors

    @reaching_the_server
    def record(self, generation_name: str, meeting: str) -> Record | None:
        found = self.records(generation_name).get(ids=[meeting], include=["documents", "metadatas"])
        if not found["ids"]:
            return None
        return _record_from(meeting, found["documents"][0], found["metadatas"][0])

    def iter_records(self, generation_name: str) -> Iterator[Record]:
        """Every stored record, with its text, page by page."""
        for page in _pages(self.records(generation_name), ["documents", "metadatas"], RECORD_PAGE):
            for meeting, text, metadata in zip(page["ids"], page["documents"], page["metadatas"], strict=True):
                yield _record_from(meeting, text, metadata)

    @reaching_the_server
    def record_infos(self, generation_name: str) -> list[dict[str, Any]]:
        """Metadata of every record (without its text), with its meeting id."""
        return [
            {"meeting": meeting, **meta}
            for page in _pages(self.records(generation_name), ["metadatas"], GET_PAGE)
            for meeting, meta in zip(page["ids"], page["metadatas"], strict=True)
        ]


def chunk_metadata(chunk: Chunk, record: Record, embedded: str) -> dict[str, Any]:
    """What is stored with a chunk: what search filters and ranks on (text, title and anchors come from its record),
    and `embedded`, the digest of the text its vector was made from (indexing.embedded_digest)."""
    return {
        "meeting": chunk.meeting,
        "date_number": date_number(record.date),
        "start_char": chunk.start_char,
        "end_char": chunk.end_char,
        "start_line": chunk.start_line,
        "end_line": chunk.end_line,
        "speakers": "\n".join(chunk.speakers),
        EMBEDDED_KEY: embedded,
    }


def date_number(day: date | str | None) -> int:
    """A date as YYYYMMDD (Chroma compares numbers, not strings); 0 when unknown."""
    if not day:
        return 0
    return int(str(day).replace("-", ""))


def day_of_number(number: int) -> date | None:
    """The day a YYYYMMDD number (`date_number`) stands for, if it is one (an index built before dates were
    checked may hold 20240230)."""
    try:
        return date(number // 10000, number // 100 % 100, number % 100)
    except ValueError:
        return None


def _record_from(meeting: str, text: str, metadata: dict[str, Any]) -> Record:
    return Record(
        meeting=meeting,
        title=metadata["title"],
        date=metadata["date"] or None,
        source=metadata["source"],
        text=text,
        content_hash=metadata["content_hash"],
        anchors=tuple((offset, label) for offset, label in json.loads(metadata.get("anchors", "[]"))),
    )


def _pages(collection: Collection, include: list[str], size: int) -> Iterator[GetResult]:
    """A whole collection, `size` entries at a time (one `get` of everything can exhaust memory)."""
    offset = 0
    while (page := reaching_the_server(collection.get)(include=include, limit=size, offset=offset))["ids"]:
        yield page
        offset += len(page["ids"])


def _batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
