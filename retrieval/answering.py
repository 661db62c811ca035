"""The extractive answerer: a LangChain Runnable that answers with verbatim sentences of the best passages."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import numpy as np
from langchain_core.runnables import Runnable, RunnableLambda

from retrieval.answers.composing import (
    SUMMARY_WORDS,
    addresses,
    after_on_its_line,
    answers_a_written_question,
    attributed,
    compose,
    opens_the_next_turn,
    opens_the_reply,
    reply_to_best,
    said_terms,
    said_text,
    shorten,
    spoken_words,
    wants_account,
)
from retrieval.answers.quotes import (
    introduces_its_meeting,
    is_front_matter,
    is_title_line,
    names_its_meeting,
    title_terms,
)
from retrieval.answers.summary import summary_sentences
from retrieval.errors import EmptyQuestion, UnreadableQuestion
from retrieval.formats.transcript import MARKUP
from retrieval.lexical import tokenize
from retrieval.models import Answer, Passage, Quote, joined_notes
from retrieval.questions.acts import (
    act_or_outcome_asked,
    act_terms,
    gives_the_next_meeting,
    reports,
    said_by_or_naming,
)
from retrieval.questions.answer_forms import (
    BECAUSE,
    THE_REASON_FOR_IT,
    WHY_QUESTION,
    answer_form_asked,
    kind_asked,
    tells_a_cause,
)
from retrieval.questions.attendance import attendees
from retrieval.questions.days import MONTHS_AND_DAYS, NEXT_MEETING_NAMED, next_meeting_kind
from retrieval.questions.extremes import extreme_rows
from retrieval.questions.people import (
    FILLS_A_FIELD_OF_PEOPLE,
    WHO_ASKED,
    WHO_QUESTION,
    gives_a_task,
    gives_the_task,
    is_listed,
    opens_taking_it_on,
    opens_taking_on_a_task,
    people_of,
    person_asked,
    takes_on_a_task,
    task_asked,
    task_of_someone_asked,
)
from retrieval.questions.quantities import (
    count_asked,
)
from retrieval.questions.query import (
    YES_OR_NO_ASKED,
    asks_about_everything,
    mentioned_speakers,
    reduce_question,
)
from retrieval.questions.topics import (
    TITLE_TERM_SHARE,
    TermWeight,
    discounted,
    held_share,
    holds_enough,
    in_the_scene_set,
    records_about,
    section_terms,
    subject_terms,
    topic_term_weights,
    topic_terms,
)
from retrieval.search import RecordToSummarize, SearchFilter
from retrieval.text.language import has_words, same_writing, word_count
from retrieval.text.sections import (
    denied_terms,
    headed_sentences,
    in_conversation,
    section_of,
)
from retrieval.text.sentences import (
    REPLY_LINES,
    is_question,
    puts_an_open_question,
    reports_a_question,
    reports_an_open_question,
)
from retrieval.text.turns import bare_name

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
LATER_SHARE = 1 / 3  # of the best topic-term share in the meetings answered from, that a later sentence must hold
LATER_WORDS_CHARS = 200
_UNDATED = re.compile(r"[\d\W_]+")  # digits, punctuation and spaces: what tells meetings of one series apart
MORE_REPORTS = "{count} more not shown: ask about one topic, or cite a quote's ref to read the passage."
NAME_A_MEETING = (
    "The {meetings} meetings searched have no dates to tell the latest by: these are the passages closest in "
    "meaning. Choose a meeting to have it summarized."
)
SHORT_SENTENCE_TOKENS = 4
WHOLE_TOPIC = 0.999  # a topic-term share that holds every term (shares are sums of floats)
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
    # "proposed" for "What did X propose?", in minutes (retrieval/questions/acts.py)
    "reports the act the question asks about",
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
SIMILARITY_SENTENCES = 24  # sentences of the best passages scored by meaning when no word is shared
_FIRST_OR_SECOND_PERSON = re.compile(
    r"\b(?:I|[Ww]e|[Yy]ou|me|us|[Mm]y|[Oo]urs?|[Yy]ours?|mine|myself|ourselves|yourself|yourselves)\b"
)  # not "US"
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")
# What minutes record of a motion after it: who moved and seconded it, and how the vote went ("Proposed by Femi
# Johnson, seconded by Alice Grant.", "Moved: Aled Morgan.", "For 19, against 3, abstentions 1.", "Carried
# unanimously.").
_GOES_ON_WITH_THE_MOTION = re.compile(
    r"\W*(?:(?:proposed|moved|seconded)(?:\s+by\b|\s*:)|(?:carried|lost|defeated)\b|(?:votes?\s+)?for\s*:?\s*\d)", re.I
)
# A sentence that opens by referring back to the one before: "She starts on 15 September.", "该项目…"
_REFERS_BACK = re.compile(r"\W*(?:(?:she|he|it|they|this|that|these|those|its|their|his|her)\b|[其该它他她])", re.I)
# The share of a question's topic terms a sentence holds that names the matter a yes-or-no question asks about:
# "Jun proposed moving to a follow-the-sun rota…" holds three of "Was the follow-the-sun rota approved?"'s four,
# "…an increase of £600" one of "Did the subscription increase pass?"'s three. It must hold as many as any other
# candidate too: "…an in-year deficit…, mainly because the pay award…" holds two of "Will there be a pay review
# this year?"'s three, and the question asked in an all-hands meeting holds all three.
MATTER_NAMED = 2 / 3
# The sentences of a reply that answer what it replies to, an acknowledgement among them: "Sure. So at about 14:10
# UTC on Wednesday their API calls started timing out. It lasted fifty-two minutes in total."
REPLY_OPENING = 3
_PASSAGE_GAP = 2  # characters between a passage and the next in its record: a space or a line break
# …or a turn's header line between them, with the blank line before it ("Gavin Shore  0:35")
_HEADER_GAP = 80
# A sentence that opens with a figure, going on from the one before: "~20 min of downtime, no complaints.", "About
# £40,000 a year.", "约2.6万元。"
_OPENS_WITH_A_FIGURE = re.compile(
    r"\W*(?:(?:about|around|approximately|roughly|nearly|almost|just|only|over|under|some)\s+\W*)?\d|\W*(?:大约|约|近|共|仅)?\d",
    re.IGNORECASE,
)
# A question that only follows up the one before it, asking its time, place, cost or who: "And when?", "What time?",
# "Where?", "How much?", "时间呢？", "地点呢？".
_FOLLOWS_UP = re.compile(
    r"\W*(?:and |so |ok(?:ay)?,? )?(?:when|where|who|how much|how many|how long|what time|which day|what date"
    r"|(?:and |what about |how about )?the (?:time|date|day|place|venue|cost|price|budget))\W*$"
    r"|\W*(?:那)?(?:时间|日期|地点|地方|费用|价格|预算|人数|谁)呢\W*$",
    re.IGNORECASE,
)
FOLLOW_UP_REACH = 3  # sentences back to the question followed up: the reply to it, and the asker going on
WHY_FOLLOW_UP_WORDS = 4  # of a question that asks why of what was just said: "Why so much over?", "为什么多了这么多？"
# Asked aloud of what was just said, "What happened?" asks why too: "Hours are down…" / "What happened?" / "Half term."
_WHAT_HAPPENED = re.compile(r"\W*(?:(?:so|and|ok(?:ay)?)\W+)?what happened(?:\s+(?:there|then))?\W*$", re.IGNORECASE)
# A sentence that only acknowledges a question or a request: "Yes.", "Sure, yeah.", "Will do."
_ONLY_ACKNOWLEDGES = re.compile(
    r"\W*(?:yes|yeah|yep|sure|okay|ok|right|alright|of course|certainly|absolutely|will do|happy to)"
    r"(?:[\s,]+(?:yes|yeah|sure|okay|ok|so|thanks))*\W*$",
    re.IGNORECASE,
)
# …or is a figure under the name of what it measures, and nothing else: "Budget £600." after "…the thank-you evening
# will be on 16 January…", "Cost: about £1,200."
_A_FIGURE_NAMED = re.compile(
    r"\W*[^\W\d_](?:[^\W\d_]|['’-])*(?:\s+[^\W\d_](?:[^\W\d_]|['’-])*)?\s*[:：]?\s*"
    r"(?:(?:about|around|approximately|roughly)\s+)?"
    r"[£$€¥]?\s*\d[\d,.]*\s*(?:k|m|%|pounds|euros|dollars)?\W*$",
    re.IGNORECASE,
)
# A reply that says the speaker does not know: "No idea.", "Not sure.", "Dunno."
_NOT_KNOWN = re.compile(r"\b(?:no idea|not sure|don['’]?t know|dunno|no clue|can['’]?t say)\b", re.IGNORECASE)
# A thing named as one already spoken of: "The repair is quoted at…"
_NAMED_AGAIN = re.compile(r"\W*(?:the|this|that|these|those)\s+(?P<noun>[\w'’-]+)", re.IGNORECASE)
# A short sentence that ends on what the one before named: "Ian Shaw will organise it.", "Dana will chase them."
_NAMES_IT_BY_A_PRONOUN = re.compile(r"\b(?:it|them)\b", re.IGNORECASE)
_ENDS_REFERRING_BACK = re.compile(r"\b(?:it|them|this|that|these|those)\W*$", re.IGNORECASE)
# Minutes telling what the meeting made of the matter just put to it, in the same paragraph: "王海涛提出，车库B区
# 顶板防水层破损，建议整体重做防水，报价18.6万元。会议认为费用较大，需提交业主委员会审议，使用专项维修资金。", or how
# it voted on it: "…whose shirts cost £18 each. A show of hands was 22 in favour of the switch and 6 against."
_THE_MEETING_RESPONDS = re.compile(
    r"\W*(?:会议|与会人员|大家)(?:认为|决定|同意|要求|研究决定|讨论认为)|\W*(?:举手)?表决"
    r"|\W*(?:after (?:some )?discussion,? )?(?:the )?"
    r"(?:committee|meeting|board|trustees|council|members|governors|residents)"
    r" (?:agreed|resolved|decided|felt|noted|voted)\b"
    r"|\W*(?:on |by )?a show of hands\b|\W*the vote (?:was|went)\b",
    re.IGNORECASE,
)


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
    `whole_record` gives for its filter (retrieval/answers/summary.py), when it gives one.
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
    """An answer line composed from the best sentences (retrieval/answers/composing.py), with those sentences as quotes.

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
    asks_who_asked = WHO_ASKED.search(question.text) is not None  # the question asked in the meeting answers it
    gives_it = features[positions, FORM_FEATURE] > 0
    told_with_it = {
        i: bool(gives_it[i]) and (not is_question(ranked[i].text) or not any(gives_it[j] for j in used if j != i))
        for i in used
    }
    written = [not spoken[i] for i in positions]
    # In an account, the reply to the best sentence, a question asked or told of, comes first among the quotes, with
    # what the reply goes on to say, and the question after them: the reply says what was asked ("Why are refunds
    # slow?" / "Finance checks each one by hand."). Asked what the asker said, their question stays first. (Asked
    # for a fact, what gives it comes first, as above. So it does where the best sentence, a question, gives what is
    # asked itself: a proposal put as one, for "How can the cost be reduced?".)
    reply = [] if asks_a_fact or gives_it[0] else _reply_in(ranked, used, question)
    asker_named = bool(features[positions[0], NAMED_FEATURE])
    ahead = -1.0 if reply and not asker_named else 0.5  # a reply is only taken to a question (reply_to_best)
    placed = {i: ahead + n / len(used) for n, i in enumerate(reply)}
    charged = _charged_by_name(question.text, ranked, used)
    best_first = sorted(
        used,
        key=lambda i: (
            i not in charged,
            (asks_a_fact or written[i])
            and puts_an_open_question(ranked[i].text)
            and not (told_with_it[i] or asks_who_asked),
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
    if not WHO_QUESTION.search(question):
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
        or (is_question(quote.text) and any(_replies_to(said, quote, candidates) for said in replies))
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
    text = shorten(attributed(shown))
    passages = holding(record.passages, shown)
    quotes = _naming_who_first(question.text, shown)
    order = [quotes.index(quote) for quote in shown]
    return Answer(question.text, text, quotes, passages, note=joined_notes(*notes), answer_quotes=order)


def _naming_who_first(question: str, reports: Sequence[Quote]) -> list[Quote]:
    """Asked who, the reports in which names take on the role or the task come first ("Three places on the committee
    were open." under "Elections" reports the election, but "Tariq Aziz and Mei Lin were elected…" says who), each
    group in the record's order. An attendance list's lines, which name people as well, stay in the record's order."""
    if not WHO_QUESTION.search(question):
        return list(reports)
    naming = [quote for quote in reports if opens_taking_on_a_task(quote.text)]
    return naming + [quote for quote in reports if quote not in naming]


def record_passages(record: RecordToSummarize, term_weight: TermWeight) -> list[Passage]:
    """The passages a question about a whole record is answered from: those that hold the reports of the act it
    asks for, or else the record's summary."""
    return holding(record.passages, record.reported) if record.reported else summary_of(record, term_weight)[1]


def summary_of(record: RecordToSummarize, term_weight: TermWeight) -> tuple[list[Quote], list[Passage]]:
    """The sentences that sum up the record, or its speakers' words (retrieval/answers/summary.py), and the passages
    that hold them."""
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
    asks_why = WHY_QUESTION.search(question) is not None
    # Asked why something was done, a sentence that reports it done gives no reason: "The team agreed the Q1 hiring
    # plan…" for "Why were only five hires approved?"
    reports_act = None if asks_why else act_or_outcome_asked(question)
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
    denied = denied_terms(question) & query_terms if asks_a_fact and not asks_why else frozenset()
    # The line that gives the next meeting, or arranges it aloud ("Let's meet again on the 15th…"), holds the words
    # a question names its kind by, whatever the meeting is called there ("When is the next review?"); not those
    # that tell which meeting (another record's "The next meeting is on…" says nothing of the planning committee).
    next_meeting_named = NEXT_MEETING_NAMED.search(question)
    next_meeting_words = (
        query_terms & frozenset(tokenize(next_meeting_kind(next_meeting_named.group()))) if next_meeting_named else None
    )
    held = [
        (terms - (denied - denied_terms(sentence.quote.text)) if denied else terms)
        | section_terms(sentence, question)
        | named_terms.get(sentence.quote.speaker or "", frozenset())
        | topic_labels.get(sentence.quote.speaker or "", frozenset())
        | (next_meeting_words if next_meeting_words and gives_the_next_meeting(sentence.quote.text) else frozenset())
        for (_, sentence), terms in zip(headed, sentence_terms, strict=True)
    ]
    # A report of the act holds its words in a record that says something of the rest of the topic, or is titled by
    # it, where the question names more than the act: "Which safeguarding software was chosen?" is not answered by a
    # bakery's decision on the price of bread. In minutes kept in sections, it is the section that must say it:
    # "厨余垃圾点的问题怎么解决？" is not answered by the decision under "二、停车收费".
    the_rest = query_terms - act_words
    places = [(sentence.quote.meeting, section_of(sentence)) for _, sentence in headed]
    on_the_rest = {
        place
        for place, (_, quote), terms in zip(places, candidates, held, strict=True)
        if (terms | title_terms(quote.title or "")) & the_rest
    }
    on_the_rest |= {(meeting, None) for meeting, _ in on_the_rest}  # under no heading: anywhere in its record
    topics = [
        terms | act_words if reported and (place in on_the_rest or not the_rest) else terms
        for place, terms, reported in zip(places, held, reporting, strict=True)
    ]
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
    # …and so does a reply to the meeting's own question of the kind asked: "Do we know which versions?"
    kind = None if asks_why else kind_asked(question)
    replies_in_kind = [kind is not None and _replies_in_kind(candidates, i, kind) for i in range(len(candidates))]
    if asks_why:
        gives_form = [form or _replies_why(candidates, sentence_terms, i) for i, form in enumerate(gives_form)]
    else:
        gives_form = [form or replied for form, replied in zip(gives_form, replies_in_kind, strict=True)]
    says_who = person_asked(question, people, frozenset().union(*attending))
    asks_a_task = task_asked(question)  # "Who will apply…?": a turn says who in its words (people.gives_the_task)
    speakers = {quote.speaker for _, quote in candidates if quote.speaker}
    if task_of_someone_asked(question):  # "What will Grace do?"
        gives_form = [
            form or gives_a_task(quote, speakers) for form, (_, quote) in zip(gives_form, candidates, strict=True)
        ]
    # For "Who…?", a person: "Ian Shaw will organise it." after the sentence that names the dinner.
    # Asked yes or no, how the matter was settled: "Not decided; Nora will check…" after "Jun proposed moving to a
    # follow-the-sun rota…", for "Was the follow-the-sun rota approved?".
    asks_yes_or_no = YES_OR_NO_ASKED.search(question) is not None
    settles = [asks_yes_or_no and bool(reported) for reported in reporting]
    gives_what_is_asked = [
        form
        or settled
        or (
            says_who is not None
            and not listed
            and WHO_QUESTION.match(said_text(quote)) is None  # "Who's chasing legal?" asks it
            and (says_who(quote) or opens_taking_on_a_task(quote.text))
        )
        for form, settled, listed, (_, quote) in zip(gives_form, settles, attending, candidates, strict=True)
    ]
    leaned_on = (
        read_with_the_one_before(
            candidates,
            [query_terms & terms for terms in topics],
            gives_what_is_asked,
            sentence_terms,
            speakers,
            settles,
            len(query_terms),
            reason_asked=asks_why,
        )
        if asks_a_fact or asks_why
        else [None] * len(candidates)
    )
    if asks_a_task:
        on_the_topic = [bool(query_terms & terms & said) for terms, said in zip(topics, sentence_terms, strict=True)]
        leaned_on = _read_with_whom_it_is_asked_of(candidates, leaned_on, on_the_topic, speakers)
    leaning = [before is not None for before in leaned_on]
    # read with a sentence that turns to someone by name, it says who in its words: "Marcus, you own the customer
    # side." | "Call their finance lead today…" (asked who will do something; for no other question); and so does a
    # reply to the meeting's own "Who's cooking?": "The catering students from the college…"
    asked_of_someone = [
        asks_a_task and (replied or (before is not None and addresses(candidates[before][1], speakers)))
        for before, replied in zip(leaned_on, replies_in_kind, strict=True)
    ]
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
        headed, spoken, by_named, reporting, attending, gives_form, leaning, asked_of_someone = (
            kept[:SIMILARITY_SENTENCES]
            for kept in (headed, spoken, by_named, reporting, attending, gives_form, leaning, asked_of_someone)
        )
        coverage = similarity(question, [quote.text for _, quote in candidates])
        on_subject = holds_enough(coverage)
    on_subject = [on or (quote.title or "") in about for on, (_, quote) in zip(on_subject, candidates, strict=True)]
    # The records where some sentence holds the topic: there, one that names a person and nothing of it says no who
    # (`_says_who`).
    records_on_topic = {quote.meeting for (_, quote), share in zip(candidates, coverage, strict=True) if share > 0}
    gives_count = count_asked(question)
    # The line that names this meeting ("Minutes of the Trustees' Meeting, 17 September 2025…") holds the words of a
    # question about the next one, and is the one answer to it that is surely wrong: it weighs as a heading there.
    asks_next_meeting = next_meeting_named is not None
    best_passage = max((p.score for p in passages[:QUOTE_PASSAGES]), default=1.0) or 1.0
    headings = [
        is_title_line(quote)
        or sentence.names_a_section
        or (asks_next_meeting and names_its_meeting(quote))
        or (quote.speaker is not None and introduces_its_meeting(said_text(quote)))
        for (_, quote), (_, sentence) in zip(candidates, headed, strict=True)
    ]
    # A heading holds the words of its record's title as the title does, and those count for every sentence of a
    # record the question names (`named_by_title`): "#platform-incidents — thread export, 26 November 2025" holds the
    # "incident" of "How long did the incident last?" and says nothing of it.
    titles = [quote.title or "" for _, quote in candidates]
    ranked_coverage = [
        held_share(query_terms & (topics[i] - title_terms(title)), by_title[title])
        if heading and holds_a_term  # (not a similarity of meaning)
        else share
        for i, (title, share, heading) in enumerate(zip(titles, coverage, headings, strict=True))
    ]
    rows = [
        (
            share,
            1.0 / (rank + 1),
            passages[rank].score / best_passage,
            # "Chair: Ana Ruiz" says enough, and so does "Seconded: Tom Briggs." asked who, "About £40,000 a year." read
            # with the sentence before it, a figure on the topic: "The target this year is £3,500.", or, asked yes or
            # no, a statement of the whole topic: "No library will close." for "Will any libraries close?"
            float(
                len(terms) < SHORT_SENTENCE_TOKENS
                and not (reported or listed or lean or (share > 0 and any(term[0].isdigit() for term in terms)))
                and not (asks_yes_or_no and share >= WHOLE_TOPIC and not is_question(quote.text))
                and not (says_who is not None and FILLS_A_FIELD_OF_PEOPLE.search(quote.text))
            ),
            math.log1p(len(terms)),
            float(is_question(quote.text)),
            float(form),
            float(
                says_who is not None
                and _says_who(
                    says_who,
                    quote,
                    share,
                    listed,
                    reports_act is not None,
                    quote.meeting in records_on_topic and not addresses(quote, speakers),
                )
                and not (asks_a_task and turn and not (gives_the_task(quote, speakers) or asked_of))
            ),
            float(gives_count is not None and gives_count(quote.text)),
            float(named_person),
            float(reported),
            min(len(terms - asked), NEW_WORDS_ENOUGH) / NEW_WORDS_ENOUGH,
            float(heading),
            float((asks_a_fact or asks_why) and reports_an_open_question(quote.text)),
            named_by_title[quote.title or ""],
            person_share(quote) if turn else 0.0,
            1.0,
        )
        for (rank, quote), terms, share, named_person, reported, turn, listed, form, lean, asked_of, heading in zip(
            candidates,
            sentence_terms,
            ranked_coverage,
            by_named,
            reporting,
            spoken,
            attending,
            gives_form,
            leaning,
            asked_of_someone,
            headings,
            strict=True,
        )
    ]
    features = np.array(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))
    share_a_word = holds_a_term or bool(features[:, ACT_FEATURE].any())  # "attendees" for "who attended"
    return Candidates([quote for _, quote in candidates], features, share_a_word, on_subject, spoken, leaning)


def _says_who(
    says_who: Callable[[Quote], bool],
    quote: Quote,
    share: float,
    listed: Sequence[str],
    asks_an_act: bool,
    record_on_topic: bool,
) -> bool:
    """Whether a sentence says who, for a question that asks: it names a person (`says_who`), though an attendance
    line (`listed`) only on the topic (holding some `share` of it) or for an act ("Who was absent?"), and another
    sentence only on the topic where some sentence of its record is on it (`record_on_topic`: "Ruth reported 41
    heating complaints…" beside "Minutes: Dan Webb." for "Who took the minutes?"; the caller leaves out a request
    of someone by name, which says who will do what was just named: "marco can you do that today?"); or, on the
    topic, a name that opens it takes on a task ("Owen Price will report them to the council again.", where minutes
    list no one)."""
    if says_who(quote):
        return share > 0 or asks_an_act or not (listed or record_on_topic)
    return share > 0 and opens_taking_on_a_task(quote.text)


def read_with_the_one_before(
    candidates: Sequence[tuple[int, Quote]],
    topic_held: Sequence[Set[str]],
    gives_form: Sequence[bool],
    sentence_terms: Sequence[Set[str]],
    speakers: Set[str],
    settles: Sequence[bool] | None = None,
    topic_size: int = 0,
    reason_asked: bool = False,
) -> list[int | None]:
    """Which of the (passage rank, sentence) `candidates` each gives the form asked for going on from, if any: the
    sentence before it on its line (`_the_one_before`, which may end another passage), so that it is read with
    that one, which holds a term of the question's topic (`topic_held`) that it lacks.

    After one that gives the form too, it does when it refers back and holds a term of the topic that one lacks
    (`_refers_back`: "…an offer to a senior backend engineer, and she accepted yesterday. She starts on 15
    September."; not "They will clean the offices in the evening…" after "On cleaning: the new contractor starts
    on 1 November.", nor "1982年3月，他取代…" after "…于1981年进入微软公司任职。").

    After one that does not, it does when it refers back (by a pronoun, or naming a term of the topic again: "The NMR
    spectrometer has been out of service since August…" | "The repair is quoted at £27,500 and the supplier expects to
    complete it by mid-November." for "When will the NMR spectrometer be repaired?"), is a fragment with no term of the
    topic in its own words (its heading's are not), short, opening with a figure or, as `settles` says, telling how the
    matter asked about yes or no was settled, after a sentence that holds MATTER_NAMED of the `topic_size` terms of its
    topic, and as many as any candidate ("One more inspector and a scanner at the returns desk. About £40,000 a year.",
    "…over the weekend. ~20 min of downtime, no complaints.", "Jun proposed moving to a follow-the-sun rota… Not
    decided; Nora will check…"; not "I'd want to see it after three months.", which says something of its own), a
    figure under the name of what it measures ("…will be on 16 January at the Quaker Meeting House. Budget £600."), a
    short one that ends referring back ("…the anniversary dinner will be on 11 October. Ian Shaw will organise it."),
    in the same turn says more of the topic ("…外包客服的预算控制在八万以内。孙磊你来负责，十二月十五号之前到岗。"), or
    replies to a question or a request that one tells of ("Hugh asked why repairs were over budget. Sunita explained
    that the cold snap caused 38 boiler call-outs…"), or, asked why (`reason_asked`), gives the reason for what that
    one says ("…提升到26%。主要原因是加入了拼写纠错。", "…keeps dropping out. The contractor says the cable run is
    too long…"), where written back in its paragraph to the sentence that names what it is of ("…out since October.
    Colin has reported them twice. The council blames a faulty underground cable…"); asked why, only after such a
    one, or for such a reason. A name that opens a sentence taking on a task is read with the sentence before it,
    whatever that gives, unless someone takes on a task there too ("Kwame found that the new button fails contrast
    checks… Tara will darken the border and text tokens."; not "Mrs Ward will visit… Mr Lowe will carry out the annual
    safeguarding check…"), and so is a speaker who opens taking it on, unless that one asks it of someone ("Lina: That's
    an aria-live fix. Small. I can take it."; not "Kwesi, can you tag all those tickets…?" / "Will do. I'll use the tag
    billing-april."), and so is a motion's mover or seconder that says a word of the topic the one before lacks ("Moved:
    Aled Morgan. Seconded: Priti Desai." for "Who seconded the motion?"). A reply that opens another speaker's turn
    after a question asked is read with it too ("Nadia: How many password tickets are still open?" / "Leo: About 60."),
    and with the question where the asker went on after it ("Do we know what the move will cost? Removals, IT, the lot."
    / "The removals quote is 8,400…"), and with what the asker said before handing the floor to one of the `speakers` by
    name, past a reply's "Yes." ("First up is CHG-2291, the database failover test. Mike?" / "Mike Dunn: Yes. We want to
    fail the primary over… on Saturday night…"); so is one that takes up the turn before it by opening with a pronoun
    ("Sam: So the batch failed again at 02:10…" / "Jess: That's the third time this month."), and so is the answer
    minutes record to a question, marked as one, whatever it gives ("Q: Why has persistent absence fallen? A: The
    attendance officer now calls families on the first day of absence."). A speaker's next line goes on with their turn,
    as captions cut one into cues. A turn's first sentence is read after its speaker's label. One that gives the form
    and is read with none of these is read with what its reply replies to, as `_asked_in_the_turn_replied_to` finds it.
    A reply to a question that only follows up the asker's question before it is read with that one ("Is the retro still
    in room 4?" … "And when?" / "Thursday at 3pm."), and a sentence whose turn names the topic earlier on its line with
    the sentence that names it (`_back_in_the_turn`)."""
    leaned_on: list[int | None] = [None] * len(candidates)
    most_held = max(map(len, topic_held), default=0)
    for i, (_, quote) in enumerate(candidates):
        j = _the_one_before(candidates, i)
        seconds_it = _GOES_ON_WITH_THE_MOTION.match(quote.text) is not None
        answers_in_writing = j is not None and answers_a_written_question(candidates[j][1], quote)
        if j is None or not (gives_form[i] or seconds_it or answers_in_writing):
            continue
        j = _the_question_it_answers(candidates, i, _past_an_acknowledgement(candidates, i, j))
        before = candidates[j][1]
        said = said_text(quote)  # how it opens, after the label of the turn it may open
        answers = opens_the_reply(before, quote) or answers_in_writing
        if answers and (handed_over_after := _handed_over_after(candidates, j, speakers)) is not None:
            j, before = handed_over_after, candidates[handed_over_after][1]
        if answers and (followed_up := _followed_up(candidates, j)) is not None:
            j = _back_in_the_turn(candidates, topic_held, i, followed_up, turn=followed_up)  # "…多了18%。平均等待…"
            before = candidates[j][1]
        explains_it = reason_asked and (THE_REASON_FOR_IT.match(said) is not None or tells_a_cause(said))
        # a reason may open the next line: "the pipeline for December looks thinner though" / "mainly because…"
        on_the_next_line = quote.start_line == before.end_line + 1
        # …and so may a turn that takes up the one before it: "So the batch failed again at 02:10…" / "That's the
        # third time this month."
        takes_it_up = (
            on_the_next_line
            and quote.speaker is not None
            and before.speaker not in (None, quote.speaker)
            and _REFERS_BACK.match(said) is not None
        )
        # A speaker's next line goes on with their turn, as captions cut one into cues: "Helen Carver: …First thing is
        # the winter fair." / "Helen Carver: We made 2,380 pounds in total…"
        if before.end_line != quote.start_line and not (
            answers or (explains_it and on_the_next_line) or takes_it_up or _goes_on_with_the_turn(before, quote)
        ):
            continue
        # a written sentence goes back in its paragraph only to give the reason for what it tells of
        if quote.speaker is not None or explains_it:
            j = _back_in_the_turn(candidates, topic_held, i, j)
        before = candidates[j][1]
        held, held_before = topic_held[i], topic_held[j]
        if not held_before - held and not (seconds_it and leaned_on[j] is not None):
            continue  # the one before adds nothing to what this one says of the topic, nor goes on from one that does
        replies = answers or reports_a_question(before.text)
        if reason_asked and not (replies or explains_it):
            continue
        # who takes on a task, after the sentence that names it: "Kwame found that the new button fails contrast
        # checks…" / "Tara will darken the border and text tokens." for "Who will fix the button contrast?"; and who
        # seconded a motion, after its mover, who says who too: "Moved: Aled Morgan." / "Seconded: Priti Desai." for
        # "Who seconded the motion?" (not the vote after them, "Carried 4-1 (Samuel Adeyemi against).")
        # …and so does a speaker who takes it on ("Lina: That's an aria-live fix. Small. I can take it."), unless
        # the one before asked it of someone (`gives_a_task`: "Kwesi, can you tag all those tickets…?")
        takes_it_on = (opens_taking_on_a_task(quote.text) and not takes_on_a_task(before.text)) or (
            quote.speaker is not None and opens_taking_it_on(said) and not gives_a_task(before, speakers)
        )
        if (seconds_it and held - held_before) or takes_it_on:
            leans = True
        elif gives_form[j]:
            leans = _refers_back(said, held - held_before)
        else:
            short = len(sentence_terms[i]) < SHORT_SENTENCE_TOKENS
            said_of_the_topic = held & sentence_terms[i]  # not its heading's terms: "* Playground: …"
            # how the matter was settled, after a sentence that names it: "…an increase of £600. The board agreed to
            # accept the quote…" says nothing of the subscription increase
            settles_it = bool(settles and settles[i]) and len(held_before) >= max(MATTER_NAMED * topic_size, most_held)
            # …or says it of the matter by a pronoun: "The landlord has offered a second unit…" | "Trustees agreed to
            # take it from January…" for "Was the second unit taken?"
            opens_with_a_figure = _OPENS_WITH_A_FIGURE.match(said) is not None
            fragment = (
                (short and _ENDS_REFERRING_BACK.search(said) is not None)
                or _A_FIGURE_NAMED.match(said) is not None
                or (not said_of_the_topic and (short or opens_with_a_figure or settles_it))
                or (settles_it and _NAMES_IT_BY_A_PRONOUN.search(said) is not None)
            )
            # the same turn (on its line), going on to say more of the topic ("可以，外包客服的预算控制在八万以内。" |
            # "孙磊你来负责，十二月十五号之前到岗。" for "外包客服什么时候到岗？"), or to give what is asked, which the
            # sentence naming the topic does not, nor any other with a word of it ("I can set up the experiment." |
            # "We need about 8,000 installs per arm, that's roughly ten days at current volume." for "How long will
            # the experiment take?"; not "…if the refund time really drops." | "I'd want to see it after three
            # months." beside "Returns are still slow, about nine days to refund."; not an example after the
            # speaker's own question: "要不要做个活动？" | "比如满200减30。")
            same_turn = quote.speaker is not None and quote.speaker == before.speaker
            gives_it_alone = (
                same_turn
                and gives_form[i]
                and before.end_line == quote.start_line
                and not is_question(before.text)
                and not any(form and k != i and held_before & topic_held[k] for k, form in enumerate(gives_form))
            )
            one_turn = same_turn and (bool(said_of_the_topic) or gives_it_alone)
            # …and so do minutes, telling in the same paragraph what the meeting made of it, where it gives what is
            # asked in its own words (how a matter was settled is read with it only as `settles_it` says)
            responds = (
                quote.speaker is None
                and before.end_line == quote.start_line
                and not (settles and settles[i])
                and _THE_MEETING_RESPONDS.match(said) is not None
            )
            leans = (
                fragment
                or replies
                or explains_it
                or seconds_it
                or one_turn
                or responds
                or _REFERS_BACK.match(said) is not None
                or _names_again(said, held - held_before)  # "The repair is quoted at…"
            )
        leaned_on[i] = j if leans else None
    for i, gives_it in enumerate(gives_form):
        if gives_it and leaned_on[i] is None:
            leaned_on[i] = _asked_in_the_turn_replied_to(candidates, i, topic_held, sentence_terms, gives_form)
    return leaned_on


def _asked_in_the_turn_replied_to(
    candidates: Sequence[tuple[int, Quote]],
    i: int,
    topic_held: Sequence[Set[str]],
    sentence_terms: Sequence[Set[str]],
    gives_form: Sequence[bool],
) -> int | None:
    """Where the `i`th of the (passage rank, sentence) `candidates` is the first sentence of a reply to give the form
    asked for (`gives_form`), among its first REPLY_OPENING, and what it replies to gives none, the position of what
    that is that holds a term of the topic it lacks: a question asked in the
    meeting, or the sentence the asker said before it ("This is the escalation call for the Acme outage on
    Wednesday. Raj, can you walk us through what happened?" / "Sure. So at about 14:10 UTC… It lasted fifty-two
    minutes in total."; "First up is CHG-2291, the database failover test. Mike?" / "Yes. We want to fail the
    primary over…" / "Expected downtime is under five minutes."), or a sentence that only names the topic, as an item
    is called aloud, before the reply or in its own turn ("Skip day." / "The skip is booked for Saturday 7 March…";
    "And the AGM. I'd like to hold it on Sunday 22 February…"); else None."""

    def lacks(j: int) -> bool:
        return bool(topic_held[j] - topic_held[i])

    def names_only_the_topic(j: int) -> bool:
        return bool(sentence_terms[j]) and sentence_terms[j] <= topic_held[j] and lacks(j)

    first = i
    for _ in range(REPLY_OPENING):
        j = _the_one_before(candidates, first)
        if j is None or not _goes_on_with_the_turn(candidates[j][1], candidates[first][1]):
            break
        if names_only_the_topic(j):
            return j
        if gives_form[j]:
            return None  # the reply gave it before: "Six cameras cost £48,000." before "The commissioner is paying…"
        first = j
    else:
        return None
    k = _the_one_before(candidates, first)
    if k is None or gives_form[k] or not opens_the_next_turn(asked := candidates[k][1], candidates[first][1]):
        return None  # what it replies to says it: "Kwesi, can you tag all those tickets…?" / "Will do. I'll use…"
    if names_only_the_topic(k):
        return k
    if not is_question(asked.text):
        return None
    said_before = _the_one_before(candidates, k)
    asker = [k]
    if said_before is not None and _goes_on_with_the_turn(candidates[said_before][1], asked):
        asker.append(said_before)
    return next((j for j in asker if lacks(j)), None)


def _goes_on_with_the_turn(before: Quote, quote: Quote) -> bool:
    """Whether `quote` goes on with the turn of the sentence `before` it: the same speaker, on its line or the next
    (as captions cut a turn into cues)."""
    same_speaker = quote.speaker is not None and quote.speaker == before.speaker
    return same_speaker and 0 <= quote.start_line - before.end_line <= 1


def _read_with_whom_it_is_asked_of(
    candidates: Sequence[tuple[int, Quote]],
    leaned_on: list[int | None],
    on_the_topic: Sequence[bool],
    speakers: Set[str],
) -> list[int | None]:
    """`leaned_on`, for a question that asks who will do something, with each sentence on the topic (in its own
    words) that goes on in a turn after one that turns to someone by name read with that one: "Hannah Cole: Good.
    Marcus, you own the customer side. Call their finance lead today and send them Priya's steps." asks Marcus to
    call, for "Who will call Brightline?". Not one that turns to someone else ("Emma, can you tell the partners by
    Friday? And Raj, I need a written plan…"), nor one that says nothing of the topic ("…Ideally the February half
    term.")."""
    read_with = list(leaned_on)
    for i, (_, quote) in enumerate(candidates):
        j = _the_one_before(candidates, i)
        if read_with[i] is not None or j is None or not on_the_topic[i] or addresses(quote, speakers):
            continue
        before = candidates[j][1]
        same_turn = quote.speaker is not None and before.speaker == quote.speaker
        if same_turn and before.end_line == quote.start_line and addresses(before, speakers - {quote.speaker}):
            read_with[i] = j
    return read_with


def _past_an_acknowledgement(candidates: Sequence[tuple[int, Quote]], i: int, j: int) -> int:
    """`j`, the position of the sentence before the `i`th of the (passage rank, sentence) `candidates`; where that
    only acknowledges what was asked, in the same turn ("Aisha Karim: …Mike?" / "Mike Dunn: Yes. We want to fail the
    primary over…"), the one before it."""
    quote, before = candidates[i][1], candidates[j][1]
    if before.speaker is None or before.speaker != quote.speaker or not _ONLY_ACKNOWLEDGES.match(said_text(before)):
        return j
    earlier = _the_one_before(candidates, j)
    return j if earlier is None else earlier


def _handed_over_after(candidates: Sequence[tuple[int, Quote]], j: int, speakers: Set[str]) -> int | None:
    """Where the question at `j` of the (passage rank, sentence) `candidates` only hands the floor to someone by name
    ("First up is CHG-2291, the database failover test. Mike?"), the position of the sentence before it in the
    asker's turn, which says what the reply is about; else None."""
    asked = candidates[j][1]
    words = frozenset(tokenize(said_text(asked)))
    named = mentioned_speakers(said_text(asked), speakers)
    if not named or words - frozenset().union(*(tokenize(bare_name(person)) for person in named)):
        return None
    k = _the_one_before(candidates, j)
    if k is None:
        return None
    before = candidates[k][1]
    return k if before.speaker == asked.speaker and before.end_line == asked.start_line else None


def _back_in_the_turn(
    candidates: Sequence[tuple[int, Quote]], topic_held: Sequence[Set[str]], i: int, j: int, turn: int | None = None
) -> int:
    """`j`, the position of the sentence before the `i`th of the (passage rank, sentence) `candidates`; where that
    holds no term of the topic the `i`th lacks, the nearest before it in the same speaker's turn on its line (the
    `turn`th's, by default the `i`th's) that does ("Ines: I had them for the coding round. Honestly both passed.
    Daniel was faster, he finished in thirty-five minutes." for "How long did Daniel take on the coding round?"), or,
    written, in the same paragraph ("Three lamps on Birch Walk have been out since October. Colin has reported them
    twice. The council blames a faulty underground cable…")."""
    said = candidates[i if turn is None else turn][1]
    for k in _going_back(candidates, j):
        earlier = candidates[k][1]
        if earlier.speaker != said.speaker or earlier.end_line != said.start_line:
            break
        if topic_held[k] - topic_held[i]:
            return k
    return j


def _followed_up(candidates: Sequence[tuple[int, Quote]], j: int) -> int | None:
    """Where the question at `j` of the (passage rank, sentence) `candidates` only follows up what was said before
    it, naming no subject, the position of what it follows up: the asker's question before it, within
    FOLLOW_UP_REACH sentences ("Is the retro still in room 4?" … "And when?", "线下活动还是在上次那家咖啡馆吗？" …
    "时间呢？"), or, asking why in a few words (`_asks_why_aloud`), the other speaker's sentence right before it
    ("Tariq: …about 6,000 over what we budgeted." / "Nora: Why so much over?"); else None."""
    asked = candidates[j][1]
    said = said_text(asked)
    if _asks_why_aloud(said) and word_count(reduce_question(said)) <= WHY_FOLLOW_UP_WORDS:
        k = _the_one_before(candidates, j)
        if k is None:
            return None
        before = candidates[k][1]
        return k if opens_the_next_turn(before, asked) and not is_question(before.text) else None
    if _FOLLOWS_UP.match(said) is None:
        return None
    for k in itertools.islice(_going_back(candidates, j), 1, FOLLOW_UP_REACH + 1):
        earlier = candidates[k][1]
        if earlier.speaker == asked.speaker and is_question(earlier.text):
            return k
    return None


def _going_back(candidates: Sequence[tuple[int, Quote]], k: int) -> Iterator[int]:
    """`k`, then the position of each sentence before it in its record among the (passage rank, sentence)
    `candidates`, nearest first, as far back as `_the_one_before` finds one."""
    position: int | None = k
    while position is not None:
        yield position
        position = _the_one_before(candidates, position)


def _replies_why(candidates: Sequence[tuple[int, Quote]], sentence_terms: Sequence[Set[str]], i: int) -> bool:
    """Whether the `i`th of the (passage rank, sentence) `candidates` opens a reply to a question asked why with a
    reason: one that opens with "Because…" ("Lena: Why did we drop company size? Sales used that." / "Carlos: Because
    it was the screen where most people quit."), though a speaker's "because" alone gives none (`gives_a_reason`), or
    one that names it in a few words, and no more ("Nora: Why so much over?" / "Tariq: Steel prices."); not a
    reply that only acknowledges, asks back or says the speaker does not know."""
    said = said_text(candidates[i][1])
    names_it = 0 < len(sentence_terms[i]) < SHORT_SENTENCE_TOKENS and _says_something(said)
    if not (BECAUSE.match(said) or names_it):
        return False
    asked = _the_question_replied_to(candidates, i)
    return asked is not None and _asks_why_aloud(said_text(asked))


def _asks_why_aloud(said: str) -> bool:
    """Whether a question asked in a meeting asks why: in so many words, or as "What happened?" (`_WHAT_HAPPENED`)."""
    return WHY_QUESTION.search(said) is not None or _WHAT_HAPPENED.match(said) is not None


def _replies_in_kind(candidates: Sequence[tuple[int, Quote]], i: int, kind: str) -> bool:
    """Whether the `i`th of the (passage rank, sentence) `candidates` opens a reply that says something to a question
    asked in the meeting of the `kind` asked (`kind_asked`): "Nadia: Do we know which versions?" / "Ethan: Android 9
    and 10." for "Which Android versions crash?"."""
    if not _says_something(said_text(candidates[i][1])):
        return False
    asked = _the_question_replied_to(candidates, i)
    return asked is not None and kind_asked(said_text(asked)) == kind


def _says_something(said: str) -> bool:
    """Whether a reply says something: it neither asks back, nor only acknowledges, nor says the speaker does not
    know ("No idea.", "Not sure.")."""
    return not is_question(said) and _ONLY_ACKNOWLEDGES.match(said) is None and _NOT_KNOWN.search(said) is None


def _the_question_replied_to(candidates: Sequence[tuple[int, Quote]], i: int) -> Quote | None:
    """The question asked in the meeting whose reply the `i`th of the (passage rank, sentence) `candidates` opens,
    if it opens one."""
    j = _the_one_before(candidates, i)
    if j is None:
        return None
    asked = candidates[_the_question_it_answers(candidates, i, j)][1]
    return asked if opens_the_reply(asked, candidates[i][1]) else None


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
    return bool(new_terms) and (_REFERS_BACK.match(sentence) is not None or _names_again(sentence, new_terms))


def _names_again(sentence: str, new_terms: Set[str]) -> bool:
    """Whether a sentence opens by naming one of `new_terms` as a thing already spoken of ("The repair is quoted
    at…")."""
    named = _NAMED_AGAIN.match(sentence)
    return named is not None and not new_terms.isdisjoint(tokenize(named["noun"]))


def _goes_on_from(before: Quote, quote: Quote) -> bool:
    """Whether `quote` opens the passage that goes on in its record right after the one `before` ends ("…discussed
    whether to buy an electric van." | "The Treasurer advised against it…"): passages found apart never repeat
    each other's text, so a reply may open the next, after its turn's header line ("Deborah Mills  0:31" / "…What
    did we budget?" | "Gavin Shore  0:35" / "Fifty thousand.")."""
    gap = quote.start_char - before.end_char
    after_a_header = quote.speaker is not None and 0 < quote.start_line - before.end_line <= REPLY_LINES
    return quote.source == before.source and 0 <= gap <= (_HEADER_GAP if after_a_header else _PASSAGE_GAP)


def person_share(quote: Quote) -> float:
    """The share of a sentence's English words, its speaker's label and transcript markup aside, that are first or
    second person: "I", "we", "you", "our"…"""
    words = MARKUP.sub(" ", said_text(quote))
    count = len(_ENGLISH_WORD.findall(words))
    return len(_FIRST_OR_SECOND_PERSON.findall(words)) / count if count else 0.0
