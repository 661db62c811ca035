"""The QMSum validation set as the benchmarks use it: its questions, and minutebot indexed over its records."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from retrieval import Minutebot, RetrievalSettings

DEFAULT_QMSUM = Path(__file__).resolve().parents[2] / "shared" / "qmsum-val"


def load_queries(qmsum: Path) -> list[dict]:
    """Each question with its `meeting` and `gold_lines` (inclusive 1-based line ranges)."""
    return [json.loads(line) for line in (qmsum / "queries.jsonl").open()]


def overlaps(start: int, end: int, spans: list[list[int]]) -> bool:
    """Whether lines `start`..`end` overlap any gold span: the shared scorer's definition of a hit."""
    return any(start <= b and a <= end for a, b in spans)


@contextmanager
def indexed_core(qmsum: Path, **settings: object) -> Iterator[Minutebot]:
    """minutebot with the QMSum records indexed into a temporary store, with `settings` over the defaults."""
    with tempfile.TemporaryDirectory() as store:
        core = Minutebot(RetrievalSettings(_env_file=None, data_dir=qmsum / "records", store=Path(store), **settings))
        core.index()
        yield core
