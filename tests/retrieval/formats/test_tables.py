import pytest

from retrieval.formats.tables import labelled_rows, row_name, table_lines


def test_rows_lead_each_cell_with_its_heading() -> None:
    rows = [["Owner", "Action", "Due"], ["Chen Wei", " Renew the\noffice lease ", "30 April 2024"]]
    assert table_lines(rows) == ["Owner: Chen Wei · Action: Renew the office lease · Due: 30 April 2024"]


def test_empty_cells_and_rows_are_left_out() -> None:
    rows = [["Owner", "Action", "Due"], ["", "", None], ["Ana Ruiz", "Call the bank", ""]]
    assert table_lines(rows) == ["Owner: Ana Ruiz · Action: Call the bank"]


def test_a_merged_cell_counts_once_and_the_others_keep_their_heading() -> None:
    rows = [["Item", "Owner", "Due"], ["Budget review", None, "1 May"]]  # None: where the merged cell goes on
    assert table_lines(rows) == ["Item: Budget review · Due: 1 May"]


def test_neighbouring_cells_that_say_the_same_are_both_kept() -> None:
    rows = [["Item", "2025", "2026 proposed"], ["Gardening", "£7,200", "£7,200"]]
    assert table_lines(rows) == ["Item: Gardening · 2025: £7,200 · 2026 proposed: £7,200"]


def test_one_row_or_one_column_tables_have_no_headings() -> None:
    assert table_lines([["Chair", "Chen Wei"]]) == ["Chair · Chen Wei"]
    assert table_lines([["First point"], ["Second point"]]) == ["First point", "Second point"]


def test_a_table_whose_rows_are_led_by_their_own_headings_reads_a_heading_and_its_cells_per_line() -> None:
    assert labelled_rows([["Attendees", "Lena Fischer", "Grace Kim"], ["Type", " Weekly  sync "], ["Tags", ""]]) == [
        "Attendees: Lena Fischer · Grace Kim",
        "Type: Weekly sync",
    ]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Topic: Slipway · Notes: The winch needs a new cable.", "Slipway"),
        (
            "Time: 10 min · Item: Postgres upgrade · Who: Lena · Notes: Staging is on 16 since Friday.",
            "Postgres upgrade",
        ),
        ("No.: 3 · Item: Roof · Cost: £5,000", "Roof"),  # a figure before it names nothing
        ("Ref: D25/14 · Decision: Apply to the Heritage Fund", "D25/14"),  # a reference does
        ("Amount: 5 · Total: 7", None),
        ("Renew the office lease", None),
    ],
)
def test_a_row_is_about_what_its_first_cell_names(line: str, name: str | None) -> None:
    assert row_name(line) == name
