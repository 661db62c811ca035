"""Who a sentence names or is said by, for questions that ask who: people named in full, by a title or a handle,
in a field of people, by whom a motion was moved, or who takes on a task."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence, Set

from retrieval.answers.composing import addresses, said_text
from retrieval.models import Quote
from retrieval.questions.days import MONTHS_AND_DAYS
from retrieval.questions.query import mentioned_speakers
from retrieval.text.sentences import TITLES
from retrieval.text.turns import bare_name, given_name, written_as_a_name

# A person named by a title of address and a name, listed or not: "Cllr Barker will get three quotes", "Mr Bennett".
_TITLED_NAME = (
    rf"\b(?i:{'|'.join(sorted(TITLES | {'councillor', 'professor', 'miss', 'sir', 'dame'}))})\.? [A-Z][\w'’-]+"
)
# A person named by initials and a surname, as minutes often name members: "J. Okafor will run the test", "S.
# Marsh proposed…", "J.K. Rowe". It says who where it opens the sentence or follows "by" ("seconded by L. Brandt"):
# within one, an initial may be a middle name's ("汤玛斯·霍尔兹（Thomas R. Holtz）正式建立…" does not say who proposed
# the concept).
_INITIALLED_NAME = r"(?<![\w.])(?:[A-Z]\. ?){1,2}[A-Z][a-z][\w'’-]*"
_INITIALLED_PERSON = rf"(?:^\W*|\bby ){_INITIALLED_NAME}"
# An action item's owner, as minutes name one, in full before what they are to do: "Action: Lucy Ng to sign the
# Ecotricity contract…", "J. Okafor to book the hall."
_ACTION_OWNER = rf"(?:^\W*|[:：]\s*)(?:[A-Z][\w'’-]+ [A-Z][\w'’-]+|{_INITIALLED_NAME}) to [a-z]"
# A Chinese name with its title of address: "董事会同意聘任刘明先生为公司副总经理".
_TITLED_NAME_ZH = r"[\u4e00-\u9fff]{2}(?:先生|女士|同志)"
_HANDLE = r"(?<![\w.@])@[^\W\d_][\w.-]*(?<=\w)"  # someone named as chats and issue trackers do: "@obi", "@lena-k"
# A first name alone that ends its line, as a team's notes name who kept them ("**Notes:** Owen"); not a word that
# tells how the minutes stand ("Minutes: Approved.", "Notes: None").
_FIRST_NAME_ALONE = (
    r"(?![A-Z][a-z]{2,}ed\b|(?:None|Nil|Yes|No|See|Attached|Pending|Draft|Below|Above)\b)[A-Z][a-z'’-]+\.?\s*$"
)
# Where a field's label starts, bold or not, as a line's or a list item's head or after another field: "**记录：**
# 办公室 韩雪", "- **记录**：冯晓雪", "… · Owner: Tom"; and where it ends, the bold closed before or after the colon.
_FIELD_START = r"(?:^(?:[-*+]\s+)?|(?<= · )|(?<=[—–;,(] )|(?<= - )|(?<=\())(?:\*\*)?"
_LABEL_END = r"(?:\*\*)?\s?[:：](?:\*\*)? ?"
# Who kept the minutes or the notes, by a name in full or a first name alone on its line, as the word may head other
# lines too ("Minutes: Jen Ward.", "**Notes:** Owen", not "Minutes: approved as a true record."; "记录人：王丽"), or
# in prose ("Minutes taken by Jen Ward").
_MINUTES_KEEPER = (
    rf"{_FIELD_START}"
    r"(?:(?i:minutes|notes|minute[- ]?taker|minutes taken by|note[- ]?taker|notes taken by|recorded by|clerk)"
    rf"{_LABEL_END}(?:[A-Z][\w'’-]+ [A-Z]|{_FIRST_NAME_ALONE})"
    rf"|记录人?{_LABEL_END}[\u4e00-\u9fff]{{2,3}}(?![\u4e00-\u9fff]))"
    r"|\b(?i:taken|minuted|kept|recorded) by [A-Z][\w'’-]+ [A-Z]"
)
_KEEPS_THE_MINUTES = re.compile(_MINUTES_KEEPER)
# A question that asks who kept them: "Who took the minutes?", "Who was the note-taker?", "谁做的记录？"
_MINUTES_KEEPER_ASKED = re.compile(
    r"\bwho\b.*\b(?:minutes|notes|note[- ]?taker|minute[- ]?taker|scribe)\b|谁.*记录|记录(?:人|员)?是谁", re.IGNORECASE
)
# A field of people, listed or not: a table's cell in a column of them ("Speaker: Helen Ward · For or against: …",
# "责任人: 王建国"), a motion's mover or seconder ("Moved: Kate Sullivan. Seconded: Tom Briggs."), a label that
# follows a task on its line ("- [ ] Add an index check — owner: Sara Kim, due…"), or who kept the minutes.
_PERSON_FIELD = (
    rf"{_FIELD_START}"
    r"(?i:owner|who|name|speaker|lead|responsible|assigned to|assignee|contact|(?:moved|seconded|proposed)(?: by)?"
    r"|proposer|seconder|负责人|责任人|发言人|责任单位|牵头单位)"
    rf"{_LABEL_END}[^\W\d_]|{_MINUTES_KEEPER}"
)
FILLS_A_FIELD_OF_PEOPLE = re.compile(_PERSON_FIELD)
# Who did what a meeting records of its business, by a full name after "by" ("Proposed by Femi Johnson, seconded by
# Alice Grant.").
_BY_A_PERSON = r"\b(?i:moved|seconded|proposed|nominated|presented|chaired|taken|minuted) by [A-Z][\w'’-]+ [A-Z]"
# Chinese minutes name who is charged with a task by the verb: "由城建科负责", "由王海牵头".
_CHARGED_WITH = r"由[\u4e00-\u9fff]{2,10}(?:负责|牵头)"
# A name that opens a sentence as the one who takes on a task or a role: "Owen Price will report them to the
# council…", "Dana Webb agreed to chase them", "Rachel Adeyemi was elected Secretary.", "Tony will write to the
# school", in minutes that list no one, or not them; not a pronoun ("They will…") nor, in one word, those who hold a
# role ("Governors agreed…", "Members will…"). Names may be several ("Tariq Aziz and Mei Lin were elected…"). Not one
# who reports ("Fatima Noor explained that… when the youth worker left" says nothing of who the youth worker is), nor
# what a thing will be ("Collection will be on 23 and 24 December only.").
_NAME_OF_WHO_TAKES_ON = (
    r"(?!(?:The|This|That|These|Those|Our|Their|Its|An?|All|Each|Every|It|We|They|He|She|You|I|One|Both|Either"
    r"|Neither|Everyone|Everybody|Someone|Somebody|Anyone|Nobody|None|Which|What|Who)\b)"
    rf"(?:{_INITIALLED_NAME}|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){{1,2}}"
    r"|(?![\w'’-]+(?:er|or|ee|ent|ant|an|ist|ie)s\b)[A-Z][\w'’-]+)"
)
_TAKES_ON_A_TASK = re.compile(
    rf"\W*{_NAME_OF_WHO_TAKES_ON}(?:(?:,| and|, and) {_NAME_OF_WHO_TAKES_ON})*"
    r" (?:will(?! be (?:on|at|in|from|until|by|held|open|closed|available|ready|provided|served|free)\b)"
    r"|would|agreed|offered|volunteered|is to|has agreed|is going to"
    r"|(?:was|were|has been|have been) (?:re-?)?(?:elected|appointed|co-opted|nominated)"
    # "Sofia's on it.", "Dev is looking into it.": the name takes in its "'s"
    r"|(?:(?<=['’]s )|is )(?:on|handling|dealing with|looking into|sorting|chasing) (?:it|this|that))\b"
)
# "Who asked about the travel budget?", "Who raised the parking problem?", "谁提出了…？"
WHO_ASKED = re.compile(
    r"\bwho\b(?:\s+[\w'’]+)?\s+(?:asked|raised|queried|enquired|inquired|wanted to know|brought up)\b"
    r"|谁(?:问|询问|提问|提出)",
    re.IGNORECASE,
)
WHO_QUESTION = re.compile(r"^\W*(?:(?:and|so|but) )?(?:who|whom|whose)\b|谁", re.IGNORECASE)  # "And who owns it?"
# Asked who will do something, or is doing it ("Who will apply for the event notice?", "Who's chasing legal?",
# "谁去确认主播档期？"), a turn of a conversation says who by its words, not by whose turn it is: it turns to someone
# by name ("Ken can you apply this week?"), names them, or its speaker takes the task on ("I'll ask the plumber",
# "Will do", "Sofia's on it", "我来负责").
_TASK_ASKED = re.compile(
    r"^\W*(?:(?:and|so|but) )?who(?:['’]ll| will|(?: is|['’]s) (?:going to|\w+ing)| is to| should| would)\b"
    r"|谁(?:来|去|负责)",
    re.IGNORECASE,
)
# Asked what someone is to do ("What will Grace do?", "What is Tom going to do?", "What has Ana agreed to do about
# the codes?", "李明要做什么？"), a sentence that gives a task answers: taken on ("I'll have that by Wednesday",
# "Chloe Amos will get quotes…") or asked of someone by name ("Grace, can you pull the code tickets…?").
_TASK_OF_SOMEONE_ASKED = re.compile(
    r"^\W*what (?:will|is|are|has|have|does|do|should|must)\s+(?!(?:we|you|they|it|this|that)\b)[\w'’ .-]{1,40}?\s+"
    r"(?:(?:going|need|needs|have|has|agreed|supposed) to )?do(?:\s+(?:about|with|for|on)\b.*)?\W*$"
    r"|[\u4e00-\u9fff]{2,3}(?:要|将|会|需要)?(?:做|负责)什么",
    re.IGNORECASE,
)
# A name as whose a thing is ("send them Priya's steps"), not as "'s" for "is" or "has" ("Priya's going to…", "Ken's
# on it", "Ana's done it").
_WHOSE_THING = re.compile(
    r"\b[A-Z][\w-]*['’]s (?!(?:going|gonna|got|been|on|doing|taking|handling|happy|fine|agreed|offered|volunteered"
    r"|said|already|also|just|not|done|sorting|looking|writing|sending|calling|checking)\b)(?=[a-z])"
)
_TAKES_IT_ON = re.compile(
    r"\b(?:I['’]ll|I will|I can(?!['’]t|not)|I['’]m going to|I['’]m on it|will do|leave it with me)\b|我来|我去|我负责",
    re.IGNORECASE,
)
# A word of assent a speaker may open with before taking a task on: "Sure, I'll ask them."
_ASSENT = re.compile(r"^\W*(?:ok(?:ay)?|sure|yes|yeah|yep|fine|right)\b\W*", re.IGNORECASE)


def person_asked(question: str, people: Set[str], listed: Set[str]) -> Callable[[Quote], bool] | None:
    """For a question that asks who, a test of whether a sentence says who: it is one of `people`'s lines, or names
    one of them in full ("| Order the benches for Mill Park | Tom Berg |"; not "Mill Park" for Helen Park, as a
    question may name a speaker by a part of their name), or one that an attendance line lists by the name they
    are called by ("- [ ] Bank transfer payments in checkout - Ana" for Ana Ruiz; not a month's or a day's, "May",
    and not a speaker's role, "Project" of Project Manager), names someone by a title of address ("Cllr Barker
    will get three quotes"), by initials ("J. Okafor will run the test") or by a handle ("- [ ] @obi review PR
    #1842"), fills a field of people ("Speaker: Helen Ward · …", "— owner: Sara Kim"), names an action's owner
    ("Action: Lucy Ng to sign…"), says by whom in full ("Proposed by Femi Johnson") or charges someone with a task
    ("由城建科负责"). Asked who kept the minutes, only the line that names who did says who. None for a question
    that does not ask who."""
    if not WHO_QUESTION.search(question):
        return None
    if _MINUTES_KEEPER_ASKED.search(question):  # not whoever else a sentence names: "Maya: publish release notes"
        return lambda quote: _KEEPS_THE_MINUTES.search(quote.text) is not None
    called = {name for person in listed if (name := given_name(person)) and name.lower() not in MONTHS_AND_DAYS}
    names = sorted({bare_name(person) for person in people} | called, key=len, reverse=True)
    in_full = re.compile(
        "|".join(
            [
                *(rf"(?<![\w-]){re.escape(n)}(?![\w-])" if n.isascii() else re.escape(n) for n in names),
                _TITLED_NAME,
                _INITIALLED_PERSON,
                _ACTION_OWNER,
                _TITLED_NAME_ZH,
                _HANDLE,
                _PERSON_FIELD,
                _BY_A_PERSON,
                _CHARGED_WITH,
            ]
        )
    )
    return lambda quote: quote.speaker in people or in_full.search(quote.text) is not None


def people_of(quotes: Sequence[Quote], attending: Sequence[list[str]]) -> set[str]:
    """The people sentences show: those their attendance lines name (`attending`, as `attendees` reads each of the
    `quotes`: "Present: Ana Ruiz (chair), Ben Cole"), who may never have a line of their own in minutes written in
    prose, and their speakers. Where a record's minutes list who attended, a label they do not list is a topic ("-
    Postgres: upgrade planned for April"), not a person; another record's list says nothing of that (a town
    council's "PRESENT:" line lists none of a stand-up's speakers). Where none lists them, a label of words in lower
    case is a topic too ("Next book: …", "Christmas social: …"; `could_name_a_person`)."""
    listed_in: dict[str, set[str]] = {}
    speakers_of: dict[str, set[str]] = {}
    for quote, names in zip(quotes, attending, strict=True):
        listed_in.setdefault(quote.meeting, set()).update(names)
        if quote.speaker:
            speakers_of.setdefault(quote.meeting, set()).add(quote.speaker)
    people: set[str] = set()
    for meeting, listed in listed_in.items():
        speakers = speakers_of.get(meeting, set())
        named = {speaker for speaker in speakers if is_listed(speaker, listed)} if listed else speakers
        people |= listed | {speaker for speaker in named if could_name_a_person(speaker)}
    return people


def could_name_a_person(label: str) -> bool:
    """Whether a line's label could be a person's name: not when it is several words, one of them in lower case and
    no particle of a name or a role (`written_as_a_name`: "Next book", "Christmas social"; "Ana de Souza" and
    "Minister of Finance" may be, as may a chat's one-word handle "marco", and "Hon. Ahmed Hussen (Minister of
    Families, Children and Social Development)" is, whatever its parenthesis says)."""
    name = bare_name(label)
    return len(name.split()) < 2 or written_as_a_name(name)


def is_listed(speaker: str, listed: Set[str]) -> bool:
    """Whether an attendance line lists the speaker, in full or by a part of the name ("Lea" for Lea Novak, and
    "Lea Novak" for Lea)."""
    name = bare_name(speaker)
    parts = set(name.split())
    return any(name == person or name in person.split() or person in parts for person in listed)


def task_asked(question: str) -> bool:
    """Whether a question asks who will do something (`_TASK_ASKED`)."""
    return _TASK_ASKED.search(question) is not None


def opens_taking_on_a_task(text: str) -> bool:
    """Whether a text opens with a name taking on a task or a role (`_TAKES_ON_A_TASK`): "Owen Price will report
    them to the council…", "J. Okafor will run the test…", "Rachel Adeyemi was elected Secretary."."""
    return _TAKES_ON_A_TASK.match(text) is not None


def opens_taking_it_on(said: str) -> bool:
    """Whether a speaker's words open with taking a task on themselves, past a word of assent (`_TAKES_IT_ON`: "I
    can take it.", "Sure, I'll ask them.", "我来负责。")."""
    return _TAKES_IT_ON.match(_ASSENT.sub("", said, count=1)) is not None


def takes_on_a_task(text: str) -> bool:
    """Whether a name takes on a task or a role anywhere in a text (`_TAKES_ON_A_TASK`): "…; Tony will write to the
    school"."""
    return _TAKES_ON_A_TASK.search(text) is not None


def task_of_someone_asked(question: str) -> bool:
    """Whether a question asks what someone is to do (`_TASK_OF_SOMEONE_ASKED`)."""
    return _TASK_OF_SOMEONE_ASKED.search(question) is not None


def gives_a_task(sentence: Quote, speakers: Set[str]) -> bool:
    """Whether a sentence gives someone a task: its speaker takes one on ("I'll have that by Wednesday"), a name that
    opens it does ("Chloe Amos will get quotes…"), or it asks one of the `speakers` by name ("Grace, can you…?")."""
    said = said_text(sentence)
    return bool(_TAKES_IT_ON.search(said) or opens_taking_on_a_task(said) or addresses(sentence, speakers))


def gives_the_task(turn: Quote, speakers: Set[str]) -> bool:
    """Whether a turn of a conversation says in its words who will do something: it names one of the `speakers`
    ("Ken can you apply this week?", "李航你来做三个模板"), opens with someone taking it on ("Priya will put a call
    out."), or its speaker takes it on ("I'll put it on the Facebook group tonight."). "Ken Liu: Mulled wine: we
    need a temporary event notice…" is Ken's turn, and says nothing of who will apply for the notice; "…send them
    Priya's steps." names whose steps they are, not who will send them."""
    said = said_text(turn)
    named = mentioned_speakers(_WHOSE_THING.sub("", said), speakers)
    return bool(_TAKES_IT_ON.search(said) or opens_taking_on_a_task(said) or named)
