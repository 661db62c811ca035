"""The typed values that flow through minutebot: records → chunks → passages → quotes → answers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from retrieval.formats.extract import anchor_at
from retrieval.refs import make_ref


@dataclass(frozen=True)
class Record:
    """One meeting record: a file's text exactly as Python reads it, with what was found about it."""

    meeting: str
    title: str
    date: str | None
    source: str
    text: str
    content_hash: str
    anchors: tuple[tuple[int, str], ...] = ()  # (offset, label): PDF pages, caption start times, headings


@dataclass(frozen=True)
class Span:
    """A located piece of a record: `record.text[start_char:end_char] == text`; lines are 1-based, inclusive."""

    meeting: str
    source: str
    start_char: int
    end_char: int
    start_line: int
    end_line: int
    text: str

    @property
    def ref(self) -> str:
        return make_ref(self.meeting, self.start_char, self.end_char)

    def to_dict(self) -> dict[str, Any]:
        return {"ref": self.ref, **asdict(self)}


@dataclass(frozen=True)
class Chunk(Span):
    """A searchable piece of a record, with the speakers whose turns it holds."""

    speakers: tuple[str, ...] = ()
    turn: str | None = None  # the speaker of the line it opens in: a chunk may open mid-turn, without the label


@dataclass(frozen=True)
class Passage(Span):
    """A chunk returned by search, with its meeting's title and date and its fused score."""

    title: str = ""
    date: str | None = None
    score: float = 0.0
    speakers: tuple[str, ...] = ()
    anchors: tuple[tuple[int, str], ...] = ()  # record anchors that apply within the passage
    # of the section of minutes the passage opens in ("Decisions"; retrieval/text/sections.py)
    heading: str | None = None
    turn: str | None = None  # the speaker of the line it opens in: a passage may open mid-turn, without the label
    opens_mid_line: bool = False  # its first line is the end of a line of its record, whose speaker is `turn`

    @property
    def anchor(self) -> str | None:
        return anchor_at(self.anchors, self.start_char)


@dataclass(frozen=True)
class Quote(Span):
    """A verbatim sentence of a record chosen to answer a question."""

    title: str = ""
    date: str | None = None
    speaker: str | None = None
    anchor: str | None = None  # the page, caption time or heading where the quote starts


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    quotes: list[Quote]
    passages: list[Passage]
    mode: str = "extractive"
    note: str | None = None  # why an LLM answer fell back, what was dropped from it, or that no word matched
    answer_quotes: list[int] = field(default_factory=list)  # the quotes the answer line is built from, as it reads
    by_meaning: bool = False  # no sentence shares a word with the question: the quotes are the closest in meaning

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "answer_quotes": self.answer_quotes,
            "mode": self.mode,
            "note": self.note,
            "quotes": [q.to_dict() for q in self.quotes],
            "passages": [p.to_dict() for p in self.passages],
        }


def joined_notes(*notes: str | None) -> str | None:
    """Notes for one answer, in order, as one (None when there is none)."""
    return " ".join(filter(None, notes)) or None


@dataclass(frozen=True)
class Citation:
    """A referenced span with the text around it, for `cite`."""

    span: Span
    title: str
    date: str | None
    context_before: str
    context_after: str
    anchor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span.to_dict(),
            "title": self.title,
            "date": self.date,
            "context_before": self.context_before,
            "context_after": self.context_after,
            "anchor": self.anchor,
        }


@dataclass(frozen=True)
class MeetingInfo:
    meeting: str
    title: str
    date: str | None
    source: str
    chunks: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SkippedFile:
    source: str
    reason: str


@dataclass
class IndexSummary:
    """What an index run did; `to_dict` is the `index --json` output."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    chunks: int = 0
    embedded: int = 0  # passages given a new vector; in a dry run, that would be
    seconds: float = 0.0
    dry_run: bool = False
    model: str = ""  # the embedding model of the index ("minilm" or "e5")
    vectors: str = ""  # what made its vectors (embeddings.vectors_made_by), e.g. "minilm-meetings-2c4608a1b9-int8"
    embedded_again: str = ""  # why every passage was embedded again (the embedding changed), if so
    cut_again: str = ""  # why every record was cut into passages again (passage size or rules changed), if so
    read_again: str = ""  # why every record was read again without embedding (titles and dates read anew), if so

    @property
    def changes(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
