"""Each record format, from small files the tests write with the format's own libraries."""

from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from retrieval import Minutebot
from retrieval.formats.extract import anchor_at
from retrieval.loading import load_record, load_records
from tests.retrieval.formats.test_mail import recap

MAX_BYTES = 10_000_000
VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Alice>Welcome to the planning call.

00:01:05.500 --> 00:01:09.000
<v Bob>The launch moves to the ninth of May because the venue is booked.
"""
SRT = """1
00:00:02,000 --> 00:00:05,000
Chair: We open the session.

2
00:02:10,000 --> 00:02:14,000
Clerk: The minutes of March were approved unanimously.
"""


def write_pdf(path: Path, pages: list[str]) -> Path:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 10, text)
    pdf.output(str(path))
    return path


def write_docx(path: Path) -> Path:
    document = Document()
    document.core_properties.title = "Board meeting, 3 March 2024"
    document.add_heading("Budget", level=1)
    document.add_paragraph("The board approved a budget of 2.4 million euros.")
    document.add_heading("Hiring", level=1)
    document.add_paragraph("Two engineers will be hired in April.")
    document.save(str(path))
    return path


def test_pdf_pages_become_anchored_text(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "council.pdf", ["Council minutes", "The council approved the new bridge."])
    record = load_record(path, path.name, MAX_BYTES)
    bridge = record.text.index("The council approved the new bridge.")
    assert anchor_at(record.anchors, bridge) == "page 2"
    assert anchor_at(record.anchors, 0) == "page 1"


def docx_lines(document: DocxDocument, folder: Path) -> list[str]:
    """The lines of a Word document's record, as saved in `folder` and read back."""
    document.save(str(folder / "minutes.docx"))
    return load_record(folder / "minutes.docx", "minutes.docx", MAX_BYTES).text.splitlines()


def test_docx_headings_and_paragraphs(tmp_path: Path) -> None:
    record = load_record(write_docx(tmp_path / "board.docx"), "board.docx", MAX_BYTES)
    assert record.text.splitlines() == [
        "Budget",
        "The board approved a budget of 2.4 million euros.",
        "Hiring",
        "Two engineers will be hired in April.",
    ]
    assert record.title == "Board meeting, 3 March 2024"
    assert anchor_at(record.anchors, record.text.index("Two engineers")) == "Hiring"


@pytest.mark.parametrize(
    ("name", "content", "line", "time"),
    [
        ("call.vtt", VTT, "Bob: The launch moves to the ninth of May because the venue is booked.", "00:01:05"),
        ("session.srt", SRT, "Clerk: The minutes of March were approved unanimously.", "00:02:10"),
    ],
)
def test_captions_keep_speakers_and_start_times(tmp_path: Path, name: str, content: str, line: str, time: str) -> None:
    (tmp_path / name).write_text(content)
    record = load_record(tmp_path / name, name, MAX_BYTES)
    assert line in record.text.splitlines()
    assert anchor_at(record.anchors, record.text.index(line)) == time


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (VTT, "Bob: The launch moves to the ninth of May because the venue is booked."),
        (SRT, "Clerk: The minutes of March were approved unanimously."),
        (SRT.replace(",", "."), "Clerk: The minutes of March were approved unanimously."),  # a tool's own times
    ],
)
def test_captions_saved_as_plain_text_are_read_as_captions(tmp_path: Path, content: str, line: str) -> None:
    """A transcript's captions saved as ".txt" lose neither their speakers nor their times to cue numbers and
    timing lines read as text."""
    (tmp_path / "call.txt").write_text(content)
    record = load_record(tmp_path / "call.txt", "call.txt", MAX_BYTES)
    assert line in record.text.splitlines()
    assert "-->" not in record.text
    assert anchor_at(record.anchors, record.text.index(line)) is not None


def test_plain_text_that_opens_with_a_number_is_not_read_as_captions(tmp_path: Path) -> None:
    notes = "1\nApologies: none.\n2\nThe budget was approved.\n"
    (tmp_path / "notes.txt").write_text(notes)
    assert load_record(tmp_path / "notes.txt", "notes.txt", MAX_BYTES).text == notes


ZOOM_VTT = """WEBVTT

1
00:00:42.300 --> 00:00:48.700
Sofia Marin: Emma, can you tell the partners by Friday? And Raj, I need a

2
00:00:48.700 --> 00:00:52.000
Sofia Marin: written plan for the sync work by next Wednesday.

3
00:00:52.600 --> 00:00:54.100
Raj Patel: Sure, I'll write it

4
00:00:54.100 --> 00:00:55.000
<v Emma Clarke>up to you.

5
00:00:55.500 --> 00:00:57.000
Raj Patel: Fine.
"""


BROADCAST_SRT = """1
00:00:05,000 --> 00:00:09,000
>> MAYOR DAVIS: THE MEETING WILL COME TO ORDER.
ITEM 4 IS THE SIDEWALK REPAIR CONTRACT.

2
00:00:09,500 --> 00:00:15,000
>> CITY ENGINEER: THE LOWEST BID CAME FROM
PARKSIDE PAVING AT $1.2 MILLION.

3
00:00:15,500 --> 00:00:21,000
THEY CAN START IN SEPTEMBER.

4
00:00:33,500 --> 00:00:38,000
>> MAYOR DAVIS: IS THERE A MOTION?
>> COUNCILMEMBER PARK: SO MOVED.
"""


@pytest.mark.parametrize(
    ("name", "content", "lines", "anchors"),
    [
        (  # cut at a length: one speaker's sentence is read whole; another speaker, or a sentence ended, opens a line
            "call.vtt",
            ZOOM_VTT,
            [
                "Sofia Marin: Emma, can you tell the partners by Friday? And Raj, I need a written plan for the sync "
                "work by next Wednesday.",
                "Raj Patel: Sure, I'll write it",
                "Emma Clarke: up to you.",
                "Raj Patel: Fine.",
            ],
            {"Emma, can": "00:00:42", "written plan": "00:00:48", "Sure": "00:00:52"},
        ),
        (  # captions generated without punctuation end no sentence anywhere: each keeps its line
            "auto.srt",
            "1\n00:00:01,000 --> 00:00:03,000\nokay so lets get started with the budget\n\n"
            "2\n00:00:03,000 --> 00:00:05,000\nwe spent about twelve thousand on the roof\n",
            ["okay so lets get started with the budget", "we spent about twelve thousand on the roof"],
            {"we spent": "00:00:03"},
        ),
        (  # captions name their speaker where the speaker changes: one that names none goes on in that line
            "call.srt",
            "1\n00:01:26,500 --> 00:01:32,100\nDEV: On the van, the garage says the brake pads need replacing.\n\n"
            "2\n00:01:32,100 --> 00:01:36,700\nThat's about 380 pounds. I think we should get it done.\n\n"
            "3\n00:01:37,000 --> 00:01:41,300\nJO: Agreed, go ahead Dev.\n",
            [
                "DEV: On the van, the garage says the brake pads need replacing. That's about 380 pounds. I think we "
                "should get it done.",
                "JO: Agreed, go ahead Dev.",
            ],
            {"That's about": "00:01:32", "JO:": "00:01:37"},
        ),
        (  # broadcast captions mark a new speaker with ">>"; a caption without the mark goes on with the one before
            "council.srt",
            BROADCAST_SRT,
            [
                "MAYOR DAVIS: THE MEETING WILL COME TO ORDER. ITEM 4 IS THE SIDEWALK REPAIR CONTRACT.",
                "CITY ENGINEER: THE LOWEST BID CAME FROM PARKSIDE PAVING AT $1.2 MILLION. THEY CAN START IN SEPTEMBER.",
                "MAYOR DAVIS: IS THERE A MOTION?",
                "COUNCILMEMBER PARK: SO MOVED.",
            ],
            {"THEY CAN START": "00:00:15", "COUNCILMEMBER PARK": "00:00:33"},
        ),
    ],
)
def test_captions_are_read_by_speaker_each_anchored_where_it_starts(
    tmp_path: Path, name: str, content: str, lines: list[str], anchors: dict[str, str]
) -> None:
    (tmp_path / name).write_text(content)
    record = load_record(tmp_path / name, name, MAX_BYTES)
    assert record.text.splitlines() == lines
    assert {words: anchor_at(record.anchors, record.text.index(words)) for words in anchors} == anchors


EXPORTED_TRANSCRIPT = """Product sync, 14 August 2025

Priya Shah  0:04
Okay, let's get going. First the mobile release.

Tom Becker  0:15
The release is on track for the 28th. We fixed the crash on Android 12.

Priya Shah  0:31
Tom, can your team fix the push notifications before the 28th?

Tom Becker  0:40
Yes, Kenji is on it.
"""


def test_a_transcript_exported_as_text_is_read_as_its_speakers_turns_at_the_file_s_offsets(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    """As Otter, Teams and Zoom export one: each speaker's name and time on a line of their own, the words below."""
    folder = tmp_path / "transcripts"
    folder.mkdir()
    (folder / "sync.txt").write_text(EXPORTED_TRANSCRIPT)
    core = make_core(folder)
    core.index()
    crash = core.ask("What did Tom say about the crash?").quotes[0]
    assert (crash.text, crash.speaker) == ("We fixed the crash on Android 12.", "Tom Becker")
    assert EXPORTED_TRANSCRIPT[crash.start_char : crash.end_char] == crash.text
    assert crash.start_line == 7
    answer = core.ask("Can the team fix the push notifications before the 28th?")
    assert answer.answer == (
        "Priya Shah: Tom, can your team fix the push notifications before the 28th? Tom Becker: Yes, Kenji is on it."
    )
    assert core.meetings()[0].title == "Product sync, 14 August 2025"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("gbk", "市委召开党史学习教育总结会议，会议由市长主持。会议指出，全市共完成为民办实事六百三十六件。\n" * 2),
        ("big5", "市委召開黨史學習教育總結會議，會議由市長主持。會議指出，全市共完成為民辦實事六百三十六件。\n" * 2),
    ],
)
def test_chinese_text_files_are_decoded(tmp_path: Path, encoding: str, text: str) -> None:
    (tmp_path / "minutes.txt").write_bytes(text.encode(encoding))
    assert load_record(tmp_path / "minutes.txt", "minutes.txt", MAX_BYTES).text == text


def test_bad_files_are_skipped_with_one_line_reasons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pdf(tmp_path / "good.pdf", ["The good record."])
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    (tmp_path / "scrambled.docx").write_bytes(b"PK\x03\x04 not a zip really")
    (tmp_path / "broken.vtt").write_text("this is not WEBVTT at all")
    (tmp_path / "huge.txt").write_text("word " * 3000)
    writer = PdfWriter(clone_from=PdfReader(write_pdf(tmp_path / "plain.pdf", ["Secret minutes."])))
    writer.encrypt("password")
    writer.write(str(tmp_path / "locked.pdf"))
    (tmp_path / "plain.pdf").unlink()
    (tmp_path / "private.txt").write_text("Private minutes.")
    real_read_bytes = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "private.txt":  # tests run as root here, so chmod alone would not stop the read
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = load_records(tmp_path, max_bytes=10_000)
    assert [r.meeting for r in result.records] == ["good"]
    reasons = {s.source: s.reason for s in result.skipped}
    assert reasons["empty.md"] == "empty file"
    assert reasons["photo.txt"] == "binary content, not text"
    assert reasons["corrupt.pdf"].startswith("corrupt PDF")
    assert reasons["locked.pdf"] == "encrypted PDF (needs a password)"
    assert reasons["scrambled.docx"].startswith("corrupt Word document")
    assert reasons["broken.vtt"].startswith("malformed VTT transcript")
    assert "over the 0.0 MB limit" in reasons["huge.txt"] or "limit" in reasons["huge.txt"]
    assert reasons["private.txt"] == "permission denied"
    assert all("\n" not in reason for reason in reasons.values())


def test_pdf_citation_shows_the_page(make_core: Callable[..., Minutebot], tmp_path: Path) -> None:
    folder = tmp_path / "pdfs"
    folder.mkdir()
    write_pdf(
        folder / "council.pdf", ["Council minutes of the spring session.", "The council approved the new bridge."]
    )
    core = make_core(folder)
    core.index()
    quote = core.ask("Was the bridge approved?").quotes[0]
    assert "bridge" in quote.text and quote.anchor == "page 2"
    citation = core.cite(quote.ref)
    assert citation.anchor == "page 2" and citation.span.text == quote.text


def test_a_web_page_of_minutes_is_a_record_cited_by_its_section(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "finance-2026-03-04.html").write_text(
        "<html><head><title>Minutes | Anytown Council</title></head><body><nav><a href='/'>Home</a></nav>"
        "<h1>Finance Committee</h1><h2>Library roof</h2><p>The committee agreed to spend £12,400 on the roof.</p>"
        "<h2>Parking</h2><p>Charges stay at £1.20 an hour.</p></body></html>",
        encoding="utf-8",
    )
    core = make_core(folder)
    core.index()
    assert [(m.title, m.date) for m in core.meetings()] == [("Finance Committee", "2026-03-04")]
    quote = core.ask("How much will the library roof cost?").quotes[0]
    assert quote.text == "The committee agreed to spend £12,400 on the roof." and quote.anchor == "Library roof"
    assert core.cite(quote.ref).span.text == quote.text


def write_board_minutes(path: Path) -> Path:
    """Board minutes as kept in Word: field labels, a decision, and the action items in a table."""
    document = Document()
    document.add_heading("Board meeting minutes", level=1)
    document.add_paragraph("Date: 12 March 2024.")
    document.add_paragraph("Present: Chen Wei, Ana Ruiz, Tom Berg.")
    document.add_paragraph("Decision: The board approved the annual accounts.")
    document.add_heading("Action items", level=2)
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        [
            ("Owner", "Action", "Due"),
            ("Chen Wei", "Renew the office lease", "30 April 2024"),
            ("Ana Ruiz", "Send the audit report to the auditors", "15 May 2024"),
        ],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("The meeting closed at noon.")
    document.save(str(path))
    return path


def test_docx_tables_become_readable_rows_in_document_order(tmp_path: Path) -> None:
    record = load_record(write_board_minutes(tmp_path / "board.docx"), "board.docx", MAX_BYTES)
    assert record.text.splitlines()[4:] == [
        "Action items",
        "Owner: Chen Wei · Action: Renew the office lease · Due: 30 April 2024",
        "Owner: Ana Ruiz · Action: Send the audit report to the auditors · Due: 15 May 2024",
        "The meeting closed at noon.",
    ]
    assert record.title == "Board meeting minutes"  # no title in the metadata: the first heading
    assert record.date == "2024-03-12"


def test_a_word_list_s_items_are_marked_as_a_list_s_items(tmp_path: Path) -> None:
    """Word draws a list's bullets and numbers itself, so the text has none: "Newsletter: open rate fell…" would read
    as a turn of a speaker called Newsletter."""
    document = Document()
    document.add_paragraph("Notes")
    document.add_paragraph("Newsletter: open rate fell to 31%.", style="List Bullet")
    document.add_paragraph("Book the guest.", style="List Number")
    document.add_heading("Next steps", level=2)
    assert docx_lines(document, tmp_path) == [
        "Notes",
        "- Newsletter: open rate fell to 31%.",
        "- Book the guest.",
        "Next steps",
    ]


def _run(text: str, tag: str = "w:t") -> OxmlElement:
    """A Word run of `text`, in `tag` ("w:delText" for the text of a deletion)."""
    run, words = OxmlElement("w:r"), OxmlElement(tag)
    words.text = text
    words.set(qn("xml:space"), "preserve")
    run.append(words)
    return run


def _tracked(paragraph: Paragraph, change: str, text: str) -> None:
    """Append `text` to a Word paragraph as a tracked insertion (`change` "ins") or deletion ("del")."""
    mark = OxmlElement(f"w:{change}")
    mark.set(qn("w:id"), "1")
    mark.set(qn("w:author"), "Ana Ruiz")
    mark.append(_run(text, "w:delText" if change == "del" else "w:t"))
    paragraph._p.append(mark)


def test_word_minutes_under_review_read_with_their_tracked_changes_accepted(tmp_path: Path) -> None:
    """Minutes sent round for review carry tracked changes: what was inserted is what they now say, and what was
    deleted is not (python-docx's paragraph text leaves insertions out)."""
    document = Document()
    agreed = document.add_paragraph("The committee agreed to ")
    _tracked(agreed, "ins", "raise the adult fee to £210")
    _tracked(agreed, "del", "keep the adult fee at £195")
    agreed.add_run(" from April.")
    row = document.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text = "Owner"
    _tracked(row.cells[1].paragraphs[0], "ins", "Nadia Osei")
    assert docx_lines(document, tmp_path) == [
        "The committee agreed to raise the adult fee to £210 from April.",
        "Owner · Nadia Osei",
    ]


def _in_a_content_control(*content: OxmlElement) -> OxmlElement:
    control, inner = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    inner.extend(content)
    control.append(inner)
    return control


def test_word_text_in_a_template_s_content_controls_is_read(tmp_path: Path) -> None:
    """Templates hold a section's text, or a field's value, in content controls, which python-docx's paragraphs and
    its document's content pass over."""
    document = Document()
    document.add_paragraph("Minutes of the board")
    paragraph = OxmlElement("w:p")
    paragraph.append(_run("The board approved the budget of £40,000."))
    document.element.body.insert(1, _in_a_content_control(paragraph))
    document.add_paragraph("Next meeting: ")._p.append(_in_a_content_control(_run("12 March 2026")))
    assert docx_lines(document, tmp_path) == [
        "Minutes of the board",
        "The board approved the budget of £40,000.",
        "Next meeting: 12 March 2026",
    ]


def _text_box_run(text: str) -> OxmlElement:
    """A run holding a text box of `text` as Word writes one: a drawing, and the same box again as a picture for
    readers that know no drawings."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return parse_xml(
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        "<wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def test_a_word_text_box_is_read_once_after_the_paragraph_it_is_anchored_in(tmp_path: Path) -> None:
    """Newsletters and minutes set a decision or a sidebar in a text box, which python-docx's body passes over."""
    document = Document()
    document.add_paragraph("Minutes of the parish council")
    document.add_paragraph("The council met in the village hall.")._p.append(
        _text_box_run("Decision: the playground fence will be replaced by June.")
    )
    document.add_paragraph("Any other business: none.")
    assert docx_lines(document, tmp_path) == [
        "Minutes of the parish council",
        "The council met in the village hall.",
        "Decision: the playground fence will be replaced by June.",
        "Any other business: none.",
    ]


def test_a_merged_word_cell_counts_once_and_equal_neighbours_both_count(tmp_path: Path) -> None:
    document = Document()
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [("Item", "2025", "2026"), ("Gardening", "£7,200", "£7,200")], strict=False):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    merged = table.cell(2, 1).merge(table.cell(2, 2))
    table.cell(2, 0).text, merged.text = "Lifts", "to be tendered"
    assert docx_lines(document, tmp_path) == [
        "Item: Gardening · 2025: £7,200 · 2026: £7,200",
        "Item: Lifts · 2025: to be tendered",
    ]


def test_questions_about_a_word_table_are_answered_from_the_row(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    folder = tmp_path / "board"
    folder.mkdir()
    write_board_minutes(folder / "board-2024-03.docx")
    core = make_core(folder)
    core.index()
    answer = core.ask("Who will renew the office lease?")
    assert answer.quotes[0].text == "Owner: Chen Wei · Action: Renew the office lease · Due: 30 April 2024"
    assert answer.quotes[0].speaker is None
    dated = core.ask("When is the audit report due?").quotes[0]
    assert dated.text.startswith("Owner: Ana Ruiz") and "15 May 2024" in dated.text
    for quote in core.ask("What was the date of the board meeting?").quotes:
        assert quote.speaker is None  # "Date: 12 March 2024." is a field, not someone speaking


def write_table_minutes(path: Path, title: str, paragraphs: list[str], rows: list[tuple[str, ...]]) -> None:
    """A Word record of a heading, paragraphs and one table, its first row the column names."""
    document = Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.save(str(path))


def test_action_items_are_the_rows_of_actions_not_every_table_s_items(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    folder = tmp_path / "minutes"
    folder.mkdir()
    library = [
        "Attendees: Mira Chen (chair), Paul Otto, Sara Lind.",
        "The board discussed extending opening hours. Paul Otto proposed opening on Sundays from noon to five; "
        "the board agreed to a six-month trial starting in March.",
    ]
    actions = [("Action", "Owner", "Due"), ("Hire two weekend staff", "Sara Lind", "2025-02-28")]
    actions += [("Update the website hours", "Paul Otto", "2025-02-20")]
    write_table_minutes(folder / "library-board.docx", "Library Board - Minutes", library, actions)
    parks = [
        "Present: Ana Ruiz (chair), Tom Berg, Lea Novak. The committee reviewed the spring planting programme and "
        "agreed that volunteers will plant 400 trees along the river path before the end of April.",
        "Budget for 2025",
    ]
    budget = [("Item", "Amount (EUR)", "Owner"), ("Tree planting", "12,500", "Lea Novak")]
    budget += [("Playground repairs", "3,200", "Tom Berg"), ("Summer festival", "8,000", "Ana Ruiz")]
    write_table_minutes(folder / "parks-committee.docx", "Parks Committee - Minutes", parks, budget)
    core = make_core(folder)
    core.index()
    answer = core.ask("What are the action items?")  # "items" says nothing: the budget's Item column is no answer
    assert answer.quotes[0].meeting == "library-board"
    assert "Action: Hire two weekend staff" in answer.answer and "Tree planting" not in answer.answer


def test_a_mail_saved_as_a_file_is_a_record_titled_by_its_subject_and_dated_by_its_sending(
    make_core: Callable[..., Minutebot], tmp_path: Path
) -> None:
    folder = tmp_path / "recaps"
    folder.mkdir()
    (folder / "vendor-review.eml").write_bytes(bytes(recap()))
    core = make_core(folder)
    core.index()
    record = load_record(folder / "vendor-review.eml", "vendor-review.eml", MAX_BYTES)
    assert (record.title, record.date) == ("Recap - cloud vendor review", "2025-11-27")
    answer = core.ask("Which vendor did we go with?")
    assert answer.quotes[0].text == "We agreed to go with Stratus at $212,000 a year."
