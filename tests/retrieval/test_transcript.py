from collections.abc import Callable
from pathlib import Path

from retrieval import Minutebot
from retrieval.lexical import tokenize
from retrieval.search import SearchConfig
from retrieval.transcript import join_spelled_letters, searchable, strip_markup


def test_spelled_letters_are_read_as_the_word_they_spell() -> None:
    assert join_spelled_letters("an L_C_D_ screen, T_V_s and a D_V_D_ player") == "an LCD screen, TVs and a DVD player"
    assert join_spelled_letters("a_b and snake_case_name and X_") == "a_b and snake_case_name and X_"


def test_searchable_text_has_no_markup() -> None:
    assert strip_markup("the {vocalsound} L_C_D_") == "the   L_C_D_"
    assert searchable("the {vocalsound} L_C_D_") == "the   LCD"
    assert "lcd" in tokenize("Industrial Designer: the L_C_D_ {disfmarker} screen")


def test_a_question_about_an_acronym_finds_where_it_was_spelled_out(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    said = {
        "first": "Industrial Designer: The T_V_ would cost us two Euro more per unit.",
        "second": "Industrial Designer: The D_V_D_ would cost us two Euro more per unit.",
        "third": "Industrial Designer: The L_C_D_ would cost us two Euro more per unit.",
    }
    for meeting, line in said.items():
        (folder / f"{meeting}.txt").write_text(line + "\n")
    core = make_core(folder)
    core.index()
    for fusion in ("lexical", "dense"):
        core.searcher.config = SearchConfig(fusion=fusion)
        assert core.searcher.search("What would the LCD cost?", 1)[0].meeting == "third", fusion
