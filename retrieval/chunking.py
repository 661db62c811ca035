"""Cut records into passages that end at sentence and speaker-turn boundaries, with exact offsets and lines."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from retrieval.models import Chunk, Record
from retrieval.text.sentences import sentence_spans
from retrieval.text.turns import turn_opened_by

# A new turn starts a new passage once the current one holds at least this share of the size limit.
TURN_BREAK_FILL = 0.5
# The version of how records are read, cut into passages and tokenised. Raise it with any change that gives a record
# other passages, speakers, texts to embed or BM25 terms: an index built under other rules is then built again on
# first use, embedding only the passages whose text to embed changed.
# 4: an initial ("John H. McArthur", "the U.K. did") ends no sentence, so no passage.
# 5: the letter of "plan B." ends its sentence.
# 6: a list item's number ("1. We agreed.", "2. 新建中小学8所。") opens its sentence rather than being one.
# 7: a list item led by a name ("- Lea: the rota is published.", "1、张明：…") is that person's.
# 8: a sentence that opens like a turn ("Raj Patel presented the refresh plan: 140 laptops…") is nobody's.
# 9: BM25 reads the past of an irregular verb as its base ("written" → write).
# 10: a table row keeps two neighbouring cells that say the same ("£7,200 · £7,200"); only a merged cell counts once.
# 11: a turn may open with when it was said ("[00:00:27] Hannah Weiss: …"): the line is Hannah Weiss's; "Next
#     call:", "Next sync:" and other labels of the next meeting are fields, not speakers; "34°C." ends a sentence.
# 12: a table row's next cell goes on from the sentence that ends a cell ("…at 9am. · Owner: Gary Holt").
# 13: "参会：", "与会：" open attendance lines, no speaker's turn.
# 14: an office before a full name in an attendance line is no part of the name ("Treasurer Nikhil Rao").
# 15: a line of prose wrapped by an editor or an email ("…a Redis failover lost" / "events (about 1,200…") ends
#     no sentence: the sentence goes on into the next line.
# 16: a line that ends in a word no sentence ends with ("…including £1,450 to") goes on in the next, whatever its
#     first letter, unless that one opens a turn, a list item, a heading or a table row.
# 17: …nor where the next opens with a time ("00:00:57 Maria: …").
# 18: a line of Chinese wrapped at a width ("…费用约" / "2.6万元，…") goes on in the next, unless that opens an item
#     ("二、…"), a heading or a label, or is much longer (a title over its body).
# 19: a caption that goes on with its speaker's unfinished sentence goes on in that caption's line.
# 20: broadcast captions open a line where ">>" marks a new speaker, and go on in it where no mark does.
# 21: …a line of Chinese goes on in the next only in a paragraph that ends a sentence (not in a list of points
#     without full stops), and "2、…" opens an item without a space.
# 22: captions generated without punctuation keep a line each (rule 19 had run them all into one).
# 23: a line of Chinese that ends in a full stop or a colon is no wrapped line, and one that ends in a number run on
#     from a word ("…早上7点至9" / "点和晚上…") is.
# 24: BM25 reads a role's "-ship" as the role ("membership" → member).
# 25: a PDF's line set in bold over one that is not (a heading over its paragraph) ends a paragraph, and a footer
#     that ends "Page 1 of 1" is left out though the document has a single page.
# 26: a line that ends in a comma goes on in the next, whatever its first letter ("…panel of Angela Brooks," /
#     "Victor Osei and Priya Nair be formed…"), unless that one opens a turn, a list item, a heading or a table row.
# 27: "下次例会：…", "下次议事会：…" are the next meeting's fields, no speakers' turns.
# 28: a list item's label of one word that its words repeat in lower case is its topic, no speaker's name
#     ("* Playground: … new playground equipment").
# 29: a paragraph of a Word list is marked as a list's item ("- Newsletter: open rate fell…"), as Word draws its
#     bullet.
# 30: a Chinese attendance line may name who attended by what they are ("出席董事：…", "列席代表：…"): no speaker's
#     turn.
# 31: a turn's header line may give the time by the clock of twelve hours ("Jon Park  9:05 AM", as Slack copies a
#     chat), and names its speaker as names are written; a stand-up's "Yesterday:", "Today:" are fields.
# 32: a line wraps into the next only in a paragraph that ends a sentence: captions generated without punctuation
#     keep a sentence per line.
# 33: a mail's "Sent:" and a note's "Related:" and "Tags:" are fields.
# 34: short forms of notes are read as their words ("mtg" as meeting, "xmas" as Christmas, "14 dec" as December).
# 35: a line that ends in a semicolon wraps into a next line that goes on in lower case, and a mail's quoted lines
#     wrap under their marks; a minute's reference may run its letters into its number ("PC41 Application…").
# 36: a Zoom meeting's chat saved as text heads each message with "10:06:02 From Maria Lopez to Everyone:";
#     "Governors present:", "Trustees absent:" open attendance lines, not turns.
# 37: a turn's header line may give the day before the time ("陈芳  2025-11-21 19:08:02", as WeChat exports a chat).
# 38: a Word document's tracked changes are read as accepted: insertions in, deletions out.
# 39: a PDF page's prose set in two columns reads down each column; a PDF line that opens with a field's label
#     ("Absent: Beth Sands.") starts its own paragraph.
# 40: text in a Word document's content controls is read.
# 41: HTML tags of exported Markdown are no words of a heading ("<summary>Notes on onboarding</summary>").
# 42: an item of the agenda announced aloud by its order ("First item is the office move."); a mail's HTML
#     table rows read as Word's do.
# 43: a PDF's text side by side in rows, with a blank across both sides between them (a table laid out without
#     rules), is no columns.
# 44: a Word text box is read, after the paragraph it is anchored in.
# 45: a mail whose plain text says less than half what its HTML does (a stub) is read from its HTML.
# 46: a chat's handle in lower case after a time names the speaker ("[09:03] marco: looking.").
# 47: a label that ends a sentence within it is no speaker's ("Meeting of 26 November 2025. Chair: …").
# 48: Chinese fields of minutes are no speakers: "表决结果：同意7票…", "理由：…"; a line that ends in a comma heads
# no section ("Hi everyone,").
# 49: a caption that names no speaker goes on in the line of the speaker before, where captions name theirs.
# 50: a motion's fields are no speakers: "Moved: Kate Sullivan. Seconded: Tom Briggs.", "For:", "Against:".
# 51: a numbered Chinese heading that names its matter ("三、关于…的决议") runs to ten words; a date line heads
# nothing, and a Chinese agenda sentence ("今天主要说三件事：…") answers nothing.
# 53: a short sentence that announces a topic aloud ("OK, let's go through Tuesday's outage.") heads what follows.
# 54: an item announced by a number word ("Item four, the application…") or in Chinese ("第二件事，新品发布会。")
# heads what follows; a Chinese chair's order of business ("今天先看…，再说一下…") answers nothing.
# 55: a turn's header line may give the time in brackets ("Kofi Mensah  [9:02 AM]", as Slack copies a message), and
# what is said under it is no heading, however short; a line wrapped before a sum goes on in it ("…would cost about"
# / "£90,000 for six months…"); a Chinese matter put to the meeting to settle heads what follows ("…元旦联欢会的事情
# 我们定一下。").
# 56: a stand-up's "Blocked:" and "Doing:" are fields, no speakers ("- Blocked: needs access to the production
# logs"); a line that gives a sum heads nothing ("Subscriptions          £41,200    £38,900", a row of accounts set
# in columns of spaces).
# 57: the words a speaker may open with before announcing an item or a topic ("Well, next item: …", "Alright -
# let's go through…") are one list, shared with a proposal and a decision said aloud.
# 58: "Main thing today is the warehouse move to Daventry." announces an item, as "First item is…" does.
# 59: a chat exported from WhatsApp opens each message with its day and time ("[27/11/2025, 19:02:11] Rosa Martin:
# …"); a table row's "议题: 快递柜收费 · 讨论情况: …，…" lists no items: only those of its cell count.
# 60: "No." is short for number only before one: "Oh no. Amy could you ask Helen Grant?" is two sentences.
# 61: "Main topic is the spring campaign budget." announces an item, as "Main thing today is…" does.
# 62: a chat copied from Teams heads each turn with the day, the time and the name: "[25/11/2025 16:02] Hannah Lee".
# 63: "Focus:", "Goal:", "Theme:" and "Scope:" label fields, not speakers: "Focus: Google Pay." is no turn of Focus's.
# 64: BM25 reads "hr" as itself, not as hour: "hr-policy-call" is an HR meeting's record.
# 65: "今天主要说两件事，一是门诊排队，二是冬季流感门诊的准备。" lists the meeting's items, and answers nothing.
# 66: a passage's first line that ends a line of its record heads no section ("A replacement impeller" wrapped
# before "costs £640 fitted…"); "Recorded Nov 28, 2025" only dates a record; a line opened by a minute's reference
# heads its section, colon or not, up to 16 words ("PL/62 Application 25/1188: rear extension, 14 Orchard Way").
# 67: a line led by an agenda item's number before a colon heads its item ("Item 3: Road resurfacing", "议题一：村道硬化
# 工程"); a row's first cells that give a time or a figure name nothing ("Time: 10 min · Item: Postgres upgrade · …").
# 68: a noun made of a verb and its particle is the verb in BM25's terms ("rollout" is "roll", as "roll out" is).
# 69: a line that opens with a minute's reference is no wrapped line's end ("…4 members of the public" / "25/138
# Apologies").
# 70: "rollback" and "layoff" are their verbs in BM25's terms, as "rollout" is.
# 71: a line that ends in a time of day with its half ("Aisha Khan  10:33 AM") wraps no prose: the message under it
# opens a sentence of its own, in lower case or not.
PASSAGE_RULES = 71
RULES_CHANGED = "this version of minutebot reads records differently"
# The version of how a record's title and date are read (retrieval/loading.py), which are not embedded. Raise it
# with any change that gives a record another title or date: an index built under other rules reads its records
# again on first use, and embeds nothing again. 1: titles without their Markdown, dates from file names.
# 2: the first date written, of any form (an ISO date further down came first). 3: a note's front matter gives its
# title ("title: …"), and a rule ("---") is none. 4: a first line led by a label that opens no other turn is a title
# ("Design review: checkout redesign" over "Priya Natarajan  0:00" …).
RECORD_RULES = 4
RECORDS_CHANGED = "this version of minutebot reads titles and dates differently"


@dataclass(frozen=True)
class _Piece:
    """A sentence, or part of an over-long one, with the line (turn) it belongs to."""

    start: int
    end: int
    line_start: int
    speaker: str | None


class LineIndex:
    """Maps character offsets of a text to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
        self._length = len(text)
        if self._starts[-1] == self._length and len(self._starts) > 1:  # a final newline starts no line
            self._starts.pop()

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def span_lines(self, start: int, end: int) -> tuple[int, int]:
        return self.line_of(start), self.line_of(max(end - 1, start))

    def char_range(self, first: int, last: int) -> tuple[int, int] | None:
        """Offsets of lines `first`..`last` (1-based, inclusive) without the final newline; None if out of range."""
        if not 1 <= first <= last <= self.line_count:
            return None
        end = self._starts[last] - 1 if last < self.line_count else self._length
        return self._starts[first - 1], end


def chunk_record(record: Record, max_chars: int) -> list[Chunk]:
    """Greedily pack sentences into passages of at most `max_chars`, preferring to break between turns."""
    lines = LineIndex(record.text)
    chunks: list[Chunk] = []
    current: list[_Piece] = []
    for piece in _pieces(record.text, max_chars):
        if current and _should_break(current, piece, max_chars):
            chunks.append(_make_chunk(record, current, lines))
            current = []
        current.append(piece)
    if current:
        chunks.append(_make_chunk(record, current, lines))
    return chunks


def _should_break(current: list[_Piece], piece: _Piece, max_chars: int) -> bool:
    size_with_piece = piece.end - current[0].start
    if size_with_piece > max_chars:
        return True
    new_turn = piece.line_start != current[-1].line_start and piece.speaker is not None
    return new_turn and current[-1].end - current[0].start >= max_chars * TURN_BREAK_FILL


def _pieces(text: str, max_chars: int) -> Iterator[_Piece]:
    """The sentences of `text` (over-long ones in parts), each with the line it opens on and that line's speaker."""
    line_start, line_end = 0, text.find("\n")
    speaker = turn_opened_by(text if line_end == -1 else text[:line_end])  # at its label, or at its header line
    for start, end in sentence_spans(text):
        while line_end != -1 and line_end < start:
            line_start, line_end = line_end + 1, text.find("\n", line_end + 1)
            speaker = turn_opened_by(text[line_start:] if line_end == -1 else text[line_start:line_end])
        for part_start, part_end in _split_long(text, start, end, max_chars):
            yield _Piece(part_start, part_end, line_start, speaker)


def _split_long(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Split a span longer than `max_chars` at white space or after a comma (or hard, if neither is found)."""
    while end - start > max_chars:
        cut = max(text.rfind(" ", start + 1, start + max_chars), _after_comma(text, start + 1, start + max_chars))
        cut = cut if cut > start else start + max_chars
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _after_comma(text: str, start: int, end: int) -> int:
    """The position after the last comma of `text[start:end - 1]` (Chinese text has no spaces to cut at), or -1."""
    found = max(text.rfind(comma, start, end - 1) for comma in "，、,")
    return found + 1 if found != -1 else -1


def _make_chunk(record: Record, pieces: list[_Piece], lines: LineIndex) -> Chunk:
    start, end = pieces[0].start, pieces[-1].end
    start_line, end_line = lines.span_lines(start, end)
    speakers = tuple(dict.fromkeys(p.speaker for p in pieces if p.speaker))
    return Chunk(
        meeting=record.meeting,
        source=record.source,
        start_char=start,
        end_char=end,
        start_line=start_line,
        end_line=end_line,
        text=record.text[start:end],
        speakers=speakers,
        turn=pieces[0].speaker,
    )
