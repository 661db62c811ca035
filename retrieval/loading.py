"""Load meeting records from a folder: decode, find title and date, and skip what cannot be read, saying why."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from retrieval.errors import NoRecords, UnreadableRecord
from retrieval.formats.decoding import decode
from retrieval.formats.extract import EXTRACTORS, Extracted, extractor_for
from retrieval.formats.markdown import MARKDOWN_HEADING, unformatted
from retrieval.models import Record, SkippedFile
from retrieval.questions.days import WEEKDAY, day_in_name, days_written
from retrieval.text.turns import turn_opened_by

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md")
RECORD_SUFFIXES = (*TEXT_SUFFIXES, *EXTRACTORS)
# Documents that minutes are kept in but that are not read: each is skipped, saying so, rather than passed over in
# silence (other files, such as images, are not records at all).
UNREAD_DOCUMENT_SUFFIXES = (
    *(".doc", ".rtf", ".pages", ".ppt", ".pptx", ".odp", ".epub"),
    ".msg",  # Outlook's own format: Save As .eml
)
_READ_FORMATS = ".docx, .odt, .pdf, .eml, .txt or .md"
TITLE_MAX_CHARS = 120
DATE_SEARCH_LINES = 10
DATE_LINE_MAX_CHARS = 80  # "**Date:** Wednesday, 12 November 2025, 10:00–11:30 (Room 4)" is 61
# What may come with a record's date on its line: a label, the hours, the weekday, punctuation.
_TITLE_LABEL = re.compile(r"(?:title|标题)\s*[:：]\s*", re.IGNORECASE)
# "Date:", "时间：", or a verb that says when the record was made, as transcription services write it ("Recorded Nov
# 28, 2025", "Held on 3 March 2025")
_DATE_LABEL = re.compile(
    r"\s*(?:(?:(?:meeting )?date|time|when|held(?: on)?|日期|时间|会议时间)\s*[:：]"
    r"|(?:recorded|held|dated)(?: on)?\b\s*[:：]?)",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"(?:上午|下午|晚上)?\d{1,2}(?:[:：.]\d{2}|[时点](?:\d{1,2}分)?)(?:\s*[ap]m\b)?|\b\d{1,2}\s*[ap]m\b", re.IGNORECASE
)
_NO_SUBJECT = re.compile(r"[\s,，.。()（）\-–—~至到]+|\b(?:from|to|until|at)\b", re.IGNORECASE)


@dataclass
class LoadResult:
    records: list[Record] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)


def require_data_folder(data_dir: Path) -> None:
    """NoRecords, saying how to set it, unless `data_dir` is a folder."""
    if not data_dir.is_dir():
        raise NoRecords(f"The data folder {data_dir} does not exist: set MINUTEBOT_DATA_DIR or --data-dir.")


def load_records(data_dir: Path, max_bytes: int) -> LoadResult:
    """Read every record under `data_dir`; files that cannot be read are skipped with their reason."""
    require_data_folder(data_dir)
    result = LoadResult()
    seen: set[str] = set()
    for path in _record_files(data_dir):
        source = path.relative_to(data_dir).as_posix()
        try:
            record = load_record(path, source, max_bytes)
        except UnreadableRecord as error:
            log.warning("skipped %s: %s", source, error)
            result.skipped.append(SkippedFile(source, str(error)))
            continue
        if record.meeting in seen:  # two files with one stem in different folders
            record = replace(record, meeting=Path(source).with_suffix("").as_posix().replace("/", "-"))
        seen.add(record.meeting)
        result.records.append(record)
    if not result.records:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in result.skipped)
        raise NoRecords(
            f"No readable records ({', '.join(RECORD_SUFFIXES)}) in {data_dir}" + (f" ({reasons})" if reasons else "")
        )
    return result


def load_record(path: Path, source: str, max_bytes: int) -> Record:
    if path.suffix.lower() in UNREAD_DOCUMENT_SUFFIXES:
        raise UnreadableRecord(f"{path.suffix.lower()} files are not read; save it as {_READ_FORMATS}")
    data = _read_bytes(path, max_bytes)
    if not data.strip():
        raise UnreadableRecord("empty file")
    extract = extractor_for(path.suffix.lower(), data)
    extracted = extract(data) if extract else Extracted(decode(data))
    text = extracted.text
    if not text.strip():
        raise UnreadableRecord("empty file")
    return Record(
        meeting=path.stem,
        title=extracted.title or find_title(text, path.stem),
        date=find_date(f"{extracted.title}\n{text}" if extracted.title else text, path.stem),
        source=source,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        anchors=extracted.anchors,
    )


def find_title(text: str, fallback: str) -> str:
    """The first line with a letter, without its Markdown (as `title_text`), unless it is a speaker turn. A Markdown
    heading is a title, colon or not ("# Postmortem: checkout outage on 9 July 2025"); so is a note's front matter's
    title ("---" / "title: Platform guild – 26 Nov 2025"), not the rule that opens it; and so is a line that says
    something after its label over turns none of which is that label's ("Design review: checkout redesign" over
    "Priya Natarajan  0:00" …), as the first speaker of a transcript speaks again."""
    lines = text.splitlines()
    for number, written in enumerate(lines):
        line = title_text(written)
        if any(character.isalpha() for character in line):
            speaker = None if MARKDOWN_HEADING.match(written) else turn_opened_by(line)
            said = line.partition(speaker)[2].strip(" :：") if speaker else ""
            if speaker and not (said and _opens_no_other_turn(speaker, lines[number + 1 :])):
                return fallback
            return line if len(line) <= TITLE_MAX_CHARS else line[: TITLE_MAX_CHARS - 1].rstrip() + "…"
    return fallback


def _opens_no_other_turn(label: str, lines_after: Iterable[str]) -> bool:
    """Whether turns open in `lines_after` and none of them is `label`'s."""
    others = False
    for line in lines_after:
        speaker = turn_opened_by(line)
        if speaker == label:
            return False
        others = others or speaker is not None
    return others


def is_date_line(line: str) -> bool:
    """True for a line that only dates the record, labelled or not, with its weekday and hours or not
    ("2023年3月1日星期三", "2024-03-12", "Date: 3 February 2025", "时间：2025年3月5日 上午9:00"): it says nothing of
    a subject."""
    if len(line) > DATE_LINE_MAX_CHARS or not any(character.isdigit() for character in line):
        return False  # the cheap tests first: most lines are sentences
    unlabelled = _DATE_LABEL.sub("", unformatted(line), count=1)
    written = [match.span() for match, _ in days_written(unlabelled)]
    if not written:
        return False
    rest = "".join(c for i, c in enumerate(unlabelled) if not any(start <= i < end for start, end in written))
    return not _NO_SUBJECT.sub("", WEEKDAY.sub("", _CLOCK.sub("", rest)))


@lru_cache(maxsize=256)  # asked twice of each candidate sentence (is it the title line, does it name the meeting)
def title_text(line: str) -> str:
    """A line as a title reads: without its Markdown ("# Budget committee", "**Budget committee**") or the label of
    a field that gives it ("title: Platform guild – 26 Nov 2025", a note's front matter; "Title: …")."""
    text = unformatted(line).strip()
    labelled = _TITLE_LABEL.match(text)
    return text[labelled.end() :].strip().strip("\"'") if labelled else text


def find_date(text: str, name: str = "") -> str | None:
    """The first date written in the first lines, ISO or in words (a "Date: 3 February 2025" line comes before an
    action item due 2025-02-28), or, failing that, the day the file's `name` gives ("board_2025-03-14"), as
    YYYY-MM-DD."""
    head = "\n".join(text.splitlines()[:DATE_SEARCH_LINES])
    first = min(days_written(head), key=lambda written: written[0].start(), default=None)
    day = first[1] if first else day_in_name(name)
    return day.isoformat() if day else None


def _record_files(data_dir: Path) -> Iterator[Path]:
    """Files to read or to say are skipped: records and documents of the formats not read."""
    for path in sorted(data_dir.rglob("*")):
        suffix = path.suffix.lower()
        looked_at = suffix in RECORD_SUFFIXES or suffix in UNREAD_DOCUMENT_SUFFIXES
        if looked_at and path.is_file() and not path.name.startswith("."):
            yield path


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableRecord(
                f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit (MINUTEBOT_MAX_FILE_MB)"
            )
        return path.read_bytes()
    except PermissionError:
        raise UnreadableRecord("permission denied") from None
    except OSError as error:
        raise UnreadableRecord(error.strerror or str(error)) from None
