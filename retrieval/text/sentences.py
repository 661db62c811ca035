"""Sentence spans that cope with run-together text (`held.Entrusted`), tokenised transcripts (`word .`) and
Chinese or Japanese text, whose sentences end at 。！？；… with no space after them."""

from __future__ import annotations

import re

from retrieval.formats.tables import CELL_SEPARATOR
from retrieval.text.language import is_cjk

CLOSING_MARKS = "\"'”’)]」』）】〕》"  # may follow a terminator within the sentence it ends
_FULL_WIDTH_ENDS = "。！？；…"  # Chinese and Japanese sentence ends, and their full-width forms
# A terminator, any closing quotes or brackets (and the period after a question quoted: `under "Have a code?".`), then
# either white space or a character that starts a sentence; after a full-width terminator, nothing need follow. A
# semicolon ends a sentence only where the text runs on without a space into a capital or a digit, as items run
# together in translated reports ("completed;549 items"). Written with a space, it joins clauses of one sentence
# ("noon to five; the board agreed…", "May 12; Marco takes…"), and a quote cut there can say the opposite of the
# sentence ("We're not seeing a crisis;").
_BOUNDARY = re.compile(
    rf"""[.!?]+[{re.escape(CLOSING_MARKS)}]*(?:[.!?](?=\s))?(?:\s+|(?=[A-Z“‘(\d]|"\w))"""
    rf"""|;[{re.escape(CLOSING_MARKS)}]*(?=[A-Z“"‘(\d])"""
    rf"""|(?:[{_FULL_WIDTH_ENDS}]+|……)[{re.escape(CLOSING_MARKS)}]*\s*"""
)
TERMINATORS = frozenset(".!?;" + _FULL_WIDTH_ENDS)
_QUOTED_WITHIN = re.compile(r"""[!?]+["”’]\s+""")  # a question or an exclamation quoted, before what follows
SENTENCE_END_CHARACTERS = TERMINATORS | frozenset(CLOSING_MARKS)  # a complete sentence's last
QUESTION_MARKS = frozenset("?？")
# The words a speaker may open a sentence with before saying anything: "So, …", "Okay, right, …", "Um, …", "OK - …";
# not a sentence of their own ("Right. Let's move on…" is two).
SPOKEN_OPENING = r"(?:(?:so|well|and|but|now|then|okay|ok|right|alright|all right|good|fine|um|uh)\b[,\s…–—-]+)*"
# A question that puts a proposal, after a filler if it has one ("So why don't we…?").
_PROPOSES = re.compile(
    SPOKEN_OPENING + r"(?:(?:could|can|should|shall) we|why don['’]?t we|what if we|how about|maybe we (?:could|should)"
    r"|i(?:['’]d| would)?(?: (?:also|just|really|strongly))?(?: (?:like|want) to)? (?:suggest|propose|recommend)"
    r"|my (?:suggestion|proposal|recommendation) is)\b"
    r"|我(?:的)?(?:建议|提议)|建议(?:我们|大家)",
    re.IGNORECASE,
)
# Titles a name may open with, written short ("Dr. Alan Brooks", "Cllr Helen Marsh").
TITLES = frozenset(
    {"mr", "mrs", "ms", "mx", "dr", "prof", "hon", "rev", "cllr", "messrs", "mme", "gov", "sen", "rep", "gen", "col"}
    | {"capt", "lt", "sgt"}
)
_ABBREVIATIONS = TITLES | {"st", "vs", "etc", "e.g", "i.e", "jr", "sr", "approx"}
# "No." is short for number only before one ("No. 5 Mill Lane"): "Oh no. Amy could you ask Helen?" is two sentences.
_BEFORE_A_NUMBER = frozenset({"no"})
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS | _BEFORE_A_NUMBER)) + 1
_NUMBER_AFTER = re.compile(r"\s*\d")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# Things named by a letter ("plan B", "option C", "vitamin D"): a letter after one of these that ends in a period
# and is followed by a capital ends the sentence ("We chose plan B. Then…"), where an initial would not.
_NAMED_BY_A_LETTER = re.compile(
    r"\b(?:plan|option|vitamin|appendix|annex|exhibit|schedule|section|part|phase|stage|step|tier|level|grade"
    r"|type|class|category|version|model|scenario|building|room|wing|block|floor|gate|site|zone|unit|group|team"
    r"|track|route|line|item|point|figure|table|series|size) [A-Z]$",
    re.IGNORECASE,
)
_LONGEST_LETTER_NAME = len("category X")
_CHINESE_NUMERALS = "一二三四五六七八九十"
_ITEM_NUMBER = re.compile(r"\s*\d{1,3}")  # the number of a list item opens its sentence: "1. We agreed."
_WRAPPED_LINE_END = frozenset(",;-–—(/&")  # besides a letter: where a wrapped line of prose may break
# Words no English sentence ends with: a line that ends in one goes on in the next, whatever its first letter. Not
# "may": a date ends so ("By: 31 May").
_UNFINISHED = frozenset(
    "a an the to of for with in on at by from into onto and or but nor that which whose whom is are was were be been"
    " will would shall should can could might must has have had not as than if because while including such"
    " per via about over under after before between through".split()
)
# A line of prose an editor or a mail wrapped at a width (72 or 80 characters) is about as long: it ends where the
# width fell, whatever word that was ("Leeds. Rachel Adeyemi was elected Secretary. Margaret Hill and Peter" /
# "Osei were re-elected."). Prose, as a sentence ends within it: a heading or a table's row is a line as long.
_WRAPPED_WIDTH_MIN = 60
_ENDS_A_SENTENCE_WITHIN = re.compile(r"[.!?]\s+\S")
# A line that opens with a label of any length before its first sentence ends: a turn ("Hon. Navdeep Bains (Minister
# of Innovation, Science and Industry): …"), which a long line before it, ending in no full stop, does not run into.
_OPENS_WITH_A_LABEL = re.compile(r".{1,160}?[:：]\s")
# A line that opens on its own: a turn's label ("Professor B: …") or time ("[00:01:05] …"), a list item, a
# heading or a table row, numbered in Chinese too ("二、垃圾分类", "（三）", "第四条", "2、由物业…").
_OPENS_ITS_OWN_LINE = re.compile(
    r"(?:[-*•#|]|\d+[.)、]\s|[\[(]?\d{1,2}:\d{2}|[^\W\d][\w .'’()-]{0,40}[:：]"
    rf"|[{_CHINESE_NUMERALS}]+[、.]|[（(][{_CHINESE_NUMERALS}\d]+[）)]|第[{_CHINESE_NUMERALS}\d]+[条章节项部分]"
    r"|\d{1,3}(?:[、．]|\.(?=[\u4e00-\u9fff])))"
)
# A minute's reference, as councils and boards number theirs ("PL/45", "B25/07", "12/25", "Min 45", "PC41"): a line
# that opens with one opens an item of its own ("…4 members of the public" / "25/138 Apologies"). Run into its
# number, a reference has two letters at least: "Q4 revenue was up 12%" is a note.
MINUTE_REFERENCE = re.compile(
    r"(?:[A-Z]{1,4}\s?/\s?\d{1,4}|[A-Z]{0,3}\d{1,4}/\d{1,4}|[A-Z]{2,4}\d{1,4}|Min(?:ute)?\.?\s*\d{1,4}(?:/\d{1,4})?)\s"
)
# A line of Chinese prose wrapped at a width is about as long as the line it runs on into (or longer, before a
# paragraph's last line), and longer than a heading; a title over a body line is much shorter than the body.
_CJK_WRAPPED_LINE_MIN = 12
_CJK_WRAPPED_LINE_SHARE = 0.8
_PARAGRAPH_LINES = 30  # lines of a wrapped paragraph looked through for its end
_RUN_ON = 8  # characters before a line's closing number where a Chinese word makes it run on from one
REPLY_LINES = 3  # a reply opens the line after the question, or after a blank line and its speaker's header line
# A question being asked, by others or by the meeting ("…they're asking about a service credit.", "We're still
# wondering whether…"), not the speaker's own, which they put as they speak ("I'm just wondering how…", "I want to
# start by asking…").
_ASKING_NOW = (
    r"\b(?:they|he|she|we|people|customers|clients|members|residents|parents|staff|users|(?-i:[A-Z][\w'’-]+))"
    r"(?:['’]re|['’]s|['’]ve been| are| is| was| were| have been| had been)(?:\s+(?:still|just|also|now|all))?"
    r"\s+(?:asking|wondering|enquiring|inquiring)"
)
# "…asked who owns the pipeline", "…wondered whether…", "The trustees discussed whether to buy…"; a question told
# by its subject, "A resident asked about parking: …", "…they're asking about a service credit."; a request for
# something to be done, "Luis asked for the survey results to be shared with staff.", "Wei asked that the change be
# announced three days before.", not one for a thing, which the sentence may go on to price ("…asked for a new
# water tap, quoted at £950."); in Chinese, 询问, 提问, 提出 a wish or a demand, and 讨论 a matter ("讨论了…问题").
_REPORTED_QUESTION = re.compile(
    r"(?:\b(?:asked|asks|wondered|wonders|wanted to know|queried|enquired|inquired|discussed|considered|debated)"
    rf"|{_ASKING_NOW})"
    r"(?:\s+[\w'’]+){0,2}?"
    r"\s+(?:who|whom|whose|what|whether|if|when|where|why|how|which)\b"
    rf"|(?:\b(?:asked|asks|enquired|inquired)|{_ASKING_NOW}) about (?=\w)"
    r"|\b(?:asked|asks) for\b[^.;:?!]{0,80}?\bto be \w+ed\b"
    r"|\b(?:asked|asks|requested) that\b[^.;:?!]{0,80}?\bbe \w+ed\b"
    r"|询问|问道|提问|提出[，,]?(?:希望|要求)"  # "张阿姨提出，希望社区开设…", "居民询问…"
    r"|讨论了?[^。；！？]{0,30}?(?:问题|事宜)",  # "会上讨论了外来车辆临时停车收费问题。"
    re.IGNORECASE,
)


# A document that asks, which tells of no question put in the meeting: "…the survey asks about self-harm without a
# safeguarding protocol."
_A_DOCUMENT_BEFORE = re.compile(r"\b(?:survey|form|questionnaire|poll|consultation|application)\s+$", re.IGNORECASE)
_FIGURE_IN_A_CLAUSE_AFTER = re.compile(r"[;；][^;；]*\d")  # a clause of its own after a semicolon, with a figure


def is_question(sentence: str) -> bool:
    """True for a sentence that ends with a question mark, in English or Chinese writing ("?" or "？")."""
    return sentence.rstrip()[-1:] in QUESTION_MARKS


def reports_a_question(sentence: str) -> bool:
    """True for a sentence that tells of a question rather than asking it: "Marco asked who owns the deploy
    pipeline.", "Someone asks whether we can still book business class."; not of one a document asks ("the survey
    asks about self-harm")."""
    return _reported_question(sentence) is not None


def _reported_question(sentence: str) -> re.Match[str] | None:
    """The first place a sentence tells of a question put by someone, not by a document."""
    return next(
        (
            found
            for found in _REPORTED_QUESTION.finditer(sentence)
            if not _A_DOCUMENT_BEFORE.search(sentence, 0, found.start())
        ),
        None,
    )


def reports_an_open_question(sentence: str) -> bool:
    """True for a sentence that tells of a question (`reports_a_question`) and not of a reply that settles it with
    a figure: "Henry Lam asked whether that would pay for itself; Olly estimated savings of about £400 a month."
    tells both, while "Marco asked who owns the deploy pipeline; nobody does today." leaves it open."""
    reported = _reported_question(sentence)
    return reported is not None and _FIGURE_IN_A_CLAUSE_AFTER.search(sentence, reported.end()) is None


def proposes(sentence: str) -> bool:
    """True for what a speaker says (their label aside) that puts a proposal: as a question ("Could we hold back the
    second post until…?", "Why don't we…?", "What if we…?", "How about…?"), what they suggested and not a question
    to answer, or in so many words ("I suggest we…", "My proposal is…", "我建议…")."""
    return _PROPOSES.match(sentence) is not None


def puts_a_question(sentence: str) -> bool:
    """True for a sentence that asks a question or tells of one."""
    return is_question(sentence) or reports_a_question(sentence)


def puts_an_open_question(sentence: str) -> bool:
    """True for a sentence that asks a question, or tells of one it does not go on to settle
    (`reports_an_open_question`)."""
    return is_question(sentence) or reports_an_open_question(sentence)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split `text[start:end]` into sentence spans, each stripped of surrounding white space.

    A line break ends a sentence, as records keep one turn or paragraph per line, unless it only wraps a line of
    prose (`is_soft_break`).
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        while line_end != -1 and is_soft_break(text, line_end):
            line_end = text.find("\n", line_end + 1, end)
        line_end = end if line_end == -1 else line_end
        _split_line(text, line_start, line_end, spans)
        line_start = line_end + 1
    return spans


def last_sentence_span(text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """The last of `sentence_spans(text, start, end)`, or None: only the lines it may lie on are split, from the
    end back (a line break that ends a sentence starts the next)."""
    segment_end = len(text) if end is None else end
    while segment_end > start:
        line_break = text.rfind("\n", start, segment_end)
        while line_break != -1 and is_soft_break(text, line_break):
            line_break = text.rfind("\n", start, line_break)
        spans: list[tuple[int, int]] = []
        _split_line(text, start if line_break == -1 else line_break + 1, segment_end, spans)
        if spans or line_break == -1:
            return spans[-1] if spans else None
        segment_end = line_break
    return None


def is_soft_break(text: str, position: int) -> bool:
    """Whether the line break at `position` only wraps a line of prose, as a text editor or an email does at 72 or
    80 characters: the line ends in a word, a comma or a semicolon, not a sentence's end (or a time, as a turn's
    header line "Priya Nair 0:03" or "Aisha Khan 10:33 AM" does), and the next goes on in lower case ("…a Redis
    failover lost" / "events (about 1,200 orders…", "…2p per search with our provider;" / "at current volumes…"), or
    in any case after a comma or a word no sentence ends with ("…including £1,450 to" / "GreenCut Ltd for grass
    cutting.", "…would cost about" / "£90,000 for six months…", "…a recruitment panel of Angela Brooks," / "Victor
    Osei and…"), or after a line of prose as long as a width wraps at, a sentence ending within it ("…Secretary.
    Margaret Hill and Peter" / "Osei were re-elected."; not before a heading in capitals or a turn's label), unless
    it opens a turn, a list item, a heading, a minute's reference or a table row ("Grad E: so the" / "Professor B:
    …", "…4 members of the public" / "25/138 Apologies"), in a paragraph that ends a sentence (captions generated
    without punctuation end none: "okay so let's get started" / "first the numbers we closed 31 deals" keep a line
    each). A mail's quoted lines wrap under their marks ("> …cheaper at £6,200 but" / "> it only seats 180…").
    Headings and table rows are never wrapped so. Chinese, which has no case, wraps a line anywhere: see
    `_wraps_chinese`."""
    line_start = text.rfind("\n", 0, position) + 1
    line = text[line_start:position].rstrip()
    if not line or line.lstrip()[0] in "#|":
        return False
    next_end = text.find("\n", position + 1)
    after = text[position + 1 : len(text) if next_end == -1 else next_end].strip(" \t")
    if line.lstrip()[0] == ">" and after[:1] == ">":  # a mail's quoted lines, wrapped under their marks
        after = after.lstrip("> \t")
    if _ends_mid_chinese(line):
        return _wraps_chinese(text, position, line.strip(), after)
    if (line[-1] not in _WRAPPED_LINE_END and not line[-1].isalpha()) or _ENDS_WITH_A_CLOCK.search(line):
        return False
    unfinished = line[-1] == "," or line.rsplit(None, 1)[-1].lower() in _UNFINISHED
    goes_on = (after[:1].isascii() and after[:1].islower()) or (
        (after[:1].isalnum() or after[:1] in _CURRENCY_SIGNS)
        and not (_OPENS_ITS_OWN_LINE.match(after) or MINUTE_REFERENCE.match(after))
        and (unfinished or _fills_the_width(line, after))
    )
    return goes_on and _paragraph_ends_a_sentence(text, position + 1, in_a_line=True)


# A time of day with its half of the day ends a line as a header's time does: "Aisha Khan  10:33 AM" over "scheduled
# for Friday…", as a chat copied from Slack writes each message.
_ENDS_WITH_A_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*[AaPp]\.?[Mm]\.?$")
_CURRENCY_SIGNS = "£$€¥"  # a sum goes on a line as a figure does: "…agency staff would cost about" / "£90,000 for…"


def _fills_the_width(line: str, after: str) -> bool:
    """Whether `line` is prose wrapped where a width fell (_WRAPPED_WIDTH_MIN), so that it goes on in `after`
    whatever word it ends in: long, ending in a letter, a sentence ending within it, no table's row; and `after`
    opens neither a heading in capitals nor a label."""
    return (
        len(line.strip()) >= _WRAPPED_WIDTH_MIN
        and line[-1].isalpha()
        and _ENDS_A_SENTENCE_WITHIN.search(line) is not None
        and CELL_SEPARATOR not in line
        and not after.split(" ", 1)[0].isupper()
        and not _OPENS_WITH_A_LABEL.match(after)
    )


def _ends_mid_chinese(line: str) -> bool:
    """Whether a line of Chinese ends in the middle of a sentence: in a character of a word ("…费用约"), a comma
    ("，", "、"), or a number run on from one ("…早上7点至9"); not in a full stop, a colon or a bracket."""
    last = line[-1]
    return (
        _is_chinese_letter(last) or last in "，、" or (last.isdigit() and any(map(_is_chinese_letter, line[-_RUN_ON:])))
    )


def _is_chinese_letter(character: str) -> bool:
    """A character of a Chinese or Japanese word, not a punctuation mark ("。" is a character of that writing too)."""
    return character.isalpha() and is_cjk(character)


def _wraps_chinese(text: str, position: int, line: str, after: str) -> bool:
    """A line of Chinese that ends mid-sentence ("…费用约" / "2.6万元，从公共维修基金中列支。") goes on in the next when
    that goes on in Chinese or a number, opens no item, heading or label, and is not much longer than the line
    (an editor wraps every line of a paragraph at the same width), in a paragraph of prose: one that ends a
    sentence. Minutes that list their points a line each without a full stop ("由王海负责起草招标文件" / "张丽华负责统计
    业主意见") wrap none of them."""
    return (
        len(line) >= max(_CJK_WRAPPED_LINE_MIN, _CJK_WRAPPED_LINE_SHARE * len(after))
        and (is_cjk(after[:1]) or after[:1].isdigit())
        and not _OPENS_ITS_OWN_LINE.match(after)
        and _paragraph_ends_a_sentence(text, position + 1)
    )


def _paragraph_ends_a_sentence(text: str, start: int, in_a_line: bool = False) -> bool:
    """Whether the paragraph that goes on at `start` ends a sentence within _PARAGRAPH_LINES lines: at a line's
    end, or with `in_a_line` anywhere in one (wrapped prose ends its sentences mid-line)."""
    for _ in range(_PARAGRAPH_LINES):
        end = text.find("\n", start)
        line = text[start : len(text) if end == -1 else end].rstrip()
        if not line:
            return False
        if line.rstrip(CLOSING_MARKS)[-1:] in TERMINATORS or (in_a_line and not TERMINATORS.isdisjoint(line)):
            return True
        if end == -1:
            return False
        start = end + 1
    return False


def _split_line(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _is_false_boundary(text, match) or _ITEM_NUMBER.fullmatch(text, sentence_start, match.start()):
            continue
        if text.startswith(CELL_SEPARATOR.lstrip(), match.end(), end):
            continue  # a table row's next cell goes on from a cell's last sentence: "…at 9am. · Owner: Gary Holt"
        terminator_end = match.end() - len(match.group()) + len(match.group().rstrip())
        _append_stripped(text, sentence_start, terminator_end, spans)
        sentence_start = match.end()
    _append_stripped(text, sentence_start, end, spans)


def _is_false_boundary(text: str, match: re.Match[str]) -> bool:
    """A question or an exclamation quoted within a sentence that goes on in lower case (`She asked “Why now?” and
    left.`), a period inside a number (1.07), after a known abbreviation (Mr. Smith; No. only before a number, No. 5) or
    after an initial (John H. McArthur, S.G. Tallentyre; not the letter of "plan B.") does not end a sentence, nor
    does an ellipsis (… or ……) in the middle of a line of Latin text."""
    if text[match.start()] == "…":
        return not (match.start() > 0 and is_cjk(text[match.start() - 1]))
    if _QUOTED_WITHIN.fullmatch(match.group()) and text[match.end() : match.end() + 1].islower():
        return True
    if text[match.start()] != ".":
        return False
    after = match.end()
    if match.start() > 0 and text[match.start() - 1].isdigit() and after < len(text) and text[after].isdigit():
        return match.group() == "."
    if _is_initial(text, match.start() - 1):
        named_by_a_letter = _NAMED_BY_A_LETTER.search(text, max(0, match.start() - _LONGEST_LETTER_NAME), match.start())
        return not named_by_a_letter and (match.group() == "." or match.group().startswith(". "))
    word = _WORD_BEFORE.search(text, max(0, match.start() - _LONGEST_ABBREVIATION), match.start())
    if not word:
        return False
    word_text = word.group(1).lower()  # in run-together text the word may follow a period: "hmm.mr"
    if word_text in _BEFORE_A_NUMBER:
        return _NUMBER_AFTER.match(text, match.start() + 1) is not None
    return word_text in _ABBREVIATIONS or word_text.rsplit(".", 1)[-1] in _ABBREVIATIONS


def _is_initial(text: str, position: int) -> bool:
    """True for a capital letter that stands alone as a word, in Latin writing or run into Chinese ("笔名S.G."); not
    the unit of a temperature ("reached 34°C. Imran asked…")."""
    if position < 0 or not text[position].isupper():
        return False
    before = text[position - 1] if position else " "
    return (not before.isalnum() and before != "°") or is_cjk(before)


def _append_stripped(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
