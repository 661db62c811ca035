"""Text out of each record format, with anchors (a page, a caption's start time) that citations show."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from zipfile import BadZipFile

from retrieval.errors import UnreadableRecord
from retrieval.formats.tables import table_lines
from retrieval.text.sentences import SENTENCE_END_CHARACTERS
from retrieval.text.turns import speaker_of, without_speaker

if TYPE_CHECKING:
    from docx.table import Table, _Row
    from docx.text.paragraph import Paragraph
    from webvtt.models import Caption

Anchor = tuple[int, str]  # (character offset in the extracted text, label such as "page 3" or "00:01:05")
Block = tuple[Literal["heading", "item", "text", "row"], str]  # a document's line to be, as read; "row": a table's
_SPEAKER_CHANGE = re.compile(r"(?:^|\s)>>+\s*")  # in broadcast captions; ">>>" marks a new story
LIST_ITEM_MARK = "- "  # before a Word list's item, whose bullet or number the document's numbering draws
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"  # what older Word reads instead
# Captions saved as plain text, as a download renamed or a tool's ".txt" export writes them: WebVTT's header, or a
# SubRip cue's number over its times ("1" / "00:00:00.000 --> 00:00:15.000").
_CAPTIONS_IN_TEXT = re.compile(
    r"\A\ufeff?\s*(?:(?P<vtt>WEBVTT)\b|\d+[ \t]*\r?\n[ \t]*\d{1,2}:\d{2}:\d{2}[.,]\d{3}[ \t]+-->[ \t])"
)
_CAPTIONS_SNIFFED = 200  # characters: where the opening that says captions lies
_PUNCTUATED_SHARE = 0.2  # of captions ending a sentence, in a transcript written with punctuation


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None = None
    anchors: tuple[Anchor, ...] = field(default_factory=tuple)


def extract_pdf(data: bytes) -> Extracted:
    """Paragraphs and table rows as the document reads (retrieval/formats/pdf_text.py), one per line, pages anchored."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    from retrieval.formats.pdf_text import NoTextLayer, read_pdf

    try:
        pdf = read_pdf(data)
    except NoTextLayer:
        raise UnreadableRecord("PDF has no text layer (a scanned image?); minutebot reads text, not images") from None
    except PdfminerException as error:
        if error.args and isinstance(error.args[0], PDFPasswordIncorrect):
            raise UnreadableRecord("encrypted PDF (needs a password)") from None
        raise UnreadableRecord(f"corrupt PDF ({error})") from None
    except (ValueError, KeyError, TypeError, OSError) as error:  # raised for broken structures
        raise UnreadableRecord(f"corrupt PDF ({type(error).__name__}: {error})") from None
    return Extracted(pdf.text, pdf.title, pdf.anchors)


def extract_docx(data: bytes) -> Extracted:
    """Headings, paragraphs and table rows in document order, one per line; each heading anchors its section. A
    paragraph of a bulleted or numbered list is marked as a list's item (`- `), as Word shows it with its bullet
    or number: "- Newsletter: open rate fell…" is an item about the newsletter, no turn of a speaker so called."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError) as error:
        raise UnreadableRecord(f"corrupt Word document ({error})") from None
    return _document(_docx_blocks(document), document.core_properties.title)


def extract_odt(data: bytes) -> Extracted:
    """An OpenDocument text (LibreOffice's minutes) read as Word's are (retrieval/formats/odt.py)."""
    from retrieval.formats.odt import NotOpenDocument, odt_blocks

    try:
        blocks, title = odt_blocks(data)
        return _document(blocks, title)
    except (NotOpenDocument, ValueError) as error:  # ValueError: a malformed count of repeated cells or spaces
        raise UnreadableRecord(f"corrupt OpenDocument text ({error})") from None


def _document(blocks: Iterable[Block], title: str | None) -> Extracted:
    """A document a line per block, white space collapsed, each heading anchoring its section and a list's item
    marked as one; titled by `title`, else by its first heading."""
    lines: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    for kind, text in blocks:
        text = " ".join(text.split())
        if not text:
            continue
        if kind == "heading":
            anchors.append((offset, text))
        elif kind == "item":
            text = f"{LIST_ITEM_MARK}{text}"
        lines.append(text)
        offset += len(text) + 1
    return Extracted("\n".join(lines) + "\n", title or next((heading for _, heading in anchors), None), tuple(anchors))


def _docx_blocks(document: Any) -> Iterator[Block]:
    from docx.table import Table

    for block in _body_blocks(document.element.body, document._body):
        if isinstance(block, Table):
            for line in table_lines([_row_cells(row) for row in block.rows]):
                yield "row", line
        else:
            style = block.style.name.lower() if block.style is not None else ""
            if style.startswith(("heading", "title")):
                yield "heading", _paragraph_text(block)
            else:
                yield ("item" if _is_list_item(block, style) else "text"), _paragraph_text(block)


def _body_blocks(element: Any, parent: Any) -> Iterator[Paragraph | Table]:
    """The paragraphs and tables of a Word document's body in order, those in a content control too (as templates
    hold a section's text: python-docx's `iter_inner_content` passes over them), and a text box's after the
    paragraph it is anchored in."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)
            for text_box in _text_boxes(child):
                yield from _body_blocks(text_box, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag == qn("w:sdt") and (content := child.find(qn("w:sdtContent"))) is not None:
            yield from _body_blocks(content, parent)


def _text_boxes(paragraph: Any) -> list[Any]:
    """The text boxes anchored in a Word paragraph (a sidebar, a boxed decision), each once: Word writes a box
    twice, as a drawing and again as a fallback picture for older readers, and a box may hold boxes of its own."""
    from docx.oxml.ns import qn

    boxes = []
    for box in paragraph.iter(qn("w:txbxContent")):
        ancestor = box.getparent()
        while ancestor is not paragraph and ancestor.tag not in (_FALLBACK, qn("w:txbxContent")):
            ancestor = ancestor.getparent()
        if ancestor is paragraph:
            boxes.append(box)
    return boxes


def _is_list_item(paragraph: Paragraph, style: str) -> bool:
    """Whether a Word paragraph is an item of a list: in a list's style ("List Bullet"), or numbered as one (Google
    Docs writes its bullets so, in the normal style)."""
    properties = paragraph._p.pPr
    return style.startswith("list") or (properties is not None and properties.numPr is not None)


def _row_cells(row: _Row) -> list[str | None]:
    """A Word table row's cell texts, None where a merged cell goes on (python-docx repeats it per column)."""
    cells = row.cells
    return [
        None if i and cell._tc is cells[i - 1]._tc else "\n".join(map(_paragraph_text, cell.paragraphs))
        for i, cell in enumerate(cells)
    ]


def _paragraph_text(paragraph: Paragraph) -> str:
    """A Word paragraph's text as it reads with its tracked changes accepted: what was inserted in, what was deleted
    or moved away out (python-docx's `Paragraph.text` leaves out insertions, as minutes under review have them).
    Text boxes anchored in the paragraph are no part of it."""
    from docx.oxml.ns import qn

    element = paragraph._p
    not_read = {qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent")}
    parts = []
    for run in element.iter(qn("w:r")):
        ancestor = run.getparent()
        while ancestor is not element and ancestor.tag not in not_read:
            ancestor = ancestor.getparent()
        if ancestor is element:
            parts.append(run.text)
    return "".join(parts)


def extract_vtt(data: bytes) -> Extracted:
    return _captions(data, "vtt")


def extract_srt(data: bytes) -> Extracted:
    return _captions(data, "srt")


def _captions(data: bytes, kind: str) -> Extracted:
    """One line per caption, as 'Speaker: words' when the caption names its speaker, anchored at its start. A
    caption that goes on with the sentence the speaker's last caption left unfinished, as captioning services cut
    them at a length ("…the Q4 roadmap and" / "Sofia Marin: whether we can still ship…"), goes on in its line,
    anchored where it starts in it; so does a caption that names no speaker, where captions name theirs when the
    speaker changes ("DEV: On the van, the MOT is due…" / "That's about 380 pounds."). Broadcast captions mark where
    the speaker changes with ">>" (">> MAYOR DAVIS: THE MEETING WILL COME TO ORDER."): in those, each mark opens a
    line, and words after no mark go on in it.
    Captions generated without punctuation keep a line each."""
    import webvtt
    from webvtt.errors import MalformedFileError

    try:
        captions = webvtt.from_buffer(io.StringIO(data.decode("utf-8-sig")), format=kind)
    except (MalformedFileError, UnicodeDecodeError, ValueError) as error:
        raise UnreadableRecord(f"malformed {kind.upper()} transcript ({error})") from None
    texts, starts = _lines_by_speaker(captions.captions)
    if not texts:
        raise UnreadableRecord(f"{kind.upper()} transcript has no captions")
    anchors: list[Anchor] = []
    offset = 0
    for line_starts, text in zip(starts, texts, strict=True):
        anchors.extend((offset + within, label) for within, label in line_starts)
        offset += len(text) + 1
    return Extracted("\n".join(texts) + "\n", None, tuple(anchors))


def _lines_by_speaker(captions: Sequence[Caption]) -> tuple[list[str], list[list[Anchor]]]:
    """The lines of `captions` (`_captions`), and where in its line each caption starts, with its start time."""
    marked = any(_SPEAKER_CHANGE.search(caption.text) for caption in captions)
    # captions that name their speaker where the speaker changes ("DEV: On the van…"): one that names none goes on
    # in the line of the speaker before ("That's about 380 pounds.")
    named = any(caption.voice or speaker_of(caption.text) for caption in captions)
    # Captions generated without punctuation end no sentence anywhere: each keeps its line, as the only break.
    ends = [caption.text.rstrip()[-1:] in SENTENCE_END_CHARACTERS for caption in captions if caption.text.strip()]
    punctuated = sum(ends) >= _PUNCTUATED_SHARE * len(ends)
    texts: list[str] = []
    starts: list[list[Anchor]] = []
    speaker_before: str | None = None
    for caption in captions:
        start = caption.start.split(".")[0]
        for index, words in enumerate(_SPEAKER_CHANGE.split(" ".join(caption.text.split()))):
            if not words:
                continue
            speaker = caption.voice or speaker_of(words)
            goes_on = (
                punctuated
                and bool(texts)
                and (
                    (speaker == speaker_before and texts[-1][-1] not in SENTENCE_END_CHARACTERS)
                    or (named and speaker is None and speaker_before is not None)
                )
            )
            if index == 0 and texts and (marked or goes_on):
                texts[-1] += " "
                starts[-1].append((len(texts[-1]), start))
                texts[-1] += words if marked else without_speaker(words, speaker)
            else:
                starts.append([(0, start)])
                texts.append(f"{caption.voice}: {words}" if caption.voice else words)
                speaker_before = speaker
    return texts, starts


def extract_eml(data: bytes) -> Extracted:
    """A mail saved as a file: its header lines over its text (retrieval/formats/mail.py); its subject is its title."""
    from retrieval.formats.mail import mail_text

    try:
        text, subject = mail_text(data)
    except ValueError as error:
        raise UnreadableRecord(f"unreadable mail ({error})") from None
    return Extracted(text, subject)


def extract_html(data: bytes) -> Extracted:
    """A web page of minutes: a line per paragraph, heading, list item and table row (retrieval/formats/html_text.py),
    each heading anchoring its section; titled by its first top heading, else by what the browser's tab shows."""
    from retrieval.formats.html_text import html_source, read_html

    page = read_html(html_source(data))
    return Extracted(page.text, page.title, page.headings)


EXTRACTORS: dict[str, Callable[[bytes], Extracted]] = {
    ".pdf": extract_pdf,
    ".docx": extract_docx,
    ".odt": extract_odt,
    ".eml": extract_eml,
    ".html": extract_html,
    ".htm": extract_html,
    ".vtt": extract_vtt,
    ".srt": extract_srt,
}


def extractor_for(suffix: str, data: bytes) -> Callable[[bytes], Extracted] | None:
    """How to read a record with the file name's `suffix` (lower case) and bytes `data`: by its format's extractor,
    and plain text that holds captions as the captions it holds (`_CAPTIONS_IN_TEXT`); None for other plain text."""
    if suffix in EXTRACTORS:
        return EXTRACTORS[suffix]
    opening = _CAPTIONS_IN_TEXT.match(data[:_CAPTIONS_SNIFFED].decode("utf-8", errors="ignore"))
    if opening is None:
        return None
    return extract_vtt if opening["vtt"] else extract_srt


def anchors_within(anchors: Sequence[Anchor], start: int, end: int) -> list[Anchor]:
    """The anchor in force at `start` and those inside [start, end)."""
    before = [a for a in anchors if a[0] <= start][-1:]
    return before + [a for a in anchors if start < a[0] < end]


def anchor_at(anchors: tuple[Anchor, ...] | list[Anchor], offset: int) -> str | None:
    """The label of the last anchor at or before `offset`."""
    label = None
    for start, name in anchors:
        if start > offset:
            break
        label = name
    return label
