"""OpenDocument texts, written by odfpy as LibreOffice writes them."""

import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from odf import dc, draw, table, text
from odf.namespaces import TEXTNS, XMLNS
from odf.opendocument import OpenDocumentText

from retrieval.errors import UnreadableRecord
from retrieval.formats.extract import anchor_at, extract_odt
from retrieval.loading import load_record


def _paragraph(*content: object, heading: bool = False) -> text.P:
    paragraph = text.H(outlinelevel=1) if heading else text.P()
    for part in content:
        if isinstance(part, str):
            paragraph.addText(part)
        else:
            paragraph.addElement(part)
    return paragraph


def _footnote(words: str) -> text.Note:
    note, body = text.Note(noteclass="footnote", id="ftn1"), text.NoteBody()
    note.addElement(text.NoteCitation(text="1"))
    body.addElement(text.P(text=words))
    note.addElement(body)
    return note


def _minutes() -> OpenDocumentText:
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text="Parish Council, 9 October 2025"))
    body = document.text
    changes = text.TrackedChanges()
    region = text.ChangedRegion(check_grammar=False)  # odfpy's grammar wants xml:id, LibreOffice writes both
    region.setAttrNS(XMLNS, "id", "ct1")
    region.setAttrNS(TEXTNS, "id", "ct1")
    deletion = text.Deletion()
    deletion.addElement(text.P(text="£180"))
    region.addElement(deletion)
    changes.addElement(region)
    inserted = text.ChangedRegion(check_grammar=False)
    inserted.setAttrNS(XMLNS, "id", "ct2")
    inserted.setAttrNS(TEXTNS, "id", "ct2")
    inserted.addElement(text.Insertion())
    changes.addElement(inserted)
    body.addElement(changes)
    body.addElement(_paragraph("Finance", heading=True))
    body.addElement(
        _paragraph(
            "The council agreed",
            text.S(c=3),
            "to pay ",
            text.Change(changeid="ct1"),
            text.ChangeStart(changeid="ct2"),
            "£240",
            text.ChangeEnd(changeid="ct2"),
            " for the hedge.",
            _footnote("Quoted by Hedgerow Ltd."),
        )
    )
    items = text.List()
    for item in ("Clerk to order the bins", "Cllr Ray to check the bench"):
        entry = text.ListItem()
        entry.addElement(text.P(text=item))
        items.addElement(entry)
    body.addElement(items)
    actions = table.Table(name="Actions")
    actions.addElement(table.TableColumn(numbercolumnsrepeated=2))
    for cells in (("Action", "Owner"), ("Repaint the shelter", "Ann Cole")):
        row = table.TableRow()
        for cell_text in cells:
            cell = table.TableCell()
            cell.addElement(text.P(text=cell_text))
            row.addElement(cell)
        actions.addElement(row)
    body.addElement(actions)
    box = draw.Frame(width="5cm", height="2cm", anchortype="paragraph")
    inner = draw.TextBox()
    inner.addElement(text.P(text="Next meeting: 13 November 2025."))
    box.addElement(inner)
    body.addElement(_paragraph("Any other business: none.", box))
    return document


def test_an_opendocument_text_reads_as_word_minutes_do(tmp_path: Path) -> None:
    """Headings anchor their sections; a list's items are marked; a table reads a row per line, each cell led by
    its column's heading; a tracked deletion and a footnote are no words of the text; a text box comes after
    the paragraph it is anchored in; the title is the document's own."""
    _minutes().save(str(tmp_path / "parish.odt"))
    record = load_record(tmp_path / "parish.odt", "parish.odt", 1_000_000)
    assert record.text.splitlines() == [
        "Finance",
        "The council agreed to pay £240 for the hedge.",
        "- Clerk to order the bins",
        "- Cllr Ray to check the bench",
        "Action: Repaint the shelter · Owner: Ann Cole",
        "Any other business: none.",
        "Next meeting: 13 November 2025.",
    ]
    assert (record.title, record.date) == ("Parish Council, 9 October 2025", "2025-10-09")
    assert anchor_at(record.anchors, record.text.index("Owner")) == "Finance"


def _with_content(content: str) -> bytes:
    """An OpenDocument text whose content.xml is `content`."""
    package = BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("content.xml", content)
    return package.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04 not a zip",
        b"plain text",
        _with_content("<not-closed"),
        _with_content(  # a count of spaces that is no number
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            '<text:p>a<text:s text:c="many"/>b</text:p></office:text></office:body></office:document-content>'
        ),
    ],
)
def test_a_broken_opendocument_text_is_unreadable_saying_so(data: bytes) -> None:
    with pytest.raises(UnreadableRecord, match="corrupt OpenDocument text"):
        extract_odt(data)
