"""The kind of thing a question asks for (a number, a time, a reason, a place, a sum, a limit…) and whether a
sentence gives it: the answer form that steers which sentence answers."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Set

from retrieval.answers.composing import said_text
from retrieval.lexical import stem
from retrieval.questions.acts import gives_the_next_meeting, is_action_item
from retrieval.questions.days import MEETING_NOUN, MONTHS_AND_DAYS, NEXT_MEETING_NAMED, TIME_WRITTEN
from retrieval.questions.quantities import (
    change_asked,
    gives_a_length,
    gives_a_number,
    gives_a_share,
    gives_a_sum_of_money,
    lengths_in,
    price_asked,
    without_counts_of,
)
from retrieval.questions.query import AMOUNT_ASKED, HOW_MANY_ZH, HOW_MUCH, WHEN_ASKED
from retrieval.text.sections import HeadedSentence, in_conversation, section_of
from retrieval.text.sentences import is_question, proposes

# Questions answered by a quantity (a sentence with a number) or by a time (a sentence with a time: TIME_WRITTEN),
# in English and in Chinese ("When discussing…" asks for neither). A date or a deadline asked for in other words
# is a time too ("Do we have a date for the upgrade?"; not "due to").
_QUANTITY_QUESTION = re.compile(
    rf"{HOW_MUCH}|{AMOUNT_ASKED}|\b(number|amount|percentage|total)\b"
    rf"|多少|{HOW_MANY_ZH}|多[大高长重久远深宽厚]",
    re.I,
)
_TIME_QUESTION = re.compile(
    rf"^\W*{WHEN_ASKED}|\b(?:what|which) (year|date|time|day|month)s?\b|\b(a|the) (date|deadline)\b"
    r"|\bdue (date|by|on)\b|何时|什么时候|哪一?[年月天]|截止日期|期限",
    re.I,
)
_A_WORD = re.compile(r"\w+")
# How often something happens, for "How often…?": "failed twice in September", "every week", "three times".
_HOW_OFTEN = re.compile(r"\bhow often\b", re.IGNORECASE)
# A reason, for "Why…?", in written records: a sentence that gives one ("because", "due to", "on the grounds of",
# 因为), or one under a heading that names one ("Why the coupon bug happened", "Root cause"). A speaker says
# "because" in nearly every turn: the cue lost on QMSum's transcripts (benchmarks/README.md).
# A reason asked for in other words: "What causes the connection problem?", "What led to the delay?", 什么原因.
# Where a meeting or an event is held ("Where was the meeting held?", "会议在哪里开的？", "春游去哪里？"): the line
# that gives its place ("地点：学校图书馆", "Venue: Civic Centre, Room 2", "…was held at the library", "春游地点初步定为
# 植物园"), as minutes head themselves or name it. Not where things stand ("Where are we on the migration?").
_PLACE_QUESTION = re.compile(
    rf"^\W*where\b.*\b(?:{MEETING_NOUN}s?|held|take place|takes place|took place|venue)\b"
    # where an event is: "Where is the thank-you evening?", "Where will the social be?" (not "Where is it at?")
    r"|^\W*where(?:['’]s|\s+(?:is|was|will))\s+(?:the|this|our|next)\b(?!.*\bat\W*$)"
    r"|在哪|哪里|哪儿|什么地方|何处|地点",
    re.IGNORECASE,
)
# How much money is held: "How much money does the association have?", "账上还有多少钱？"; answered by a sum said to be
# held ("The association has £1,385 in the bank."), not one to be spent or applied for ("…will cost about £400").
_HELD_ASKED = re.compile(
    r"\bhow much (?:money|cash|funds?)\b.{0,60}\b(?:have|has|hold|holds|got|left)\b|(?:有|剩|余)多少钱|余额.{0,4}多少",
    re.IGNORECASE,
)
_HELD_GIVEN = re.compile(
    r"\b(?:ha(?:s|ve|d)|holds?|held|balance|in the bank|in hand|in reserves?|left|remaining)\b|余额|结余|账上|还有|剩",
    re.IGNORECASE,
)
# Where the money comes from: "How will the speed sign be paid for?", "How is the new kit funded?", "资金从哪里来？";
# answered by the line that names the source ("…to be funded from the highways earmarked reserve", "paid for out of
# reserves", "…will apply to the ward budget for it", "资金来源主要是上级财政补助", "从维修基金里出").
_FUNDING_ASKED = re.compile(
    r"\bhow\b(?! much| many).{0,80}\b(?:paid for|funded|financed)\b"  # not the sum: "How much was paid for…?"
    r"|\bwhere\b.{0,60}\b(?:money|budget|funding|funds?)\b.{0,20}\bcom(?:e|es|ing) from\b"
    r"|资金\w{0,4}(?:从哪|哪里|来源)|(?:经费|费用|[款钱金])\w{0,4}(?:从哪|来源)",
    re.IGNORECASE,
)
# Hours from one to another, as said aloud: "9 till 1", "10 to 4", "2-5"
_HOURS = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:till|until|to|-|–)\s*\d{1,2}(?:[:.]\d{2})?\b(?![,.]?\d)")
_FUNDING_GIVEN = re.compile(
    r"\b(?:funded|financed|paid(?: for)?|met|covered)\s+(?:from|by|out of|through)\b"
    # a fund or a budget applied to: "…the forum will apply to the ward budget for it."
    r"|\bapply (?:to|for) (?:the |a |an |our )?(?:[\w'’-]+ ){0,3}(?:budget|fund|grant|reserve)s?\b"
    # a fund drawn on: "…需提交业主委员会审议，使用专项维修资金。", "动用储备金"
    r"|资金来源|由\w{1,12}?(?:承担|出资|拨付|列支|支出)|从\w{1,15}?(?:列支|支出|里出|中出)"
    r"|(?:使用|动用|申请)\w{0,8}?(?:资金|基金|经费|储备金|预备费)",
    re.IGNORECASE,
)
# Which firm, bank or other body ("续聘哪家物业公司？", "向哪家银行申请授信？"): a sentence that names one the question
# does not ("同意续聘安居物业服务有限公司", not "物业公司提出…").
_WHICH_BODY_ZH = re.compile(r"哪一?家")
# Which one was chosen ("Which safeguarding software was chosen?", "Which quote did the board accept?"): a sentence
# that names one the question does not, by a capitalised name after its first word ("Agreed, SafeWatch from
# April.", "…resolved to accept the Greenstore quote"), not a month or a day ("…from 5 January").
_CHOICE_ASKED = re.compile(
    r"^\W*which\b.*\b(?:cho(?:ose|sen|se)|select(?:ed)?|pick(?:ed)?|accept(?:ed)?|prefer(?:red)?|appoint(?:ed)?"
    r"|award(?:ed)?|recommend(?:ed)?|approve(?:d)?|agreed|go(?:ne)? with|went with)\b",
    re.IGNORECASE,
)
_NAME_WITHIN = re.compile(r"(?<=[\s(“\"'‘])[A-Z][\w'’-]*")
_BODY_NAMED_ZH = re.compile(r"[\u4e00-\u9fff]{2,}?(?:有限责任公司|有限公司|公司|集团|银行|事务所|合作社|中心)")
# A limit asked for ("What is the spending cap?", "年终促销费用上限是多少？") and one given ("…要求费用不超过75万元",
# "up to £250", "capped at 40 hours"), with its figure.
_LIMIT_ASKED = re.compile(r"\b(?:limit|cap|ceiling|maximum)\b|上限|封顶", re.IGNORECASE)
_LIMIT_GIVEN = re.compile(
    r"\b(?:no more than|not (?:to )?exceed(?:ing)?|up to|at most|capped at|(?:a )?maximum of|limit(?:ed)? (?:of|to)"
    r"|within|under|below|less than)\b|不超过|不得超过|不高于|以内|封顶|上限|最多",
    re.IGNORECASE,
)
_PLACE_GIVEN = re.compile(
    r"\b(?:venue|location|place|where)\s*[:：]|\b(?:held|took place|met)\s+(?:at|in)\b"
    # a named place it will be at: "…will be on 16 January at the Quaker Meeting House."
    r"|\b(?:will be|is|are)\b[^.;]{0,40}?\bat\s+(?:the\s+)?(?-i:[A-Z])"
    r"|(?:地点|地址|会场|场地)(?:\s*[:：]|\S{0,4}?(?:定为|定在|改为|改在|是|为|在))|在\S{1,15}?(?:召开|举行|举办)",
    re.IGNORECASE,
)
# Why something is ("How come?"), or what caused it: not "在津巴布韦，火参果被称为什么？" ("is called what"),
# where 为 ends a verb before 什么 (称为, 成为, 作为, 认为, 视为, 定为, 改为, 列为, 名为, 译为, 分为, 变为); but 名
# may end 报名 ("运动会报名为什么少了？" asks why sign-ups fell).
WHY_QUESTION = re.compile(
    r"^\W*(?:why|how come)\b|^\W*what(?:['’]s| is| was)? (?:caus(?:es|ed|ing)|led to|leads to)\b"
    r"|^\W*what(?:['’]s| is| was| were| are) the (?:causes?|reasons?)\b"
    r"|(?<![称成作认视定改列译分变])(?<![^报]名)为什么|为何|什么原因",
    re.IGNORECASE,
)
_MONTHS_AND_DAYS = "|".join(sorted(MONTHS_AND_DAYS))
# A cause named in so many words: "…went from 50 to 5 because of a typo in the config", "Diego traced it to the image
# cache…", not when something is due ("The report is due to be published in May.").
_A_CAUSE_NAMED = (
    r"because of|owing to|as a result of|caused by|triggered by|on account of|root cause"
    r"|put (?:(?:it|this|that|them|the\s+[\w-]+)\s+)?down to"
    r"|attributed to|(?:results|resulted|stems|stemmed) from"
    r"|due to(?!\s+(?:be|start|begin|open|close|finish|end|arrive|launch|take|go|run|come|meet|report|complete|expire"
    r"|retire|return|resume|move)\b)"
    r"|traced\s+(?:(?:it|this|that|them|the\s+[\w-]+)\s+)?(?:back\s+)?to"
    # "…driven by rent rises", "the main driver is rent rises" (not one at the wheel: "our main driver is off sick")
    r"|driven\s+(?:(?:mainly|mostly|largely|partly)\s+)?by"
    r"|(?:main|key|biggest|major|real|underlying)\s+drivers?\s+(?:of|behind|(?:is|was|are|were|has been|have been)"
    r"(?!\s+(?:off|on|away|ill|sick|late|back|here|there|free|busy|available|unavailable)\b))"
)
_CAUSE_NAMED = re.compile(rf"\b(?:{_A_CAUSE_NAMED})\b", re.IGNORECASE)
_REASON = re.compile(
    rf"\b(?:{_A_CAUSE_NAMED}|because|caused|causes|on the grounds of|the reason"
    # "…in 4.3 rather than 4.2, since contrast on the charts still fails…"; not since a time: "…, since the summer"
    rf"|,\s+since\s+(?!(?:the|last|then|early|late|mid|ever|about|around|at|before|after|yesterday|{_MONTHS_AND_DAYS})\b)"
    r"(?![\d'’])"
    r"|(?:follows|follow|followed) from"
    # what something waits on: "Not this sprint: it depends on saved searches being live."
    r"|depends on|dependent on|blocked (?:by|on)"
    # where most of something comes from: "Most crashes come from the new image cache…"
    r"|(?:most|much|many|half|part|some)\s+(?:of\s+(?:the|these|those|our)\s+)?[\w-]+\s+(?:come|comes|came)\s+from"
    # what a report or a person holds to blame: "The surveyor's report blames the failed extractor fans…"
    r"|blam(?:e|es|ed|ing)\b(?! (?:me|you|us|them|him|her)\b)"
    # the main end something serves: "An increase of 4% was proposed, mainly to cover the rising cost of…"
    r"|(?:mainly|mostly|largely|partly|chiefly|primarily) to (?!be\b)[a-z]+"
    # as minutes give a reason in passing: "Carried 4-1 (Sunil Rao against, preferring to wait…)", "…abstained,
    # citing a conflict of interest", "原定在社区广场举办，考虑到天气寒冷，改为…"
    r"|preferring to|citing|in view of)\b"
    r"|因为|由于|原因|考虑到|鉴于",
    re.IGNORECASE,
)
_REASON_HEADING = re.compile(r"^\W*why\b|\b(?:reasons?|causes?|root cause)\b|原因", re.IGNORECASE)
_HOW_LONG = re.compile(r"\bhow long\b(?! ago)|多久|多长", re.IGNORECASE)  # a length of time or of a way
# A length of time ("within 30 days") or a time ("by Friday"): "How soon…?", "How quickly…?", "How fast…?"
_HOW_SOON = re.compile(r"\bhow (?:soon|quickly|fast)\b", re.IGNORECASE)
# A way asked for ("How can the racking cost be reduced?", "How could the Bill be improved?"): a proposal, put aloud
# ("Can we reuse the old racking from Northampton…?") or reported ("Fatima Hussain suggested asking volunteers…").
_WAY_ASKED = re.compile(r"^\W*how (?:can|could|might|should)\b", re.IGNORECASE)
_PROPOSAL_REPORTED = re.compile(
    r"\b(?:suggest(?:ed|s|ion|ions)?|propos(?:ed|es|al|als)|recommend(?:ed|s|ation|ations)?)\b", re.IGNORECASE
)
# A question about what is to come ("When will the export be finished?", "When does the pool reopen?", "When is the
# Christmas lunch?", "什么时候能完成？"), which a time gone by does not answer ("…was supposed to finish last Friday",
# "The catering students, same as last year.").
_AHEAD_ASKED = re.compile(
    r"^\W*when (?:will|would|shall|does|do|is|are)\b"
    r"|(?:什么时候|何时)(?:会|将|能|要|可以)",
    re.IGNORECASE,
)
# A question about what has been ("When did the meeting adjourn?"), which the line giving the next meeting does not
# answer ("Next meeting: December 18, 2025.").
_PAST_ASKED = re.compile(r"^\W*when (?:did|was|were|had)\b", re.IGNORECASE)
# A time gone by, as it says ("yesterday", "last week", "上周", "昨天") or as the words around it do ("last
# Friday", "since August", "3 weeks ago").
_GONE_BY = re.compile(r"(?:last|yesterday)\b|.*\bago$|上(?:周|个?月|年)|昨|年前", re.IGNORECASE)  # not 上午
_GONE_BY_BEFORE = re.compile(r"\b(?:last|since) (?:\w+ )?$", re.IGNORECASE)  # "last Friday", "since August"
# "3 weeks ago"; a time that a verb in the past follows ("The index rebuild on Tuesday took 9 hours…").
_GONE_BY_AFTER = re.compile(
    r"\s*(?:ago|was|were|had|took|went|came|ran|failed|broke|crashed|happened|finished|started|ended)\b", re.IGNORECASE
)
_FREQUENCY = re.compile(
    r"\d|\b(?:once|twice|thrice|times|every|daily|weekly|monthly|yearly|annually|hourly)\b"
    r"|\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) time\b",  # "the second time this month"
    re.IGNORECASE,
)
# A sentence that opens by giving the reason for what the one before says: "The main reason is…", "Root cause: …",
# "This was because…", "Part of that is…", "Most of the increase came from…", "主要原因是…", "主要是…", and in
# captions with no punctuation a line that goes on "mainly because…"; in minutes after who gave it, and naming
# what it is the reason for ("孙老师说明，推迟的原因是…", "Ben said the extra came mostly from…").
_A_CHANGE = r"(?:increase|rise|growth|jump|extra|overspend|drop|fall|decrease|gap|difference|shortfall)"
THE_REASON_FOR_IT = re.compile(
    r"\W*(?:[\u4e00-\u9fff]{1,8}(?:说明|表示|解释|指出)[，,:：]\s*"
    r"|(?-i:(?!(?:We|They|He|She|It|You|This|That)\b)[A-Z][a-z'’-]+)\s+(?:said|explained|noted|added)(?:\s+that)?\s+)?"
    r"(?:(?:the|one|our)\s+(?:main\s+|key\s+|only\s+|real\s+|root\s+)?(?:reason|cause)s?\b|root\s+cause\b"
    r"|(?:(?:mainly|mostly|partly|largely|probably|just)\s+)?because\b"
    r"|(?:this|that|it)(?:\s+(?:is|was)|['’]s)\s+(?:mainly\s+|mostly\s+|partly\s+)?(?:because|due\s+to)\b"
    # what the sentence before tells of, named again: "The gap is mainly due to…", "The rise was caused by…", "The
    # shortfall was put down to…" (not "The report is due to be published": "due to" alone may say when)
    r"|the\s+[\w'’-]+\s+(?:is|was|are|were)\s+(?:(?:mainly|mostly|partly|largely|chiefly|entirely)\s+(?:due\s+to|because)"
    r"|(?:(?:mainly|mostly|partly|largely)\s+)?(?:caused\s+by|(?:put\s+)?down\s+to|attributed\s+to|blamed\s+on))\b"
    # …or by who held it the cause, or found it: "Fiona put this down to the wet summer…", "Ravi blamed it on the new
    # supplier.", "Dev traced it to an expired TLS certificate…"
    r"|(?-i:[A-Z][a-z'’-]+)\s+(?:put\s+(?:it|this|that|them)\s+down\s+to|blamed\s+(?:it|this|that|them)\s+on"
    r"|(?:attributed|traced)\s+(?:it|this|that|them)\s+(?:back\s+)?to)\b"
    # …or a cause someone blames: "The council blames a faulty underground cable…"
    r"|(?:the\s+[\w'’-]+|(?-i:[A-Z][a-z'’-]+))\s+blam(?:es|ed)\s+(?:(?:it|this|that|them)\s+on\s+)?(?:an?|the)\b"
    r"|part of (?:that|it|this|the (?:reason|problem|issue|cause))(?:\s+(?:is|was)|['’]s)\s"
    # …or most of it: "The first quarterly bill came in at 612 pounds… Most of that is the leak by the bottom trough…"
    r"|(?:most|much) of (?:that|it|this)(?:\s+(?:is|was)|['’]s)\s+(?:the|down\s+to|due\s+to|from|because)\b"
    # …or of the time or money lost: "The Orders API missed its target. Most of the downtime was a 2 hour outage…"
    r"|(?:most|much) of the (?:downtime|delays?|overrun|loss(?:es)?)(?:\s+(?:is|was)|['’]s)\s+(?:an?|the)\b"
    # where a change came from: "Most of the increase came from log storage…", "The extra came mostly from…"
    rf"|(?:(?:most|much|all|half|part|some)\s+of\s+)?the\s+{_A_CHANGE}\s+(?:came|comes|is|was)\s+"
    r"(?:(?:mostly|mainly|largely|partly|chiefly)\s+)?(?:from|down\s+to|due\s+to)\b"
    # …or what most of it goes on: "Maureen said most of the increase is for the new cleaning contract."
    rf"|(?:most|much|all|half|part)\s+of\s+the\s+{_A_CHANGE}\s+(?:is|was|goes|went)\s+(?:for|on|to)\b"
    r"|(?:[\u4e00-\u9fff]{1,6}的)?(?:主要)?原因(?:是|在于)|这是因为|主要(?:是|由于|因为))",
    re.IGNORECASE,
)
BECAUSE = re.compile(r"\W*because\b", re.IGNORECASE)
# Something said to be too much of what it is, as a cause is told without a word for one: "The contractor says the
# cable run is too long, over 100 metres." for "Why does the sports hall Wi-Fi drop out?"; "电缆太长". Not "too bad"
# (a regret), nor "too much" or "too many" of nothing named ("It will be too much as well.", which QMSum's training
# meetings say in passing), nor "too" for "also" ("That's fine too."), nor "not too far" (不太远).
_AN_EXCESS = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|gets?|got|getting|becomes?|became)|['’](?:s|re))\s+"
    r"(?:(?:far|way|much|a\s+bit|a\s+little|just|simply|still|probably|all|rather)\s+)?too\s+"
    r"(?!(?:bad|much|many|few|little)\b)[a-z]"
    r"|(?<!不)(?:太|过于)(?:长|远|高|低|大|小|多|少|慢|旧|老|贵|复杂|忙|晚|早|弱|重|窄|薄)|(?<![不超])过(?:长|远|高|低|多|少|慢|旧|重)",
    re.IGNORECASE,
)
# A fault asked for ("What problem did the inspection find?", "What is wrong with the boiler?", "What was the
# problem with his design?", "验收发现了什么问题？") and one told: something too much of what it is ("插座位置太低"),
# broken, failing, leaking, missing or lacking, or someone struggling or with no answer.
_FAULT_ASKED = re.compile(
    r"^\W*what(?: (?:problems?|issues?|faults?|defects?)\b| (?:is|was|are|were) wrong\b| went wrong\b"
    r"|(?:['’]s| is| was| are| were) the (?:main |real |big |biggest |only )?"
    r"(?:problems?|issues?|trouble|faults?|weakness(?:es)?) with\b)"
    r"|(?:什么|哪些)(?:问题|毛病|缺陷|故障)|问题是什么",
    re.IGNORECASE,
)
_FAULT_TOLD = re.compile(
    r"\b(?:broken|broke|burst|fail(?:s|ed|ing|ure|ures)?|leak(?:s|ed|ing)?|crack(?:s|ed)?|rot(?:ten)?|worn|damaged"
    r"|faulty|missing|wrong|errors?|bugs?|defects?|lack(?:s|ed|ing)?|struggl(?:e|es|ed|ing))\b"
    # "isn't working", "didn't really have an answer" (the n't ends a word)
    r"|(?:\bnot|n['’]t) (?:really )?(?:work(?:s|ing)?|have an? (?:answer|plan))\b"
    r"|坏|漏水|渗水|裂|故障|不合格|不符合|超标|缺陷|不够|不足",
    re.IGNORECASE,
)
# Someone finding something, as a fault found is told ("Pete found a burst pipe…", "检查发现水管漏水"), or what the
# evidence says ("Exit surveys say the plan lacks SSO…").
_FOUND = re.compile(
    r"\b(?:found|discovered|spotted|uncovered)\b|发现|查出"
    r"|\b(?:surveys?|feedback|complaints|customers|users|residents|parents"
    r"|the (?:data|figures|report|audit|inspection))\s+(?:says?|said|show|shows|showed|suggest|suggests|suggested)\b",
    re.IGNORECASE,
)
# What remains to be done ("What is left to do on the landing page?", "What's still outstanding?", "What remains?"),
# not what was left open to discuss; told by what says it is left ("the only thing left is the countdown timer",
# "the last piece is refunds", "still to do: …", "还剩…", "尚未完成").
_REMAINING_ASKED = re.compile(
    r"^\W*what(?:['’]s| is| was| are| were)? (?:still )?(?:left|remaining|outstanding|pending)\b(?! open)"
    r"|^\W*what (?:still )?remains\b|还剩(?:什么|哪些)|(?:什么|哪些)(?:还)?没(?:有)?(?:做|完成)",
    re.IGNORECASE,
)
_REMAINING_TOLD = re.compile(
    r"\b(?:left|remaining|remains|outstanding|pending|still (?:to|needs?|has to|have to)|yet to"
    r"|(?:last|only|final) (?:piece|bit|thing|item|step|task)s?)\b"
    r"|还剩|剩下|剩余|尚未|还没(?:有)?(?:做|完成)|待完成",
    re.IGNORECASE,
)
# What someone thought of something, asked of written notes: where they do not speak, the sentence that tells of
# their view by name ("Alan thought the video game chapters were the best part…" for "What did Alan think of the
# book?", not "Alan is booking a table for 12.").
_VIEW_ASKED = re.compile(
    r"^\W*what did (?P<who>(?-i:[A-Z][\w'’-]+)(?: (?-i:[A-Z][\w'’-]+))?) (?:think|feel|say|make) (?:of|about)\b",
    re.IGNORECASE,
)
_VIEW_TOLD = (
    r"\W+(?:\w+\W+)?(?:thought|thinks|felt|feels|found|finds|liked|likes|loved|loves|disliked|hated|said|says"
    r"|reckoned|preferred|was(?:n['’]t| not)? keen)\b"
)
# How a vote went ("How did the vote on the extension go?", "What was the vote?", "表决结果如何？"): the count of it
# ("For 3, against 1.", "carried 4-1", "同意7票，反对0票") or its outcome in a word ("Carried unanimously."). "How
# many voted to defer?" asks for the count too, which a chair may say in words ("That's nine."); not a head count
# ("Present: 27 residents").
_VOTE_ASKED = re.compile(r"^\W*(?:how(?! many| much)|what)\b.*\bvot(?:e|es|ed|ing)\b|表决(?:结果|情况)", re.IGNORECASE)
_VOTE_COUNT_ASKED = re.compile(
    r"^\W*how many\b.*\bvot(?:e|es|ed|ing)\b|(?:多少|几)(?:人|票).{0,6}(?:投票|赞成|同意|反对)", re.IGNORECASE
)
# Who voted against (or for, or abstained) is told with the vote, or as how someone voted: "Carried 4-1 (Sunil Rao
# against…)", "Jake Moss voted against, preferring the repair."; not "…against five years for the others".
_WHO_VOTED_ASKED = re.compile(
    r"^\W*who\b.*\b(?:voted|abstained)\b|谁.{0,4}(?:投了?反对票|投了?赞成票|弃权)", re.IGNORECASE
)
_VOTED_SO = re.compile(
    r"\bvoted\s+(?:against|for|in\s+favou?r)\b|\babstain(?:ed|ing)\b|\bagainst\s*[),;]|反对|弃权", re.IGNORECASE
)
_VOTE_GIVEN = re.compile(
    r"\b(?:for|against|abstentions?|abstained)\b\s*:?\s*\d|\b\d+\s*(?:votes?\s+)?(?:for|against|in favour)\b"
    r"|\b\d+\s+votes?\s+to\s+\d+|\b\d+\s+abstentions?\b"
    r"|\b\d+\s*[-–]\s*\d+\b|\b(?:carried|unanimous(?:ly)?|nem\.? con\.?)\b"
    r"|(?:同意|反对|赞成)\d+(?:票|户|人)|\d+(?:票|户|人)(?:同意|反对|赞成)|弃权",  # by votes, households or heads
    re.IGNORECASE,
)
# A question's word for the kind of fact it asks, opening it or what it asks to know ("Do we know which versions?",
# "Any idea when it lands?"; not "when" that sets the scene: "What did the group think of X when discussing Y?"); in
# Chinese, where it stands in the question ("切换那天晚上谁值班？"). Whom and whose ask who too.
_KIND_ASKED = re.compile(
    r"^\W*(?:(?:and|so|but|then|okay|ok)\W+)?"
    r"(?:(?:do|does|did) (?:we|you|they|anyone|anybody) (?:know|have any idea)|any idea|(?:can|could) (?:you|someone)"
    r" (?:tell|remind) (?:me|us))?\W*"
    r"\b(which|who|whom|whose|when|where|how (?:many|much|long|often|soon|far))\b"
    rf"|(谁|在哪|哪里|哪儿|什么地方|哪|{HOW_MANY_ZH}|多少|什么时候|何时|多久)",
    re.IGNORECASE,
)
# …where "哪" asks which one, but "哪里" where ("在哪里见面？" is not answered by the reply to "十二月读哪本？")
_KIND_WORDS = {"whom": "who", "whose": "who", "何时": "什么时候", "在哪": "哪里", "哪儿": "哪里", "什么地方": "哪里"}
_DEADLINE_QUESTION = re.compile(r"\b(?:due|deadline|by when)\b|截止|期限", re.IGNORECASE)


def answer_form_asked(question: str) -> Callable[[HeadedSentence], bool] | None:
    """A test of whether a sentence holds the kind of thing `question` asks for, when it asks for one: a frequency for
    "How often…?" ("twice", "every week", "3 times"); a length for "How long…?" ("40 minutes", not "by March 14"); a
    length or a time for "How soon…?"; a reason for "Why…?", in written records (`gives_a_reason`); a proposal for
    "How can…?", put aloud or reported ("Can we reuse the old racking…?", "Fatima suggested…"); for which one was
    chosen, a name the question does not hold ("Agreed, SafeWatch from April."); a sum of money for a
    price ("£14,200", not the year of "…contract out to tender before 1 April 2026"), or a share for how much a price
    changed ("…raised the standing charge by 14%" for "How much has it gone up?"); a number for a quantity, in figures,
    or in words where said aloud ("Against? Two."); a time for a time (as TIME_WRITTEN finds it: "Is there a date for
    the canary?" is answered "from April 1", not "5% of traffic"). An action item's date is when it is due: it answers
    "When is the update due?", but "When does the playground reopen?" asks when it reopens, not when "Publish the
    reopening date of the playground" is due. Asked when something was, the line that gives the next meeting is no
    time of it ("When did the meeting adjourn?"). Where a meeting or an event is held, the line that gives its
    place ("地点：学校图书馆", "春游地点初步定为植物园"). Which firm or bank (哪家), a sentence that names one the
    question does not ("同意续聘安居物业服务有限公司"). A limit, a figure given as one ("…要求费用不超过75万元" for
    "年终促销费用上限是多少？"). How much money is held, a sum said to be held ("The association has £1,385 in the
    bank.", not "The party will cost about £400."). How something is paid for, the line that names where the money
    comes from ("…funded from the highways reserve"). When the next meeting is, is the line that gives it ("Next
    meeting: 8 December", or a line under the heading "DATE OF NEXT MEETING"), not a task to be brought to it
    ("…提交下次会议讨论 · 完成时间: 11月17日"). How a vote went, the count of it or its outcome ("For 3, against
    1.", "Carried unanimously.", "agreed by 15 votes to 2"); who voted against, the vote or how they voted. What
    someone thought of something, a sentence that tells of their view by name ("Alan thought…"). What problem was
    found, a fault told ("插座位置太低", "…is leaking"). What is left to do, what says it is left ("the last piece is
    refunds"). Each is looked for in what the sentence says (`said_text`): "Speaker 2: The churn model retrain
    finished overnight." gives no number, "[00:01:02] Liam: …" no time."""
    if _HOW_OFTEN.search(question):
        return lambda sentence: _FREQUENCY.search(said_text(sentence.quote)) is not None
    gives_a_length_not_named = functools.partial(gives_a_length, named=lengths_in(question))
    if _HOW_LONG.search(question):
        return lambda sentence: gives_a_length_not_named(said_text(sentence.quote))
    question_words = frozenset(_A_WORD.findall(question.lower()))
    gives_a_time = functools.partial(_gives_a_time_not_named, question_words, _AHEAD_ASKED.search(question) is not None)
    if _HOW_SOON.search(question):
        return lambda sentence: (
            gives_a_length_not_named(said_text(sentence.quote)) or gives_a_time(said_text(sentence.quote))
        )
    if WHY_QUESTION.search(question):
        return gives_a_reason
    if _WAY_ASKED.search(question):
        return lambda sentence: proposes(said := said_text(sentence.quote)) or bool(_PROPOSAL_REPORTED.search(said))
    if _CHOICE_ASKED.search(question):
        return lambda sentence: any(
            name.lower() not in question_words and name.lower() not in MONTHS_AND_DAYS and name != "I"
            for name in _NAME_WITHIN.findall(said_text(sentence.quote))
        )
    if _WHICH_BODY_ZH.search(question):
        return lambda sentence: any(
            body[0] not in question for body in _BODY_NAMED_ZH.finditer(said_text(sentence.quote))
        )
    if _FUNDING_ASKED.search(question):  # before a place: "资金从哪里来？" asks where the money comes from
        return lambda sentence: _FUNDING_GIVEN.search(said_text(sentence.quote)) is not None
    if _PLACE_QUESTION.search(question):
        return lambda sentence: _PLACE_GIVEN.search(said_text(sentence.quote)) is not None
    if _LIMIT_ASKED.search(question) and (price_asked(question) or _QUANTITY_QUESTION.search(question)):
        return lambda sentence: (
            _LIMIT_GIVEN.search(said := said_text(sentence.quote)) is not None and gives_a_number(said, in_words=True)
        )
    if _VOTE_ASKED.search(question):
        return lambda sentence: _VOTE_GIVEN.search(said_text(sentence.quote)) is not None
    if _VOTE_COUNT_ASKED.search(question):
        return lambda sentence: (
            _VOTE_GIVEN.search(said := said_text(sentence.quote)) is not None
            or (in_conversation(sentence) and gives_a_number(said, in_words=True))
        )
    if _REMAINING_ASKED.search(question):
        return lambda sentence: _REMAINING_TOLD.search(said_text(sentence.quote)) is not None
    if _FAULT_ASKED.search(question):
        return lambda sentence: bool(_FAULT_TOLD.search(said := said_text(sentence.quote)) or says_too_much(said))
    if view := _VIEW_ASKED.search(question):
        told = re.compile(re.escape(view["who"].split()[0]) + _VIEW_TOLD)
        return lambda sentence: not in_conversation(sentence) and told.search(sentence.quote.text) is not None
    if _WHO_VOTED_ASKED.search(question):
        return lambda sentence: bool(_VOTE_GIVEN.search(said := said_text(sentence.quote)) or _VOTED_SO.search(said))
    if price_asked(question):
        gives_its_price = functools.partial(gives_a_price, frozenset(stem(word) for word in question_words))
        if _HELD_ASKED.search(question):
            return lambda sentence: gives_its_price(sentence) and _HELD_GIVEN.search(sentence.quote.text) is not None
        if change_asked(question):
            return lambda sentence: gives_its_price(sentence) or gives_a_share(said_text(sentence.quote))
        return gives_its_price
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
        past_asked = _PAST_ASKED.search(question) is not None
        return lambda sentence: (
            (due_asked or not is_action_item(sentence))
            and not (past_asked and gives_the_next_meeting(sentence.quote.text))
            and gives_a_time(said_text(sentence.quote))
        )
    return None


def gives_a_price(priced: Set[str], sentence: HeadedSentence) -> bool:
    """Whether a sentence gives a sum of money: with its currency where written ("£14,200", "800元"), and where said
    aloud as a number too, as people leave the currency out ("The removals quote is 8,400…"), in English words too
    ("Fifty thousand."; Chinese speakers say a sum with its unit, "48万元", and count much else in words:
    "三分之二业主", "第三次"); but not a number that counts what is `priced` (the question's words, stemmed): "We
    have 240 Chromebooks" says how many, not what they were budgeted; nor a day or an hour ("The skip is booked for
    Saturday 7 March, 9 till 1.")."""
    said = said_text(sentence.quote)
    if gives_a_sum_of_money(said):
        return True
    if not in_conversation(sentence):
        return False
    untimed = _HOURS.sub(" ", TIME_WRITTEN.sub(" ", said))
    return gives_a_number(without_counts_of(priced, untimed), in_words=said.isascii())


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


def kind_asked(question: str) -> str | None:
    """The kind of fact a question asks for, by the question word that opens it or what it asks to know ("which",
    "who", "how many"; in Chinese wherever it stands: "谁", "多少"), as two questions asking the same thing share it
    ("Do we know which versions?", "Which Android versions crash?"); None where it has none (`_KIND_ASKED`)."""
    match = _KIND_ASKED.search(question)
    if match is None:
        return None
    word = (match[1] or match[2]).lower()
    return _KIND_WORDS.get(word, word)


def gives_a_reason(sentence: HeadedSentence) -> bool:
    """Whether a sentence gives a reason. A written one: says one, or stands under a heading that names one. A
    speaker's turn only by opening with it in so many words ("主要是年付用户…没有收到提醒短信", "The main reason
    is…", "Mainly because…"), or by naming a cause ("…because of a typo in the config"): speakers say "because" in
    nearly every turn, and open with it too. Either, by saying something is too much of what it is ("…the cable run
    is too long"). A question gives none ("Most of that is the billing email, right?")."""
    if is_question(sentence.quote.text):
        return False
    if in_conversation(sentence):
        said = said_text(sentence.quote)
        opens_with_it = THE_REASON_FOR_IT.match(said) is not None and BECAUSE.match(said) is None
        return opens_with_it or _CAUSE_NAMED.search(said) is not None or tells_a_cause(said)
    section = section_of(sentence)
    text = sentence.quote.text
    return bool(
        _REASON.search(text)
        or THE_REASON_FOR_IT.match(text)
        or tells_a_cause(text)
        or (section and _REASON_HEADING.search(section))
    )


def says_too_much(said: str) -> bool:
    """Whether a sentence says something is too much of what it is (`_AN_EXCESS`), other than asking it."""
    return _AN_EXCESS.search(said) is not None and not is_question(said)


def tells_a_cause(said: str) -> bool:
    """Whether a sentence tells a cause without a word for one: something is too much of what it is
    (`says_too_much`), or someone found a fault, or the evidence tells of one (`_FOUND`: "Pete found a burst pipe
    under path C in August, which had been leaking for weeks…" for "Why was the water bill so high?", "Exit surveys
    say the plan lacks SSO…"; not "Sunita found a new supplier.")."""
    return says_too_much(said) or (
        _FOUND.search(said) is not None and _FAULT_TOLD.search(said) is not None and not is_question(said)
    )
