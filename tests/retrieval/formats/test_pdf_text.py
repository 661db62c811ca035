"""PDF text as the document reads: from PDFs the tests typeset with fpdf2, as minutes are kept."""

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from fpdf import FPDF

from retrieval import Minutebot
from retrieval.formats.extract import anchor_at
from retrieval.formats.pdf_text import join_lines
from retrieval.loading import load_record, load_records
from retrieval.settings import SAMPLE_DATA_DIR
from tests.conftest import SAMPLE_MEETING

MAX_BYTES = 10_000_000
RUNNING_HEADER = "City Party History Meeting Minutes"
DEMO_QUESTION = "How many old residential areas were renovated?"


class MinutesPdf(FPDF):
    """A page layout as office tools make it: a running header and a page number on every page."""

    def header(self) -> None:
        self.set_font("helvetica", "I", 9)
        self.cell(0, 8, RUNNING_HEADER, align="C")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("helvetica", "I", 9)
        self.cell(0, 10, f"Page {self.page_no()}", align="C")


def latin1(text: str) -> str:
    """The sample's typographic quotes as the core PDF fonts can show them (the text is otherwise the same)."""
    return text.translate(str.maketrans({"’": "'", "“": '"', "”": '"', "—": "-"}))


def typeset_sample(path: Path) -> Path:
    """The bundled sample report, typeset: lines wrapped by the layout, over two pages."""
    pdf = MinutesPdf()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    for paragraph in (SAMPLE_DATA_DIR / f"{SAMPLE_MEETING}.txt").read_text().split("\n"):
        if paragraph.strip():
            pdf.multi_cell(0, 6, latin1(paragraph))
            pdf.ln(3)
    pdf.output(str(path))
    return path


def typeset_lines(path: Path, pages: list[list[str]]) -> Path:
    """Pages of lines placed one under another exactly as given (as a layout that hyphenates would place them)."""
    pdf = MinutesPdf()
    pdf.set_font("courier", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            if line:
                pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.ln(6)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def sample_pdf_core(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Minutebot:
    from tests.conftest import settings_for

    folder = tmp_path_factory.mktemp("pdf-records")
    typeset_sample(folder / f"{SAMPLE_MEETING}.pdf")
    core = Minutebot(settings_for(folder, tmp_path_factory.mktemp("pdf-store")), embeddings)
    core.index()
    return core


def test_typeset_sample_reads_as_the_text_file(tmp_path: Path) -> None:
    record = load_record(typeset_sample(tmp_path / "sample.pdf"), "sample.pdf", MAX_BYTES)
    text_file = latin1((SAMPLE_DATA_DIR / f"{SAMPLE_MEETING}.txt").read_text())
    assert record.text.splitlines() == [line for line in text_file.splitlines() if line.strip()]
    assert RUNNING_HEADER not in record.text and "Page " not in record.text
    assert record.title == text_file.splitlines()[0]
    assert [label for _, label in record.anchors] == ["page 1", "page 2"]


def test_typeset_sample_answers_as_the_text_file(sample_pdf_core: Minutebot, sample_core: Minutebot) -> None:
    from_pdf = sample_pdf_core.ask(DEMO_QUESTION)
    from_text = sample_core.ask(DEMO_QUESTION)
    assert latin1(from_pdf.quotes[0].text) == latin1(from_text.quotes[0].text)
    assert from_pdf.quotes[0].text.startswith("Four shantytowns") and from_pdf.quotes[0].text.endswith("people.")
    assert all(quote.text[-1] in ".!?;" for quote in from_pdf.quotes)  # whole sentences, none cut at a line end
    (meeting,) = sample_pdf_core.meetings()
    assert meeting.title == from_text.quotes[0].title


def test_no_running_header_or_page_number_reaches_a_quote(sample_pdf_core: Minutebot) -> None:
    for question in ("Meeting minutes page", DEMO_QUESTION, "Who presided over the meeting?"):
        for quote in sample_pdf_core.ask(question).quotes:
            assert RUNNING_HEADER not in quote.text and not quote.text.startswith("Page")


def test_wrapped_lines_join_and_hyphenation_is_undone(tmp_path: Path) -> None:
    path = typeset_lines(
        tmp_path / "library.pdf",
        [
            [
                "Library committee",
                "",
                "The committee discussed the renova-",
                "tion of the old library and chose a well-",
                "known architect, a well-known name in the",
                "region, for the work.",
                "",
                "The budget was agreed at the end of the",
            ],
            ["meeting, with thanks to the staff."],
        ],
    )
    record = load_record(path, path.name, MAX_BYTES)
    assert record.text.splitlines() == [
        "Library committee",
        "The committee discussed the renovation of the old library and chose a well-known architect, a well-known "
        "name in the region, for the work.",
        "The budget was agreed at the end of the meeting, with thanks to the staff.",
    ]
    assert anchor_at(record.anchors, record.text.index("meeting, with")) == "page 2"
    assert anchor_at(record.anchors, record.text.index("The budget")) == "page 1"


def test_pdf_table_rows_are_indexed_as_rows(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Action items agreed by the board.")
    with pdf.table() as table:
        for cells in (("Owner", "Action", "Due"), ("Chen Wei", "Renew the office lease", "30 April 2024")):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.output(str(tmp_path / "actions.pdf"))
    record = load_record(tmp_path / "actions.pdf", "actions.pdf", MAX_BYTES)
    assert record.text.splitlines() == [
        "Action items agreed by the board.",
        "Owner: Chen Wei · Action: Renew the office lease · Due: 30 April 2024",
    ]


def test_a_merged_pdf_cell_counts_once_and_equal_neighbours_both_count(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    with pdf.table() as table:
        for cells in (("Item", "2025", "2026"), ("Gardening", "7,200", "7,200")):
            row = table.row()
            for cell in cells:
                row.cell(cell)
        row = table.row()
        row.cell("Lifts")
        row.cell("to be tendered", colspan=2)
    pdf.output(str(tmp_path / "budget.pdf"))
    assert load_record(tmp_path / "budget.pdf", "budget.pdf", MAX_BYTES).text.splitlines() == [
        "Item: Gardening · 2025: 7,200 · 2026: 7,200",
        "Item: Lifts · 2025: to be tendered",
    ]


def test_a_one_page_pdf_keeps_its_bold_headings_apart_and_leaves_out_its_running_lines(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=8)
    pdf.cell(0, 6, "Ashford Vale Town Council", align="R", new_x="LMARGIN", new_y="NEXT")  # a running header
    pdf.set_font("helvetica", "B", 11)
    heading = "PL/45 Application 25/0917 - Greenway supermarket extension, Mill Lane"
    while pdf.get_string_width(heading + " yard") < pdf.epw:  # so that "The" would not fit after it
        heading += " yard"
    pdf.cell(0, 6, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    pdf.multi_cell(0, 5, "The application seeks to add 46 parking spaces. RESOLVED by 5 votes to 1 to object.")
    pdf.set_auto_page_break(False)
    pdf.set_y(-15)
    pdf.set_font("helvetica", size=8)
    pdf.cell(0, 6, "Planning Committee minutes 6 October 2025    Page 1 of 1", align="C")
    pdf.output(str(tmp_path / "planning.pdf"))
    assert load_record(tmp_path / "planning.pdf", "planning.pdf", MAX_BYTES).text.splitlines() == [
        heading,
        "The application seeks to add 46 parking spaces. RESOLVED by 5 votes to 1 to object.",
    ]


COUNCIL_NEWS = (
    "The council met on 12 November. Councillors agreed to buy a new defibrillator for the village hall at a cost "
    "of £1,450, paid from the community fund. The old unit will go to the football club."
)
FOOTPATH_NEWS = (
    "Work on the Mill Lane footpath starts on 5 January and will take three weeks. The path will be closed during "
    "the work, and a diversion will run along Church Street."
)


@pytest.mark.parametrize("right_column_pitch", [5, 6])  # lines level with the left column's, or not
def test_prose_set_in_two_columns_reads_down_each_column(tmp_path: Path, right_column_pitch: int) -> None:
    """A newsletter sets its news in two columns: read across the page, each line ran the columns together ("The
    council met on 12 November. Work on the Mill Lane footpath starts on 5 Councillors agreed…")."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 13)
    pdf.cell(0, 8, "Parish news", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=10)
    top = pdf.get_y()
    pdf.multi_cell(85, 5, latin1(COUNCIL_NEWS).replace("£", "GBP "))
    left_bottom = pdf.get_y()
    pdf.set_xy(110, top)
    pdf.multi_cell(85, right_column_pitch, FOOTPATH_NEWS)
    pdf.set_y(max(left_bottom, pdf.get_y()) + 6)
    pdf.multi_cell(0, 5, "The next council meeting is on Tuesday 9 December at 7pm in the village hall.")
    pdf.output(str(tmp_path / "news.pdf"))
    text = load_record(tmp_path / "news.pdf", "news.pdf", MAX_BYTES).text
    assert latin1(COUNCIL_NEWS).replace("£", "GBP ") in text
    assert FOOTPATH_NEWS in text
    assert text.index("Parish news") < text.index("The council met") < text.index("Work on the Mill Lane")
    assert text.rstrip().endswith("The next council meeting is on Tuesday 9 December at 7pm in the village hall.")


def test_a_table_laid_out_without_rules_reads_a_row_at_a_time(tmp_path: Path) -> None:
    """Cells side by side, wrapped in their columns, rows apart: a gutter on every line, as columns have, but a
    blank across both between rows. Read down each column, a row's action would part from its outcome."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    rows = [
        (
            "Budget monitoring and the forecast deficit for the year",
            "SW to bring a recovery plan to the next meeting with options for supply cover.",
        ),
        (
            "Premises: the boiler in the infant block",
            "Approved the replacement over the Christmas holiday at a cost of GBP 14,500.",
        ),
        ("Lettings to the football club on Tuesdays", "Agreed at GBP 35 per session from January, reviewed in July."),
    ]
    for action, outcome in rows:
        top = pdf.get_y()
        pdf.set_x(22)
        pdf.multi_cell(75, 5, action)
        action_bottom = pdf.get_y()
        pdf.set_xy(105, top)
        pdf.multi_cell(80, 5, outcome)
        pdf.set_y(max(action_bottom, pdf.get_y()) + 3)
    pdf.output(str(tmp_path / "actions.pdf"))
    lines = load_record(tmp_path / "actions.pdf", "actions.pdf", MAX_BYTES).text.splitlines()
    assert (
        "Premises: the boiler in the infant block Approved the replacement over the Christmas holiday at a cost of "
        "GBP 14,500." in lines
    )
    assert (
        "Lettings to the football club on Tuesdays Agreed at GBP 35 per session from January, reviewed in July."
        in lines
    )


def test_labels_and_their_values_side_by_side_are_no_columns_and_each_field_is_its_own_line(tmp_path: Path) -> None:
    """Front matter set a field to a line, the values aligned in the middle of the page, leaves a gutter on every
    line as columns do: it reads across, a field at a time."""
    fields = [
        ("Date of the meeting:", "Tuesday 4 November 2025"),
        ("Members present:", "Cllr Hale (Chair), Cllr Pike"),
        ("Apologies:", "Cllr Webb (illness)"),
        ("Clerk:", "Mrs Ann Booth"),
        ("Members of the public:", "Four"),
        ("Venue:", "Council Chamber"),
    ]
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    for label, value in fields:
        pdf.cell(80, 6, label)
        pdf.multi_cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "front.pdf"))
    lines = load_record(tmp_path / "front.pdf", "front.pdf", MAX_BYTES).text.splitlines()
    assert lines == [f"{label} {value}" for label, value in fields]


def test_a_pdf_without_text_is_skipped_as_a_scan(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a page with only a picture on it, as a scanner makes
    pdf.output(str(tmp_path / "scan.pdf"))
    (tmp_path / "notes.txt").write_text("Some notes.")
    (skipped,) = load_records(tmp_path, MAX_BYTES).skipped
    assert skipped.source == "scan.pdf" and "no text layer" in skipped.reason and "scanned" in skipped.reason


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("the renova-", "tion of", "the renovation of"),
        ("a well-", "known name", "a well-known name"),  # the vocabulary below has it hyphenated
        ("Budget 2024 -", "Q1", "Budget 2024 - Q1"),
        ("call asn1_der_", "decoding_element", "call asn1_der_decoding_element"),
        ("会议指出，全市共完成", "为民办实事", "会议指出，全市共完成为民办实事"),
        ("ends here", "and goes on", "ends here and goes on"),
    ],
)
def test_join_lines(first: str, second: str, joined: str) -> None:
    assert join_lines(first, second, Counter({"well-known": 1})) == joined


def test_pdf_citation_keeps_the_page(make_core: Callable[..., Minutebot], tmp_path: Path) -> None:
    folder = tmp_path / "pdfs"
    folder.mkdir()
    typeset_lines(folder / "council.pdf", [["Council minutes of the spring session."], ["The bridge was approved."]])
    core = make_core(folder)
    core.index()
    quote = core.ask("Was the bridge approved?").quotes[0]
    assert quote.text == "The bridge was approved." and quote.anchor == "page 2"
    assert core.cite(quote.ref).span.text == quote.text
