"""Shared fixtures: the real bundled model (loaded once), and real Chroma stores in temporary folders."""

from __future__ import annotations

import os
import re

os.environ["HF_HUB_OFFLINE"] = "1"  # model weights must never be downloaded at run time
os.environ["TRANSFORMERS_OFFLINE"] = "1"

from collections.abc import Callable
from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

from retrieval import Minutebot, RetrievalSettings
from retrieval.encoders.embeddings import build_embeddings, minilm_folder
from retrieval.settings import PROJECT_ROOT, SAMPLE_DATA_DIR

SAMPLE_MEETING = "city-party-history-summary-2022-06-20"
TRANSCRIPT = """Project Manager: Okay . So , this is our first meeting about the remote control . Um {disfmarker} let's start .
Marketing: I think the remote should be fancy . Young people want something trendy , and they would pay twenty five Euro for it .
Industrial Designer: The case can be made of rubber or plastic . Rubber is more expensive but feels nicer .
User Interface: Mm .
Project Manager: Right . Budget is twelve Euro fifty per unit , so we have to be careful about the materials .
Marketing: What about a voice recognition feature ? Our research says older people would like it .
Industrial Designer: Voice recognition needs a better chip , which costs more .
"""


def settings_for(data_dir: Path, store: Path, **overrides: object) -> RetrievalSettings:
    """Settings that ignore any .env file of the machine running the tests."""
    return RetrievalSettings(_env_file=None, data_dir=data_dir, store=store, **overrides)


@pytest.fixture(scope="session")
def documented_settings() -> set[str]:
    """The environment keys that .env.example documents (set or commented out)."""
    return set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (PROJECT_ROOT / ".env.example").read_text(), re.MULTILINE))


@pytest.fixture(scope="session")
def embeddings() -> Embeddings:
    """The default backend (ONNX export of the bundled MiniLM), as users run it."""
    settings = RetrievalSettings(_env_file=None)
    return build_embeddings(minilm_folder(settings), settings.embedding_backend, settings.model_cache)


@pytest.fixture(scope="session")
def sample_core(tmp_path_factory: pytest.TempPathFactory, embeddings: Embeddings) -> Minutebot:
    """The bundled sample, indexed once for the whole session. Tests must not change it."""
    core = Minutebot(settings_for(SAMPLE_DATA_DIR, tmp_path_factory.mktemp("sample-store")), embeddings)
    core.index()
    return core


@pytest.fixture
def records_dir(tmp_path: Path) -> Path:
    """A fresh data folder holding a short transcript; tests add files of their own."""
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "design_kickoff.txt").write_text(TRANSCRIPT)
    return folder


@pytest.fixture
def two_records_dir(records_dir: Path) -> Path:
    """`records_dir` with a second record, also undated: a one-line budget review."""
    (records_dir / "budget_review.txt").write_text("Finance: The remote control budget is twelve Euro fifty.\n")
    return records_dir


@pytest.fixture
def dated_records_dir(records_dir: Path) -> Path:
    """`records_dir` (its transcript has no date) with a board's minutes of 2025-02-01 and of 2025-03-14."""
    for day, topic in (("2025-02-01", "library opening hours"), ("2025-03-14", "river path trees")):
        minutes = f"# Board\n{day}\n\nThe board discussed the {topic} at length.\n"
        (records_dir / f"board_{day}.md").write_text(minutes + f"The treasurer reported the {topic} costs.\n")
    return records_dir


@pytest.fixture
def make_core(tmp_path: Path, embeddings: Embeddings) -> Callable[..., Minutebot]:
    """Build a core over a data folder, with its own store in this test's temporary folder."""

    def make(data_dir: Path, **overrides: object) -> Minutebot:
        return Minutebot(settings_for(data_dir, tmp_path / "store", **overrides), embeddings)

    return make


def write_weekly(folder: Path, day: str, body: str) -> None:
    (folder / f"weekly-{day}.md").write_text(f"# Platform weekly\n{day}\n\nPresent: Priya, Marco, Sam\n\n{body}")


@pytest.fixture
def weekly_minutes(tmp_path: Path) -> Path:
    """Three weeks of a team's minutes in Markdown: updates, a discussion, decisions, and action items (in a
    table in the first week, a list in the second, none in the third)."""
    folder = tmp_path / "weekly"
    folder.mkdir()
    write_weekly(
        folder,
        "2025-03-03",
        "## Discussion\nMarco said the Postgres upgrade is blocked by the reporting service.\n\n"
        "## Decisions\n- We will upgrade Postgres to version 16 in April.\n\n"
        "## Action items\n| Action | Owner | Due |\n|---|---|---|\n"
        "| Remove the extension from the reporting service | Tom | 2025-03-21 |\n",
    )
    write_weekly(
        folder,
        "2025-03-10",
        "## Discussion\nSam proposed a canary stage for every deploy. Marco asked who owns the deploy pipeline; "
        "nobody does today.\n\n"
        "## Decisions\n- Every deploy goes through a canary stage from April 1.\n- Sam owns the deploy pipeline.\n\n"
        "## Action items\n- Sam: write the postmortem for the Saturday outage.\n"
        "- Priya: add the canary stage to the roadmap.\n",
    )
    write_weekly(
        folder,
        "2025-03-17",
        "## Updates\nTom: the reporting service no longer uses the extension.\n\n"
        "## Decisions\n- The Postgres upgrade happens on April 12.\n",
    )
    return folder


@pytest.fixture
def weekly_core(make_core: Callable[..., Minutebot], weekly_minutes: Path) -> Minutebot:
    core = make_core(weekly_minutes)
    core.index()
    return core
