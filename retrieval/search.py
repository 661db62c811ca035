"""Hybrid search: dense vectors (Chroma through LangChain) and BM25, fused by reciprocal rank."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from retrieval.errors import NotIndexed, UnknownMeeting
from retrieval.lexical import LexicalIndex
from retrieval.models import Passage
from retrieval.store import Generation, IndexStore

log = logging.getLogger(__name__)

CANDIDATES = 50  # from each retriever, before fusion
RRF_K = 60  # the usual reciprocal-rank-fusion constant (Cormack et al., 2009)


@dataclass
class SearchView:
    """One generation, ready to search: its vector store, its BM25 index and its passages' metadata."""

    generation: Generation
    vectors: Chroma
    lexical: LexicalIndex
    documents: list[str]
    metadatas: list[dict[str, Any]]
    meetings: dict[str, np.ndarray]  # meeting id → 0/1 mask over positions
    position_of: dict[str, int]

    def passage(self, position: int, score: float) -> Passage:
        meta = self.metadatas[position]
        return Passage(
            meeting=meta["meeting"],
            source=meta["source"],
            start_char=meta["start_char"],
            end_char=meta["end_char"],
            start_line=meta["start_line"],
            end_line=meta["end_line"],
            text=self.documents[position],
            title=meta["title"],
            date=meta["date"] or None,
            score=round(score, 6),
            speakers=tuple(filter(None, meta["speakers"].split("\n"))),
        )


class HybridSearcher:
    """Searches the live generation; picks up a new one as soon as a reindex makes it live."""

    def __init__(self, store: IndexStore, embeddings: Embeddings) -> None:
        self.store = store
        self.embeddings = embeddings
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

    def search(self, query: str, k: int, meeting: str | None = None) -> list[Passage]:
        view = self.view()
        if meeting is not None and meeting not in view.meetings:
            raise UnknownMeeting(meeting)
        mask = view.meetings[meeting] if meeting else None
        vector = self.embeddings.embed_query(query)
        dense = view.vectors.similarity_search_by_vector_with_relevance_scores(
            vector, k=CANDIDATES, filter={"meeting": meeting} if meeting else None
        )
        dense_ranking = [view.position_of[doc.id] for doc, _ in dense if doc.id in view.position_of]
        lexical_ranking = [i for i, _ in view.lexical.search(query, CANDIDATES, mask)]
        fused = reciprocal_rank_fusion([dense_ranking, lexical_ranking])
        return [view.passage(i, score) for i, score in fused[:k]]

    def _load(self, generation: Generation) -> SearchView:
        log.info("loading index generation %s", generation.name)
        rows = list(self.store.iter_chunks(generation.name))
        ids = [row["id"] for row in rows]
        metadatas = [row["metadata"] for row in rows]
        meetings: dict[str, np.ndarray] = {}
        for i, meta in enumerate(metadatas):
            meetings.setdefault(meta["meeting"], np.zeros(len(rows), dtype=np.float32))[i] = 1.0
        return SearchView(
            generation=generation,
            vectors=Chroma(
                client=self.store.client,
                collection_name=generation.chunks_collection,
                embedding_function=self.embeddings,
                create_collection_if_not_exists=False,
            ),
            lexical=LexicalIndex([row["document"] for row in rows]),
            documents=[row["document"] for row in rows],
            metadatas=metadatas,
            meetings=meetings,
            position_of={chunk_id: i for i, chunk_id in enumerate(ids)},
        )


def reciprocal_rank_fusion(rankings: list[list[int]], k: int = RRF_K) -> list[tuple[int, float]]:
    """Fuse rankings of positions: each contributes 1 / (k + rank); best first, ties by first appearance."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, position in enumerate(ranking, start=1):
            scores[position] = scores.get(position, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])
