from bot.render import WIDTH, built_from, render_answer, render_summary, wrap
from retrieval.models import Answer, IndexSummary, Quote


def test_wrapping_never_breaks_a_hyphenated_word() -> None:
    text = " ".join(["the Harbin sub-central city"] * 20)
    wrapped = wrap(text)
    assert all(len(line) <= WIDTH for line in wrapped.splitlines())
    assert " ".join(wrapped.split()) == text  # joined back up, it reads exactly as before


def test_chinese_wraps_by_columns_and_no_line_opens_with_closing_punctuation() -> None:
    text = (
        "会议由副市长王明主持，市住建局、发改委及各区县负责同志参加。会议听取了市住建局关于去年城乡建设工作的汇报。"
        "去年全市完成棚户区改造1200户，新建保障性住房860套。会议确定，今年计划改造42个老旧小区，惠及居民1.5万户。"
        "Hon. Deb Schulte spoke of the front-end."
    )
    wrapped = wrap(text, 40).splitlines()
    assert len(wrapped) > 4
    assert all(sum(2 if "\u4e00" <= c <= "\u9fff" or c in "，。、" else 1 for c in line) <= 40 for line in wrapped)
    assert not any(line[0] in "，。、" for line in wrapped)
    assert "".join("".join(wrapped).split()) == "".join(text.split())  # joined back up, the same characters
    assert "front-end." in wrapped[-1]


def test_an_answer_says_which_quotes_it_is_built_from() -> None:
    quotes = [Quote("m", "m.txt", start, start + 5, 1, 1, "Words") for start in (0, 10, 20)]
    answer = Answer("Summarize it.", "Words Words Words", quotes, [], answer_quotes=[1, 0, 2])
    assert built_from(answer) == "from quotes 2, 1 and 3"
    assert "(from quotes 2, 1 and 3)" in render_answer(answer).splitlines()
    single = Answer("How many?", "Words", quotes[:1], [], answer_quotes=[0])
    assert "from quote" not in render_answer(single)


def test_an_index_summary_says_why_every_passage_is_embedded_again() -> None:
    why = "the embedding changed (minilm-float32 → minilm-int8)"
    summary = IndexSummary(unchanged=["budget"], chunks=4, embedded=4, model="minilm", embedded_again=why)
    assert f"\n  every passage is embedded again: {why}" in render_summary(summary)
    summary.dry_run = True
    assert f"every passage would be embedded again: {why}" in render_summary(summary)
    assert "· 4 chunks (4 to embed)" in render_summary(summary)
    assert "embedded again" not in render_summary(IndexSummary(unchanged=["budget"], chunks=4))


def test_an_index_summary_says_why_every_record_is_cut_again_and_how_many_passages_were_embedded() -> None:
    why = "this version of minutebot reads records differently (passage rules 8 → 9)"
    summary = IndexSummary(unchanged=["budget"], chunks=4, embedded=1, model="minilm", cut_again=why)
    assert "· 4 chunks (1 embedded)" in render_summary(summary)
    assert f"\n  every record is cut again: {why}" in render_summary(summary)
    assert "cut again" not in render_summary(IndexSummary(unchanged=["budget"], chunks=4))


def test_an_index_summary_says_why_every_record_is_read_again() -> None:
    why = "this version of minutebot reads titles and dates differently (record rules 0 → 1)"
    summary = IndexSummary(unchanged=["budget"], chunks=4, model="minilm", read_again=why)
    assert f"\n  every record is read again: {why}" in render_summary(summary)
    assert "read again" not in render_summary(IndexSummary(unchanged=["budget"], chunks=4))


def test_an_index_summary_says_when_minilm_is_tuned_for_meetings() -> None:
    tuned = IndexSummary(chunks=4, model="minilm", vectors="minilm-meetings-2c4608a1b9-int8")
    assert render_summary(tuned).endswith("· model all-MiniLM-L6-v2 (English), tuned for meetings")
    published = IndexSummary(chunks=4, model="minilm", vectors="minilm-int8")
    assert render_summary(published).endswith("· model all-MiniLM-L6-v2 (English)")


def test_korean_breaks_between_words_as_it_is_written_with_spaces() -> None:
    text = "회의에서는 올해 예산안을 검토하고 노후 주거 지역 정비 계획을 승인했습니다. 다음 회의는 다음 달에 열립니다."
    wrapped = wrap(text, 30).splitlines()
    assert len(wrapped) > 2
    assert all(sum(2 if "\uac00" <= c <= "\ud7af" else 1 for c in line) <= 30 for line in wrapped)
    assert " ".join(wrapped).split() == text.split()  # every line ends at a space: no word is cut in two


def test_a_quote_shows_its_speaker_only_where_its_text_does_not() -> None:
    listed = Quote("m", "m.md", 0, 33, 1, 1, "- Lea: the rota is published.", speaker="Lea")
    mid_turn = Quote("m", "m.md", 34, 60, 1, 1, "Rotations start on March 10.", speaker="Lea")
    chinese = Quote("m", "m.md", 61, 70, 2, 2, "张明：汇报了招聘情况。", speaker="张明")
    rendered = render_answer(Answer("Any updates from Lea?", "…", [listed, mid_turn, chinese], []))
    assert "“- Lea: the rota is published.”" in rendered
    assert "“Lea — Rotations start on March 10.”" in rendered
    assert "“张明：汇报了招聘情况。”" in rendered
