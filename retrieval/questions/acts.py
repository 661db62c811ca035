"""What a question asks was done (proposed, decided, to be done), and whether a sentence reports that act.

"What did Paul Otto propose?" is answered by "Paul Otto proposed opening on Sundays", not by the attendance line
that also names him; "What was decided about opening hours?" by "the board agreed to a six-month trial", or by
"Sam owns the deploy pipeline." under the heading "Decisions" (retrieval/text/sections.py); "Who attended?" by
"Attendees: Priya Shah, Marco Bianchi, Jun Park"; "What are the action items?" by the rows under "Action items".
Opinions ("What did X think…") are no such act: speakers say "I think" in nearly every turn, and counting it put
fewer gold sentences first on QMSum's training meetings (benchmarks/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence, Set
from typing import NamedTuple

from retrieval.answers.quotes import titles_holding
from retrieval.lexical import tokenize
from retrieval.models import Passage, Quote
from retrieval.questions.attendance import attendance_label
from retrieval.questions.days import MONTHS_AND_DAYS, NEXT_MEETING, NEXT_MEETING_ZH
from retrieval.questions.query import (
    ABOUT_A_SUBJECT,
    YES_OR_NO_ASKED,
    mentioned_speakers,
    names_no_topic,
    reduce_question,
    without_names,
)
from retrieval.text.sections import HeadedSentence, headed_sentences, heading_terms, in_conversation
from retrieval.text.sentences import SPOKEN_OPENING, proposes
from retrieval.text.turns import without_speaker

# How surely a line under a heading that names an act reports it, against one that reports it in its own words.
HEADING_REPORT = 0.5
# "What are the action items?", "What are the next steps?", "有哪些待办事项？"
ACTION_ITEMS = "action actions todo todos task tasks step steps 待办 任务"
# A choice is a decision too ("Which roofer was chosen?" is answered by "…resolved to appoint Ashdown Roofing"), and
# so is how a problem was solved ("食堂问题怎么解决？": "经讨论，决定…").
DECISIONS = (
    "decide decided decision decisions agree agreed agreement approve approved resolve resolved conclude "
    "concluded conclusion choose chose chosen choice select selected selection 决定 决议 议定 解决"
)
PROPOSALS = (
    "propose proposed proposal proposals suggest suggested suggestion suggestions recommend recommended recommendation"
    " 提议 建议 提案"
)
# Who took on a role: "Dev Patel was elected treasurer unopposed.", "Ana was appointed to the board."
APPOINTMENTS = "appoint appointed appointment elect elected election nominate nominated co-opt co-opted 任命 当选 选举"
# Words that name the same act, any one of which in a question asks for a sentence holding one of them.
ACTS = (
    PROPOSALS,
    DECISIONS,
    # Not "present": "What did Marco present?" asks about a presentation, and the stems are the same; only
    # "present" after a form of "be" is attending (_BEING_PRESENT). Not "participants": "What were the
    # participants responsible for?" asks what they did, not who came.
    "attend attended attending attendance attendee attendees 出席 参会 列席",
    # Who did not come: the "Apologies:", "Absent:" or "Regrets:" line of an attendance list ("Apologies for
    # absence:" by its label). Not "absence" in a sentence, which is as often pupils' or staff's: "Persistent
    # absence has fallen to 11%." tells of no one absent from the meeting.
    "absent absentee absentees apologies apology regrets 缺席 请假",
    # Who held back their vote: "Carried, three in favour and one abstention (Mr Osei)."
    "abstain abstained abstaining abstention abstentions 弃权",
    # Who offered to help: "Volunteers: Ana Ruiz and Dev Singh", "Dev volunteered to draft it".
    "volunteer volunteers volunteered volunteering 志愿 志愿者 自愿",
    ACTION_ITEMS,
    APPOINTMENTS,
)
# Chinese act words are terms as they are (tokenize would cut each into itself): tokenizing them here would load
# jieba's dictionary, 30 MB, into every process, English-only ones too.
_ACT_STEMS = tuple(
    frozenset(tokenize(" ".join(w for w in words.split() if w.isascii())))
    | frozenset(w for w in words.split() if not w.isascii())
    for words in ACTS
)
_ATTENDANCE_TERMS = frozenset(tokenize("attended"))
# "Present" as attending, after a form of "be" ("Who was present?", "Was Sam present at the meeting?"), not the verb
# ("What did Marco present?"), which shares its stem.
_BEING_PRESENT = re.compile(r"\b(?:is|are|was|were|be|been)\b(?:\s+[\w'’-]+){0,3}?\s+present\b(?!-)", re.IGNORECASE)
_ACTION_ITEM_TERMS = _ACT_STEMS[ACTS.index(ACTION_ITEMS)]
_DECISION_STEMS = _ACT_STEMS[ACTS.index(DECISIONS)]
_PROPOSAL_STEMS = _ACT_STEMS[ACTS.index(PROPOSALS)]
_APPOINTMENT_STEMS = _ACT_STEMS[ACTS.index(APPOINTMENTS)]
# Who holds a role anew ("Who is the new treasurer?", "Who will be the new chair?"): who was appointed to it, not who
# left it ("Gary Finch has stepped down as treasurer…").
_NEW_HOLDER_ASKED = re.compile(r"\bwho\b.*\bnew\b|新(?:任|的)?\w{0,6}(?:是谁|由谁)", re.IGNORECASE)
# A decision proposed, not made: "The officer recommended approval…", "Cllr Frost proposed that the council agree…",
# "…moved acceptance of the report" (the minutes go on to say what was resolved).
_PROPOSES_A_DECISION = re.compile(
    r"\b(?:propos|recommend|suggest|mov)(?:ed|es|ing|s)?\b(?:\s+[\w'’]+){0,3}?\s+"
    r"(?:approv|agree|adopt|accept|refus|reject|decid|resolv|select|choos)\w*",
    re.IGNORECASE,
)
# A decision said aloud, as a turn opens with it: "Let's book the Corn Exchange for 12 March.", "OK, we'll go with
# the rubber case.", "So we've agreed on yellow."; not "Let's start with the venue.", which opens a subject.
_PROPOSAL_MIN_TERMS = 3  # content words of a proposal said aloud, its verb among them
_DECIDED_ALOUD = re.compile(
    r"\W*" + SPOKEN_OPENING + r"(?:let['’]s (?:go (?:with|for)|book|choose|pick|stick with|settle on)"
    r"|we['’]ll go (?:with|for)|we['’]re going (?:with|for)"
    r"|we(?:['’]ve| have)? (?:decided|agreed|settled) (?:to|on|that)"
    # …or labelled, as a chat's chair writes it: "Decision: GO for 7.3 tomorrow at 06:00."
    r"|(?:decision|decided|agreed|resolved)\s*[:：]|决定[:：]"
    r"|那就(?:定|选|用)|就这么定)",
    re.IGNORECASE,
)
# How a chair declares what became of a matter, anywhere in their turn, and minutes record it: "Against? Two. The
# item is deferred.", "Approved unanimously, with the standard conditions.", "After discussion the motion was
# carried…", "Resolution 1, a rent increase of 4% from April 2026, was carried…" (its number, and what it says).
_OUTCOMES = "approved|carried|refused|deferred|rejected"  # what a turn may open with: "Approved unanimously…"
_DECLARED_ALOUD = re.compile(
    r"\b(?:(?:the )?(?:item|motion|application|amendment|proposal|recommendation|resolution)(?: \d+[a-z]?)?"
    r"(?:, (?:[^,.;?]|(?<=\d)[,.](?=\d)){1,80},)?|that)(?: is| was|['’]s)"
    rf"|^\W*(?=(?:{_OUTCOMES})\b(?:\s+(?:unanimously|by|with|nem)\b|\W*$))",
    re.IGNORECASE,
)
_DECLARED_OUTCOME = re.compile(
    rf"\s*(?:then\s+|therefore\s+|now\s+)?(?:{_OUTCOMES}|agreed|lost|withdrawn|adopted)\b", re.IGNORECASE
)
_ACT_WORDS = frozenset().union(*_ACT_STEMS)
# A name in the middle of a question: a capitalised word after its first ("What are Tom's action items?"), unless
# it names a day or a month ("What did we decide on Monday?").
_NAME = re.compile(r"(?<=\s)(?P<name>[A-Z][\w-]*)(?:['’]s)?\b")
_NOT_A_PERSON = MONTHS_AND_DAYS | {"i"}
# Who met, framing in a folder of one body's minutes, and a title's word where the folder holds others' too ("What
# did the board approve?" of the board's meetings).
_BODIES = "board|committee|council|commission|panel|cabinet"
_BODY = re.compile(rf"\b(?:{_BODIES})\b", re.IGNORECASE)
# A question made of an act's words and framing ("What did we decide?", "Which decisions were made?", "What did
# the board decide?", "What are the next steps?", "What are the open action items?", "Who sent apologies?",
# "会议决定了什么？") asks for every sentence that reports the act; these are its words, how the act is asked for,
# which reports (the open ones, the key ones: the latest minutes' list is what a reader means), and who met.
# Chinese words are not set off by spaces.
_ASKING_FOR_THE_ACTS = re.compile(
    r"\b(?:"
    + "|".join(word for word in " ".join(ACTS).split() if word.isascii())
    + rf"|items?|made|taken|reached|sent|send|gave|given|give|next|any|all|list|which|{_BODIES}"
    + r"|open|outstanding|pending|remaining|unfinished|still|key|main|important|major|final|latest|current|new)\b|"
    + "|".join(word for word in " ".join(ACTS).split() if not word.isascii())
    + "|事项|有",
    re.IGNORECASE,
)

# A line that gives the next meeting: "Next call: …", "Date of next meeting: …", "The next meeting will be held on…",
# "7. Date of next meeting …" (an item's number), "下次会议时间：…", "下次议事会定于…"; not a task that names it
# ("提交下次会议讨论").
_NEXT_MEETING_LINE = re.compile(
    rf"\W*(?:\d+(?:[./]\d+)*[.)]?\s+)?(?:the )?{NEXT_MEETING}\b|\W*{NEXT_MEETING_ZH}",
    re.IGNORECASE,
)
# The next meeting arranged aloud, as a call ends: "Let's meet again on the 15th…", "We'll reconvene next Tuesday.",
# "我们下周三再碰一下。", "下周再开个会。".
_MEETING_AGAIN = re.compile(
    r"\b(?:meet|regroup|catch up|check in|get together)\s+again\b|\breconvene\b"
    r"|再碰(?:一下|一次|个头|头)|再开(?:一次|个)?会",
    re.IGNORECASE,
)

ReportsAct = Callable[[Set[str]], bool]  # whether a sentence's terms report the act asked about


def act_asked(question: str) -> ReportsAct | None:
    """A test of whether a sentence (its terms, as `tokenize` gives them) reports the act `question` asks about,
    or None when the question names no act."""
    named = act_terms(question)
    asked = frozenset().union(*(stems for stems in _ACT_STEMS if stems & named))
    if not asked:
        return None
    return lambda sentence_terms: not asked.isdisjoint(sentence_terms)


def act_or_outcome_asked(question: str) -> ReportsAct | None:
    """The act a question asks about (`act_asked`); for a question asked yes or no, about how a matter was settled
    and so stands or will be, the decision: "Will the food bank open on Saturdays?" is answered by what the meeting
    agreed ("…the trustees agreed to a trial of Saturday opening…"), not by the proposal it discussed first
    ("Claire Dubois proposed opening on Saturday mornings…"); for a question about who holds a role anew, who was
    appointed or elected to it."""
    reports_act = act_asked(question)
    if reports_act is None and YES_OR_NO_ASKED.search(question):
        return lambda sentence_terms: not _DECISION_STEMS.isdisjoint(sentence_terms)
    if reports_act is None and _NEW_HOLDER_ASKED.search(question):
        return lambda sentence_terms: not _APPOINTMENT_STEMS.isdisjoint(sentence_terms)
    return reports_act


def act_terms(question: str) -> frozenset[str]:
    """The terms of a question that name an act ("absent" of "Who was absent?", "decid" of "What did we decide?");
    being present is attending ("Who was present?")."""
    named = frozenset(tokenize(question)) & _ACT_WORDS
    return named | _ATTENDANCE_TERMS if _BEING_PRESENT.search(question) else named


class ActAsked(NamedTuple):
    """What a question that asks for every report of an act asks for: the test of a sentence that reports it, the
    people the reports must name (none: everyone's), and the titles of the meetings it names by their title
    (none: any meeting)."""

    reports: ReportsAct
    people: frozenset[str]
    titles: frozenset[str] = frozenset()


def every_act_asked(question: str, speakers: Iterable[str] = (), titles: Iterable[str] = ()) -> ActAsked | None:
    """The act a question asks for every report of, naming no topic but people or a meeting by its title ("What
    did we decide?", "What are the action items?", "What are Tom's action items?": one of `speakers`, or a name,
    capitalised in the middle of the question; "What did the parks committee decide?": words of one of `titles`);
    None for a question about a topic ("What was decided about the budget?") or about no act."""
    reports_act = act_asked(question)
    if reports_act is None:
        return None
    titles = list(titles)
    named = mentioned_speakers(question, speakers)
    rest = _ASKING_FOR_THE_ACTS.sub(" ", without_names(question, named))
    if ABOUT_A_SUBJECT.search(rest):
        return None  # "What did we decide about Postgres?" names a subject, which search finds in every meeting
    names = {match["name"] for match in _NAME.finditer(rest) if match["name"].lower() not in _NOT_A_PERSON}
    if names_no_topic(without_names(rest, names)):  # "Who attended?" asks for every attendance line, too
        # a capitalised word a title holds names the meeting, not a person: "Who attended the AGM?" of the "…Annual
        # General Meeting"
        meetings = {name for name in names if titles_holding(frozenset(tokenize(name)), titles)}
        body = frozenset(tokenize(" ".join([*_BODY.findall(question), *meetings])))
        return ActAsked(reports_act, frozenset(named | (names - meetings)), titles_holding(body, titles))
    topic = frozenset(tokenize(reduce_question(rest)))  # with its capitalised words: "the IT steering group"
    meant = titles_holding(topic, titles)
    return ActAsked(reports_act, frozenset(named), meant) if meant else None


def sentences_reporting(
    passages: Sequence[Passage], reports_act: ReportsAct, people: Set[str] = frozenset()
) -> list[Quote]:
    """The sentences of one record's `passages` (in reading order) that report the act, in order: those a heading
    or an attendance line names so when the record has any ("Decisions", "Action items", "Present: …"), else
    those that say it where no one is recorded saying it, and a speaker's proposal in their own words; when
    `people` are given, only those they say or that name them ("| Remove the extension | Tom |" for Tom)."""
    headed = [
        sentence
        for sentence in headed_sentences(passages, continuous=True)
        if not sentence.names_a_section and (not people or said_by_or_naming(sentence.quote, people))
    ]
    named = [sentence for sentence in headed if reports_act(_named_terms(sentence))]
    said = [
        s
        for s in headed
        if (s.quote.speaker is None and reports_act(set(tokenize(s.quote.text))))
        or (in_conversation(s) and _proposed_aloud(reports_act, without_speaker(s.quote.text, s.quote.speaker)))
    ]
    return [sentence.quote for sentence in named or said]


def _proposed_aloud(reports_act: ReportsAct, said: str) -> bool:
    """Whether a speaker's words (their label aside) make the proposal asked about in saying it ("I suggest we…",
    "Could we hold back…?", "我建议…"), and say what it is: "And I propose to {disfmarker}", broken off, does not."""
    return reports_act(_PROPOSAL_STEMS) and proposes(said) and len(tokenize(said)) >= _PROPOSAL_MIN_TERMS


def declares_an_outcome(said: str) -> bool:
    """Whether words declare what became of the matter before the meeting, as a chair does ("The item is
    deferred.", "That's carried.", "Approved unanimously, with the standard conditions.") and minutes record it
    ("After discussion the motion was carried…"), not asking it ("That's approved, then?"). A lone "Agreed." is as
    often a speaker's reply."""
    return not said.rstrip().endswith("?") and any(
        _DECLARED_OUTCOME.match(said, found.end()) for found in _DECLARED_ALOUD.finditer(said)
    )


def said_by_or_naming(quote: Quote, people: Set[str]) -> bool:
    """Whether one of `people` (speakers, as `mentioned_speakers` finds them) said the sentence or is named in it:
    "Any updates from Lea?" is about Lea, and "| Remove the extension | Tom |" is one of Tom's action items."""
    return quote.speaker in people or bool(mentioned_speakers(quote.text, people))


def reports(reports_act: ReportsAct, sentence: HeadedSentence, terms: set[str]) -> float:
    """How surely a sentence (with its `terms`) reports the act. A written line: 1 in its own words (minutes'
    "总务处李明汇报：…。经讨论，决定…" under "二、食堂问题") or as an attendance line ("Present: …"); HEADING_REPORT
    only under a heading that names it ("Decisions", whoever the line names: "Sam: write the postmortem" under
    "Action items"), as a line under "Election of officers" may tell who stood down, while "Rachel Adeyemi was
    elected Secretary." says who was elected. A turn of a conversation: 1 under such a heading or label, or by
    opening with a decision said aloud ("Let's book the Corn Exchange…") or, asked about proposals, with one
    ("I suggest we…", "Could we…?", "我建议…"); a speaker's "I agree" or "I think" rarely reports one. 0
    otherwise. A decision only proposed ("The officer recommended approval…") is no decision made: it reports a
    proposal."""
    named = reports_act(_named_terms(sentence))
    if in_conversation(sentence):
        said = without_speaker(sentence.quote.text, sentence.quote.speaker)
        decided_aloud = reports_act(_DECISION_STEMS) and (
            _DECIDED_ALOUD.match(said) is not None or declares_an_outcome(said)
        )
        return float(named or decided_aloud or _proposed_aloud(reports_act, said))
    own_words = (
        reports_act(terms)
        and (reports_act(_PROPOSAL_STEMS) or _PROPOSES_A_DECISION.search(sentence.quote.text) is None)
    ) or (reports_act(_DECISION_STEMS) and declares_an_outcome(sentence.quote.text))
    if own_words or (named and attendance_label(sentence.quote.text) is not None):
        return 1.0
    return HEADING_REPORT * named


def is_action_item(sentence: HeadedSentence) -> bool:
    """Whether a sentence is one of the action items of minutes: under a heading that names them ("Action items",
    "Next steps", "待办事项"). Its date is when the action is due. The line that closes minutes with the next
    meeting ("Next call: Tuesday 10 June.", "下次会议时间：…") is no action, though it follows them."""
    if sentence.heading is None or _ACTION_ITEM_TERMS.isdisjoint(heading_terms(sentence.heading)):
        return False
    return not gives_the_next_meeting(sentence.quote.text)


def gives_the_next_meeting(sentence: str) -> bool:
    """Whether a sentence is the line that gives the next meeting ("Next meeting: 8 December 2025."), or arranges it
    aloud ("Let's meet again on the 15th to look at results.", "我们下周三再碰一下。")."""
    return _NEXT_MEETING_LINE.match(sentence) is not None or _MEETING_AGAIN.search(sentence) is not None


def _named_terms(sentence: HeadedSentence) -> frozenset[str]:
    """What a sentence is, as its section's heading names it, or as an attendance line is: "Present: …" says who
    attended, "Apologies: …" who sent apologies, and so who was absent."""
    terms = heading_terms(sentence.heading) if sentence.heading else frozenset()
    label = attendance_label(sentence.quote.text)
    return terms if label is None else terms | _ATTENDANCE_TERMS | heading_terms(label)
