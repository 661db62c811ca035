from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval import Minutebot
from retrieval.engine import PASSAGES_FOLDER
from retrieval.models import Record
from retrieval.passages import PassageCache, PassageTable, lexical_text
from retrieval.store import IndexStore

TEXT = "Chair: The budget is tight.\nFinance: We cut the case budget and keep the chip."
MID_TURN = TEXT.index("We cut")
METADATAS = [
    {"meeting": "m", "start_char": 0, "end_char": 27, "speakers": "Chair"},
    {"meeting": "m", "start_char": MID_TURN, "end_char": MID_TURN + 22, "speakers": "Finance"},
]
RECORDS = {"m": Record("m", "m", None, "m.txt", TEXT, "hash")}


def test_a_table_reads_back_as_it_was_written(tmp_path: Path) -> None:
    table = PassageTable.build(["m#0-27", f"m#{MID_TURN}-{MID_TURN + 22}"], METADATAS, RECORDS)
    table.save(tmp_path / "table")
    again = PassageTable.load(tmp_path / "table")
    assert (again.ids, again.metadatas) == (table.ids, table.metadatas)
    assert again.lexical.search("case budget", 2) == table.lexical.search("case budget", 2)
    assert again.lexical.idf("chip") == table.lexical.idf("chip")


def test_bm25_sees_a_passage_cut_mid_turn_with_its_speaker() -> None:
    assert lexical_text(TEXT, METADATAS[1]) == "Finance: We cut the case budget"


def test_bm25_leads_no_passage_with_a_speaker_whose_turn_it_does_not_open_in() -> None:
    text = "# Platform weekly\n- Lea: the rota is published."
    meta = {"meeting": "m", "start_char": 0, "end_char": len(text), "speakers": "Lea"}
    assert lexical_text(text, meta) == text


def test_a_cache_that_cannot_be_written_still_gives_the_table(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    table = PassageTable.build(["m#0-27"], METADATAS[:1], RECORDS)
    assert PassageCache(not_a_folder).get("gen", lambda: table) is table


def test_indexing_stores_the_live_generation_s_table_and_a_new_process_reads_it(
    make_core: Callable[..., Minutebot], records_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    core = make_core(records_dir)
    core.index()
    tables = core.settings.store / PASSAGES_FOLDER / core.settings.collection
    assert [p.name for p in tables.iterdir()] == [core.store.active().name]
    expected = core.ask("voice recognition chip").passages

    def no_metadata_reads(*_: object) -> None:
        raise AssertionError("the passage table should come from disk")

    monkeypatch.setattr(IndexStore, "iter_chunk_metadata", no_metadata_reads)
    assert make_core(records_dir).ask("voice recognition chip").passages == expected


def test_a_reindex_leaves_only_the_new_table_and_a_damaged_one_is_rebuilt(
    make_core: Callable[..., Minutebot], records_dir: Path
) -> None:
    core = make_core(records_dir)
    core.index()
    core.index(full=True)
    tables = core.settings.store / PASSAGES_FOLDER / core.settings.collection
    live = core.store.active().name
    assert [p.name for p in tables.iterdir()] == [live]
    (tables / live / "passages.json").write_text("{not json")
    assert make_core(records_dir).ask("voice recognition chip").passages
    assert PassageTable.load(tables / live).ids  # rewritten whole


def test_collections_sharing_a_store_folder_keep_their_own_tables(
    make_core: Callable[..., Minutebot], records_dir: Path
) -> None:
    team_a, team_b = make_core(records_dir, collection="team_a"), make_core(records_dir, collection="team_b")
    team_a.index()
    team_b.index()
    team_b.index(full=True)
    tables = team_a.settings.store / PASSAGES_FOLDER
    assert {p.name for p in tables.iterdir()} == {"team_a", "team_b"}
    assert [p.name for p in (tables / "team_a").iterdir()] == [team_a.store.active().name]
