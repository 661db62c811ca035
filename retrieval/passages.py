"""A generation's passages as search needs them (ids, metadata, BM25 index), kept on disk beside the store.

The indexer writes the table when it builds a generation; a process that finds it missing (say, another
machine using the same Chroma server) builds it from the store and writes it. Starting to search then reads
one folder instead of every passage's metadata from Chroma and re-tokenising every passage. Generations never
change once built, so a table is valid for as long as its generation exists.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retrieval.lexical import LexicalIndex
from retrieval.models import Record
from retrieval.text.turns import lead_with_speaker, speaker_at

log = logging.getLogger(__name__)

_METADATA_FILE = "passages.json"
_LEXICAL_FOLDER = "bm25"


@dataclass(frozen=True)
class PassageTable:
    ids: list[str]
    metadatas: list[dict[str, Any]]
    lexical: LexicalIndex

    @classmethod
    def build(cls, ids: Sequence[str], metadatas: Sequence[dict[str, Any]], records: dict[str, Record]) -> PassageTable:
        texts = [lexical_text(records[meta["meeting"]].text, meta) for meta in metadatas]
        return cls(list(ids), list(metadatas), LexicalIndex.build(texts))

    @classmethod
    def load(cls, folder: Path) -> PassageTable:
        table = json.loads((folder / _METADATA_FILE).read_text(encoding="utf-8"))
        return cls(table["ids"], table["metadatas"], LexicalIndex.load(folder / _LEXICAL_FOLDER))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        (folder / _METADATA_FILE).write_text(json.dumps({"ids": self.ids, "metadatas": self.metadatas}), "utf-8")
        self.lexical.save(folder / _LEXICAL_FOLDER)


def speaker_list(meta: dict[str, Any]) -> tuple[str, ...]:
    """The speakers of a passage, from its stored metadata (one per line)."""
    return tuple(filter(None, meta["speakers"].split("\n")))


def lexical_text(record_text: str, meta: dict[str, Any]) -> str:
    """What BM25 indexes for a passage: its text, led by its speaker when it starts mid-turn."""
    start = meta["start_char"]
    return lead_with_speaker(record_text[start : meta["end_char"]], speaker_at(record_text, start))


class PassageCache:
    """Passage tables by generation name, in one folder; best effort: a cache that cannot be used is rebuilt."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def get(self, generation_name: str, build: Callable[[], PassageTable]) -> PassageTable:
        """The stored table of a generation, or `build()`'s, stored for next time."""
        if self.folder is not None and (self.folder / generation_name).is_dir():
            try:
                return PassageTable.load(self.folder / generation_name)
            except (OSError, ValueError, KeyError) as error:
                log.warning("rebuilding the passage table of %s: %s", generation_name, error)
        table = build()
        self.put(generation_name, table)
        return table

    def put(self, generation_name: str, table: PassageTable) -> None:
        """Store `table`, written whole in a scratch folder and then renamed into place."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=self.folder, prefix=".", ignore_cleanup_errors=True) as scratch:
                written = Path(scratch) / generation_name
                table.save(written)
                target = self.folder / generation_name
                shutil.rmtree(target, ignore_errors=True)  # a damaged table that failed to load
                written.rename(target)
        except OSError as error:  # a read-only store, or another process stored it first: search goes on
            log.info("passage table of %s not stored: %s", generation_name, error)

    def keep_only(self, generation_name: str) -> None:
        """Remove the tables of every other generation (they are dropped from the store)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            if entry.name != generation_name:
                shutil.rmtree(entry, ignore_errors=True)
