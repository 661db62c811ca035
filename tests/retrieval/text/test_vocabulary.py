import pytest

from retrieval.text.vocabulary import is_ordinary_word


@pytest.mark.parametrize(
    ("word", "ordinary"),
    [
        ("responsible", True),
        ("neighbourhoods", True),  # the word it inflects
        ("renovated", True),
        ("Studies", True),
        ("roof-repair", True),  # each part
        ("CFO", False),  # an acronym
        ("Kubernetes", False),  # a name
        ("bugdet", False),  # a typo
    ],
)
def test_ordinary_words_are_those_the_bundled_vocabulary_holds(word: str, ordinary: bool) -> None:
    assert is_ordinary_word(word) is ordinary
