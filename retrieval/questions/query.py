"""Understanding a question before searching: drop the words that only frame it, find the speakers it names and
whether it asks for all they said."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from retrieval.lexical import tokenize
from retrieval.questions.days import MEETING_NOUN, NEXT_MEETING_NAMED
from retrieval.text.language import is_cjk
from retrieval.text.turns import bare_name, parenthesis_of

# Words that frame questions about meetings ("Summarize the discussion about…", "What did X think of…") but
# say nothing about the topic; left in, they pull search towards passages that merely talk about talking.
# "Items" too: "the action items" are the actions, and the Item column of a budget table is no answer. "Happened"
# too: "When did the outage happen?" asks about the outage, and "The Postgres upgrade happens on April 12." is no
# answer for sharing the verb. "Presentation" too, like "discussion": "Summarize the presentation on the
# prototype." asks about the prototype, and "you two will present us your prototype" is no answer
# (benchmarks/README.md).
FRAMING_WORDS = frozenset(
    """
    summarize summarise summary discuss discussed discussing discussion discussions talk talked talking think
    thought thinks opinion opinions say said says tell told group team meeting meetings mention mentioned view
    views idea ideas item items propose proposed proposal suggest suggested explain explained question
    questioning put forward when what why how who whom which did does do was were is are the a an about on of for
    in to and with their they them his her its it this that there happen happens happened happening occur occurs
    occurred present presents presented presenting presentation presentations
    """.split()
)
# The pronouns, quantifiers and auxiliaries a question is made of, beyond bm25s's 33 stopwords. No topic of a
# sentence: in a small folder of minutes "we" or "from" is rare, and outweighed the topic in choosing the quote
# ("Did we hear anything from finance?" got "…went from 420 ms…"; "What should we start doing?" got "The tombola
# did best at £610."; "How long did checkout take after the redesign?" got "…look at the ticket numbers after two
# weeks."), but within a word joined by hyphens, which names something ("looked-after children"; topics.py). Search
# keeps them: taken out of the search too, they cost QMSum 0.1-0.2 ROUGE-1 (benchmarks/README.md).
FUNCTION_WORDS = frozenset(
    """
    from any some all each every we our us you your i me my he she him have has had been being can could would
    should also just so than very those here out now do does did doing done after before during until
    """.split()
)
# Words that ask how a topic stands ("the status of…", "any progress on…"), which no record need hold to answer.
STANDING_WORDS = frozenset("status progress update updates news outcome outcomes latest current".split())
# The same in Chinese, as jieba cuts a question ("总结一下城市建设方面的内容" → 城市建设 的). "认为" stays:
# "被认为是害虫" (is considered a pest) says something. "时候" of "什么时候" asks when, as "when" does.
FRAMING_WORDS_ZH = frozenset(
    "总结 概括 归纳 一下 讨论 谈 谈到 提到 提及 说 说了 讲 讲了 内容 方面 情况 会议 会上 时候".split()
)
# How people ask for a summary of a meeting beyond the framing words: politely, as who took part, by what a
# summary is called (a recap, an overview… only where the question opens with it: "Summarize the recap of the
# last meeting" asks about the recap), naming the latest meeting ("the last meeting", "the latest platform weekly":
# a meeting's title, which retrieval/search.py looks for, is what is left) or where it was held ("…the meeting held
# on" a day, which retrieval/questions/days.py takes out first), or the record itself ("Summarize the whole report.",
# "What is this document about?": a record named with "the" or "this", so that "the reports on long-term care" keeps
# its topic); in Chinese, the question's particles and the same ("上次会议讨论了什么？", "总结一下这份报告"). Taken
# out only to tell whether a question names a topic: search keeps these words. No QMSum question changes path.
_ASKING_FOR_A_SUMMARY = re.compile(
    r"^\W*(?:(?:can|could|would) you |please )*(?:give (?:me|us) |tell (?:me|us) )?(?:an? |the )?"
    r"(?:(?:quick|short|brief) )?(?:recap|overview|rundown|gist|tl;?dr)\b"
    rf"|\b(?:last|latest|most recent|today['’]s)(?= {MEETING_NOUN}\b)|\bthe (?:last|latest|most recent|previous)\b"
    r"|\b(?:the|this|that|today['’]s|our) (?:(?:whole|entire|full) )?"
    rf"(?:{MEETING_NOUN}|report|transcript|record|document|notes|conversation|article|text|file)"
    r"(?![\w-])(?! (?:on|of|from|by|for)\b)"
    r"|\b(?:please|can|could|would|give|tell|we|us|our|you|i|me|happened|covered|today|highlights|at|from|held|dated)\b"
    r"|\b(?:main|key) (?:points|takeaways)\b"
    r"|请|了|是|什么|哪些|的|吗|呢|主要|要点|重点|今天|上次|最近|本次|这次|(?:这|整|全)?[份篇个次]?(?:报告|纪要|文章|记录|文件)"
    r"|整个|全文|本文",
    re.IGNORECASE,
)
# A question about one fact: a quantity, a time, a person, a place, or a choice among named things. "When was the
# meeting held?" is all framing, but asks for a day, not for a summary.
# "When" that asks for a time; "When discussing the budget, what…" sets the scene of a question about something else.
WHEN_ASKED = r"when\b(?! (?:discussing|talking|presenting|asked))"
# "How" and the measure a question asks for ("How long did the outage last?"): framing, no topic. Left in, "long"
# chose "…as long as they land before 7 am" for that question, and "last" "…the last two services move".
HOW_MUCH = r"\bhow (?:many|much|long|far|often|old|big|large|soon)\b"
_HOW_MUCH = re.compile(HOW_MUCH, re.IGNORECASE)
# "How long did it last?", "How long did checkout take after the redesign?": the verb asks for the length, as "how
# long" does, and names no topic; a clause may set the scene after it. (Not "How much will the roof cost?": there
# "cost" finds the sentence that gives the sum, "The repair would cost £4,200", five first quotes of minutes lost.)
_HOW_LONG_IT_LASTS = re.compile(
    r"^(\W*how long\b.*?\b)(?:last|lasted|lasts|take|takes|took)"
    r"(?=\W*$|\s+(?:after|before|during|since|until|in|on|at|for|with|to|this|last|next)\b)",
    re.IGNORECASE,
)
# "Why did the rollback take so long?": "so long" says the taking was long, which is what is asked, and no topic:
# "It's long (550+ pages)…" of another meeting is no answer. The verb stays: "…so it took a while to…" may be.
_TAKES_SO_LONG = re.compile(r"\b(tak(?:e|es|ing|en)|took)\s+(?:so|this|that|too)\s+long\b", re.IGNORECASE)
# An amount asked for in other words than "how much": "What is the price…?", "What does the extra inspector cost?"
# The verb "cost" follows a short name of what costs ("What did the team decide on the cost?" asks no amount), and
# like "last" in "How long did it last?" it is framing: "Energy costs were 18% over budget" says nothing of the
# inspector.
WHAT_IT_COSTS = (
    r"(\bwhat (?:does|do|did|will|would) (?:(?:the|a|an|this|that|these|those|it|its|our|their|each) )?"
    r"(?:[\w'’-]+ ){0,2})cost\b"
)
_COST_ASKED = re.compile(WHAT_IT_COSTS, re.IGNORECASE)
# A figure asked for by what it measures: "What is the price…?", "What was the crash-free rate on Android?", "What
# is the Black Friday discount?", "What is the current onboarding completion rate?" (up to three words say what it
# is of), "What share of users goes first?"; not "What was the budget discussion about?", nor "What are the target
# price, target cost and target profit…?", which asks for an account of three.
# Words a measure only qualifies: "the budget discussion" is a discussion.
_QUALIFIED_BY_A_MEASURE = r"(?:discussion|meeting|review|item|plan|report|proposal|debate|process|committee|request)"
_MEASURE = (
    r"(?:number|percentage|percent|proportion|fraction|amount|price|cost|rate|discount|fee|salary|wage|budget|balance"
    r"|total|score|deficit|surplus|profit|revenue|income|turnover|turnout|ratio|shortfall|threshold|limit|capacity|quota)s?"
)
AMOUNT_ASKED = (
    rf"\bwhat(?:['’]s| is| was| are| were)?(?: the)?(?: (?!(?:about|of|on|for|in|with|to)\b)[\w'’-]+){{0,3}}?"
    rf" {_MEASURE}\b(?!,| and\b| {_QUALIFIED_BY_A_MEASURE}\b)"
    rf"|{WHAT_IT_COSTS}|\bwhat share of\b"
)
HOW_MANY_ZH = "几(?!乎|何)"  # 几个, 几倍, 几点 (how many, how many times, what time); not 几乎 (almost)
ASKS_FOR_A_FACT = (
    rf"^\W*(?:{HOW_MUCH}|{AMOUNT_ASKED}|{WHEN_ASKED}"
    r"|who|whom|whose|where|which"
    r"|what(?:['’]s| is| was| are| were)?(?: the)? (?:time|date|day|deadline|due date|year|month)s?)\b"
    rf"|多少|{HOW_MANY_ZH}|多[大高长重久远深宽厚]|何时|什么时候|哪[一个里年天位家所]|谁"
)
_ASKS_FOR_A_FACT = re.compile(ASKS_FOR_A_FACT, re.IGNORECASE)
# A question asked yes or no: "Is…?", "Did…?", "Will…?"; not a request ("Can you summarise…?", "Will you list…?").
ASKS_YES_OR_NO = r"^\W*(?:(?:is|are|was|were|did|does|do|has|have|shall)\b|(?:can|will)\b(?! you\b))"
# The same in Chinese too ("…是否…", "…吗？"): a question about how a matter was settled.
YES_OR_NO_ASKED = re.compile(rf"{ASKS_YES_OR_NO}|是否|吗\W*$", re.IGNORECASE)
# How a question asks what a meeting said as a whole.
_OF_A_MEETING = re.compile(
    rf"\b(?:summari[sz]e|summary|recap|overview|discuss(?:ed)?|talk(?:ed)? about|covered|happened|{MEETING_NOUN})\b"
    r"|讨论|总结|概括|会议|纪要",
    re.IGNORECASE,
)
# Asking what someone said or thought, and about what: "What did X say about the budget?", "…think of the plan?"
_SAYING = re.compile(
    r"\b(?:say|said|says|talk(?:ed|s)?|discuss(?:ed)?|think|thought|mention(?:ed)?|tell|told|propos(?:e|ed)"
    r"|suggest(?:ed)?|explain(?:ed)?|views?|opinions?|points|contribut(?:e|ed|ions?)|report(?:ed)?)\b"
    r"|说|讲|谈|提到|发言|观点|意见",
    re.IGNORECASE,
)
ABOUT_A_SUBJECT = re.compile(
    r"\b(?:about|regarding|concerning|on the (?:subject|topic|matter) of)\b|\bth(?:ink|ought) of\b|关于"
)
# A closing clause that sets the scene ("…when discussing the design of the remote control?", "…while presenting
# the market trends?", "…during the evaluation?"): it says where in the meeting; the words before it, what was said
# there. Not at the start ("When did…?"), nor "when to" ("What did they decide about when to meet?"). So does
# what the answer is set against: "What did the landlord offer instead of a rent reduction?" asks what the
# landlord offered, and "Sue asked for a rent reduction…" is no answer.
SETTING_THE_SCENE = re.compile(
    r"(?<=\S)\s+(?:when|while|during|instead\s+of|rather\s+than)\b(?!\s+to\b)", re.IGNORECASE
)
# Parts of speaker labels that do not identify one person ("Hon. Bill Blair", "Grad E", "Lynne Neagle AM").
_NOT_A_NAME = frozenset("hon mr mrs ms dr right the am mp acting chair grad phd professor postdoc".split())
# Roles that labels told apart by letter give to one person of a group ("Professor B", "Postdoc G" of ICSI's
# meetings; "Grad A" and "PhD C" are some of several): "the professor" names them.
_ONE_PERSON_ROLES = frozenset("professor postdoc".split())
_MIN_NAME_PART = 2  # "Mei" of Mei Chen, "Li" of Li Wei; a particle ("van", "de") is in lower case
_WORD = re.compile(r"\d+(?:[.,]\d+)+|[\w'’-]+")  # a number whole, as the index reads it: "Lab 2.14", "1,200"
# "The next meeting" is a topic: minutes write "Next meeting: 24 March" ("When is the next meeting?", "…the next
# trustees meeting?"): the meeting's word is no framing within NEXT_MEETING_NAMED, of up to this many words.
_NEXT_MEETING_WORDS = 4
_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_CONTRACTION = re.compile(r"['’](?:s|re|ve|d|ll)$")
_CONTRACTED = frozenset("what who where when why how which that there it they this".split())


def reduce_question(question: str) -> str:
    """The question without framing words; the question itself if no word to search for is left ("Who was at
    the meeting?" leaves "at")."""
    reduced = " ".join(_topic_words(question))
    return reduced if tokenize(reduced) else question


def asks_about_everything(question: str) -> bool:
    """True when the question is all framing ("Summarize the meeting.", "What did we discuss in the last
    meeting?", "Can you give me a recap?", "总结一下会议"): it names no topic, so no sentence can be expected to
    share a word with it, and a summary of the meeting answers it. A question about one fact ("When was the
    meeting held?", "Who was at the meeting?") does not ask for a summary, framing or not."""
    return not _ASKS_FOR_A_FACT.search(question) and names_no_topic(question)


def names_no_topic(question: str) -> bool:
    """True when the question is all framing and ways of asking, a fact's ("Who was there?") or a summary's."""
    return not _words_beyond_asking(question)


def meeting_words(question: str) -> frozenset[str]:
    """The terms that may name a meeting by its title, in a question that asks what a meeting said as a whole
    ("What did the parks committee discuss?" → park, committe; "Summarize the IT steering group meeting."): its
    terms beyond framing, when it asks for a summary or a discussion and for no one fact. None otherwise: "What
    is a canary release?" asks what a thing is, whatever a record is titled."""
    if _ASKS_FOR_A_FACT.search(question) or not _OF_A_MEETING.search(question):
        return frozenset()
    return frozenset(tokenize(" ".join(_words_beyond_asking(question))))


def _words_beyond_asking(question: str) -> list[str]:
    """The question's words but for its framing and its ways of asking for a summary ("Can you give me a recap
    of…", "the last meeting")."""
    return _topic_words(_ASKING_FOR_A_SUMMARY.sub(" ", question))


def topic_words_as_written(question: str) -> list[str]:
    """The English words of a question's topic as it writes them, without framing and function words and the words
    that ask how a topic stands ("What is the status of the Kubernetes migration?" → Kubernetes, migration)."""
    asking = FUNCTION_WORDS | STANDING_WORDS
    words = (_CONTRACTION.sub("", word) for word in _topic_words(question))  # "the CFO's budget": CFO, budget
    return [word for word in words if _ENGLISH_WORD.fullmatch(word) and word.lower() not in asking]


def _topic_words(question: str) -> list[str]:
    unframed = _TAKES_SO_LONG.sub(r"\1", _HOW_LONG_IT_LASTS.sub(r"\1", question))
    words = _WORD.findall(_HOW_MUCH.sub(" ", _COST_ASKED.sub(r"\1", unframed)))
    return [
        part
        for i, word in enumerate(words)
        if not _is_framing(word) or _names_the_next_meeting(words[max(i - _NEXT_MEETING_WORDS + 1, 0) : i + 1])
        for part in _unframed(word)
    ]


def _names_the_next_meeting(words: list[str]) -> bool:
    """Whether `words` end with the words that name the next meeting ("next meeting", "next trustees meeting")."""
    return any(NEXT_MEETING_NAMED.fullmatch(" ".join(words[i:])) for i in range(len(words) - 1))


def _is_framing(word: str) -> bool:
    """A framing word, or a question word or pronoun contracted with one ("What's", "who's", "what're", "it's": "what
    is", …). A noun's "'s" is its possessive: "the group's plan" asks about the group's plan."""
    lower = word.lower()
    uncontracted = _CONTRACTION.sub("", lower)
    return lower in FRAMING_WORDS or (uncontracted != lower and uncontracted in _CONTRACTED)


def _unframed(word: str) -> list[str]:
    """A run of Chinese without its framing words, as the runs left between them; any other word as it is."""
    if not any(map(is_cjk, word)):
        return [word]
    import rjieba

    runs, current = [], ""
    for piece in rjieba.cut(word):
        if piece in FRAMING_WORDS_ZH:
            runs, current = [*runs, current] if current else runs, ""
        else:
            current += piece
    return [*runs, current] if current else runs


def speakers_asked_about(question: str, speakers: Iterable[str]) -> set[str]:
    """The speakers whose words a question asks for as a whole ("What did Marketing say?", "Summarize what Tom
    Berg said in the meeting.", "What were Marketing's main points?"): those it names, when it asks what they said
    or thought and, their names aside, names no subject. None for "What did Grad F say about his proposal?": it
    asks about the proposal."""
    if not _SAYING.search(question) or ABOUT_A_SUBJECT.search(question):
        return set()
    named = mentioned_speakers(question, speakers)
    return named if named and asks_about_everything(without_names(question, named)) else set()


def without_names(question: str, speakers: Iterable[str]) -> str:
    """The question without the ways it names `speakers` ("What are Tom Berg's action items?" → "What are  action
    items?")."""
    names = {name for speaker in speakers for name in _names_of(speaker)}
    for name in sorted(names, key=len, reverse=True):  # "Tom Berg" before "Berg"
        question = _name_pattern(name).sub(" ", question)
    return question


def mentioned_speakers(question: str, speakers: Iterable[str]) -> set[str]:
    """Speakers the question names, in full ("Project Manager"), by a distinctive part ("Bains"), or by the letter
    that ends their label ("What did C think…" for "Professor C"); not by a part another speaker's fuller name
    holds ("Bill Morneau" names Hon. Bill Morneau, not Hon. Bill Blair)."""
    speakers = set(speakers)
    spans = {speaker: found for speaker in speakers if (found := _where_named(question, speaker))}
    named = {speaker for speaker, found in spans.items() if any(not _within_a_longer(span, spans) for span in found)}
    # A role given once in a parenthesis ("Hon. Deb Schulte (Minister of Seniors)") names the person's other turns.
    return named | ({bare_name(speaker) for speaker in named} & speakers)


def _where_named(question: str, speaker: str) -> list[tuple[int, int]]:
    """Where `question` names `speaker`, as (start, end) spans; the parts of a name said together are one span
    ("Bill Morneau", matched as "Bill" and as "Morneau")."""
    matches = sorted(
        match.span()
        for name in _names_of(speaker)
        if _may_name(question, name)
        for match in _name_pattern(name).finditer(question)
    )
    spans: list[tuple[int, int]] = []
    for start, end in matches:
        if spans and not question[spans[-1][1] : start].strip():  # touching, or a space apart
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _may_name(question: str, name: str) -> bool:
    """The test before the pattern: most speakers are not named, and a substring test is far cheaper."""
    if len(name) == 1:
        return True
    if name.startswith("The "):  # a role, named in any case (_name_pattern)
        return name[4:].lower() in question.lower()
    return name in question


def _within_a_longer(span: tuple[int, int], spans: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether another speaker's name holds `span` and more: "Bill" of Hon. Bill Blair within "Bill Morneau"."""
    start, end = span
    return any(
        other_start <= start and end <= other_end and other_end - other_start > end - start
        for found in spans.values()
        for other_start, other_end in found
    )


@functools.lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    """Where a question names someone by `name`, with a possessive after it ("Marketing's"). A speaker's letter
    stands between words: not an opening "A", "A/B" or "plan A."; any other name is a whole word, matched with
    its case: names are capitalised, so 'marketing' the topic is not 'Marketing'. A label that opens with "The"
    is a role, named in any case ("What did the chair say?"). A Chinese name is wherever its characters are:
    Chinese runs its words together ("李局长说了什么？")."""
    if any(map(is_cjk, name)):
        return re.compile(re.escape(name))
    if len(name) == 1:
        return re.compile(rf"(?<=\s){name}(?=\s|['’]s\b|,)(?:['’]s\b)?")
    role = re.IGNORECASE if name.startswith("The ") else 0  # "the chair": a role, whatever its case
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])(?:['’]s\b)?", role)


@functools.lru_cache(maxsize=4096)
def _names_of(speaker: str) -> tuple[str, ...]:
    """The ways a question may name `speaker`: the label without its parenthesis, its distinctive parts, and the
    capital letter that ends a label like "Grad A" (transcripts that tell speakers apart by letter), with the role
    before it when one person holds it ("the professor"); what the parenthesis says, whole ("Minister of
    Seniors"), and, after a label that is only a role ("The Acting Chair (Mr. Bruce Stanton)"), its distinctive
    parts too."""
    label = bare_name(speaker)
    words = _WORD.findall(label)
    parts = _distinctive(words)
    letter = [words[-1]] if len(words) > 1 and len(words[-1]) == 1 and words[-1].isupper() else []
    if letter and len(words) == 2 and words[0].lower() in _ONE_PERSON_ROLES:
        letter.append(f"The {words[0]}")
    said = parenthesis_of(speaker)
    if said is None:
        return (label, *parts, *letter)
    return (label, *parts, *letter, said, *([] if parts else _distinctive(_WORD.findall(said))))


def _distinctive(words: list[str]) -> list[str]:
    return [
        p for p in words if len(p) >= _MIN_NAME_PART and not p[0].islower() and p.lower().strip(".") not in _NOT_A_NAME
    ]
