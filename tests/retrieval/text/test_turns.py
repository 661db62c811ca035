import pytest

from retrieval.text.turns import bare_name, header_speaker, lead_with_speaker, parenthesis_of, speaker_at, speaker_of


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("Grad E: Yes .", "Grad E"),
        ("Project Manager: Okay .", "Project Manager"),
        ("Hon. Bill Blair: Thank you.", "Hon. Bill Blair"),
        ("Chair: We open the session.", "Chair"),
        ("王市长：我们开始开会。", "王市长"),
        ("Right Hon. Justin Trudeau (Prime Minister): We act.", "Right Hon. Justin Trudeau (Prime Minister)"),
        (
            "The Chair (Hon. Anthony Rota (Nipissing—Timiskaming, Lib.)): I call the meeting to order.",
            "The Chair (Hon. Anthony Rota (Nipissing—Timiskaming, Lib.))",
        ),
        ("Grad B:", "Grad B"),  # an empty turn, its line stripped
        ("- Lea: the on-call rota is published.", "Lea"),  # minutes list what each person reported
        ("- Treasurer: Priti said the balance is GBP 7,310.", "Treasurer"),  # a role, not named again
        ("- [ ] **Marco:** share the runbook", "Marco"),
        ("**Mei Lin**: the onboarding flow tested well.", "Mei Lin"),
        ("2) Sam: the postmortem is published.", "Sam"),
        ("1、张明：汇报了招聘情况。", "张明"),
        ("[00:00:27] Hannah Weiss: Engineering found the cause.", "Hannah Weiss"),  # when it was said, first
        ("00:01:02 Liam: the widget was down.", "Liam"),
        ("(0:04) Priya Shah: okay.", "Priya Shah"),
        ("[09:03] marco: looking. it's the audit log table", "marco"),  # a chat's handle, after the time
        ("[27/11/2025, 19:02:40] Rosa Martin: Ticket sales are at 164", "Rosa Martin"),  # WhatsApp, its day first
        ("27/11/2025, 19:05 - Ken Liu: It costs £21", "Ken Liu"),  # …as Android exports it
        ("[11/27/25, 7:05:01\u202fPM] Ken Liu: It costs £21", "Ken Liu"),
        ("marco: looking.", None),  # without one, a lower-case label opens a line of prose
        ("[09:05] note: the disk is full", None),  # a field, time or not
        ("Meeting of 26 November 2025. Chair: Prof. Laura Mensah.", None),  # a sentence ends before the colon
        ("St. John Rivers: fine.", "St. John Rivers"),  # a name's short form is no sentence's end
        ("- Budget review", None),
        ("Grad B:x", None),
        ("No colon here", None),
        ("12: x", None),
    ],
)
def test_speaker_of(line: str, speaker: str | None) -> None:
    assert speaker_of(line) == speaker


@pytest.mark.parametrize(
    "line",
    [
        "Date: 12 March 2024.",
        "Present: Chen Wei, Ana Ruiz.",
        "Apologies: Tom Berg.",
        "Action items: see the table.",
        "Item 3: the budget.",
        "Decision (unanimous): the lease is renewed.",
        "Next meeting: 9 April.",
        "Next call: Tuesday 10 June, same time.",  # the next meeting, by any name
        "Next review: Wednesday 10 December, same time.",  # a team's regular meeting, named by what it does
        "Date of next meeting: 24 April 2025.",
        "[00:00:27] Date: 12 March 2024.",
        "- Owner: Chen Wei",
        "**Agreed:** the release moves to 2 April.",
        "1、时间：2025年3月5日",
        "时间：2023年3月1日",
        "Owner: Chen Wei · Action: Renew the office lease · Due: 30 April 2024",
        "Lead: Chen Wei · Task: Renew the lease",
        "Chair: Farah Khan",  # who held a role, not what the chair said ("Chair: We open the session.")
        "Facilitator: Yuki Tanaka. Team: Omar, Beatriz, Kwame, Lina, Yuki.",
        "**Sprint goal:** customers can pay invoices by bank transfer",  # a field in bold, a word in lower case
        "下次会议时间：2025年9月2日",  # ends with a field's label (会议时间)
        "下次例会：8月25日上午9:30。",  # the next meeting, by any name, in Chinese too
        "下次议事会：1月5日晚7点。",
        "其他事项：无",
        "表决结果：同意7票，反对0票，弃权0票。",  # a vote's result, as board resolutions give it
        "理由：投资回报周期较长。",
        "Moved: Kate Sullivan. Seconded: Tom Briggs. Carried, 19 for, 2 against.",  # a motion's fields
        "Yesterday: finished the Terraform module.",  # a stand-up's fields
        "Today: migrating the billing service.",
        "- Blocked: needs access to the production logs",
        "Sent: Thursday, November 27, 2025 4:12 PM",  # a mail's header, as Outlook writes it
        "Related: [[Checkout project]], [[Q1 roadmap]]",  # a note's links, as Obsidian keeps them
        "出席董事：赵立新（董事长）、孙悦、钱永刚",  # directors present: an attendance line
        "- Conference budget: Nadia may attend KubeCon.",  # a list item's label with a word in lower case: a topic
        "* Playground: the school asked the PTA to fund new playground equipment.",  # its topic, again in lower case
        "**Authors:** Lena Fischer, Omar Haddad",
        "**Severity:** SEV-1",
        "Focus: Google Pay. Sprint 43 starts on 1 December.",  # what a sprint or a meeting is about
        "Goal: ship Apple Pay in the EU checkout.",
    ],
)
def test_field_labels_and_table_rows_are_not_speakers(line: str) -> None:
    assert speaker_of(line) is None


@pytest.mark.parametrize(
    ("text", "speaker", "led"),
    [
        ("we should go with rubber .", "Marketing", "Marketing: we should go with rubber ."),
        ("Marketing: we should go with rubber .", "Marketing", "Marketing: we should go with rubber ."),
        ("今年改造42个老旧小区。", "王市长", "王市长：今年改造42个老旧小区。"),
        ("王市长：今年改造42个老旧小区。", "王市长", "王市长：今年改造42个老旧小区。"),  # not labelled twice
        ("- Lea: the rota is published.", "Lea", "- Lea: the rota is published."),
        ("no speaker here .", None, "no speaker here ."),
    ],
)
def test_lead_with_speaker_writes_the_label_as_the_record_would(text: str, speaker: str | None, led: str) -> None:
    assert lead_with_speaker(text, speaker) == led


@pytest.mark.parametrize(
    ("speaker", "bare", "said"),
    [
        ("Hon. Deb Schulte (Minister of Seniors)", "Hon. Deb Schulte", "Minister of Seniors"),
        ("The Chair (Hon. Anthony Rota (Nipissing—Timiskaming, Lib.))", "The Chair", "Hon. Anthony Rota"),
        ("Grad E", "Grad E", None),
    ],
)
def test_a_label_and_its_parenthesis(speaker: str, bare: str, said: str | None) -> None:
    assert (bare_name(speaker), parenthesis_of(speaker)) == (bare, said)


@pytest.mark.parametrize(
    "line",
    [
        "Raj Patel presented the refresh plan: 140 laptops older than five years will be replaced.",
        "The board discussed the opening hours at length: Sundays are popular.",
        "On hiring: we made an offer to a senior backend engineer.",
    ],
)
def test_a_sentence_that_opens_like_a_turn_is_nobody_s(line: str) -> None:
    assert speaker_of(line) is None


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("Head of marketing: the launch moves to May.", "Head of marketing"),
        ("Ludwig van der Berg: I agree.", "Ludwig van der Berg"),
        ("**Marco Rossi:** share the runbook", "Marco Rossi"),  # a name in bold
        ("王建国：6号楼已经签字。", "王建国"),
    ],
)
def test_a_role_or_a_name_with_its_particles_is_a_speaker(line: str, speaker: str) -> None:
    assert speaker_of(line) == speaker


EXPORTED = "Product sync\n\nPriya Shah  0:04\nOkay, let's start.\nFirst the release.\n\nTom Becker  0:15\nOn track for the 28th.\n"


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("Priya Shah  0:04", "Priya Shah"),  # Otter, Teams
        ("[Priya Shah] 14:02:11", "Priya Shah"),  # Zoom
        ("Speaker 1  1:02:33", "Speaker 1"),
        ("Priya Shah: we start at 0:04", None),  # a turn with its words
        ("Date: 14:30", None),  # a field
        ("The meeting closed at 9:15", None),
        ("Jon Park  9:05 AM", "Jon Park"),  # a chat copied from Slack
        ("Kofi Mensah  [9:02 AM]", "Kofi Mensah"),
        ("Doors open  6:30 PM", None),  # a line of an agenda: no name
        ("陈芳  2025-11-21 19:08:02", "陈芳"),  # a WeChat chat exported as text, with the day
        ("物业-小刘  2025/11/21 19:12", "物业-小刘"),
        ("10:06:02 From Maria Lopez to Everyone:", "Maria Lopez"),  # a Zoom meeting's chat saved as text
        ("10:06:02 From Maria Lopez to Kevin Osei(Direct Message):", "Maria Lopez"),
        ("10:06:02 From the floor to everyone:", None),
        ("[25/11/2025 16:02] Hannah Lee", "Hannah Lee"),  # a chat copied from Teams, the day and time first
        ("[16:02] Hannah Lee", "Hannah Lee"),
        ("[00:01:02] Okay", None),  # a caption of one word
        ("[25/11/2025 16:02] the build is green", None),  # words, not a name
        ("Raj Menon (00:00:19):", "Raj Menon"),  # Rev
    ],
)
def test_the_header_line_of_a_turn_in_a_transcript_exported_as_text(line: str, speaker: str | None) -> None:
    assert header_speaker(line) == speaker


@pytest.mark.parametrize(
    ("words", "turn_before", "speaker"),
    [
        ("Okay, let's start.", None, "Priya Shah"),
        ("First the release.", None, "Priya Shah"),  # a second line of the turn
        ("On track for the 28th.", None, "Tom Becker"),
        ("Product sync", None, None),  # the title, above every turn
        ("Tom Becker  0:15", None, None),  # the header line says whose the lines below are, and is no words of theirs
    ],
)
def test_a_line_under_a_turn_s_header_is_that_speaker_s(
    words: str, turn_before: str | None, speaker: str | None
) -> None:
    assert speaker_at(EXPORTED, EXPORTED.index(words), turn_before) == speaker


def test_a_line_under_a_rev_header_is_that_speaker_s() -> None:
    """Rev writes the time in brackets and a colon after it: the header is no label of a turn with no words."""
    rev = "Dana Whitfield (00:00:02):\nRaj, can you walk us through it?\n\nRaj Menon (00:00:19):\nSure. It lasted an hour.\n"
    assert speaker_at(rev, rev.index("Sure.")) == "Raj Menon"
    assert speaker_at(rev, rev.index("Raj, can")) == "Dana Whitfield"


def test_a_text_that_opens_inside_a_turn_under_its_header_is_the_speaker_s_it_opens_in() -> None:
    passage = EXPORTED[EXPORTED.index("Okay") :]
    assert speaker_at(passage, passage.index("First the release."), "Priya Shah") == "Priya Shah"


def test_a_message_of_a_zoom_chat_saved_as_text_is_its_sender_s() -> None:
    chat = (
        "10:05:40 From Kevin Osei to Everyone:\n\tWill the hiring freeze apply to contractors as well?\n"
        "10:06:02 From Maria Lopez to Everyone:\n\tYes, contractors are included in the freeze.\n"
    )
    assert speaker_at(chat, chat.index("Will the hiring")) == "Kevin Osei"
    assert speaker_at(chat, chat.index("Yes, contractors")) == "Maria Lopez"
