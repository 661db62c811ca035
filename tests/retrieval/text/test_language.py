from pathlib import Path

import pytest

from retrieval.settings import SAMPLE_DATA_DIR
from retrieval.text.language import has_words, mostly_english, mostly_latin, same_writing, word_count


def test_english_records_are_english_and_chinese_french_are_not() -> None:
    assert mostly_english(path.read_text() for path in SAMPLE_DATA_DIR.glob("*.txt"))
    assert not mostly_english(["会议指出，今年计划改造42个老旧小区，招聘教师三百名。"])
    assert not mostly_english(["Le conseil municipal a approuvé le budget des écoles pour la ville."])
    assert not mostly_english([])


def test_a_question_in_latin_letters_accented_or_not() -> None:
    assert mostly_latin("LCD 是什么") and mostly_latin("Réunion du budget ?") and mostly_latin("2022")
    assert not mostly_latin("城市建设怎么样？") and not mostly_latin("Что решили?")


def test_has_words_in_any_script() -> None:
    assert has_words("多少个？") and has_words("How many?") and has_words("42")
    assert not has_words("🙂🙂 ??? …")


def test_sample_is_small_enough_to_judge_quickly(tmp_path: Path) -> None:
    long_text = "the budget was agreed " * 100_000 + "会议" * 1_000_000  # only the start of each text is read
    assert mostly_english([long_text])


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("How many teachers?", "The board hired 300 teachers.", True),
        ("今年招聘多少名教师？", "今年将新建中小学8所，招聘教师300名。", True),
        ("How many teachers?", "今年将新建中小学8所，招聘教师300名。", False),
    ],
)
def test_same_writing(first: str, second: str, same: bool) -> None:
    assert same_writing(first, second) is same


def test_word_count_counts_chinese_characters_as_half_words() -> None:
    assert word_count("The budget was approved.") == 4
    assert word_count("会议决定新建中小学8所。") == 7  # 11 characters (with the full stop) and a number
    assert word_count("LCD 是什么") == 3
