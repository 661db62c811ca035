"""The answer line: what a person reads first, shaped by the kind of question.

A question about a fact ("How many…", "When…", "Who…") is answered by the sentence that states it. A question
that asks for an account ("Summarize…", "What did X think of…", "Why…") gets a short extractive summary: the best
few sentences of one record, 55–80 words (65–90 when a summary is asked for), none repeating another, in the
order they were said. The line may leave out transcript markup (`{disfmarker}`) and filler words so that it
reads cleanly, with "…" where words were dropped; it never adds or changes a word, and every sentence in it is
one of the answer's quotes, exact at its offsets. In a transcript, each speaker's label leads their words where
the speaker changes, so it says who said what; a heading or list item without closing punctuation is set off
from what follows by a dash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence, Set

from retrieval.formats.markdown import unformatted
from retrieval.formats.tables import is_row
from retrieval.formats.transcript import MARKUP, join_spelled_letters
from retrieval.lexical import tokenize
from retrieval.models import Quote
from retrieval.questions.query import ASKS_FOR_A_FACT, ASKS_YES_OR_NO, mentioned_speakers
from retrieval.text.language import CJK_CHARACTERS, is_wide, word_count
from retrieval.text.sentences import CLOSING_MARKS, REPLY_LINES, TERMINATORS, is_question, puts_a_question
from retrieval.text.turns import bare_name, lead_with_speaker, without_speaker

# (fewest, most) words of an account: QMSum's reference answers run about 60 words, 55-80 scored best; a request
# for a summary is answered at more length, as its references are (about 70 words): 65-90 scored best on the
# training questions and held on both halves of validation (benchmarks/README.md).
ACCOUNT_WORDS = (55, 80)
SUMMARY_WORDS = (65, 90)
ACCOUNT_MAX_SENTENCES = 4
_SUMMARY_REQUEST = re.compile(r"^\W*(summari[sz]e|give (me )?a summary|(请|请你)?(总结|概括))", re.IGNORECASE)
# Fewer content words (numbers aside): a back-channel ("Okay.", "Yeah, sure.") or a byline ("2022-06-20 By").
MIN_CONTENT_WORDS = 3
REPEAT_OVERLAP = 0.6  # a sentence sharing this share of its words with one already chosen says nothing new
ANSWER_MAX_CHARS = 600
# Questions about one fact: a quantity, a time, a person, a place, or a choice among named things; or yes or no.
# "Can you tell me about the canary?" is a request, not a yes-or-no question.
_FACT_QUESTION = re.compile(rf"{ASKS_FOR_A_FACT}|{ASKS_YES_OR_NO}", re.IGNORECASE)
# Hesitations, and "you know" / "I mean" where they only fill ("so , you know , it"; "I mean there's"), not
# where they say something ("if you know what I mean", "do you know the price?").
# A back-channel said as one word is one too, as tokenised transcripts write it ("Mm - hmm", "uh-huh"); and one
# that opens a sentence and is set off from the rest ("Yeah, we have people…", "Okay , so the remote…"), not a
# sentence of its own ("Yeah .") nor "Right now".
_FILLER = re.compile(
    r"(?:\b(?:mm+|uh+|um+) ?- ?(?:hmm+|huh)\b|\b(?:um+|uh+|mm+|hmm+|er|ah)\b|\b(?:you know|i mean)\s*,|^i mean\b"
    r"|^(?:yeah|yep|okay|ok|oh|alright|right)\b(?=\s*[,.]\s*\w))"
    r"[ ,.]*(?=\S|$)",
    re.IGNORECASE,
)
# A sentence that opens by greeting ("Good morning everyone, let's start with the release status.") opens a
# meeting, and answers nothing: it joins an account only as its best sentence. (No QMSum account held one.)
_GREETING = re.compile(r"\W*(?:good (?:morning|afternoon|evening)|hello|hi|hey|welcome)(?![\w-])", re.IGNORECASE)
# A mark, with a comma left dangling before it ("be , … twenty") or a dash after it ("uh - I mean" → "… I mean").
_DROPPED = re.compile(r"(?:\s*,?\s*…(?:\s+-(?=\s))?\s*)+")
# A speaker starting over: up to three words said again after a dropped mark ("is … is … is like"). Only the last
# saying is kept, after the mark ("… is like"): the mark that was there already says words were dropped.
_RESTARTED = re.compile(r"\b((?:[\w']+ ){0,2}[\w']+)(?: … \1\b)+", re.IGNORECASE)
# The space a tokenised transcript leaves before punctuation and the second half of a contraction ("it 's ,").
_DETACHED = re.compile(r" +(?=[,.!?;:%)]|'(?:s|re|ve|ll|d|m|t)\b|n't\b)", re.IGNORECASE)
# A line of Chinese wrapped mid-sentence ("…费用约\n2.6万元"): the break is no space between words.
_WRAPPED_CHINESE = re.compile(
    rf"(?<=[{CJK_CHARACTERS}])[ \t]*\n[ \t]*(?=[{CJK_CHARACTERS}\d])|(?<=\d)[ \t]*\n[ \t]*(?=[{CJK_CHARACTERS}])"
)
# A tokenised transcript ("it 's", "okay .") splits hyphenated words ("front - end", "Mm - hmm") and plural
# possessives ("the guys ' plan") too. Only there are they joined: elsewhere " - " may be a dash between words.
_TOKENISED = re.compile(r"\w (?:[,.!?](?: |$)|'(?:s|re|ve|ll|d|m|t)\b|n't\b)", re.IGNORECASE)
_SPLIT_WORD = re.compile(r"(?<=\w) (-) (?=\w)|(?<=s) (?=' )")
# How a part of the line ends when it ends a sentence (or leads into the next, ":"); a part that does not (a
# heading, a list item) is set off from the next by BREAK, so that "Budget review" and "The budget was
# approved." do not read as one sentence.
_PART_ENDS = TERMINATORS | {":", "："}
# What became of a motion, written after it on its line ("Motion 1: allow pets… Carried, 35 for and 9 against.",
# "Moved by James Lee, seconded by Maria Gomez. Carried 4-1."): it belongs with the motion.
_OUTCOME = re.compile(
    r"\W*(?:carried|defeated|approved|adopted|passed|rejected|lost|failed|withdrawn|tabled|deferred|agreed"
    r"|unanimously|moved by|proposed by|seconded by)\b",
    re.IGNORECASE,
)
# A reply that opens with a yes or a no ("Yes, but later than planned.") gives what it says in the sentence after.
# A sentence that turns to someone by name ("And Raj, I need a written plan…"; in a chat without the comma, and
# in lower case too, "Ken can you apply this week?", "marco can you do that today?"): what comes next answers it.
_ADDRESSES_SOMEONE = re.compile(
    r"(?:(?i:and|so|also|now|then)\s+)?"
    r"(?:[A-Z][\w'’-]+,\s|[^\W\d_][\w'’-]*\s+(?=(?i:(?:can|could|will|would) you|please)\b))"
    r"|[\u4e00-\u9fff]{2,3}[，,]"
)
# What marks the answer to a question minutes record: "A: The attendance officer…", "Answer: …", "答：…"
_ANSWER_MARK = re.compile(r"\W*(?:A|Ans|Answer|答|回答)\s*[:：]", re.IGNORECASE)
_YES_OR_NO = re.compile(r"\W*(?:yes|yeah|yep|no|nope|not yet|sure|certainly|absolutely|of course)\b", re.IGNORECASE)
BREAK = " — "
WIDE_BREAK = "——"  # the dash of Chinese text


def wants_account(question: str) -> bool:
    """True unless the question asks for one fact (how many, when, who, where, which, yes or no).

    Everything else ("Summarize…", "What did X think…", "Why…", "What was decided…") asks for an account.
    """
    return not _FACT_QUESTION.search(question)


def compose(
    question: str,
    ranked: Sequence[Quote],
    joins: Sequence[bool] | None = None,
    leaning: Sequence[bool] | None = None,
) -> tuple[str, list[int]]:
    """The answer line and the positions in `ranked` of the quotes it is built from, in the order it reads.

    `ranked` holds the candidate sentences, best first; `joins`, whether each may join an account (all when
    None). The answerer lets a sentence join that is on the question's subject, or a turn of a conversation: in a
    report or minutes a sentence on no topic is another subject, while in a transcript the words around a topic
    often answer it without naming it (leaving those out cost ROUGE on QMSum; benchmarks/README.md). An account
    keeps to the record of the best sentence, so that "in the order they were said" means one meeting's order;
    the other records' sentences remain among the quotes.

    `leaning` is whether each gives what a question about a fact asks for going on from the sentence before it on
    its line, which the answer then opens with: "One more inspector and a scanner at the returns desk. About
    £40,000 a year." (all False when None).
    """
    if not ranked:
        return "", []
    if not wants_account(question):
        completed = [0, *reply_to_best(ranked), *_lead_of_best(ranked, leaning)]
        chosen = sorted(_with_outcomes(ranked, completed), key=lambda i: ranked[i].start_char)
        return attributed([ranked[position] for position in chosen]), chosen
    fewest, most = SUMMARY_WORDS if _SUMMARY_REQUEST.search(question) else ACCOUNT_WORDS
    words_of: dict[int, str] = {}  # cleaned, for the sentences looked at: the best few usually fill an account
    terms_of: dict[int, list[str]] = {}
    chosen: list[int] = []
    count = 0
    reply = reply_to_best(ranked, question)  # a question asked is told with its answer, the next to join after it
    for position in [0, *reply, *(i for i in range(1, len(ranked)) if i not in reply)]:
        quote = ranked[position]
        if len(chosen) == ACCOUNT_MAX_SENTENCES or count >= fewest:
            break
        if quote.meeting != ranked[0].meeting:
            continue
        if joins is not None and not joins[position] and position not in reply:
            continue  # the reply to a question asked joins on its own terms: it may name none of the topic
        words_of[position] = spoken_words(quote)
        if position and _GREETING.match(words_of[position]):
            continue
        length = word_count(words_of[position])
        if chosen and count + length > most:
            continue
        terms = terms_of[position] = said_terms(quote)
        # the best sentence joins if it says a word, however short: "The contract says 95%." for "What does the
        # contract require?" (a back-channel, "Yeah .", says none)
        fewest_words = 1 if position == 0 else MIN_CONTENT_WORDS
        if _words(terms) < fewest_words or any(_repeats(terms, terms_of[other]) for other in chosen):
            continue
        chosen.append(position)
        count += length
    chosen = sorted(_with_outcomes(ranked, chosen or [0]), key=lambda position: ranked[position].start_char)
    turns = [
        (ranked[position].speaker, words_of.get(position) or spoken_words(ranked[position])) for position in chosen
    ]
    return shorten(_with_speakers(turns)), chosen


def reply_to_best(ranked: Sequence[Quote], account_of: str | None = None) -> list[int]:
    """The position of the reply to the best sentence when that is a question someone asked ("Lea, can you tell
    the customers?", "Someone asks whether we can still book business class."), the reply being the next turn, by
    another speaker, among the candidates ("Yes, I'll email them today."; past what the asker goes on to say in
    their turn, "为什么退款处理这么慢？好几个客户都在问。"): in a meeting, who will do something is
    often settled by the answer to a question. In minutes, a question or a request they tell of ("A resident asked
    about parking: …", "Luis asked for the survey to be shared.") is answered by the sentence after it in its
    paragraph ("The committee will propose a permit scheme.", "Dana will post them by Friday."; not the next item's
    heading after a blank line, "4. Open day", nor the first row of a table set under the paragraph, "Job: Lift
    control board · Block: B"). Else none.

    A reply that opens with a yes or a no goes on to the next sentence of its turn ("Yes, but later than planned.
    The lease is signed and the office opens in October…"); in an account of what the question `account_of` asks
    about, so does one that holds none of its words ("I wrote one last night. It apologises and says…")."""
    asked = ranked[0]
    if not puts_a_question(asked.text):
        return []
    after = [
        i for i, quote in enumerate(ranked) if quote.meeting == asked.meeting and quote.start_char >= asked.end_char
    ]
    if asked.speaker is not None:  # past what the asker goes on to say, unless it asks something else of someone
        rest = after_on_its_line(ranked, 0)
        if any(puts_a_question(ranked[i].text) or _ADDRESSES_SOMEONE.match(ranked[i].text) for i in rest):
            return []
        after = [i for i in after if i not in rest]
    if not after:
        return []
    reply = min(after, key=lambda i: ranked[i].start_char)
    if ranked[reply].start_line > asked.end_line + REPLY_LINES:
        return []
    if asked.speaker is None:
        written = ranked[reply].speaker is None and not puts_a_question(ranked[reply].text)
        a_table_after_it = is_row(ranked[reply].text) and not is_row(asked.text)
        return [reply] if written and not a_table_after_it and ranked[reply].start_line <= asked.end_line + 1 else []
    speaker = ranked[reply].speaker
    if speaker is None or bare_name(speaker) == bare_name(asked.speaker):
        return []
    goes_on = _YES_OR_NO.match(said_text(ranked[reply])) is not None or (
        account_of is not None and not set(said_terms(ranked[reply])) & set(tokenize(account_of))
    )
    return [reply, *_going_on(ranked, reply)] if goes_on else [reply]


def addresses(quote: Quote, people: Set[str]) -> bool:
    """Whether what a speaker says opens by addressing one of `people` by name ("And Raj, I need a written plan…",
    "孙磊，你来负责…")."""
    opening = _ADDRESSES_SOMEONE.match(said_text(quote))
    return opening is not None and bool(mentioned_speakers(opening[0], people))


def _going_on(ranked: Sequence[Quote], position: int) -> list[int]:
    """The position of the next sentence of the same turn, on the same line, among the candidates; else none."""
    return after_on_its_line(ranked, position)[:1]


def after_on_its_line(ranked: Sequence[Quote], position: int, among: Iterable[int] | None = None) -> list[int]:
    """The positions (of `among`, or of all `ranked`) of the sentences said after the one at `position` on its line,
    in the order said. A sentence may start where the one before it ends: Chinese puts no space between them."""
    said = ranked[position]
    return sorted(
        (
            i
            for i in (range(len(ranked)) if among is None else among)
            if ranked[i].meeting == said.meeting
            and ranked[i].start_line == said.end_line
            and ranked[i].start_char >= said.end_char
        ),
        key=lambda i: ranked[i].start_char,
    )


def _lead_of_best(ranked: Sequence[Quote], leaning: Sequence[bool] | None) -> list[int]:
    """The position of the sentence the best one goes on from, when it does: the one before it on its line, or the
    question it replies to ("Nadia Rahman: How many password tickets are still open? Leo Martins: About 60.").
    Else none."""
    if not leaning or not leaning[0]:
        return []
    best = ranked[0]
    before = [
        i
        for i, quote in enumerate(ranked)
        if quote.meeting == best.meeting
        and quote.end_char <= best.start_char
        and (quote.end_line == best.start_line or opens_the_reply(quote, best))
    ]
    return [max(before, key=lambda i: ranked[i].start_char)] if before else []


def answers_a_written_question(asked: Quote, said: Quote) -> bool:
    """Whether `said` is the answer minutes record to `asked`, a question they record, marked as one on its line or
    the next: "Q: Why has persistent absence fallen? A: The attendance officer now calls…", as school governors
    minute their challenges; "问：…？答：…"."""
    return (
        is_question(asked.text)
        and asked.end_line <= said.start_line <= asked.end_line + 1
        and _ANSWER_MARK.match(said.text) is not None
    )


def opens_the_reply(asked: Quote, said: Quote) -> bool:
    """Whether `said` opens another speaker's turn right after `asked`, a question asked in the meeting."""
    return is_question(asked.text) and opens_the_next_turn(asked, said)


def opens_the_next_turn(before: Quote, said: Quote) -> bool:
    """Whether `said` opens another speaker's turn right after the turn that `before` ends."""
    return (
        before.speaker is not None
        and said.speaker is not None
        and bare_name(before.speaker) != bare_name(said.speaker)
        and before.end_line < said.start_line <= before.end_line + REPLY_LINES
    )


def _with_outcomes(ranked: Sequence[Quote], chosen: list[int]) -> list[int]:
    """`chosen` with the rest of each motion among them, from the written sentences on its line among the
    candidates: after a motion, those that say what became of it ("Carried 4-1 (Samuel Adeyemi against)."); before
    such a sentence, those back to the motion it follows."""
    with_outcomes = list(chosen)
    for position in chosen:
        said = ranked[position]
        if said.speaker is not None:
            continue
        line = sorted(
            (
                i
                for i, quote in enumerate(ranked)
                if quote.meeting == said.meeting and quote.speaker is None and quote.start_line == said.start_line
            ),
            key=lambda i: ranked[i].start_char,
        )
        at = line.index(position)
        after = next((n for n in range(at + 1, len(line)) if not _OUTCOME.match(ranked[line[n]].text)), len(line))
        before = at
        while before > 0 and _OUTCOME.match(ranked[line[before]].text):
            before -= 1
        with_outcomes += [i for i in line[before:after] if i not in with_outcomes]
    return with_outcomes


def attributed(quotes: Sequence[Quote]) -> str:
    """The quotes' words, cleaned, each led by its speaker where the speaker changes: who said what."""
    return _with_speakers([(quote.speaker, spoken_words(quote)) for quote in quotes])


def said_text(quote: Quote) -> str:
    """What the quote says: its text without its speaker's label (and a turn's time before it)."""
    return without_speaker(quote.text, quote.speaker)


def spoken_words(quote: Quote) -> str:
    """The quote without its speaker's label, cleaned (see `clean`)."""
    return clean(said_text(quote))


def said_terms(quote: Quote) -> list[str]:
    """The terms of what the quote says: its speaker's label is not what they said ("Industrial Designer: You you
    agree?" holds no "design", and "Industrial Designer: Yeah, I agree." one content word, not three)."""
    return tokenize(said_text(quote))


def _with_speakers(turns: Sequence[tuple[str | None, str]]) -> str:
    """(speaker, words) pairs joined, each speaker's label leading their words where the speaker changes (a label
    with a parenthesis and the same label without it are one speaker).

    A part that does not end a sentence is set off from the next by BREAK, without a comma it broke off at.
    """
    line = ""
    previous = None
    for speaker, words in turns:
        person = bare_name(speaker) if speaker else None  # "Hon. Deb Schulte (Minister of Seniors)" is Hon. Deb Schulte
        part = words if person == previous else lead_with_speaker(words, speaker)
        line = f"{line.rstrip(',，、')}{_joint(line, part)}{part}" if line else part
        previous = person
    return line


def _joint(line: str, part: str) -> str:
    """What goes between the line so far and its next part: a space after a sentence's end, else BREAK; in
    Chinese or Japanese, which put no space between sentences, nothing or a full-width dash."""
    ended = line.rstrip(CLOSING_MARKS)[-1:] in _PART_ENDS  # "fine.”" ends a sentence, "(due May 10)" does not
    if is_wide(line[-1]) and (is_wide(part[0]) or ended):  # "…8所。9月1日前…": after "。", whatever follows
        return "" if ended else WIDE_BREAK
    return " " if ended else BREAK


def clean(text: str) -> str:
    """`text` without transcript markup, fillers and restarts, "…" where words were dropped, as written rather
    than as tokenised ("it 's ," → "it's,"; "front - end" → "front-end"; spelled letters as the word: "L_C_D_" →
    "LCD"), white space collapsed."""
    text = _WRAPPED_CHINESE.sub("", text)
    cleaned = _FILLER.sub("… ", MARKUP.sub(" … ", join_spelled_letters(unformatted(text))))
    cleaned = _DROPPED.sub(" … ", " ".join(cleaned.split())).strip()
    cleaned = _DROPPED.sub(" … ", _RESTARTED.sub(_last_saying, cleaned)).strip()
    # Words dropped at the start, or after the sentence ended, need no mark; a sentence broken off keeps its "…".
    cleaned = re.sub(r"^…\s*|(?<=[.!?。！？])\s*…$| …(?=[.!?,]$)", "", cleaned)
    written = _DETACHED.sub("", " ".join(cleaned.split()))
    if _TOKENISED.search(text):
        written = _SPLIT_WORD.sub(lambda split: split.group(1) or "", written)
    return written or " ".join(text.split())


def _last_saying(restart: re.Match[str]) -> str:
    return "… " + restart.group().rsplit(" … ", 1)[1]


def shorten(text: str, limit: int = ANSWER_MAX_CHARS) -> str:
    """Cut at a word boundary with an ellipsis when over `limit` characters."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1].rstrip(" ,;:") + "…"


def _words(terms: list[str]) -> int:
    """How many of a sentence's content words are words rather than numbers."""
    return sum(not term.isdigit() for term in terms)


def _repeats(terms: list[str], other: list[str]) -> bool:
    """True when most of a sentence's content words (`terms`) are already in `other`'s."""
    words = set(terms)
    return bool(words) and len(words & set(other)) / len(words) >= REPEAT_OVERLAP
