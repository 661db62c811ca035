from retrieval.text.context import speakers_between, widen

TEXT = (
    "Chair: Welcome everyone. First the budget.\n"
    "Finance: The budget is twelve euros. That is tight. We cut the case.\n"
    "Design: Then the case is plastic. Fine by me.\n"
)


def test_widening_adds_whole_sentences_on_both_sides_within_the_budget() -> None:
    start = TEXT.index("That is tight.")
    end = start + len("That is tight.")
    assert TEXT[slice(*widen(TEXT, start, end, 60))] == "That is tight. We cut the case."
    new_start, new_end = widen(TEXT, start, end, 70)
    assert TEXT[new_start:new_end] == "Finance: The budget is twelve euros. That is tight. We cut the case."
    assert new_end - new_start <= 70


def test_widening_crosses_turns_and_keeps_growing_the_side_that_still_fits() -> None:
    start = TEXT.index("Then the case")
    new_start, new_end = widen(TEXT, start, start + len("Then the case is plastic."), 80)
    assert TEXT[new_start:new_end] == "That is tight. We cut the case.\nDesign: Then the case is plastic. Fine by me."


def test_a_passage_at_the_budget_or_a_zero_budget_is_left_alone() -> None:
    assert widen(TEXT, 0, 42, 42) == (0, 42)
    assert widen(TEXT, 7, 24, 0) == (7, 24)


def test_widening_stops_at_the_record_s_edges() -> None:
    assert widen(TEXT, 0, 24, 10_000) == (0, len(TEXT) - 1)


def test_speakers_between_lists_each_turn_touched_in_order() -> None:
    start = TEXT.index("First the budget")
    assert speakers_between(TEXT, start, TEXT.index("Then")) == ("Chair", "Finance", "Design")
    assert speakers_between(TEXT, start, start + 5) == ("Chair",)


def test_widening_stays_within_the_text_other_passages_leave_free() -> None:
    start = TEXT.index("That is tight.")
    end = start + len("That is tight.")
    lower, upper = TEXT.index("Finance:"), TEXT.index("We cut")
    assert widen(TEXT, start, end, 1_000, lower, upper) == (lower, end)
    assert widen(TEXT, start, end, 1_000, lower + 1, upper + 5) == (start, end)  # no part-sentences


def test_whatever_the_budget_a_widened_passage_starts_and_ends_with_whole_sentences() -> None:
    line = " ".join(f"Sentence number {i} says something about item {i}." for i in range(30))
    start = line.index("Sentence number 15")
    end = line.index(".", start) + 1
    for budget in range(end - start, 400, 7):
        new_start, new_end = widen(line, start, end, budget)
        assert new_end - new_start <= budget
        assert line[new_start:].startswith("Sentence number") and line[new_end - 1] == "."


MINUTES = (
    "Kwame said the agent had promised a schedule by December. Another resident asked about parking: the visitor "
    "bays are used overnight.\n"
    "The committee will propose a permit scheme at the spring meeting. Signs will go up.\n"
    "The meeting closed at 8.50pm.\n"
)


def test_a_passage_that_ends_on_a_question_takes_its_reply_past_the_budget() -> None:
    end = MINUTES.index("\n")
    new_start, new_end = widen(MINUTES, 0, end, end)  # at the budget already
    assert MINUTES[new_start:new_end].endswith(
        "overnight.\nThe committee will propose a permit scheme at the spring meeting."
    )
    asked = "Chair: Lea, can you tell the customers?\n\nLea: Yes, I'll email them today. And the partners.\n"
    question_end = asked.index("?") + 1
    assert asked[slice(*widen(asked, 0, question_end, 10))] == asked[: asked.index("today.") + len("today.")]


def test_a_reply_is_taken_only_after_a_question_within_the_free_text_and_reach() -> None:
    said = MINUTES.index("Signs")
    assert widen(MINUTES, 0, said - 1, said - 1) == (0, said - 1)  # no question: at the budget, left alone
    end = MINUTES.index("\n")
    assert widen(MINUTES, 0, end, end, upper=end + 5) == (0, end)  # the reply belongs to another passage
    assert widen(MINUTES, 0, end, 0) == (0, end)  # widening off
    far = MINUTES[: end + 1] + "\n" * 5 + "A reply too far away."
    assert widen(far, 0, end, end) == (0, end)


def test_widening_takes_a_wrapped_sentence_whole_or_not_at_all() -> None:
    text = "The board met.\nTwice this quarter a failover lost\nevents, and support had to rebuild\nthem. Next.\n"
    end = len("The board met.")
    whole = text.index("them.") + len("them.")
    assert widen(text, 0, end, whole) == (0, whole)
    assert widen(text, 0, end, whole - 1) == (0, end)  # not up to the end of a line the sentence goes on from
    start = text.index("Next.")
    assert widen(text, start, start + 5, start + 5 - text.index("events")) == (start, start + 5)
