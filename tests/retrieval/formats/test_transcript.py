from retrieval.formats.transcript import join_spelled_letters, strip_markup
from retrieval.lexical import tokenize


def test_spelled_letters_are_read_as_the_word_they_spell() -> None:
    assert join_spelled_letters("an L_C_D_ screen, T_V_s and a D_V_D_ player") == "an LCD screen, TVs and a DVD player"
    assert join_spelled_letters("a_b and snake_case_name and X_") == "a_b and snake_case_name and X_"


def test_markup_carries_no_meaning_for_search() -> None:
    assert strip_markup("the {vocalsound} remote") == "the   remote"
    assert tokenize("Industrial Designer: the {disfmarker} screen") == ["industri", "design", "screen"]
