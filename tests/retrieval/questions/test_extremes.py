import pytest

from retrieval.questions.extremes import extreme_asked, extreme_rows

BIDS = [
    "Three bids were received for the roof:",
    "Contractor: Summit Roofing · Bid: $38,400 · Notes: 20-year warranty",
    "Contractor: A1 Exteriors · Bid: $33,900 · Notes: 10-year warranty, start in March",
    "Contractor: Peak Builders · Bid: $41,250 · Notes: includes gutters",
]
PROJECTS = [
    "项目: 村内道路硬化 · 金额（万元）: 38 · 开工时间: 2026年3月",
    "项目: 修缮灌溉水渠 · 金额（万元）: 12 · 开工时间: 2026年2月",
]
EVENTS = [
    "| Event | Raised | Helpers |",
    "|---|:---:|---|",
    "| Bake sale | £612 | 6 |",
    "| Sponsored walk | £2,380 | 4 |",
]


@pytest.mark.parametrize(
    ("question", "extreme"),
    [
        ("What was the lowest roof bid?", "smallest"),
        ("Which was the least expensive quote?", "smallest"),
        ("Which event raised the most money?", "largest"),
        ("哪个项目花费最多？", "largest"),
        ("What do most people think of the roof?", None),  # a majority, not a superlative
        ("How much was the bid?", None),
    ],
)
def test_a_superlative_asks_for_an_extreme(question: str, extreme: str | None) -> None:
    assert extreme_asked(question) == extreme


def test_of_rows_under_the_same_headings_the_one_with_the_extreme_figure_gives_it() -> None:
    assert extreme_rows("What was the lowest roof bid?", BIDS) == [{1: False, 2: True, 3: False}]
    assert extreme_rows("What was the highest roof bid?", BIDS) == [{1: False, 2: False, 3: True}]


def test_a_column_of_dates_holds_no_figures_to_compare() -> None:
    """ "花钱最多" names no column; of 金额 and 开工时间, only the amounts are figures."""
    assert extreme_rows("哪个项目花钱最多？", PROJECTS) == [{0: True, 1: False}]


def test_a_markdown_table_s_column_is_the_one_the_question_names() -> None:
    """Raised and Helpers both hold figures: "raised" names the column."""
    assert extreme_rows("Which event raised the most?", EVENTS) == [{2: False, 3: True}]
    assert extreme_rows("Which event had the most?", EVENTS) == []  # two columns of figures, neither named


def test_rows_seen_from_the_middle_of_a_markdown_table_or_alone_are_compared_with_nothing() -> None:
    assert extreme_rows("Which event raised the most?", EVENTS[2:]) == []
    assert extreme_rows("What was the lowest roof bid?", BIDS[:2]) == []
    assert extreme_rows("How much was the bid?", BIDS) == []


MODULES = [
    "Module: ENG101 Engineering Mathematics · Enrolled: 212 · Pass rate: 64% · Comment: Weakest on calculus",
    "Module: ENG102 Mechanics · Enrolled: 208 · Pass rate: 81%",
    "Module: ENG103 Electrical Circuits · Enrolled: 205 · Pass rate: 58% · Comment: New lab format",
    "Module: ENG104 Design · Enrolled: 214 · Pass rate: 92%",
]


def test_rows_written_without_their_empty_cells_are_rows_of_the_same_table() -> None:
    """ENG102 and ENG104 have no comment: they are compared with the others, not among themselves."""
    assert extreme_rows("Which module had the lowest pass rate?", MODULES) == [{0: False, 1: False, 2: True, 3: False}]


def test_the_column_that_names_the_rows_is_what_is_asked_for_not_what_is_compared() -> None:
    """ "Which module…" names the Module column, whose codes hold figures: the pass rate is compared."""
    commented = [MODULES[0], MODULES[2]]
    assert extreme_rows("Which module had the highest pass rate?", commented) == [{0: True, 1: False}]
