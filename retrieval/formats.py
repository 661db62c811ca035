"""Text out of each record format, with anchors (a page, a caption's start time) that citations show."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from zipfile import BadZipFile

Anchor = tuple[int, str]  # (character offset in the extracted text, label such as "page 3" or "00:01:05")


class UnreadableRecord(Exception):
    """A file that cannot become a record; the message is the reason shown in the index summary."""


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None = None
    anchors: tuple[Anchor, ...] = field(default_factory=tuple)


def extract_pdf(data: bytes) -> Extracted:
    """One block of text per page, pages separated by a blank line, each page anchored."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableRecord("encrypted PDF (needs a password)")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or None
    except PdfReadError as error:
        raise UnreadableRecord(f"corrupt PDF ({error})") from None
    except (ValueError, KeyError, TypeError, OSError) as error:  # pypdf raises these for broken structures
        raise UnreadableRecord(f"corrupt PDF ({type(error).__name__}: {error})") from None
    if not any(pages):
        raise UnreadableRecord("PDF has no extractable text (a scan?)")
    return _joined([(f"page {number}", text) for number, text in enumerate(pages, start=1) if text], "\n\n", title)


def extract_docx(data: bytes) -> Extracted:
    """Headings and paragraphs, one per line; each heading anchors the section it opens."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError) as error:
        raise UnreadableRecord(f"corrupt Word document ({error})") from None
    lines: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        if paragraph.style is not None and paragraph.style.name.lower().startswith(("heading", "title")):
            anchors.append((offset, text))
        lines.append(text)
        offset += len(text) + 1
    return Extracted("\n".join(lines) + "\n", document.core_properties.title or None, tuple(anchors))


def extract_vtt(data: bytes) -> Extracted:
    return _captions(data, "vtt")


def extract_srt(data: bytes) -> Extracted:
    return _captions(data, "srt")


def _captions(data: bytes, kind: str) -> Extracted:
    """One caption per line, as 'Speaker: words' when the caption names its speaker, anchored at its start."""
    import webvtt
    from webvtt.errors import MalformedFileError

    try:
        captions = webvtt.from_buffer(io.StringIO(data.decode("utf-8-sig")), format=kind)
    except (MalformedFileError, UnicodeDecodeError, ValueError) as error:
        raise UnreadableRecord(f"malformed {kind.upper()} transcript ({error})") from None
    parts = []
    for caption in captions:
        words = " ".join(caption.text.split())
        if words:
            parts.append((caption.start.split(".")[0], f"{caption.voice}: {words}" if caption.voice else words))
    if not parts:
        raise UnreadableRecord(f"{kind.upper()} transcript has no captions")
    return _joined(parts, "\n", None)


def _joined(parts: list[tuple[str, str]], separator: str, title: str | None) -> Extracted:
    anchors: list[Anchor] = []
    offset = 0
    for label, text in parts:
        anchors.append((offset, label))
        offset += len(text) + len(separator)
    return Extracted(separator.join(text for _, text in parts) + "\n", title, tuple(anchors))


EXTRACTORS: dict[str, Callable[[bytes], Extracted]] = {
    ".pdf": extract_pdf,
    ".docx": extract_docx,
    ".vtt": extract_vtt,
    ".srt": extract_srt,
}


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
