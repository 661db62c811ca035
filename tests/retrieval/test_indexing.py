import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from retrieval import Minutebot, indexing, loading
from retrieval.chunking import PASSAGE_RULES, RECORD_RULES, RECORDS_CHANGED, RULES_CHANGED, chunk_record
from retrieval.encoders.embeddings import bundled_model_path
from retrieval.encoders.tuned_model import TUNING, tuning_digest
from retrieval.errors import IndexBusy, IndexModelChanged, NoRecords
from retrieval.indexing import Indexer, IndexProgress, embedding_text
from retrieval.models import Chunk, Record
from retrieval.store import EMBEDDED_KEY, Generation
from tests.conftest import settings_for

TUNED = f"minilm-meetings-{tuning_digest(TUNING)}"  # the default MiniLM's vectors, tuned for meetings


def test_index_reports_progress_and_counts(make_core: Callable[..., Minutebot], records_dir: Path) -> None:
    events: list[IndexProgress] = []
    summary = make_core(records_dir).index(progress=events.append)
    assert summary.added == ["design_kickoff"] and summary.chunks == summary.embedded > 0
    embedding = [e for e in events if e.stage == "embedding"]
    assert embedding[-1].done == embedding[-1].total == summary.chunks


def test_reindex_embeds_only_what_changed(make_core: Callable[..., Minutebot], records_dir: Path) -> None:
    core = make_core(records_dir)
    (records_dir / "old.txt").write_text("Chair: This record will be removed.\n")
    core.index()
    assert core.index().embedded == 0
    (records_dir / "old.txt").unlink()
    (records_dir / "new.md").write_text("# Retro\nClerk: The team agreed to ship on Friday.\n")
    summary = core.index()
    assert (summary.added, summary.removed, summary.unchanged) == (["new"], ["old"], ["design_kickoff"])
    assert summary.embedded == 1
    assert {m.meeting for m in core.meetings()} == {"design_kickoff", "new"}
    assert core.ask("When will the team ship?").quotes[0].meeting == "new"


def test_full_reindex_re_embeds_everything(make_core: Callable[..., Minutebot], records_dir: Path) -> None:
    core = make_core(records_dir)
    first = core.index()
    full = core.index(full=True)
    assert full.embedded == first.chunks and full.unchanged == ["design_kickoff"] and not full.added


def test_a_new_passage_size_cuts_every_record_again_and_says_why(
    make_core: Callable[..., Minutebot], two_records_dir: Path
) -> None:
    """The transcript's first passage (481 characters) is cut in two, both embedded; its second passage and the
    one-line record's are the same text at either size and keep their vectors."""
    make_core(two_records_dir).index()
    summary = make_core(two_records_dir, chunk_chars=300).index()
    assert summary.cut_again == "the passage size changed (800 → 300 characters)" and not summary.embedded_again
    assert (summary.chunks, summary.embedded) == (4, 2)
    assert sorted(summary.unchanged) == ["budget_review", "design_kickoff"]


def test_an_index_cut_by_other_rules_is_cut_again_on_first_use(
    make_core: Callable[..., Minutebot], records_dir: Path
) -> None:
    """After an upgrade that reads records differently, the index is rebuilt instead of serving old passages; a
    passage whose text to embed the new rules leave as it was keeps its vector."""
    core = make_core(records_dir)
    core.index()
    core.store.activate(replace(core.store.active(), passage_rules=PASSAGE_RULES - 1))
    assert core.needs_index() == RULES_CHANGED
    summary = core.index()
    assert summary.chunks > 0 and summary.embedded == 0 and not summary.changes
    assert summary.cut_again == f"{RULES_CHANGED} (passage rules {PASSAGE_RULES - 1} → {PASSAGE_RULES})"
    assert core.needs_index() is None and core.store.active().passage_rules == PASSAGE_RULES


def test_an_edited_record_embeds_only_the_passages_whose_text_changed(
    make_core: Callable[..., Minutebot], records_dir: Path
) -> None:
    """Minutes kept in one growing file: a line added at the end embeds the passage it joins, not the record."""
    turns = [f"Clerk: Item {n} of the running minutes was discussed and closed without objection." for n in range(60)]
    minutes = records_dir / "running.txt"
    minutes.write_text("\n".join(turns) + "\n")
    core = make_core(records_dir)
    first = core.index()
    minutes.write_text(minutes.read_text() + "Clerk: The heating contract is renewed until June.\n")
    summary = core.index()
    assert summary.changed == ["running"] and summary.chunks >= first.chunks > 5
    assert 1 <= summary.embedded <= 2
    assert "heating contract" in core.ask("What happened to the heating contract?").quotes[0].text


def test_an_index_whose_titles_and_dates_were_read_by_other_rules_reads_them_again_without_embedding(
    make_core: Callable[..., Minutebot], records_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade that reads titles or dates differently: "standup_2025-04-02" is dated by its name now."""
    (records_dir / "standup_2025-04-02.txt").write_text("Ana Ruiz: The release moves to Friday.\n")
    core = make_core(records_dir)
    with monkeypatch.context() as before_names_were_read:
        before_names_were_read.setattr(loading, "day_in_name", lambda name: None)
        core.index()
    assert {info.meeting: info.date for info in core.meetings()}["standup_2025-04-02"] is None
    older = replace(core.store.active(), record_rules=RECORD_RULES - 1)
    core.store.activate(older)
    assert core.needs_index() == RECORDS_CHANGED
    summary = core.index()
    assert summary.embedded == 0 and summary.chunks == older.chunks and not summary.changes
    assert summary.read_again == f"{RECORDS_CHANGED} (record rules {RECORD_RULES - 1} → {RECORD_RULES})"
    assert core.needs_index() is None and core.store.active().record_rules == RECORD_RULES
    assert {info.meeting: info.date for info in core.meetings()}["standup_2025-04-02"] == "2025-04-02"
    assert core.index().read_again == ""  # once


def test_an_index_stored_without_digests_keeps_the_vectors_of_records_that_did_not_change(
    make_core: Callable[..., Minutebot], records_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index built before digests were stored: an unchanged record's chunks are found by their ids, so only
    the edited record is embedded again, whole, once; after that, only its changed passage."""
    turns = [f"Clerk: Item {n} of the running minutes was discussed and closed without objection." for n in range(60)]
    minutes = records_dir / "running.txt"
    minutes.write_text("\n".join(turns) + "\n")
    core = make_core(records_dir)
    with monkeypatch.context() as before_digests:
        stored = indexing.chunk_metadata
        before_digests.setattr(indexing, "chunk_metadata", lambda *args: _without(stored(*args), EMBEDDED_KEY))
        core.index()
    running = {meeting.meeting: meeting.chunks for meeting in core.meetings()}["running"]
    minutes.write_text(minutes.read_text() + "Clerk: The heating contract is renewed until June.\n")
    assert core.index().embedded == running + 1  # the record's passages, and the new one
    minutes.write_text(minutes.read_text() + "Clerk: The cleaning contract ends in July.\n")
    assert core.index().embedded == 1


def test_dry_run_changes_nothing_and_counts_the_passages_it_would_embed(
    make_core: Callable[..., Minutebot], records_dir: Path
) -> None:
    core = make_core(records_dir)
    first = core.index()
    (records_dir / "extra.txt").write_text("Clerk: An extra record.\n")
    summary = core.index(dry_run=True)
    assert summary.added == ["extra"] and summary.dry_run
    assert (summary.chunks, summary.embedded) == (first.chunks + 1, 1)
    assert [m.meeting for m in core.meetings()] == ["design_kickoff"]


def test_unreadable_record_is_skipped_and_the_rest_indexed(
    make_core: Callable[..., Minutebot], records_dir: Path
) -> None:
    (records_dir / "broken.txt").write_bytes(b"\x00\xff\x00 not text")
    summary = make_core(records_dir).index()
    assert summary.added == ["design_kickoff"]
    assert [(s.source, s.reason) for s in summary.skipped] == [("broken.txt", "binary content, not text")]


def test_empty_data_folder_is_refused(make_core: Callable[..., Minutebot], tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(NoRecords):
        make_core(tmp_path / "empty").index()


def test_a_second_index_run_is_refused_while_one_holds_the_lock(
    make_core: Callable[..., Minutebot], records_dir: Path
) -> None:
    core = make_core(records_dir)
    indexer = Indexer(core.store, core.embeddings_for, core.settings)
    with indexer._lock(), pytest.raises(IndexBusy):
        core.index()
    assert core.index().added == ["design_kickoff"]  # the lock is released afterwards


def test_a_failed_build_leaves_the_previous_index_live(
    make_core: Callable[..., Minutebot], records_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    core = make_core(records_dir)
    core.index()
    live = core.status()
    (records_dir / "new.txt").write_text("Clerk: A record whose build fails.\n")

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(core.store, "add_chunks", fail)
    with pytest.raises(RuntimeError):
        core.index()
    assert core.status() == live
    assert core.store.generation_names() == {live.name}
    assert core.ask("remote budget").passages


def test_embedding_text_restores_the_speaker_of_a_cut_turn() -> None:
    chunk = Chunk("m", "m.txt", 10, 30, 2, 2, "and it {disfmarker} costs more", ("Marketing",), "Marketing")
    assert embedding_text(chunk) == "Marketing: and it costs more"


def test_a_chunk_opening_on_a_line_without_a_speaker_is_led_by_none() -> None:
    text = "# Platform weekly\n- Lea: the rota is published."
    chunk = chunk_record(Record("m", "Platform weekly", None, "m.md", text, "hash"), 800)[0]
    assert (chunk.speakers, chunk.turn) == (("Lea",), None)
    assert embedding_text(chunk) == " ".join(text.split())


def test_collections_left_by_an_interrupted_build_are_dropped_by_the_next(
    make_core: Callable[..., Minutebot], records_dir: Path
) -> None:
    core = make_core(records_dir)
    core.index()
    orphan = core.store.new_generation_name()
    core.store.chunks(orphan)  # what a build killed while storing leaves behind
    core.store.records(orphan)
    (records_dir / "new.txt").write_text("Clerk: A new record.\n")
    core.index()
    assert core.store.generation_names() == {core.status().name}


class CountingEmbeddings(Embeddings):
    """The real model, counting the texts it is asked to embed."""

    def __init__(self, model: Embeddings) -> None:
        self.model = model
        self.texts: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.texts += texts
        return self.model.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.model.embed_query(text)


def test_identical_passages_are_embedded_once(records_dir: Path, tmp_path: Path, embeddings: Embeddings) -> None:
    (records_dir / "design_kickoff_copy.txt").write_text((records_dir / "design_kickoff.txt").read_text())
    counting = CountingEmbeddings(embeddings)
    core = Minutebot(settings_for(records_dir, tmp_path / "store"), counting)
    summary = core.index()
    assert summary.chunks == 2 * len(counting.texts)  # two records, one set of texts
    assert len(counting.texts) == len(set(counting.texts))
    answer = core.ask("How much is the budget per unit?")
    assert {p.meeting for p in answer.passages} == {"design_kickoff", "design_kickoff_copy"}


def test_vectors_made_at_another_precision_are_never_mixed(
    records_dir: Path, tmp_path: Path, embeddings: Embeddings
) -> None:
    """An index made by float32 MiniLM is asked with float32 questions, and embedded again whole for int8."""
    store = tmp_path / "store"
    float32 = Minutebot(settings_for(records_dir, store, embedding_backend="torch"))
    float32.index()
    assert float32.status().vectors == f"{TUNED}-float32"
    question = "What did the team decide about the budget?"
    texts = [passage.text for passage in float32.searcher.search(question, 3)]
    int8 = Minutebot(settings_for(records_dir, store), embeddings)  # the default backend: int8
    asked_alike = int8.searcher.similarity(question, texts)
    int8_question = np.array(embeddings.embed_documents(texts)) @ np.array(embeddings.embed_query(question))
    assert np.allclose(asked_alike, float32.searcher.similarity(question, texts), atol=1e-3)
    assert not np.allclose(int8_question, asked_alike, atol=1e-3)
    summary = int8.index()
    assert summary.embedded == summary.chunks and int8.status().vectors == f"{TUNED}-int8"
    assert summary.embedded_again == f"the embedding changed ({TUNED}-float32 → {TUNED}-int8)"
    assert summary.unchanged and not summary.added  # the records did not change: their vectors did


def test_another_model_folder_is_refused_until_the_records_are_embedded_again(
    records_dir: Path, tmp_path: Path, embeddings: Embeddings
) -> None:
    store = tmp_path / "store"
    bundled = Minutebot(settings_for(records_dir, store), embeddings)
    bundled.index()
    other_folder = tmp_path / "my-minilm"
    other_folder.symlink_to(bundled_model_path(), target_is_directory=True)
    other = Minutebot(settings_for(records_dir, store, model_path=other_folder))
    with pytest.raises(IndexModelChanged, match=rf"'{TUNED}-int8'.*'my-minilm-int8'.*minutebot index"):
        other.ask("What did the team decide about the budget?")
    summary = other.index()
    assert summary.embedded == summary.chunks
    assert summary.embedded_again == f"the embedding changed ({TUNED}-int8 → my-minilm-int8)"
    assert other.ask("What did the team decide about the budget?").quotes


def test_a_generation_recorded_by_a_newer_minutebot_is_still_read() -> None:
    recorded = {"name": "g1", "built_at": 1.0, "data_dir": "/d", "chunk_chars": 800, "records": 1, "chunks": 2}
    generation = Generation.from_json(json.dumps({**recorded, "recorded_later": "something"}))
    assert generation == Generation(**recorded)
    assert generation.passage_rules == 1 and generation.record_rules == 0  # built before rules were recorded


def _without(metadata: dict[str, object], key: str) -> dict[str, object]:
    return {name: value for name, value in metadata.items() if name != key}
