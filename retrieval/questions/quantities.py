"""What a question about a quantity counts, and whether a sentence gives that count or a length.

"How many schools will be built?" is answered by "8 new schools", not by "by 1 September"; "今年新建多少所学校？"
by "新建中小学8所", not by "9月1日前"; "How long did the outage last?" by "40 minutes", not by "by March 14". A
number alone says little: the unit after it says what it counts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Set

from retrieval.lexical import stem
from retrieval.questions.days import MONTHS
from retrieval.questions.query import WHAT_IT_COSTS

# The unit a Chinese question counts in: the classifier or measure after 多少 / 几 ("多少所" → 所, "几个" → 个).
_ASKED_UNIT_ZH = re.compile(r"(?:多少|几)([\u4e00-\u9fff])")
_NUMBER_ZH = r"(?:\d[\d.,]*|[零〇一二两三四五六七八九十百千万亿]+)\s*[十百千万亿]?"
# The words an English question counts: those after "how many", up to the verb ("how many old residential areas
# were renovated" → old, residential, areas).
_ASKED_WORDS_EN = re.compile(r"\bhow many ((?:[a-z-]+ ?){1,4})", re.IGNORECASE)
# …and those a question measures: "How big is Acme's service credit?" is answered by "…a 10% credit", as "How large
# is the grant?" by "a £2,500 grant"; not "How long was the latency?", a length of time ("a twenty frame latency"),
# nor "How much is the spring campaign budget?", a sum ("They cost us 35,000 last spring…").
_MEASURED_WORDS_EN = re.compile(
    r"\bhow (?:big|large|high|wide)\s+(?:is|was|are|were|will be|would be)\s+((?:[\w'’-]+ ?){1,4})",
    re.IGNORECASE,
)
_DETERMINERS = frozenset("the a an our their its his her this these those".split())
_POSSESSIVE = re.compile(r"['’]s?$")
_ENDS_THE_COUNTED = frozenset(
    "were was are is be been did do does have has had will would can could should of in on at by for to from "
    "that which who with and or".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion "
    "dozen dozens hundreds thousands millions".split()
)
# A number said in words, as people say them aloud ("That's nine.", "一共八十万", "四分钟"): not "one", which is as
# often a pronoun ("the one customers ask for"), nor a lone Chinese numeral without a measure ("万一"), nor 十分
# ("very").
_NUMBER_SAID = re.compile(
    rf"\b(?:{'|'.join(sorted(_NUMBER_WORDS - {'one'}))})\b"
    r"|[零〇一二两三四五六七八九十百千万亿]{2,}|(?!十分)[二两三四五六七八九十百千万亿][个位名人户次倍元块条项家天年月周号点岁分秒米斤]",
    re.IGNORECASE,
)
# "1 September": a date, not a count of what follows. The months' names, and their short forms.
_MONTHS = frozenset(MONTHS) | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Words (a hyphenated one whole, as a question names it: "call-outs", "twenty-five"), numbers ("1,200", "2.5") and the
# marks that end a phrase: a count does not run across a comma ("One more thing, the beta testers.").
# A word keeps the mark of its possessive ("merchant's", "residents'"): see `_counts`.
_WORD_OR_NUMBER = re.compile(r"\d+(?:[,.]\d+)*|[a-z]+(?:-[a-z]+)*(?:['’]s\b|(?<=s)['’])?|[,;:.!?()—–]", re.IGNORECASE)
# A length of time or of a way: a number and its unit ("40 minutes", "three more weeks", "a two-hour window",
# "15 working days", "about two sprints", "全长1122米", "二十年"). A year is a date ("2022年"), and a date no length;
# "a second" counts one more of something ("He proposed a second pharmacist…"), and no length.
_LENGTH_UNITS_EN = (
    r"(?:millisecond|ms|second|minute|min|hour|hr|day|night|week|month|year|decade|kilomet(?:er|re)|km|mile|met(?:er|re)"
    r"|foot|feet|ft|page|sprint)s?"
)
_LENGTH_EN = re.compile(
    rf"\b(?:\d[\d.,]*|an?(?![\s-]+second\b)|half|few|several|{'|'.join(sorted(_NUMBER_WORDS))})"
    r"(?:[\s-]+(?:more|and a half|or so))?[\s-]*"
    rf"(?:(?:working|business|calendar|school|clear|full)\s+)?{_LENGTH_UNITS_EN}\b",
    re.IGNORECASE,
)
_LENGTH_ZH = re.compile(
    rf"(?<![\d〇零一二两三四五六七八九十百千万])(?!\d{{4}}\s*年|[〇零一二三四五六七八九]{{2,}}年){_NUMBER_ZH}\s*"
    r"(?:个月|个?(?:秒钟?|分钟|小时|天|周|星期|年(?!代)|米|公里|千米|厘米))"
)
# A price or a sum asked for: "How much will lift maintenance cost?", "How much money…", "What is the fee?",
# "培训费用每人多少钱？"
_PRICE_ASKED = re.compile(
    r"\bhow much\b.*\b(?:cost|costs|price|priced|fee|fees|spend|spent|pay|paid|charge|charged|budget|budgeted"
    r"|money|funds|cash)\b"
    # …with up to two words before the noun, which ends the phrase: "What is the new rent for the warehouse?", not
    # "What are the main cost drivers?"
    r"|\bwhat(?:['’]s| is| was| are| were| will be| would be)?(?: the)?(?: [\w-]+){0,2}?"
    r" (?:price|fee|cost|charge|budget|rent)s?(?=\s*(?:[?.]|$|(?:for|of|on|in|at|per|now|next|this|going|be)\b))"
    rf"|{WHAT_IT_COSTS}"
    r"|多少钱|(?:费用|价格|花费|成本|经费|预算|收费|价钱).*(?:多少|几)|(?:多少|几).*(?:费用|价格|花费|成本|经费|预算)",
    re.IGNORECASE,
)
# A sum of money: a currency's sign or name with a number ("£14,200", "$3k", "800元", "USD 500", "2 million euros").
_MONEY = re.compile(
    r"[$£€¥₹]\s?\d|\b(?:usd|gbp|eur|cny|rmb|chf)\s?\d"
    r"|\d[\d.,]*\s*(?:k|m|bn|thousand|million|billion)?\s*(?:dollars?|pounds?|euros?|yen|yuan|rmb|usd|gbp|eur|cny)\b"
    rf"|{_NUMBER_ZH}\s*(?:元|美元|英镑|欧元|日元|块钱?)",
    re.IGNORECASE,
)
_CHANGE_ASKED = re.compile(
    r"\b(?:go(?:ne|es|ing)? (?:up|down)|went (?:up|down)|increas(?:e|ed|es|ing)|ris(?:e|en|es|ing)|rose|fall(?:en|s)?"
    r"|fell|drop(?:ped|s)?|rais(?:e|ed|es|ing)|reduc(?:e|ed|es|ing)|cut)\b|涨|增加|提高|下降|降低|减少",
    re.IGNORECASE,
)
_SHARE = re.compile(rf"\d\s*(?:%|percent\b|per cent\b)|百分之{_NUMBER_ZH}", re.IGNORECASE)
WORDS_BEFORE_THE_COUNTED = 3  # "128 old residential areas": the counted word may follow the number this far


GivesCount = Callable[[str], bool]  # whether a sentence gives the count a question asks for


def count_asked(question: str) -> GivesCount | None:
    """A test of whether a sentence gives the count `question` asks for ("8所", "four shantytowns"), or the measure
    of what it asks the size of ("a 10% credit" for "How big is the service credit?"), or None when the question
    counts nothing."""
    if match := _ASKED_UNIT_ZH.search(question):
        number_of_unit = re.compile(rf"{_NUMBER_ZH}{re.escape(match[1])}")
        return lambda sentence: number_of_unit.search(sentence) is not None
    match = _ASKED_WORDS_EN.search(question) or _MEASURED_WORDS_EN.search(question)
    if match is None:
        return None
    words = []
    for word in (_POSSESSIVE.sub("", word) for word in match[1].lower().split()):
        if word in _ENDS_THE_COUNTED:
            break
        if word not in _DETERMINERS:
            words.append(stem(word))
    return functools.partial(_gives_count_of, frozenset(words)) if words else None


def price_asked(question: str) -> bool:
    """Whether `question` asks what something costs: a sum of money, not any number ("…in 2026?" is no price)."""
    return _PRICE_ASKED.search(question) is not None


def change_asked(question: str) -> bool:
    """Whether `question` asks by how much something changed ("How much has the standing charge gone up?",
    "物业费涨了多少？"), which a share answers as well as a sum ("…raised the standing charge by 14%")."""
    return _CHANGE_ASKED.search(question) is not None


def gives_a_share(sentence: str) -> bool:
    """Whether a sentence states a share: a percentage ("14%", "3.5 per cent", "百分之十二")."""
    return _SHARE.search(sentence) is not None


def gives_a_sum_of_money(sentence: str) -> bool:
    """Whether a sentence states a sum of money: a number with a currency's sign or name."""
    return _MONEY.search(sentence) is not None


def gives_a_number(sentence: str, *, in_words: bool = False) -> bool:
    """Whether a sentence gives a number in figures, or `in_words` too ("Against? Two.", "一共八十万"): as people say
    numbers aloud, while written records give counts in figures, and their "two" is often no count ("the 'two
    establishments'")."""
    return any(character.isdigit() for character in sentence) or (
        in_words and _NUMBER_SAID.search(sentence) is not None
    )


def without_counts_of(counted: Set[str], sentence: str) -> str:
    """`sentence` without the numbers that count one of the `counted` words (stemmed): asked what the Chromebooks
    were budgeted, "We have 240 Chromebooks" gives how many there are, and no sum."""
    kept, start = [], 0
    for number in _numbers_counting(counted, sentence):
        kept.append(sentence[start : number.start()])
        start = number.end()
    return "".join(kept) + sentence[start:]


def gives_a_length(sentence: str, named: Set[str] = frozenset()) -> bool:
    """Whether a sentence states how long something lasts or runs: a number and its unit of time or of a way,
    other than one of the lengths a question `named` of its topic (`lengths_in` it: "four-day" of "How long is
    the four-day week pilot extended?")."""
    return not lengths_in(sentence) <= named


def lengths_in(text: str) -> frozenset[str]:
    """The lengths a text states, as words ("four day", "40 minutes")."""
    return frozenset(_spaced(found[0]) for pattern in (_LENGTH_EN, _LENGTH_ZH) for found in pattern.finditer(text))


def _spaced(length: str) -> str:
    """A length as words, whatever joins them ("four-day", "Four day")."""
    return " ".join(re.split(r"[\s-]+", length.lower()))


def _gives_count_of(what: frozenset[str], sentence: str) -> bool:
    return next(_numbers_counting(what, sentence), None) is not None


def _numbers_counting(what: Set[str], sentence: str) -> Iterator[re.Match[str]]:
    """The numbers of `sentence` that count one of `what` (stemmed words): "128" of "128 old residential areas"."""
    matches = list(_WORD_OR_NUMBER.finditer(sentence))
    words = [match[0].lower() for match in matches]
    for i, match in enumerate(matches):
        if _is_number(words[i]) and _counts(words[i + 1 : i + 1 + WORDS_BEFORE_THE_COUNTED], what):
            yield match


def _counts(following: list[str], what: Set[str]) -> bool:
    """True when the words after a number reach a counted word through words that describe it ("128 old
    residential areas"), not through a month ("1 September … schools"), a preposition ("3 million on schools"), a
    mark that ends a phrase, or a word that owns what is counted ("One merchant's endpoint…" counts no merchants)."""
    for word in following:
        if word in _MONTHS or word in _ENDS_THE_COUNTED or not word[0].isalnum() or _POSSESSIVE.search(word):
            return False
        if stem(word) in what:
            return True
    return False


def _is_number(word: str) -> bool:
    return word[0].isdigit() or all(part in _NUMBER_WORDS for part in word.split("-"))
