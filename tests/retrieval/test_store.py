"""The store: how it keeps passages, and against a real Chroma server (`chroma run`), as a team sharing one index
would use it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import chromadb
import pytest

from retrieval import Minutebot, store
from retrieval.errors import StoreUnavailable
from retrieval.settings import SAMPLE_DATA_DIR
from retrieval.store import SEARCH_BREADTH, chunks_collection, date_number, day_of_number

SERVER_START_SECONDS = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_chroma(path: Path, port: int) -> Iterator[int]:
    """A real Chroma server on `port`, storing in `path`, started with the chroma CLI that chromadb installs."""
    beside_python = Path(sys.executable).with_name("chroma")  # the venv's bin, even when not on PATH
    chroma = str(beside_python) if beside_python.exists() else shutil.which("chroma")
    if chroma is None:
        pytest.skip("the chroma CLI is not installed, so no Chroma server can be started")
    server = subprocess.Popen(
        [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                chromadb.HttpClient(host="127.0.0.1", port=port).heartbeat()
                break
            except Exception:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.skip(f"the Chroma server did not start (exit code {server.poll()})")
                time.sleep(0.3)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def passage_search(core: Minutebot) -> tuple[str, int]:
    """The distance and the search breadth of the live generation's passages, as Chroma holds them."""
    hnsw = core.store.client.get_collection(chunks_collection(core.status().name)).configuration["hnsw"]
    return hnsw["space"], hnsw["ef_search"]


def test_passages_are_searched_by_cosine_at_the_breadth_that_finds_the_same_neighbours_every_build(
    make_core: Callable[..., Minutebot], records_dir: Path
) -> None:
    core = make_core(records_dir)
    core.index()
    assert passage_search(core) == ("cosine", SEARCH_BREADTH)


def test_an_index_built_with_another_breadth_is_widened_by_the_next_index_run(
    make_core: Callable[..., Minutebot], records_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as before:
        before.setattr(store, "SEARCH_BREADTH", 100)  # Chroma's default, as indexes were built before
        make_core(records_dir).index()
    core = make_core(records_dir)
    assert passage_search(core) == ("cosine", 100)
    summary = core.index()
    assert not summary.changes and summary.embedded == 0  # nothing else is done again
    assert passage_search(core) == ("cosine", SEARCH_BREADTH)


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    with running_chroma(tmp_path_factory.mktemp("chroma-server"), free_port()) as port:
        yield port


def test_index_ask_cite_and_reindex_through_a_chroma_server(
    chroma_server: int, make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    data = tmp_path / "records"
    shutil.copytree(SAMPLE_DATA_DIR, data)
    core = make_core(data, chroma_host="127.0.0.1", chroma_port=chroma_server)
    assert core.index().added == ["city-party-history-summary-2022-06-20"]
    assert passage_search(core) == ("cosine", SEARCH_BREADTH)  # the server keeps the store's settings
    quote = core.ask("How many old residential areas were renovated?").quotes[0]
    assert "128 old residential areas" in quote.text
    assert core.cite(quote.ref).span.text == quote.text
    (data / "retro.md").write_text("# Retro\nClerk: The team agreed to ship on Friday.\n")
    summary = core.index()
    assert (summary.added, summary.embedded) == (["retro"], 1)
    assert core.ask("When will the team ship?").quotes[0].meeting == "retro"
    assert core.store.generation_names() == {core.status().name}
    assert not any((tmp_path / "store").glob("*.sqlite3"))  # nothing went to a local store


def test_a_second_instance_sees_the_same_index(
    chroma_server: int, make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    first = make_core(SAMPLE_DATA_DIR, chroma_host="127.0.0.1", chroma_port=chroma_server, collection="shared")
    first.index()
    second = make_core(SAMPLE_DATA_DIR, chroma_host="127.0.0.1", chroma_port=chroma_server, collection="shared")
    assert not second.needs_index()
    assert "80,000 people" in second.ask("How many people visited?").quotes[0].text


def test_unreachable_server_is_explained(make_core: Callable[..., Minutebot]) -> None:
    with pytest.raises(StoreUnavailable, match=r"Cannot reach the Chroma server at 127\.0\.0\.1"):
        make_core(SAMPLE_DATA_DIR, chroma_host="127.0.0.1", chroma_port=free_port())


def test_a_server_that_stops_makes_the_index_unavailable_until_it_is_back(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    question = "How many old residential areas were renovated?"
    port, folder = free_port(), tmp_path / "server"
    with running_chroma(folder, port):
        core = make_core(SAMPLE_DATA_DIR, chroma_host="127.0.0.1", chroma_port=port)
        core.index()
        assert "128 old residential areas" in core.ask(question).quotes[0].text
    with pytest.raises(StoreUnavailable, match=r"The index is unavailable.*as soon as it is back"):
        core.ask(question)
    with running_chroma(folder, port):
        assert "128 old residential areas" in core.ask(question).quotes[0].text  # the same core: no restart


def test_a_stored_date_that_is_no_day_is_passed_over() -> None:
    """Indexes built before dates were checked may hold one, such as 2024-02-30."""
    assert day_of_number(20240230) is None and day_of_number(date_number("2025-03-14")) == date(2025, 3, 14)
