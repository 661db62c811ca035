from bot.render import WIDTH, wrap


def test_wrapping_never_breaks_a_hyphenated_word() -> None:
    text = " ".join(["the Harbin sub-central city"] * 20)
    wrapped = wrap(text)
    assert all(len(line) <= WIDTH for line in wrapped.splitlines())
    assert " ".join(wrapped.split()) == text  # joined back up, it reads exactly as before
