"""The real `minutebot` entry point, in process (the model is shared with the other tests)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import main
from retrieval.settings import SAMPLE_DATA_DIR

QUESTION = "How many old residential areas were renovated?"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


def run(store: Path, *args: str, data_dir: Path = SAMPLE_DATA_DIR, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), "--store", str(store), *args], input=stdin)


def test_ask_indexes_on_first_use_and_answers_with_quotes(store: Path) -> None:
    result = run(store, "ask", QUESTION)
    assert result.exit_code == 0, result.output
    assert "first use" in result.stderr
    assert "128 old residential areas" in result.stdout and "ref city-party-history" in result.stdout


def test_ask_json_is_exact_at_offsets_and_lines(store: Path) -> None:
    result = run(store, "ask", "--json", QUESTION)
    answer = json.loads(result.stdout)
    assert "128 old residential areas" in answer["quotes"][0]["text"]
    assert answer["mode"] == "extractive" and answer["question"] == QUESTION
    for span in answer["quotes"] + answer["passages"]:
        text = (SAMPLE_DATA_DIR / span["source"]).read_text()
        assert text[span["start_char"] : span["end_char"]] == span["text"]
        assert span["start_line"] == text.count("\n", 0, span["start_char"]) + 1
        assert span["end_line"] == text.count("\n", 0, span["end_char"] - 1) + 1


def test_summarize_the_meeting_answers_from_the_whole_record_with_its_quotes_in_order(store: Path) -> None:
    answer = json.loads(run(store, "ask", "--json", "Summarize the meeting.").stdout)
    quotes = answer["quotes"]
    assert len(quotes) >= 3 and answer["answer_quotes"] == list(range(len(quotes))) and answer["note"] is None
    assert [quote["start_char"] for quote in quotes] == sorted(quote["start_char"] for quote in quotes)
    record = (SAMPLE_DATA_DIR / quotes[0]["source"]).read_text()
    assert quotes[-1]["start_char"] - quotes[0]["start_char"] > len(record) // 2  # from all over the record
    assert all(record[q["start_char"] : q["end_char"]] == q["text"] for q in quotes)


def test_ask_reads_questions_from_stdin_in_order(store: Path) -> None:
    questions = ["How many people visited?", "", "🙂🙂", "城市建设怎么样？", "How many practical things were done?"]
    result = run(store, "ask", "--json", "--top-k", "2", "-", stdin="\n".join(questions) + "\n")
    assert result.exit_code == 0
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["question"] for a in answers] == questions  # one answer line per question line, in order
    assert all(len(a["passages"]) <= 2 for a in answers)
    assert answers[1]["answer"].startswith("The question is empty") and answers[1]["quotes"] == []
    assert "no words" in answers[2]["answer"] and answers[2]["quotes"] == []
    assert "reads English only" in answers[3]["answer"] and answers[3]["quotes"] == []


def test_cite_shows_each_ref_that_ask_returns(store: Path) -> None:
    answer = json.loads(run(store, "ask", "--json", QUESTION).stdout)
    for span in answer["quotes"] + answer["passages"]:
        result = run(store, "cite", span["ref"])
        assert result.exit_code == 0
        assert f"»{span['text']}«" in " ".join(result.stdout.split()) or span["text"] in result.stdout
        assert "2022-06-20" in result.stdout and span["source"] in result.stdout
        cited = json.loads(run(store, "cite", "--json", span["ref"]).stdout)
        assert cited["text"] == span["text"]


def test_meetings_lists_title_date_and_chunks(store: Path) -> None:
    run(store, "index")
    result = run(store, "meetings")
    assert "city-party-history-summary-2022-06-20  2022-06-20" in result.stdout
    assert "The city held party history study education summary meeting" in result.stdout


def test_index_json_summary(store: Path) -> None:
    summary = json.loads(run(store, "index", "--json").stdout)
    assert summary["added"] == ["city-party-history-summary-2022-06-20"] and summary["chunks"] > 0
    assert json.loads(run(store, "index", "--json").stdout)["embedded"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ask", "   "], "The question is empty"),
        (["ask", "--meeting", "nope", "budget"], "Unknown meeting 'nope'"),
        (["cite", "nope#1-2"], "Unknown reference 'nope#1-2'"),
        (["ask", "--after", "2023-01-01", "--before", "2022-01-01", "budget"], "No meeting can be dated on or after"),
        (["ask", "城市建设怎么样？"], "These records were indexed with all-MiniLM-L6-v2, which reads English only"),
    ],
)
def test_bad_input_gets_one_line_and_exit_1(store: Path, args: list[str], message: str) -> None:
    run(store, "index")
    result = run(store, *args)
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(f"Error: {message}")
    assert "Traceback" not in result.output


def test_missing_data_folder(store: Path, tmp_path: Path) -> None:
    result = run(store, "ask", QUESTION, data_dir=tmp_path / "missing")
    assert result.exit_code == 1 and "does not exist" in result.stderr
    assert "Indexing" not in result.stderr  # no word of indexing a folder that is not there


def test_unreadable_record_is_reported_and_the_rest_indexed(store: Path, tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Chair: The budget was approved.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00")
    result = run(store, "index", data_dir=tmp_path)
    assert result.exit_code == 0
    assert "skipped: bad.txt: binary content, not text" in result.stdout


def test_store_not_writable(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = run(blocker / "store", "ask", QUESTION)
    assert result.exit_code == 1 and "Cannot write the index store" in result.stderr


def test_help_lists_commands_and_usage_errors_exit_2(store: Path) -> None:
    help_text = CliRunner().invoke(main, ["--help"]).output
    assert all(command in help_text for command in ("index", "ask", "cite", "meetings"))
    assert run(store, "ask").exit_code == 2


def test_invalid_setting_is_named_without_a_traceback(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTEBOT_TOP_K", "many")
    result = run(store, "meetings")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Invalid settings (MINUTEBOT_TOP_K: Input should be a valid integer")


def test_first_use_prints_no_debug_lines_from_libraries(tmp_path: Path) -> None:
    """bm25s sets its logger to DEBUG when imported (lazily, after the CLI set up logging): none may show."""
    command = [str(Path(sys.executable).with_name("minutebot")), "--store", str(tmp_path / "store"), "ask", QUESTION]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    assert "128 old residential areas" in result.stdout
    assert "DEBUG" not in result.stderr, result.stderr


def test_a_mistyped_day_is_a_usage_error_that_says_how_to_write_one(store: Path) -> None:
    result = run(store, "ask", "--before", "28/11/2026", "budget")
    assert result.exit_code == 2
    assert "'28/11/2026' is not a day: write it as YYYY-MM-DD, such as 2022-06-20." in result.stderr
