"""The extractive answerer: a LangChain Runnable that answers with verbatim sentences of the best passages."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from langchain_core.runnables import Runnable, RunnableLambda

from retrieval.acts import (
    act_or_outcome_asked,
    act_terms,
    gives_the_next_meeting,
    is_action_item,
    reports,
    said_by_or_naming,
)
from retrieval.attendance import attendees
from retrieval.composing import (
    SUMMARY_WORDS,
    addresses,
    after_on_its_line,
    attributed,
    compose,
    opens_the_reply,
    reply_to_best,
    said_terms,
    said_text,
    shorten,
    spoken_words,
    wants_account,
)
from retrieval.days import MEETING_NOUN, MEETING_NOUN_ZH, MONTHS_AND_DAYS, NEXT_MEETING_NAMED, TIME_WRITTEN
from retrieval.errors import EmptyQuestion, UnreadableQuestion
from retrieval.extremes import extreme_rows
from retrieval.language import has_words, same_writing, word_count
from retrieval.lexical import tokenize
from retrieval.models import Answer, Passage, Quote, joined_notes
from retrieval.quantities import (
    change_asked,
    count_asked,
    gives_a_length,
    gives_a_number,
    gives_a_share,
    gives_a_sum_of_money,
    lengths_in,
    price_asked,
)
from retrieval.query import (
    ABOUT_A_SUBJECT,
    AMOUNT_ASKED,
    FUNCTION_WORDS,
    HOW_MANY_ZH,
    HOW_MUCH,
    SETTING_THE_SCENE,
    WHEN_ASKED,
    YES_OR_NO_ASKED,
    asks_about_everything,
    mentioned_speakers,
    reduce_question,
)
from retrieval.quotes import is_front_matter, is_title_line, names_its_meeting, title_terms
from retrieval.search import RecordToSummarize, SearchFilter
from retrieval.sections import (
    HeadedSentence,
    denied_terms,
    headed_sentences,
    heading_terms,
    in_conversation,
    opposed,
    section_of,
)
from retrieval.sentences import TITLES, is_question, puts_a_question, reports_a_question, reports_an_open_question
from retrieval.summary import summary_sentences
from retrieval.transcript import MARKUP
from retrieval.turns import bare_name, given_name

MAX_QUOTES = 3
QUOTE_PASSAGES = 5  # quotes are drawn from this many best passages
NO_MATCH = "Nothing in the indexed records matches this question."
NO_SHARED_WORD = (
    "No sentence found shares a word with the question: these are only the closest in meaning, and may not answer it."
)
LATEST_MEETING = (
    "A summary of the latest of the {meetings} meetings searched, {meeting} ({date}). "
    "Choose a meeting to have another one summarized."
)
LATEST_REPORT = (
    "From {meeting} ({date}), the latest of the {meetings} meetings searched that records this. "
    "Choose a meeting to ask about another one."
)
NO_REPORT = (
    "No sentence of this meeting reports what was asked for, under a heading (such as Decisions or Action items) or "
    "in its words: this is a summary of the meeting."
)
LATER_MEETING = "A later meeting speaks of this too: {meeting} ({date}): “{words}”"
ACCOUNT_SHARE = 1 / 3  # of the best topic-term share among the candidates, that a sentence on the subject holds
LATER_SHARE = 1 / 3  # of the best topic-term share in the meetings answered from, that a later sentence must hold
LATER_WORDS_CHARS = 200
_UNDATED = re.compile(r"[\d\W_]+")  # digits, punctuation and spaces: what tells meetings of one series apart
MORE_REPORTS = "{count} more not shown: ask about one topic, or cite a quote's ref to read the passage."
NAME_A_MEETING = (
    "The {meetings} meetings searched have no dates to tell the latest by: these are the passages closest in "
    "meaning. Choose a meeting to have it summarized."
)
SHORT_SENTENCE_TOKENS = 4
NEW_WORDS_ENOUGH = 6  # content words the question does not hold: this many say something of their own
FEATURES = (
    "topic terms held",  # share of the question's weighted topic terms (see discounted; or similarity of meaning)
    "passage rank",  # 1 / (rank + 1) of the passage the sentence is in
    "passage score",  # the passage's search score relative to the best passage's
    "short",  # fewer than SHORT_SENTENCE_TOKENS content words
    "content words",  # log(1 + content words)
    "a question",  # ends with "?" or "？"
    "a number for a question about a quantity, a time for one about a time",
    "a person for a question about who",  # their line, their name in full; an attendance line on the topic or an act
    "a number of what the question counts",  # "8所" for "多少所", "four shantytowns" for "how many shantytowns"
    "said by a speaker the question names, or naming them in writing",  # "Jun proposed…" in minutes
    "reports the act the question asks about",  # "proposed" for "What did X propose?", in minutes (retrieval/acts.py)
    "new words",  # content words the question does not hold, up to NEW_WORDS_ENOUGH, as a share of it
    "a heading",  # the record's title line, a section's heading, a table's header row: names, and answers nothing
    "a question reported, for a question about a fact",  # "Marco asked who owns the pipeline" (sentences.py)
    "in a record the question names",  # the share of its topic-term weight the record's title holds
    "first or second person",  # in a turn of a conversation: share of its English words that are I, we, you…
    "bias",
)
# Set by hand. Weights fitted on QMSum's 1,095 training questions (python benchmarks/train_sentence_scorer.py,
# a softmax over each question's candidates) put a gold sentence first no more often: 0.522 against 0.528 on the
# training questions, 0.468 against 0.460 on validation, with ROUGE-1 24.2 against 24.4 (benchmarks/README.md).
# "new words" sinks sentences that only restate the question, and a named speaker's own words weigh 0.6 (was
# 0.2): each gained on both halves of validation and of training (benchmarks/README.md). A number of what the
# question counts weighs 0.25 (0.5 and 1.0 scored lower on CMRC; QMSum asks no "how many"). Reporting the act
# asked about ("proposed", "agreed") weighs 0.2, in written records only: minutes write their decisions so, while
# a speaker's "I agree" or "I think" rarely reports one; 0.2 outweighs the next passage's lower rank
# (benchmarks/README.md); so does a line under a heading that names the act ("Decisions"). A heading weighs -0.5:
# the title line is never first on CMRC or in the Chinese minutes, and was, for "Who was at the meeting?" asked of
# the sample report, where every sentence is about the meeting; a section's heading ("## Action items") or a
# table's header row ("| Action | Owner | Due |") holds the very words of such a question, and answers nothing.
# A person for a "who" question weighs 0.5, twice a number for "how many": a sentence that names no one cannot say
# who, and the one that does may hold fewer of the question's words ("Who fixes the contrast issues?" is answered
# by "Jonas Weber fixes the contrast…", not "…so that the contrast issues are fixed first"). QMSum asks no "who",
# and CMRC's records name no speakers or attendees, so only minutes measure it (benchmarks/README.md). An
# attendance line names everyone who came: it says who only when it holds the question's topic ("Chair: Ana
# Ruiz" for "Who chairs…?") or the question asks about an act ("Who was absent?"), not for "Who is working on
# bank transfer payments?".
# A question reported in minutes weighs -0.3 against a question about a fact: enough to put the statement of
# the fact (fewer "new words", maybe in the next passage) first. A question that minutes report someone asked
# ("Marco asked who owns the deploy pipeline; nobody does today.") holds the very words of the same question asked
# of them, and tells nothing: the answer, if they hold it, is a statement ("Sam owns the deploy pipeline.").
# Asked in the meeting itself, a question comes with its reply (composing.py).
# A record the question names by its title ("Who chairs the IT steering group?") weighs the share of the question's
# topic-term weight its title holds, as if each of its sentences held the title's words: among several records,
# the named one's sentences come first, while within one record nothing changes. CMRC answer@1 0.747 → 0.764
# (both halves gain; 0.1 / 0.3 / 0.5: 0.753 / 0.757 / 0.762); QMSum's records are titled by their ids, which no
# question names (benchmarks/README.md).
# First or second person weighs -0.5 in a conversation: a turn full of "I", "we" and "you" speaks of those in the
# room ("I think we should look at that"), and one that states the subject speaks of it. QMSum's reference
# answers, written in the third person, hold none of those words. The weight gains ROUGE on both halves of
# validation and of the training questions, and puts a gold sentence first a little more often. Minutes are left
# out: "- Sam: we had an outage on Saturday…" reports what Sam said (benchmarks/README.md).
TOPIC_FEATURE = FEATURES.index("topic terms held")
ACT_FEATURE = FEATURES.index("reports the act the question asks about")
HEADING_FEATURE = FEATURES.index("a heading")
FORM_FEATURE = FEATURES.index("a number for a question about a quantity, a time for one about a time")
NAMED_FEATURE = FEATURES.index("said by a speaker the question names, or naming them in writing")
SENTENCE_WEIGHTS = np.array([1.0, 0.3, 0.0, -0.5, 0.0, 0.0, 0.25, 0.5, 0.25, 0.6, 0.2, 0.1, -0.5, -0.3, 1.0, -0.5, 0.0])
TITLE_TERM_SHARE = 0.1  # of its weight, for a topic term in the record's title (benchmarks/README.md)
SCENE_SHARE = 0.25  # of its weight, for a topic term only in a clause that sets the scene (benchmarks/README.md)
SIMILARITY_SENTENCES = 24  # sentences of the best passages scored by meaning when no word is shared
# Questions answered by a quantity (a sentence with a number) or by a time (a sentence with a time: TIME_WRITTEN),
# in English and in Chinese ("When discussing…" asks for neither). A date or a deadline asked for in other words
# is a time too ("Do we have a date for the upgrade?"; not "due to").
_QUANTITY_QUESTION = re.compile(
    rf"{HOW_MUCH}|{AMOUNT_ASKED}|\b(number|amount|percentage|total)\b"
    rf"|多少|{HOW_MANY_ZH}|多[大高长重久远深宽厚]",
    re.I,
)
_TIME_QUESTION = re.compile(
    rf"^\W*{WHEN_ASKED}|\bwhat (year|date|time|day|month)\b|\b(a|the) (date|deadline)\b|\bdue (date|by|on)\b"
    r"|何时|什么时候|哪一?[年月天]|截止日期|期限",
    re.I,
)
_A_WORD = re.compile(r"\w+")
# How often something happens, for "How often…?": "failed twice in September", "every week", "three times".
_HOW_OFTEN = re.compile(r"\bhow often\b", re.IGNORECASE)
# A reason, for "Why…?", in written records: a sentence that gives one ("because", "due to", "on the grounds of",
# 因为), or one under a heading that names one ("Why the coupon bug happened", "Root cause"). A speaker says
# "because" in nearly every turn: the cue lost on QMSum's transcripts (benchmarks/README.md).
# A reason asked for in other words: "What causes the connection problem?", "What led to the delay?", 什么原因.
# Where a meeting was held ("Where was the meeting held?", "会议在哪里开的？"): the line that gives its place
# ("地点：学校图书馆", "Venue: Civic Centre, Room 2", "…was held at the library"), as minutes head themselves.
_MEETING_PLACE_QUESTION = re.compile(
    rf"^\W*where\b.*\b{MEETING_NOUN}s?\b|{MEETING_NOUN_ZH}\w{{0,3}}(?:在哪|哪里|哪儿|什么地方|何处)|地点", re.IGNORECASE
)
# Where the money comes from: "How will the speed sign be paid for?", "How is the new kit funded?", "资金从哪里来？";
# answered by the line that names the source ("…to be funded from the highways earmarked reserve", "paid for out of
# reserves", "…will apply to the ward budget for it", "资金来源主要是上级财政补助", "从维修基金里出").
_FUNDING_ASKED = re.compile(
    r"\bhow\b.{0,80}\b(?:paid for|funded|financed)\b|\bwhere\b.{0,60}\bmoney\b.{0,20}\bcome from\b"
    r"|资金\w{0,4}(?:从哪|哪里|来源)|钱从哪",
    re.IGNORECASE,
)
_FUNDING_GIVEN = re.compile(
    r"\b(?:funded|financed|paid(?: for)?|met|covered)\s+(?:from|by|out of|through)\b"
    # a fund or a budget applied to: "…the forum will apply to the ward budget for it."
    r"|\bapply (?:to|for) (?:the |a |an |our )?(?:[\w'’-]+ ){0,3}(?:budget|fund|grant|reserve)s?\b"
    r"|资金来源|由\w{1,12}(?:承担|出资|拨付|列支)|从\w{1,15}?(?:列支|支出|里出|中出)",
    re.IGNORECASE,
)
# Which firm, bank or other body ("续聘哪家物业公司？", "向哪家银行申请授信？"): a sentence that names one the question
# does not ("同意续聘安居物业服务有限公司", not "物业公司提出…").
_WHICH_BODY_ZH = re.compile(r"哪一?家")
_BODY_NAMED_ZH = re.compile(r"[\u4e00-\u9fff]{2,}?(?:有限责任公司|有限公司|公司|集团|银行|事务所|合作社|中心)")
# A limit asked for ("What is the spending cap?", "年终促销费用上限是多少？") and one given ("…要求费用不超过75万元",
# "up to £250", "capped at 40 hours"), with its figure.
_LIMIT_ASKED = re.compile(r"\b(?:limit|cap|ceiling|maximum)\b|上限|封顶", re.IGNORECASE)
_LIMIT_GIVEN = re.compile(
    r"\b(?:no more than|not (?:to )?exceed(?:ing)?|up to|at most|capped at|(?:a )?maximum of|limit(?:ed)? (?:of|to)"
    r"|within)\b|不超过|不得超过|不高于|以内|封顶|上限|最多",
    re.IGNORECASE,
)
_PLACE_GIVEN = re.compile(
    r"\b(?:venue|location|place|where)\s*[:：]|\b(?:held|took place|met)\s+(?:at|in)\b|(?:地点|地址|会场)\s*[:：]"
    r"|在\S{1,15}?(?:召开|举行)",
    re.IGNORECASE,
)
_WHY_QUESTION = re.compile(
    r"^\W*why\b|^\W*what(?:['’]s| is| was)? (?:caus(?:es|ed|ing)|led to|leads to)\b"
    r"|^\W*what(?:['’]s| is| was| were| are) the (?:causes?|reasons?)\b|为什么|为何|什么原因",
    re.IGNORECASE,
)
_MONTHS_AND_DAYS = "|".join(sorted(MONTHS_AND_DAYS))
_REASON = re.compile(
    r"\b(?:because|owing to|as a result of|caused|causes|on the grounds of|the reason|root cause"
    # not when something is due: "The report is due to be published in May."
    r"|due to(?!\s+(?:be|start|begin|open|close|finish|end|arrive|launch|take|go|run|come|meet|report|complete|expire"
    r"|retire|return|resume|move)\b)"
    # "…in 4.3 rather than 4.2, since contrast on the charts still fails…"; not since a time: "…, since the summer"
    rf"|,\s+since\s+(?!(?:the|last|then|early|late|mid|ever|about|around|at|before|after|yesterday|{_MONTHS_AND_DAYS})\b)"
    r"(?![\d'’])"
    r"|(?:follows|follow|followed|results|resulted|stems|stemmed) from|put (?:it )?down to|attributed to"
    # where most of something comes from: "Most crashes come from the new image cache…"
    r"|(?:most|much|many|half|part|some)\s+(?:of\s+(?:the|these|those|our)\s+)?[\w-]+\s+(?:come|comes|came)\s+from"
    # what a report or a person holds to blame: "The surveyor's report blames the failed extractor fans…"
    r"|blam(?:e|es|ed|ing)\b(?! (?:me|you|us|them|him|her)\b)"
    # the main end something serves: "An increase of 4% was proposed, mainly to cover the rising cost of…"
    r"|(?:mainly|mostly|largely|partly|chiefly|primarily) to (?!be\b)[a-z]+)\b"
    r"|因为|由于|原因",
    re.IGNORECASE,
)
_REASON_HEADING = re.compile(r"^\W*why\b|\b(?:reasons?|causes?|root cause)\b|原因", re.IGNORECASE)
_HOW_LONG = re.compile(r"\bhow long\b(?! ago)|多久|多长", re.IGNORECASE)  # a length of time or of a way
# A length of time ("within 30 days") or a time ("by Friday"): "How soon…?", "How quickly…?", "How fast…?"
_HOW_SOON = re.compile(r"\bhow (?:soon|quickly|fast)\b", re.IGNORECASE)
# A question about what is to come ("When will the export be finished?", "When does the pool reopen?",
# "什么时候能完成？"), which a time gone by does not answer ("…was supposed to finish last Friday").
_AHEAD_ASKED = re.compile(
    r"^\W*when (?:will|would|shall|does|do|are we going to)\b|^\W*when (?:is|are)\b.{0,60}\bgoing to\b"
    r"|(?:什么时候|何时)(?:会|将|能|要|可以)",
    re.IGNORECASE,
)
# A time gone by, as it says ("yesterday", "last week", "上周", "昨天") or as the words around it do ("last
# Friday", "3 weeks ago").
_GONE_BY = re.compile(r"(?:last|yesterday)\b|.*\bago$|上(?:周|个?月|年)|昨|年前", re.IGNORECASE)  # not 上午
_GONE_BY_BEFORE = re.compile(r"\blast (?:\w+ )?$", re.IGNORECASE)
# "3 weeks ago"; a time that a verb in the past follows ("The index rebuild on Tuesday took 9 hours…").
_GONE_BY_AFTER = re.compile(
    r"\s*(?:ago|was|were|had|took|went|came|ran|failed|broke|crashed|happened|finished|started|ended)\b", re.IGNORECASE
)
_FREQUENCY = re.compile(
    r"\d|\b(?:once|twice|thrice|times|every|daily|weekly|monthly|yearly|annually|hourly)\b"
    r"|\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) time\b",  # "the second time this month"
    re.IGNORECASE,
)
_FIRST_OR_SECOND_PERSON = re.compile(
    r"\b(?:I|[Ww]e|[Yy]ou|me|us|[Mm]y|[Oo]urs?|[Yy]ours?|mine|myself|ourselves|yourself|yourselves)\b"
)  # not "US"
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")
# What minutes record of a motion after it: who moved and seconded it, and how the vote went ("Proposed by Femi
# Johnson, seconded by Alice Grant.", "Carried unanimously.").
_GOES_ON_WITH_THE_MOTION = re.compile(r"\W*(?:(?:proposed|moved|seconded)\s+by|carried|lost|defeated)\b", re.I)
# A sentence that opens by referring back to the one before: "She starts on 15 September.", "该项目…"
_REFERS_BACK = re.compile(r"\W*(?:(?:she|he|it|they|this|that|these|those|its|their|his|her)\b|[其该它他她])", re.I)
# A sentence that opens by giving the reason for what the one before says: "The main reason is…", "This was
# because…", "Part of that is…", "Most of the increase came from…", "主要原因是…", "主要是…", and in captions with no
# punctuation a line that goes on "mainly because…".
_THE_REASON_FOR_IT = re.compile(
    r"\W*(?:(?:the|one|our)\s+(?:main\s+|key\s+|only\s+|real\s+|root\s+)?(?:reason|cause)s?\b"
    r"|(?:(?:mainly|mostly|partly|largely|probably|just)\s+)?because\b"
    r"|(?:this|that|it)(?:\s+(?:is|was)|['’]s)\s+(?:mainly\s+|mostly\s+|partly\s+)?(?:because|due\s+to)\b"
    # what the sentence before tells of, named again: "The gap is mainly due to…", "The rise was caused by…" (not
    # "The report is due to be published": "due to" alone may say when)
    r"|the\s+[\w'’-]+\s+(?:is|was|are|were)\s+(?:(?:mainly|mostly|partly|largely|chiefly|entirely)\s+(?:due\s+to|because)"
    r"|(?:(?:mainly|mostly|partly|largely)\s+)?(?:caused\s+by|down\s+to))\b"
    r"|part of (?:that|it|this|the (?:reason|problem|issue|cause))(?:\s+(?:is|was)|['’]s)\s"
    # where a change came from: "Most of the increase came from log storage…"
    r"|(?:most|much|all|half|part|some)\s+of\s+the\s+(?:increase|rise|growth|jump|overspend|drop|fall|decrease|gap"
    r"|difference|shortfall)\s+(?:came|comes|is|was)\s+(?:from|down\s+to|due\s+to)\b"
    r"|(?:主要)?原因(?:是|在于)|这是因为|主要(?:是|由于|因为))",
    re.IGNORECASE,
)
_BECAUSE = re.compile(r"\W*because\b", re.IGNORECASE)
# The share of a question's topic terms a sentence holds that names the matter a yes-or-no question asks about:
# "Jun proposed moving to a follow-the-sun rota…" holds three of "Was the follow-the-sun rota approved?"'s four,
# "…an increase of £600" one of "Did the subscription increase pass?"'s three. It must hold as many as any other
# candidate too: "…an in-year deficit…, mainly because the pay award…" holds two of "Will there be a pay review
# this year?"'s three, and the question asked in an all-hands meeting holds all three.
MATTER_NAMED = 2 / 3
_PASSAGE_GAP = 2  # characters between a passage and the next in its record: a space or a line break
# A sentence that opens with a figure, going on from the one before: "~20 min of downtime, no complaints.", "About
# £40,000 a year.", "约2.6万元。"
_OPENS_WITH_A_FIGURE = re.compile(
    r"\W*(?:(?:about|around|approximately|roughly|nearly|almost|just|only|over|under|some)\s+\W*)?\d|\W*(?:大约|约|近|共|仅)?\d",
    re.IGNORECASE,
)
# A thing named as one already spoken of: "The repair is quoted at…"
_NAMED_AGAIN = re.compile(r"\W*(?:the|this|that|these|those)\s+(?P<noun>[\w'’-]+)", re.IGNORECASE)
# A short sentence that ends on what the one before named: "Ian Shaw will organise it.", "Dana will chase them."
_ENDS_REFERRING_BACK = re.compile(r"\b(?:it|them|this|that|these|those)\W*$", re.IGNORECASE)
_DEADLINE_QUESTION = re.compile(r"\b(?:due|deadline|by when)\b|截止|期限", re.IGNORECASE)
# A person named by a title of address and a name, listed or not: "Cllr Barker will get three quotes", "Mr Bennett".
_TITLED_NAME = (
    rf"\b(?i:{'|'.join(sorted(TITLES | {'councillor', 'professor', 'miss', 'sir', 'dame'}))})\.? [A-Z][\w'’-]+"
)
# A Chinese name with its title of address: "董事会同意聘任刘明先生为公司副总经理".
_TITLED_NAME_ZH = r"[\u4e00-\u9fff]{2}(?:先生|女士|同志)"
_HANDLE = r"(?<![\w.@])@[^\W\d_][\w.-]*(?<=\w)"  # someone named as chats and issue trackers do: "@obi", "@lena-k"
# A field of people, listed or not: a table's cell in a column of them ("Speaker: Helen Ward · For or against: …",
# "责任人: 王建国"), a motion's mover or seconder ("Moved: Kate Sullivan. Seconded: Tom Briggs."), or a label that
# follows a task on its line ("- [ ] Add an index check — owner: Sara Kim, due…").
_PERSON_FIELD = (
    r"(?:^|(?<= · )|(?<=[—–;,(] )|(?<= - )|(?<=\())"
    r"(?i:owner|who|name|speaker|lead|responsible|assigned to|assignee|contact|(?:moved|seconded|proposed)(?: by)?"
    r"|proposer|seconder|负责人|责任人|发言人|责任单位|牵头单位)"
    r"\s?[:：] ?[^\W\d_]"
)
_FILLS_A_FIELD_OF_PEOPLE = re.compile(_PERSON_FIELD)
# Who did what a meeting records of its business, by a full name after "by" ("Proposed by Femi Johnson, seconded by
# Alice Grant.").
_BY_A_PERSON = r"\b(?i:moved|seconded|proposed|nominated|presented|chaired|taken|minuted) by [A-Z][\w'’-]+ [A-Z]"
# Chinese minutes name who is charged with a task by the verb: "由城建科负责", "由王海牵头".
_CHARGED_WITH = r"由[\u4e00-\u9fff]{2,10}(?:负责|牵头)"
# A name that opens a sentence as the one who takes on a task or a role: "Owen Price will report them to the
# council…", "Dana Webb agreed to chase them", "Rachel Adeyemi was elected Secretary.", "Tony will write to the
# school", in minutes that list no one, or not them; not a pronoun ("They will…") nor, in one word, those who hold a
# role ("Governors agreed…", "Members will…"). Not one who reports ("Fatima Noor explained that… when the youth
# worker left" says nothing of who the youth worker is).
_TAKES_ON_A_TASK = re.compile(
    r"\W*(?!(?:The|This|That|These|Those|Our|Their|Its|An?|All|Each|Every|It|We|They|He|She|You|I|One|Both|Either"
    r"|Neither|Everyone|Everybody|Someone|Somebody|Anyone|Nobody|None|Which|What|Who)\b)"
    r"(?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}|(?![\w'’-]+(?:er|or|ee|ent|ant|an|ist|ie)s\b)[A-Z][\w'’-]+)"
    r" (?:will|would|agreed|offered|volunteered|is to|has agreed|is going to"
    r"|(?:was|has been) (?:re-?)?(?:elected|appointed|co-opted|nominated))\b"
)
# "Who asked about the travel budget?", "Who raised the parking problem?", "谁提出了…？"
_WHO_ASKED = re.compile(
    r"\bwho\b(?:\s+[\w'’]+)?\s+(?:asked|raised|queried|enquired|inquired|wanted to know|brought up)\b"
    r"|谁(?:问|询问|提问|提出)",
    re.IGNORECASE,
)
_WHO_QUESTION = re.compile(r"^\W*(?:(?:and|so|but) )?(?:who|whom|whose)\b|谁", re.IGNORECASE)  # "And who owns it?"


@dataclass(frozen=True)
class Question:
    text: str
    top_k: int
    search_filter: SearchFilter = field(default_factory=SearchFilter)
    history: tuple[tuple[str, str], ...] = ()  # earlier (question, answer) pairs of a conversation, oldest first

    @property
    def search_text(self) -> str:
        """What to search for: a follow-up ("and who proposed it?") is searched with the question before it."""
        return f"{self.history[-1][0]} {self.text}" if self.history else self.text


Retrieve = Callable[[Question], list[Passage]]
TermWeight = Callable[[str], float]
Similarity = Callable[[str, list[str]], list[float]]  # (question, sentences) → similarity of meaning of each
WholeRecord = Callable[[str, SearchFilter], RecordToSummarize | None]  # search.HybridSearcher.record_asked_about


def build_extractive_chain(
    retrieve: Retrieve,
    term_weight: TermWeight,
    similarity: Similarity | None = None,
    whole_record: WholeRecord | None = None,
) -> Runnable[Question, Answer]:
    """question → passages (hybrid search) → best verbatim sentences → Answer.

    A question that names no topic ("Summarize the meeting.") is answered by a summary of the whole record
    `whole_record` gives for its filter (retrieval/summary.py), when it gives one.
    """

    def answer(question: Question) -> Answer:
        record = record_asked_about(question, whole_record)
        if record is not None and record.passages:
            return summary_answer(question, record, term_weight)
        note = NAME_A_MEETING.format(meetings=record.meetings) if record is not None and record.meetings > 1 else None
        return extractive_answer(question, retrieve(question), term_weight, note, similarity)

    return RunnableLambda(validate_question) | RunnableLambda(answer)


def extractive_answer(
    question: Question,
    passages: list[Passage],
    term_weight: TermWeight,
    note: str | None = None,
    similarity: Similarity | None = None,
) -> Answer:
    """An answer line composed from the best sentences (retrieval/composing.py), with those sentences as quotes.

    The quotes are the sentences the answer line is built from, best first, then the next best up to MAX_QUOTES;
    `answer_quotes` gives their order in the answer line.
    """
    candidates, features, share_a_word, on_subject, spoken, leaning = sentence_features(
        question.search_text, passages, term_weight, similarity
    )
    if not candidates:
        return Answer(question=question.text, answer=NO_MATCH, quotes=[], passages=passages, note=note)
    by_meaning = not (share_a_word or asks_about_everything(question.search_text)) and same_writing(
        question.text, " ".join(quote.text for quote in candidates)
    )
    if by_meaning:
        note = joined_notes(note, NO_SHARED_WORD)  # off the records' subjects, or in other words
    positions = ranking(features)
    ranked = [candidates[i] for i in positions]
    # A heading names what the sentences under it say ("一、供暖。" of an item): no part of an account of them.
    on_topic = [
        on_subject[i] and not is_front_matter(candidates[i]) and not features[i, HEADING_FEATURE] for i in positions
    ]
    # Asked what was decided (proposed, …) about a topic, where the best sentence reports it, the others must too:
    # "What was decided about the playground?" is the decision, not the discussion around it.
    reported = features[:, ACT_FEATURE] > 0
    reports_only = bool(reported[positions[0]])
    # Asked about a speaker the question names, where the best sentence is theirs, the account keeps to what they
    # said and what was said to them (`theirs_or_to_them`).
    best_speaker = ranked[0].speaker if spoken[positions[0]] and features[positions[0], NAMED_FEATURE] else None
    kept = theirs_or_to_them(candidates, features, best_speaker) if best_speaker else [True] * len(candidates)
    joins = [
        (on_topic[rank] or spoken[i]) and (reported[i] or not reports_only) and kept[i]
        for rank, i in enumerate(positions)
    ]
    text, used = compose(question.text, ranked, joins, [leaning[i] for i in positions])
    # Asked for a fact, the reply comes before the question someone asked in the meeting: it holds the fact, unless
    # minutes tell of the question with what is asked ("…could fund a defibrillator for the school, about £1,100."),
    # or the question holds what is asked and nothing the answer draws on besides does ("Aisha, can you write the
    # design doc by the 15th?" / "Yes, I can do that." for "When is the design doc due?"). So it does in an account
    # of written minutes ("A member asked about parking on match days." / "The committee will ask the church next
    # door…"); in a conversation a question often opens what was said about it.
    asks_a_fact = not wants_account(question.text)
    asks_who_asked = _WHO_ASKED.search(question.text) is not None  # the question asked in the meeting answers it
    gives_it = features[positions, FORM_FEATURE] > 0
    told_with_it = {
        i: bool(gives_it[i]) and (not is_question(ranked[i].text) or not any(gives_it[j] for j in used if j != i))
        for i in used
    }
    written = [not spoken[i] for i in positions]
    # In an account, the reply to the best sentence, a question asked or told of, comes first among the quotes, with
    # what the reply goes on to say, and the question after them: the reply says what was asked ("Why are refunds
    # slow?" / "Finance checks each one by hand."). Asked what the asker said, their question stays first. (Asked
    # for a fact, what gives it comes first, as above.)
    reply = [] if asks_a_fact else _reply_in(ranked, used, question)
    asker_named = bool(features[positions[0], NAMED_FEATURE])
    ahead = -1.0 if reply and not asker_named else 0.5  # a reply is only taken to a question (reply_to_best)
    placed = {i: ahead + n / len(used) for n, i in enumerate(reply)}
    charged = _charged_by_name(question.text, ranked, used)
    best_first = sorted(
        used,
        key=lambda i: (
            i not in charged,
            (asks_a_fact or written[i]) and puts_a_question(ranked[i].text) and not (told_with_it[i] or asks_who_asked),
            placed.get(i, i),
        ),
    )
    others = [i for i in range(len(ranked)) if i not in used][: max(MAX_QUOTES - len(used), 0)]
    quotes = [ranked[i] for i in best_first + others]
    later = later_word(ranked, features[positions], on_topic, best_first) if share_a_word else None
    if later is not None:
        said = ranked[later]
        if said not in quotes:
            quotes.append(said)
        note = joined_notes(note, LATER_MEETING.format(meeting=said.meeting, date=said.date, words=said_words(said)))
    order = [best_first.index(i) for i in used]
    return Answer(question.text, text, quotes, passages, note=note, answer_quotes=order, by_meaning=by_meaning)


def _charged_by_name(question: str, ranked: Sequence[Quote], among: Sequence[int]) -> set[int]:
    """Asked who, the positions `among` those of `ranked` of the sentences said to a speaker by name (`addresses`):
    "Colin, can you draft the objection letter by Friday?" says who will, and what; "Colin Barker: Yes, I'll have
    it round by Friday." only says yes to it, so the request comes first among the quotes of "Who will draft the
    objection letter?"."""
    if not _WHO_QUESTION.search(question):
        return set()
    speakers = {quote.speaker for quote in ranked if quote.speaker}
    return {i for i in among if addresses(ranked[i], speakers)}


def theirs_or_to_them(candidates: Sequence[Quote], features: np.ndarray, speaker: str) -> list[bool]:
    """Whether each candidate is `speaker`'s (by the NAMED_FEATURE), said to them by name on the question's topic,
    or a question they answer in the next turn: "What is Dev worried about?" is not answered by another speaker's
    worry, while "And Raj, I need a written plan for the sync work by next Wednesday." tells what Raj is to deliver
    by then, and "Hefin David AM: …is it realistic to think that there's going to be capacity growth…?" is what
    Huw Irranca-Davies's "Yes, I think it is…" says yes to."""
    theirs = features[:, NAMED_FEATURE] > 0
    replies = [said for said, own in zip(candidates, theirs, strict=True) if own and said.speaker == speaker]
    return [
        bool(theirs[i])
        or (features[i, TOPIC_FEATURE] > 0 and addresses(quote, {speaker}))
        or any(_replies_to(said, quote, candidates) for said in replies)
        for i, quote in enumerate(candidates)
    ]


def _replies_to(said: Quote, asked: Quote, candidates: Sequence[Quote]) -> bool:
    """Whether `said` opens the reply to the question `asked`, with no other speaker's words among `candidates`
    between them ("Anna: Is that the one the Lisbon customer reported?" / "Jamal: Yes…" / "Sofia: I'm still
    blocked…": Sofia does not reply to Anna)."""
    return opens_the_reply(asked, said) and not any(
        other.meeting == said.meeting and asked.end_char <= other.start_char < said.start_char
        for other in candidates
        if other.speaker not in (asked.speaker, said.speaker)
    )


def _reply_in(ranked: Sequence[Quote], used: Sequence[int], question: Question) -> list[int]:
    """The positions among `used` of the reply the account took to its best sentence (composing.reply_to_best),
    and of what the reply goes on to say on its line, best first; none when it took no reply."""
    reply = next((i for i in reply_to_best(ranked, question.text) if i in used), None)
    if reply is None:
        return []
    return [reply, *sorted(after_on_its_line(ranked, reply, used))]


def later_word(
    ranked: Sequence[Quote], features: np.ndarray, on_topic: Sequence[bool], used: Sequence[int]
) -> int | None:
    """The position in `ranked` of the best sentence on the question's subject from a later meeting of the same
    series (`series_of` its title) than every record the answer line draws on, when there is one: in a team's
    weekly minutes, "What's blocking the Postgres upgrade?" may be answered from March, while April's minutes say
    it is unblocked. It must hold at least a third (LATER_SHARE) of the best topic-term share of a sentence of the
    meetings answered from: "Who is on call first?" is answered "Marco takes the first week", beside "the on-call
    rota is published", and a later "…reaches 5% of traffic first" is not on call. Records of different titles
    (articles, another committee) are no series."""
    drawn_on = [ranked[i] for i in used]
    dates = [quote.date for quote in drawn_on]
    series = {series_of(quote.title or "") for quote in drawn_on}
    if not all(dates) or len(series) != 1 or not all(series):
        return None
    latest = max(filter(None, dates))
    shares = features[:, TOPIC_FEATURE]
    answered_from = {quote.meeting for quote in drawn_on}
    floor = LATER_SHARE * max(shares[i] for i, quote in enumerate(ranked) if quote.meeting in answered_from)
    return next(
        (
            position
            for position, quote in enumerate(ranked)
            if quote.date is not None
            and quote.date > latest
            and series_of(quote.title or "") in series
            and on_topic[position]
            and shares[position] > 0
            and shares[position] >= floor
        ),
        None,
    )


def series_of(title: str) -> str:
    """A meeting's title without its dates and numbers, lower-cased: the series of meetings it is one of
    ("Platform team weekly — 2025-03-17" and "Platform team weekly — 2025-03-03" are "platform team weekly")."""
    return " ".join(word for word in _UNDATED.sub(" ", title.lower()).split() if word not in MONTHS_AND_DAYS)


def said_words(quote: Quote, limit: int = LATER_WORDS_CHARS) -> str:
    """A quote's words as the answer line gives them, led by who said them, within `limit` characters."""
    return shorten(attributed([quote]), limit)


def record_asked_about(question: Question, whole_record: WholeRecord | None) -> RecordToSummarize | None:
    """The record a question that names no topic ("Summarize the meeting.", "What did Marketing say?") is asked
    of, as `whole_record` gives it for the question's filter; None for a question that names a topic, or without
    `whole_record`."""
    return whole_record(question.search_text, question.search_filter) if whole_record is not None else None


def summary_answer(question: Question, record: RecordToSummarize, term_weight: TermWeight) -> Answer:
    """A summary of the whole record, its sentences as the quotes, in the order they were said; with a note on
    which meeting it is when the filter allowed several. Asked for every report of an act ("What did we decide?"),
    the sentences that report it, when the record has any."""
    if record.reported:
        return reports_answer(question, record, record.reported)
    quotes, passages = summary_of(record, term_weight)
    if not quotes:
        return Answer(question=question.text, answer=NO_MATCH, quotes=[], passages=[])
    note = NO_REPORT if record.act else None
    if record.meetings > 1:
        first = quotes[0]
        note = joined_notes(
            note, LATEST_MEETING.format(meetings=record.meetings, meeting=first.meeting, date=first.date)
        )
    order = list(range(len(quotes)))
    return Answer(question.text, shorten(attributed(quotes)), quotes, passages, note=note, answer_quotes=order)


def reports_answer(question: Question, record: RecordToSummarize, reported: Sequence[Quote]) -> Answer:
    """The sentences that report the act asked for, in the order of the record, as many as a summary's length
    holds; a note says how many more there are, and which meeting it is when the filter allowed several."""
    shown, words = list(reported[:1]), word_count(spoken_words(reported[0]))
    for quote in reported[1:]:
        words += word_count(spoken_words(quote))
        if words > SUMMARY_WORDS[1]:
            break
        shown.append(quote)
    notes = []
    if record.meetings > 1:
        notes.append(LATEST_REPORT.format(meetings=record.meetings, meeting=shown[0].meeting, date=shown[0].date))
    if len(reported) > len(shown):
        notes.append(MORE_REPORTS.format(count=len(reported) - len(shown)))
    order = list(range(len(shown)))
    text = shorten(attributed(shown))
    passages = holding(record.passages, shown)
    return Answer(question.text, text, shown, passages, note=joined_notes(*notes), answer_quotes=order)


def record_passages(record: RecordToSummarize, term_weight: TermWeight) -> list[Passage]:
    """The passages a question about a whole record is answered from: those that hold the reports of the act it
    asks for, or else the record's summary."""
    return holding(record.passages, record.reported) if record.reported else summary_of(record, term_weight)[1]


def summary_of(record: RecordToSummarize, term_weight: TermWeight) -> tuple[list[Quote], list[Passage]]:
    """The sentences that sum up the record, or its speakers' words (retrieval/summary.py), and the passages that
    hold them."""
    quotes = summary_sentences(record.passages, term_weight, record.speakers)
    return quotes, holding(record.passages, quotes)


def holding(passages: list[Passage], quotes: Sequence[Quote]) -> list[Passage]:
    """The passages that hold one of `quotes`."""
    return [p for p in passages if any(p.start_char <= q.start_char < p.end_char for q in quotes)]


def validate_question(question: Question) -> Question:
    text = " ".join(question.text.split())
    if not text:
        raise EmptyQuestion()
    if not has_words(text):
        raise UnreadableQuestion()
    return replace(question, text=text)


def rank_sentences(
    question: str, passages: list[Passage], term_weight: TermWeight, similarity: Similarity | None = None
) -> list[Quote]:
    """Every sentence of the best passages, best answer to `question` first (see `sentence_features`)."""
    candidates = sentence_features(question, passages, term_weight, similarity)
    return [candidates.quotes[i] for i in ranking(candidates.features)]


def ranking(features: np.ndarray) -> list[int]:
    """The candidates' positions, best answer first, from their `sentence_features`."""
    return np.argsort(-(features @ SENTENCE_WEIGHTS), kind="stable").tolist()


class Candidates(NamedTuple):
    """The sentences of the best passages, the features each is ranked by (FEATURES, in order), whether any of
    them shares a word with the question (one of its topic terms, or a word for the act it asks about), whether
    each is on the question's subject (`subject_terms`, and the people it names, or in a record about it as a whole:
    `records_about`), whether each is a turn of a conversation (`in_conversation`), and whether each gives what a
    question about a fact asks for leaning on the sentence before it (`read_with_the_one_before`)."""

    quotes: list[Quote]
    features: np.ndarray
    share_a_word: bool
    on_subject: list[bool]
    spoken: list[bool]
    leaning: list[bool]


def sentence_features(
    question: str, passages: list[Passage], term_weight: TermWeight, similarity: Similarity | None = None
) -> Candidates:
    """The sentences of the best passages and the features they are ranked by.

    The main one is the share of the question's (IDF-weighted) topic terms a sentence holds. When no sentence
    shares a topic term with the question (it is asked in another language than the records, in other words,
    or about something they do not cover), it is the similarity of meaning given by `similarity` instead.
    """
    query_terms = topic_terms(question)
    asked = set(tokenize(question))
    headed = [
        (rank, sentence) for rank, p in enumerate(passages[:QUOTE_PASSAGES]) for sentence in headed_sentences([p])
    ]
    candidates = [(rank, sentence.quote) for rank, sentence in headed]
    sentence_terms = [set(said_terms(quote)) for _, quote in candidates]
    attending = [attendees(quote.text) for _, quote in candidates]  # read once: the people, and attendance lines
    people = people_of([quote for _, quote in candidates], attending)
    named = mentioned_speakers(question, people)
    named |= {person for person in people if is_listed(person, named)}  # "- Lea: …" is Lea Novak's line
    named_terms = {person: frozenset(tokenize(bare_name(person))) for person in named}
    # A label the record's attendance list does not hold is the topic of its line ("- Newsletter: open rate fell…"
    # where "Attendees: Olivia Grant, Ben Carter…"), and its sentences are about it, as under a heading.
    labels = {quote.speaker for _, quote in candidates if quote.speaker and quote.speaker not in people}
    topic_labels = {label: frozenset(tokenize(label)) for label in labels}
    reports_act = act_or_outcome_asked(question)
    reporting = [
        reports_act is not None and reports(reports_act, sentence, terms)
        for (_, sentence), terms in zip(headed, sentence_terms, strict=True)
    ]
    # A sentence holds its section's terms ("Action items"); when it reports the act asked about, the question's
    # words for it ("Apologies: Sam" holds the "absent" of "Who was absent?"); when a speaker the question names
    # says it, their name ("What did Grad F say about his proposal?"); and the topic that leads its line.
    act_words = query_terms & act_terms(question)
    # "Which motion was not carried?", "哪个议案没有通过？": a sentence that says it was carried holds no "carried"
    # (a heading that says the opposite of the question holds none of its terms: `section_terms`). "Why not
    # Nimbus?", "Why wasn't it approved?" ask for a reason, which the sentences that say what was done tell of, and
    # an account is of what was said either way.
    asks_a_fact = not wants_account(question)
    asks_why = _WHY_QUESTION.search(question) is not None
    denied = denied_terms(question) & query_terms if asks_a_fact and not asks_why else frozenset()
    held = [
        (terms - (denied - denied_terms(sentence.quote.text)) if denied else terms)
        | section_terms(sentence, question)
        | named_terms.get(sentence.quote.speaker or "", frozenset())
        | topic_labels.get(sentence.quote.speaker or "", frozenset())
        for (_, sentence), terms in zip(headed, sentence_terms, strict=True)
    ]
    topics = [terms | act_words if reported else terms for terms, reported in zip(held, reporting, strict=True)]
    weights = in_the_scene_set(question, topic_term_weights(query_terms, topics, term_weight))
    # A report of the act holds its words only on the subject a question sets apart, if it sets one: "What was
    # decided about returns?" is not answered by the board's decision about the science wing.
    subject = subject_terms(question)
    if subject is not None:
        topics = [with_act if subject & own else own for own, with_act in zip(held, topics, strict=True)]
    # A sentence that gives what a question about a fact asks for, going on from the one before it, is read with it:
    # it holds that one's topic too. So is a reason given in reply to a question minutes tell of ("Hugh asked why
    # repairs were over budget. Sunita explained that the cold snap caused 38 call-outs…"). (Otherwise an account,
    # "Why…?", is built from several sentences: the one before joins it on its own merits.)
    answer_form = answer_form_asked(question)
    gives_form = [answer_form is not None and answer_form(sentence) for _, sentence in headed]
    # "What was the lowest bid?": of a table's rows, the one with the lowest figure gives it.
    compared_tables = extreme_rows(question, [quote.text for _, quote in candidates])
    for rows in compared_tables:
        for index, extreme in rows.items():
            gives_form[index] = extreme
    says_who = person_asked(question, people, frozenset().union(*attending))
    # For "Who…?", a person: "Ian Shaw will organise it." after the sentence that names the dinner.
    # Asked yes or no, how the matter was settled: "Not decided; Nora will check…" after "Jun proposed moving to a
    # follow-the-sun rota…", for "Was the follow-the-sun rota approved?".
    asks_yes_or_no = YES_OR_NO_ASKED.search(question) is not None
    settles = [asks_yes_or_no and bool(reported) for reported in reporting]
    gives_what_is_asked = [
        form
        or settled
        or (says_who is not None and not listed and (says_who(quote) or _TAKES_ON_A_TASK.match(quote.text) is not None))
        for form, settled, listed, (_, quote) in zip(gives_form, settles, attending, candidates, strict=True)
    ]
    leaned_on = (
        read_with_the_one_before(
            candidates,
            [query_terms & terms for terms in topics],
            gives_what_is_asked,
            sentence_terms,
            settles,
            len(query_terms),
            replies_only=not asks_a_fact,
        )
        if asks_a_fact or asks_why
        else [None] * len(candidates)
    )
    leaning = [before is not None for before in leaned_on]
    topics = read_with_what_they_lean_on(topics, leaned_on)
    by_title = {
        title: discounted(weights, title_terms(title), TITLE_TERM_SHARE)
        for title in {q.title or "" for _, q in candidates}
    }
    # A record is named by its title and by the line that opens it naming its meeting, where one is among the
    # candidates ("ASHFORD VALE TOWN COUNCIL" over "Minutes of the Planning Committee held on…").
    opened_as = {
        quote.title or "": frozenset(tokenize(quote.text)) for _, quote in candidates if names_its_meeting(quote)
    }
    named_by_title = {
        title: held_share(query_terms & (title_terms(title) | opened_as.get(title, frozenset())), weights)
        for title in by_title
    }
    coverage = [
        held_share(query_terms & terms, by_title[quote.title or ""])
        for (_, quote), terms in zip(candidates, topics, strict=True)
    ]
    # The rows of a table asked for its extreme answer alike but for their figures: "Roofing" in one row's name
    # holds the "roof" of "the lowest roof bid", and says nothing of its bid.
    for rows in compared_tables:
        most = max(coverage[index] for index in rows)
        for index in (index for index, extreme in rows.items() if extreme):
            coverage[index] = most
    holds_a_term = any(coverage)
    spoken = [in_conversation(sentence) for _, sentence in headed]
    # A turn of a conversation is a named person's when they say it; a written sentence also when it names them,
    # but for an attendance line, which says they came, not what they said.
    by_named = [
        quote.speaker in named if said else bool(named) and said_by_or_naming(quote, named) and not listed
        for said, listed, (_, quote) in zip(spoken, attending, candidates, strict=True)
    ]
    # Without a subject set apart, what a person the question names says is on it when the question names nothing
    # else ("What did Sam say?"; the label that names them leads only the first sentence of their line: "- Lea: the
    # rota is published. Rotations start on March 10."); "What was Tom worried about?" is not Tom's latency update.
    theirs = not query_terms - frozenset().union(*named_terms.values())
    on_subject = [
        (enough or (theirs and quote.speaker in named) if subject is None else bool(subject & terms))
        and (not named or of_them)
        for enough, terms, of_them, (_, quote) in zip(holds_enough(coverage), topics, by_named, candidates, strict=True)
    ]
    titled = ((quote.title or "", terms) for (_, quote), terms in zip(candidates, topics, strict=True))
    about = records_about(subject or query_terms, titled)
    if similarity is not None and candidates and not holds_a_term:
        candidates, sentence_terms = candidates[:SIMILARITY_SENTENCES], sentence_terms[:SIMILARITY_SENTENCES]
        headed, spoken, by_named, reporting, attending, gives_form, leaning = (
            kept[:SIMILARITY_SENTENCES]
            for kept in (headed, spoken, by_named, reporting, attending, gives_form, leaning)
        )
        coverage = similarity(question, [quote.text for _, quote in candidates])
        on_subject = holds_enough(coverage)
    on_subject = [on or (quote.title or "") in about for on, (_, quote) in zip(on_subject, candidates, strict=True)]
    gives_count = count_asked(question)
    # The line that names this meeting ("Minutes of the Trustees' Meeting, 17 September 2025…") holds the words of a
    # question about the next one, and is the one answer to it that is surely wrong: it weighs as a heading there.
    asks_next_meeting = NEXT_MEETING_NAMED.search(question) is not None
    best_passage = max((p.score for p in passages[:QUOTE_PASSAGES]), default=1.0) or 1.0
    rows = [
        (
            share,
            1.0 / (rank + 1),
            passages[rank].score / best_passage,
            # "Chair: Ana Ruiz" says enough, and so does "Seconded: Tom Briggs." asked who, "About £40,000 a year." read
            # with the sentence before it, or a figure on the topic: "The target this year is £3,500."
            float(
                len(terms) < SHORT_SENTENCE_TOKENS
                and not (reported or listed or lean or (share > 0 and any(term[0].isdigit() for term in terms)))
                and not (says_who is not None and _FILLS_A_FIELD_OF_PEOPLE.search(quote.text))
            ),
            math.log1p(len(terms)),
            float(is_question(quote.text)),
            float(form),
            float(says_who is not None and _says_who(says_who, quote, share, listed, reports_act is not None)),
            float(gives_count is not None and gives_count(quote.text)),
            float(named_person),
            float(reported),
            min(len(terms - asked), NEW_WORDS_ENOUGH) / NEW_WORDS_ENOUGH,
            float(is_title_line(quote) or sentence.names_a_section or (asks_next_meeting and names_its_meeting(quote))),
            float((asks_a_fact or asks_why) and reports_an_open_question(quote.text)),
            named_by_title[quote.title or ""],
            person_share(quote) if turn else 0.0,
            1.0,
        )
        for (rank, quote), (_, sentence), terms, share, named_person, reported, turn, listed, form, lean in zip(
            candidates,
            headed,
            sentence_terms,
            coverage,
            by_named,
            reporting,
            spoken,
            attending,
            gives_form,
            leaning,
            strict=True,
        )
    ]
    features = np.array(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))
    share_a_word = holds_a_term or bool(features[:, ACT_FEATURE].any())  # "attendees" for "who attended"
    return Candidates([quote for _, quote in candidates], features, share_a_word, on_subject, spoken, leaning)


def _says_who(
    says_who: Callable[[Quote], bool], quote: Quote, share: float, listed: Sequence[str], asks_an_act: bool
) -> bool:
    """Whether a sentence says who, for a question that asks: it names a person (`says_who`), though an attendance
    line (`listed`) only on the topic or for an act ("Who was absent?"); or, on the topic, a name that opens it
    takes on a task ("Owen Price will report them to the council again.", where minutes list no one)."""
    if says_who(quote):
        return share > 0 or not listed or asks_an_act
    return share > 0 and _TAKES_ON_A_TASK.match(quote.text) is not None


def read_with_the_one_before(
    candidates: Sequence[tuple[int, Quote]],
    topic_held: Sequence[Set[str]],
    gives_form: Sequence[bool],
    sentence_terms: Sequence[Set[str]],
    settles: Sequence[bool] | None = None,
    topic_size: int = 0,
    replies_only: bool = False,
) -> list[int | None]:
    """Which of the (passage rank, sentence) `candidates` each gives the form asked for going on from, if any: the
    sentence before it on its line (`_the_one_before`, which may end another passage), so that it is read with
    that one, which holds a term of the question's topic (`topic_held`) that it lacks.

    After one that gives the form too, it does when it refers back and holds a term of the topic that one lacks
    (`_refers_back`: "…an offer to a senior backend engineer, and she accepted yesterday. She starts on 15
    September."; not "They will clean the offices in the evening…" after "On cleaning: the new contractor starts
    on 1 November.", nor "1982年3月，他取代…" after "…于1981年进入微软公司任职。").

    After one that does not, it does when it refers back, is a fragment with no term of the topic in its own words
    (its heading's are not), short, opening with a figure or, as `settles` says, telling how the matter asked about
    yes or no was settled, after a sentence that holds MATTER_NAMED of the `topic_size` terms of its topic, and as
    many as any candidate ("One more inspector and a scanner at the returns desk. About £40,000 a year.", "…over
    the weekend. ~20 min of downtime, no complaints.", "Jun proposed moving to a follow-the-sun rota… Not decided;
    Nora will check…"; not "I'd want to see it after three months.", which says something of its own), a short one
    that ends referring back ("…the anniversary dinner will be on 11 October. Ian Shaw will organise it."), in
    the same turn says more of the topic ("…外包客服的预算控制在八万以内。孙磊你来负责，十二月十五号之前到岗。"), or
    replies to a question or a request that one tells of ("Hugh asked why repairs were over budget. Sunita explained
    that the cold snap caused 38 boiler call-outs…"), or gives the reason for what that one says ("…提升到26%。主要
    原因是加入了拼写纠错。"); with `replies_only`, only after such a one, or for such a reason. A name that opens a
    sentence taking on a task is read with the sentence before it, whatever that gives, unless someone takes on a
    task there too ("Kwame found that the new button fails contrast checks… Tara will darken the border and text
    tokens."; not "Mrs Ward will visit… Mr Lowe will carry out the annual safeguarding check…"). A reply that opens
    another speaker's turn after a question asked is read with it too ("Nadia: How many password tickets are still
    open?" / "Leo: About 60."), and with the question where the asker went on after it ("Do we know what the move
    will cost? Removals, IT, the lot." / "The removals quote is 8,400…")."""
    leaned_on: list[int | None] = [None] * len(candidates)
    most_held = max(map(len, topic_held), default=0)
    for i, (_, quote) in enumerate(candidates):
        j = _the_one_before(candidates, i)
        seconds_it = _GOES_ON_WITH_THE_MOTION.match(quote.text) is not None
        if j is None or not (gives_form[i] or seconds_it):
            continue
        j = _the_question_it_answers(candidates, i, j)
        before = candidates[j][1]
        answers = opens_the_reply(before, quote)
        explains_it = _THE_REASON_FOR_IT.match(quote.text) is not None
        # a reason may open the next line: "the pipeline for December looks thinner though" / "mainly because…"
        explains_on_the_next_line = explains_it and quote.start_line == before.end_line + 1
        if before.end_line != quote.start_line and not (answers or explains_on_the_next_line):
            continue
        held, held_before = topic_held[i], topic_held[j]
        if not held_before - held and not (seconds_it and leaned_on[j] is not None):
            continue  # the one before adds nothing to what this one says of the topic, nor goes on from one that does
        replies = answers or reports_a_question(before.text)
        if replies_only and not (replies or explains_it):
            continue
        # who takes on a task, after the sentence that names it: "Kwame found that the new button fails contrast
        # checks…" / "Tara will darken the border and text tokens." for "Who will fix the button contrast?"
        if _TAKES_ON_A_TASK.match(quote.text) and not _TAKES_ON_A_TASK.search(before.text):
            leans = True
        elif gives_form[j]:
            leans = _refers_back(quote.text, held - held_before)
        else:
            short = len(sentence_terms[i]) < SHORT_SENTENCE_TOKENS
            said_of_the_topic = held & sentence_terms[i]  # not its heading's terms: "* Playground: …"
            # how the matter was settled, after a sentence that names it: "…an increase of £600. The board agreed to
            # accept the quote…" says nothing of the subscription increase
            settles_it = bool(settles and settles[i]) and len(held_before) >= max(MATTER_NAMED * topic_size, most_held)
            fragment = (short and _ENDS_REFERRING_BACK.search(quote.text) is not None) or (
                not said_of_the_topic and (short or _OPENS_WITH_A_FIGURE.match(quote.text) is not None or settles_it)
            )
            # the same turn (on its line), going on to say more of the topic: "可以，外包客服的预算控制在八万以内。" |
            # "孙磊你来负责，十二月十五号之前到岗。" for "外包客服什么时候到岗？"
            one_turn = bool(said_of_the_topic) and quote.speaker is not None and quote.speaker == before.speaker
            leans = (
                fragment
                or replies
                or explains_it
                or seconds_it
                or one_turn
                or _REFERS_BACK.match(quote.text) is not None
            )
        leaned_on[i] = j if leans else None
    return leaned_on


def _the_question_it_answers(candidates: Sequence[tuple[int, Quote]], i: int, j: int) -> int:
    """Of the (passage rank, sentence) `candidates`, the question the `i`th answers where the asker went on after it
    on its line, `j` being what they went on to say ("Leo Brandt: Do we know what the move will cost? Removals, IT,
    the lot." / "Grace Obi: The removals quote is 8,400…"); else `j`."""
    said, before = candidates[i][1], candidates[j][1]
    if before.speaker is None or before.speaker == said.speaker or is_question(before.text):
        return j
    k = _the_one_before(candidates, j)
    if k is None:
        return j
    asked = candidates[k][1]
    same_turn = asked.speaker == before.speaker and asked.end_line == before.start_line
    return k if same_turn and opens_the_reply(asked, said) else j


def read_with_what_they_lean_on(topics: Sequence[Set[str]], leaned_on: Sequence[int | None]) -> list[set[str]]:
    """Each sentence's topic terms with those of the sentences it is read with (`leaned_on`), and of those they are
    read with in turn: "Carried unanimously." goes on from "Proposed by Femi Johnson…", which goes on from the
    motion that names the heaters."""
    resolved: dict[int, set[str]] = {}

    def with_those_before(i: int) -> set[str]:
        if i not in resolved:
            before = leaned_on[i]
            resolved[i] = set(topics[i]) if before is None else set(topics[i]) | with_those_before(before)
        return resolved[i]

    return [with_those_before(i) for i in range(len(topics))]


def _the_one_before(candidates: Sequence[tuple[int, Quote]], i: int) -> int | None:
    """Of the (passage rank, sentence) `candidates`, the position of the sentence right before the `i`th in its
    record: the one before it in its passage, or, for a passage's first, the last of the passage that ends right
    before it, whichever place that passage was found in ("Prof. Hale proposed drop-in calculus clinics…" | "These
    will run on Thursdays…, starting on 4 December.")."""
    rank, quote = candidates[i]
    if i and candidates[i - 1][0] == rank:
        return i - 1
    ending_before = [j for j, (_, before) in enumerate(candidates) if _goes_on_from(before, quote)]
    return max(ending_before, key=lambda j: candidates[j][1].end_char, default=None)


def _refers_back(sentence: str, new_terms: Set[str]) -> bool:
    """Whether a sentence that holds `new_terms` of the topic (none the sentence before it holds) opens by referring
    back to that one: by a pronoun ("She starts on 15 September."), or by naming one of those terms as a thing
    already spoken of ("…out of service since August because of a helium leak. The repair is quoted at £27,500 and
    the supplier expects to complete it by mid-November.")."""
    if not new_terms:
        return False
    if _REFERS_BACK.match(sentence):
        return True
    named = _NAMED_AGAIN.match(sentence)
    return named is not None and not new_terms.isdisjoint(tokenize(named["noun"]))


def _goes_on_from(before: Quote, quote: Quote) -> bool:
    """Whether `quote` opens the passage that goes on in its record right after the one `before` ends ("…discussed
    whether to buy an electric van." | "The Treasurer advised against it…"): passages found apart never repeat
    each other's text, so a reply may open the next."""
    return quote.source == before.source and 0 <= quote.start_char - before.end_char <= _PASSAGE_GAP


def person_share(quote: Quote) -> float:
    """The share of a sentence's English words, its speaker's label and transcript markup aside, that are first or
    second person: "I", "we", "you", "our"…"""
    words = MARKUP.sub(" ", said_text(quote))
    count = len(_ENGLISH_WORD.findall(words))
    return len(_FIRST_OR_SECOND_PERSON.findall(words)) / count if count else 0.0


def answer_form_asked(question: str) -> Callable[[HeadedSentence], bool] | None:
    """A test of whether a sentence holds the kind of thing `question` asks for, when it asks for one: a frequency for
    "How often…?" ("twice", "every week", "3 times"); a length for "How long…?" ("40 minutes", not "by March 14"); a
    length or a time for "How soon…?"; a reason for "Why…?", in written records (`gives_a_reason`); a sum of money for a
    price ("£14,200", not the year of "…contract out to tender before 1 April 2026"), or a share for how much a price
    changed ("…raised the standing charge by 14%" for "How much has it gone up?"); a number for a quantity, in figures,
    or in words where said aloud ("Against? Two."); a time for a time (as TIME_WRITTEN finds it: "Is there a date for
    the canary?" is answered "from April 1", not "5% of traffic"). An action item's date is when it is due: it answers
    "When is the update due?", but "When does the playground reopen?" asks when it reopens, not when "Publish the
    reopening date of the playground" is due. Where a meeting was held, the line that gives its place
    ("地点：学校图书馆"). Which firm or bank (哪家), a sentence that names one the question does not
    ("同意续聘安居物业服务有限公司"). A limit, a figure given as one ("…要求费用不超过75万元" for
    "年终促销费用上限是多少？"). How something is paid for, the line that names where the money comes from ("…funded
    from the highways reserve"). When the next meeting is, is the line that gives it ("Next meeting: 8
    December", or a line under the heading "DATE OF NEXT MEETING"), not a task to be brought to it
    ("…提交下次会议讨论 · 完成时间: 11月17日"). Each is looked for in what the sentence says (`said_text`):
    "Speaker 2: The churn model retrain finished overnight." gives no number, "[00:01:02] Liam: …" no time."""
    if _HOW_OFTEN.search(question):
        return lambda sentence: _FREQUENCY.search(said_text(sentence.quote)) is not None
    gives_a_length_not_named = functools.partial(gives_a_length, named=lengths_in(question))
    if _HOW_LONG.search(question):
        return lambda sentence: gives_a_length_not_named(said_text(sentence.quote))
    gives_a_time = functools.partial(
        _gives_a_time_not_named, frozenset(_A_WORD.findall(question.lower())), _AHEAD_ASKED.search(question) is not None
    )
    if _HOW_SOON.search(question):
        return lambda sentence: (
            gives_a_length_not_named(said_text(sentence.quote)) or gives_a_time(said_text(sentence.quote))
        )
    if _WHY_QUESTION.search(question):
        return gives_a_reason
    if _MEETING_PLACE_QUESTION.search(question):
        return lambda sentence: _PLACE_GIVEN.search(said_text(sentence.quote)) is not None
    if _WHICH_BODY_ZH.search(question):
        return lambda sentence: any(
            body[0] not in question for body in _BODY_NAMED_ZH.finditer(said_text(sentence.quote))
        )
    if _FUNDING_ASKED.search(question):
        return lambda sentence: _FUNDING_GIVEN.search(said_text(sentence.quote)) is not None
    if _LIMIT_ASKED.search(question) and (price_asked(question) or _QUANTITY_QUESTION.search(question)):
        return lambda sentence: (
            _LIMIT_GIVEN.search(said := said_text(sentence.quote)) is not None and gives_a_number(said, in_words=True)
        )
    if price_asked(question) and change_asked(question):
        return lambda sentence: gives_a_price(sentence) or gives_a_share(said_text(sentence.quote))
    if price_asked(question):
        return gives_a_price
    if _QUANTITY_QUESTION.search(question):
        return lambda sentence: gives_a_number(said_text(sentence.quote), in_words=in_conversation(sentence))
    if _TIME_QUESTION.search(question) and NEXT_MEETING_NAMED.search(question):
        return lambda sentence: (
            gives_a_time(said_text(sentence.quote))
            and (
                gives_the_next_meeting(sentence.quote.text)
                or NEXT_MEETING_NAMED.search(section_of(sentence) or "") is not None
            )
        )
    if _TIME_QUESTION.search(question):
        due_asked = _DEADLINE_QUESTION.search(question) is not None
        return lambda sentence: (due_asked or not is_action_item(sentence)) and gives_a_time(said_text(sentence.quote))
    return None


def gives_a_price(sentence: HeadedSentence) -> bool:
    """Whether a sentence gives a sum of money: with its currency where written ("£14,200", "800元"), and where said
    aloud as a figure too, as people leave the currency out ("The removals quote is 8,400…")."""
    said = said_text(sentence.quote)
    return gives_a_sum_of_money(said) or (in_conversation(sentence) and gives_a_number(said))


def _gives_a_time_not_named(named: Set[str], ahead: bool, sentence: str) -> bool:
    """Whether a sentence gives a time (TIME_WRITTEN) other than one the question names among its `named` words:
    "When is the summer fair?" is not answered by "…raise the rest at the summer fair.". Asked what is to come
    (`ahead`), a time gone by is none: "When will the export be finished?" is not answered by "…was supposed to
    finish last Friday"."""
    return any(
        time[0].lower() not in named and not (ahead and _gone_by(sentence, time))
        for time in TIME_WRITTEN.finditer(sentence)
    )


def _gone_by(sentence: str, time: re.Match[str]) -> bool:
    """Whether a time a sentence gives is gone by: it says so ("yesterday", "上周"), or the words around it do
    ("last Friday", "3 weeks ago", "on Tuesday took 9 hours")."""
    return bool(
        _GONE_BY.match(time[0])
        or _GONE_BY_BEFORE.search(sentence, max(0, time.start() - 12), time.start())
        or _GONE_BY_AFTER.match(sentence, time.end())
    )


def gives_a_reason(sentence: HeadedSentence) -> bool:
    """Whether a sentence gives a reason. A written one: says one, or stands under a heading that names one. A
    speaker's turn only by opening with it in so many words ("主要是年付用户…没有收到提醒短信", "The main reason
    is…", "Mainly because…"): speakers say "because" in nearly every turn, and open with it too."""
    if in_conversation(sentence):
        said = said_text(sentence.quote)
        return _THE_REASON_FOR_IT.match(said) is not None and _BECAUSE.match(said) is None
    section = section_of(sentence)
    text = sentence.quote.text
    return bool(_REASON.search(text) or _THE_REASON_FOR_IT.match(text) or (section and _REASON_HEADING.search(section)))


def person_asked(question: str, people: Set[str], listed: Set[str]) -> Callable[[Quote], bool] | None:
    """For a question that asks who, a test of whether a sentence says who: it is one of `people`'s lines, or names
    one of them in full ("| Order the benches for Mill Park | Tom Berg |"; not "Mill Park" for Helen Park, as a
    question may name a speaker by a part of their name), or one that an attendance line lists by the name they
    are called by ("- [ ] Bank transfer payments in checkout - Ana" for Ana Ruiz; not a month's or a day's, "May",
    and not a speaker's role, "Project" of Project Manager), names someone by a title of address ("Cllr Barker
    will get three quotes") or by a handle ("- [ ] @obi review PR #1842"), fills a field of people ("Speaker:
    Helen Ward · …", "— owner: Sara Kim"), says by whom in full ("Proposed by Femi Johnson")
    or charges someone with a task ("由城建科负责"). None for a question that does not ask who."""
    if not _WHO_QUESTION.search(question):
        return None
    called = {name for person in listed if (name := given_name(person)) and name.lower() not in MONTHS_AND_DAYS}
    names = sorted({bare_name(person) for person in people} | called, key=len, reverse=True)
    in_full = re.compile(
        "|".join(
            [
                *(rf"(?<![\w-]){re.escape(n)}(?![\w-])" if n.isascii() else re.escape(n) for n in names),
                _TITLED_NAME,
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
    council's "PRESENT:" line lists none of a stand-up's speakers)."""
    listed_in: dict[str, set[str]] = {}
    speakers_of: dict[str, set[str]] = {}
    for quote, names in zip(quotes, attending, strict=True):
        listed_in.setdefault(quote.meeting, set()).update(names)
        if quote.speaker:
            speakers_of.setdefault(quote.meeting, set()).add(quote.speaker)
    people: set[str] = set()
    for meeting, listed in listed_in.items():
        speakers = speakers_of.get(meeting, set())
        people |= listed | ({speaker for speaker in speakers if is_listed(speaker, listed)} if listed else speakers)
    return people


def is_listed(speaker: str, listed: Set[str]) -> bool:
    """Whether an attendance line lists the speaker, in full or by a part of the name ("Lea" for Lea Novak, and
    "Lea Novak" for Lea)."""
    name = bare_name(speaker)
    parts = set(name.split())
    return any(name == person or name in person.split() or person in parts for person in listed)


def section_terms(sentence: HeadedSentence, question: str) -> frozenset[str]:
    """The terms of the heading a sentence falls under, which say what it is about: "| Remove the extension | Tom |"
    under "Action items" is one of Tom's action items. The record's title is no section's heading: its terms count
    a tenth (`discounted`), and every sentence of the record falls under it. A heading that says the opposite of
    the question says nothing of what it asks: "What went well?" is not answered under "What didn't go well"."""
    heading = section_of(sentence)
    return frozenset() if heading is None or opposed(heading, question) else heading_terms(heading)


def topic_term_weights(
    query_terms: Set[str], sentence_terms: list[set[str]], term_weight: TermWeight
) -> dict[str, float]:
    """Each topic term's weight: its IDF in the index times its IDF among the candidate sentences.

    A term found in most candidates (the article's subject, the meeting's running topic) tells them apart no
    better than a common word, so the words that make the question specific ("weight", "appointed") decide.
    """
    candidates = len(sentence_terms)
    return {
        term: term_weight(term) * math.log((candidates + 1) / (sum(term in terms for terms in sentence_terms) + 0.5))
        for term in query_terms
    }


def discounted(weights: dict[str, float], terms: Set[str], share: float) -> dict[str, float]:
    """`weights` with `terms` counting `share` of their weight: a record's title terms (TITLE_TERM_SHARE) tell which
    record, not which of its sentences, and the title line itself is no answer; a scene's (`in_the_scene_set`)."""
    return {term: w * (share if term in terms else 1.0) for term, w in weights.items()}


def held_share(held: Set[str], weights: dict[str, float]) -> float:
    """The share of the question's topic-term weight (`weights`) that a sentence holding `held` holds."""
    return sum(weights[term] for term in held) / (sum(weights.values()) or 1.0)


def holds_enough(shares: Sequence[float]) -> list[bool]:
    """Whether each sentence, by its share of the question's topic, is on the subject: it holds some, and at least
    ACCOUNT_SHARE of the best share: "Tom Berg: the benches for Mill Park arrive on 20 May." holds only the "park"
    of "What happens to the car park during the festival?", and says nothing of it."""
    floor = ACCOUNT_SHARE * max(shares, default=0.0)
    return [share > 0 and share >= floor for share in shares]


@lru_cache(maxsize=256)
def topic_terms(question: str) -> frozenset[str]:
    """The question's terms without its framing and function words: what it is about. Cached: the sentences'
    features and the records an account may draw on both need them for the same question."""
    return frozenset(tokenize(reduce_question(question), pairs_across_function_words=False)) - function_terms()


@lru_cache(maxsize=1)
def function_terms() -> frozenset[str]:
    """FUNCTION_WORDS as terms (tokenised on first use: the tokenizer's stemmer loads then)."""
    return frozenset(tokenize(" ".join(FUNCTION_WORDS)))


def in_the_scene_set(question: str, weights: dict[str, float]) -> dict[str, float]:
    """`weights` with the terms of a closing clause that sets the scene (SETTING_THE_SCENE) counting SCENE_SHARE,
    those the rest of the question holds aside: "Why did the group think of the locator when presenting the
    functional requirements?" asks about the locator, and "Marketing: But is everyone's called functional
    requirements?" is no answer. Search still reads the clause, which finds that part of the meeting."""
    scene = SETTING_THE_SCENE.search(question)
    if scene is None:
        return weights
    setting = topic_terms(question[scene.end() :]) - topic_terms(question[: scene.start()])
    return discounted(weights, setting, SCENE_SHARE)


def subject_terms(question: str) -> frozenset[str] | None:
    """The topic terms of the subject a question sets apart with "about" ("What did Tom say about latency?" →
    latency), or None when it sets none apart. A sentence of minutes that names Tom and not latency is about
    something else, though it holds one of the question's topic terms."""
    about = ABOUT_A_SUBJECT.search(question)
    return (topic_terms(question[about.end() :]) or None) if about else None


def records_about(topic: Set[str], sentences: Iterable[tuple[str, Set[str]]]) -> set[str]:
    """The titles of the records that are about a question's `topic` as a whole (its topic terms, or those of the
    subject it sets apart): every sentence of such a record is on it, named in it or not ("全市教育工作会议纪要" for
    "会议讨论了教育方面的哪些问题？").
    `sentences` gives each candidate sentence's title and terms. A title holds some of the topic's terms, and no
    sentence of its record holds the others: where one does, the question asks about that within the record.
    "What is the budget for the library roof?" is about a budget, not every line of the library board's minutes;
    "What did the tenants decide about the rent increase?" is about the rent increase."""
    held: dict[str, set[str]] = {}
    for title, terms in sentences:
        held.setdefault(title, set()).update(terms & topic)
    return {title for title, terms in held.items() if (in_title := topic & title_terms(title)) and terms <= in_title}
