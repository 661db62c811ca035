"""Records in Chinese, end to end: the multilingual model chosen by itself, questions in Chinese and English."""

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval import Minutebot
from retrieval.errors import ModelMismatch, UnreadableQuestion
from tests.conftest import settings_for

MINUTES = {
    "city-building.txt": "市城乡建设工作会议纪要\n2023年3月1日星期三\n会议由副市长王明主持。会议指出，去年全市完成棚户区改造1200户。"
    "今年计划改造42个老旧小区，惠及居民1.5万户。会议要求各区县在6月底前完成项目开工。\n",
    "education.txt": "全市教育工作会议纪要\n2023年2月20日\n会议总结了去年的教育工作。今年将新建中小学8所，招聘教师300名。"
    "会议强调，要加强校园安全管理，每所学校配备专职保安。会议要求，9月1日前新建学校全部投入使用。\n",
    "tourism.txt": "旅游发展座谈会纪要\n2023年4月10日\n去年全市接待游客860万人次，旅游收入达到95亿元。"
    "会议决定今年举办第三届冰雪文化节，时间定在12月中旬。\n",
}


@pytest.fixture(scope="module")
def chinese_core(tmp_path_factory: pytest.TempPathFactory) -> Minutebot:
    folder = tmp_path_factory.mktemp("chinese-records")
    for name, text in MINUTES.items():
        (folder / name).write_text(text, encoding="utf-8")
    core = Minutebot(settings_for(folder, tmp_path_factory.mktemp("chinese-store")))
    summary = core.index()
    assert summary.model == "e5"  # chosen by itself: the records are not English
    return core


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("今年计划改造多少个老旧小区？", "42个老旧小区"),
        ("今年招聘多少名教师？", "招聘教师300名"),
        ("今年要新建多少所学校？", "新建中小学8所"),  # the count of schools, not the date they open
        ("冰雪文化节什么时候举办？", "12月中旬"),
        ("How many teachers will be recruited this year?", "招聘教师300名"),
        ("How many tourists visited the city last year?", "860万人次"),
    ],
)
def test_the_first_quote_holds_the_answer(chinese_core: Minutebot, question: str, answer: str) -> None:
    quote = chinese_core.ask(question).quotes[0]
    assert answer in quote.text
    assert quote.text.endswith("。") and len(quote.text) < 60  # one sentence, not the title or the whole record


def test_a_question_asked_across_languages_on_purpose_carries_no_note_that_no_word_is_shared(
    chinese_core: Minutebot,
) -> None:
    """No English word is in Chinese records: with the multilingual model, meaning is how such a question is
    answered, not a sign that the records do not cover it."""
    assert chinese_core.ask("How many teachers will be recruited this year?").note is None


def test_a_summary_of_a_subject_draws_on_its_record_whether_a_sentence_names_it_or_not(
    chinese_core: Minutebot,
) -> None:
    """ "Summarize the city building" is answered by the city-building minutes (not by a sentence that says 总结), and
    "what education issues" by the education minutes' decisions too, though they do not say 教育."""
    city = chinese_core.ask("总结一下城市建设方面的内容")
    assert {quote.meeting for quote in city.quotes[:3]} == {"city-building"} and len(city.answer_quotes) >= 2
    assert "2023年3月1日" not in city.answer  # the date line says nothing of the subject
    assert "新建中小学8所" in chinese_core.ask("会议讨论了教育方面的哪些问题？").answer


def test_summarize_the_meeting_in_chinese_sums_up_the_latest_minutes_or_the_ones_asked_within(
    chinese_core: Minutebot,
) -> None:
    latest = chinese_core.ask("总结一下会议")
    assert {quote.meeting for quote in latest.quotes} == {"tourism"} and "tourism (2023-04-10)" in (latest.note or "")
    education = chinese_core.ask("总结一下会议", meeting="education")
    assert {quote.meeting for quote in education.quotes} == {"education"} and len(education.answer_quotes) >= 2
    assert "全市教育工作会议纪要" not in education.answer and "2023年2月20日" not in education.answer
    assert "新建中小学8所" in education.answer


def test_titles_dates_and_exact_offsets(chinese_core: Minutebot) -> None:
    meetings = {m.meeting: m for m in chinese_core.meetings()}
    assert meetings["city-building"].title == "市城乡建设工作会议纪要"
    assert meetings["city-building"].date == "2023-03-01"
    answer = chinese_core.ask("棚户区改造了多少户？")
    for span in [*answer.quotes, *answer.passages]:
        record = MINUTES[span.source]
        assert record[span.start_char : span.end_char] == span.text


def test_a_question_of_symbols_only_gets_a_plain_message(chinese_core: Minutebot) -> None:
    with pytest.raises(UnreadableQuestion, match="no words"):
        chinese_core.ask("🙂🙂？？")


def test_asking_with_another_model_than_the_index_is_a_clear_error(
    chinese_core: Minutebot,
) -> None:
    english_only = Minutebot(
        settings_for(chinese_core.settings.data_dir, chinese_core.settings.store, embedding_model="minilm")
    )
    with pytest.raises(ModelMismatch, match=r"'e5'.*'minilm'"):
        english_only.ask("今年计划改造多少个老旧小区？")


def test_changing_the_model_re_embeds_every_record(records_dir: Path, make_core: Callable[..., Minutebot]) -> None:
    assert make_core(records_dir).index().model == "minilm"
    again = make_core(records_dir, embedding_model="e5").index()
    assert again.model == "e5" and again.embedded == again.chunks
    assert make_core(records_dir, embedding_model="e5").status().embedding_model == "e5"


def test_what_a_chinese_speaker_said_is_a_summary_of_their_words(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "city-2025-03-01.txt").write_text(
        "王市长：今年计划改造42个老旧小区，涉及居民1.5万户。\n李局长：我们会在6月底前完成全部项目开工，10月底前完成主体工程。\n"
        "王市长：要注意施工安全，每个工地都要有安全员。\n李局长：我们还将新建停车位2000个。\n",
        encoding="utf-8",
    )
    core = Minutebot(settings_for(folder, tmp_path / "store"))
    core.index()
    answer = core.ask("李局长说了什么？")
    assert {quote.speaker for quote in answer.quotes} == {"李局长"} and len(answer.quotes) == 2
    assert answer.answer.startswith("李局长：") and "停车位2000个" in answer.answer


def test_what_the_meeting_decided_in_chinese_is_what_the_latest_minutes_say_was_decided(
    chinese_core: Minutebot,
) -> None:
    decided = chinese_core.ask("会议决定了什么？")
    assert decided.answer == "会议决定今年举办第三届冰雪文化节，时间定在12月中旬。"
    assert "tourism (2023-04-10)" in (decided.note or "")


def test_minutes_numbered_by_subject_are_answered_from_the_item_not_its_heading(tmp_path: Path) -> None:
    """ "一、供暖。" heads its item as "1. Heating." does in English: the item's sentences are on heating, and the
    heading itself is no answer."""
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "tenants-2025-10-14.txt").write_text(
        "河畔租户协会全体会议纪要\n2025年10月14日\n出席：阮安娜（主持）、陈本、朴晓、辛德\n"
        "一、供暖。陈本报告，B栋锅炉九月份两次发生故障。房东承诺在12月1日前更换锅炉，如10月底仍未确定日期，协会将发出书面提醒。\n"
        "二、租金上涨。朴晓说明，拟上涨6.5%，高于市指导线3.2%。经讨论，会议同意向租金委员会联合提出异议。\n"
        "三、社区菜园。辛德提议将A栋后面的空地改为社区菜园。志愿者：阮安娜、辛德。\n",
        encoding="utf-8",
    )
    core = Minutebot(settings_for(folder, tmp_path / "store"))
    core.index()
    assert core.ask("租金涨多少？").quotes[0].text == "朴晓说明，拟上涨6.5%，高于市指导线3.2%。"
    heating = core.ask("租户对供暖有什么意见？")
    assert heating.answer.startswith("陈本报告，B栋锅炉九月份两次发生故障。")
