import pytest

from retrieval.questions.attendance import attendance_label, attendees, is_attendance_line


@pytest.mark.parametrize(
    ("line", "lists_attendance"),
    [
        ("Present: Ana Ruiz (chair), Tom Berg, Lea Novak.", True),
        ("Apologies for absence: Tom Berg", True),
        ("In attendance: the city clerk", True),
        ("出席：张明、李华", True),
        ("**Attendees:** Priya Shah, Marco Bianchi", True),
        ("- Present: Ana Ruiz", True),
        ("Members absent: Peter Wong", True),
        ("Governors present: Claire Dunn (Chair), Ravi Patel, Helen Moore.", True),  # who attended, by what they are
        ("Trustees absent: Ian Shaw", True),
        ("Board members present: Patrick Dunne, Amara Nwosu, Sam Cole", True),
        ("Chair: Farah Khan", True),  # who held a role
        ("Facilitator: Yuki Tanaka. Team: Omar, Beatriz, Kwame.", True),
        ("Chair: Dr. Alan Brooks", True),
        ("Clerk: Anne Booth.", True),
        ("Chair: Thank you all for coming.", False),  # the chair speaking
        ("Chair: Okay.", False),  # one word may be a reply
        ("Chair: Okay. Right.", False),
        ("Tom Berg was present for the vote on the budget.", False),
        ("Attendance at the summer festival rose by a third.", False),
        ("| Attendees | Lena Fischer, Omar Said |", True),  # a page's properties, as Notion exports them
        ("| Date | October 14, 2025 |", False),
        ("| Action | Owner | Due |", False),
    ],
)
def test_a_line_that_lists_who_attended(line: str, lists_attendance: bool) -> None:
    assert is_attendance_line(line) is lists_attendance


@pytest.mark.parametrize(
    ("line", "people"),
    [
        (
            "Present: Ana Ruiz (chair), Ben Cole, Chloe Park and Dev Singh.",
            ["Ana Ruiz", "Ben Cole", "Chloe Park", "Dev Singh"],
        ),
        ("**Attendees:** Mei Lin, Jonas Weber", ["Mei Lin", "Jonas Weber"]),
        ("| Attendees | Lena Fischer, Grace Kim |", ["Lena Fischer", "Grace Kim"]),
        ("出席：张明、李华（记录）", ["张明", "李华"]),
        ("**参会：** 居民代表12人、物业公司代表李强、社区民警王涛", ["李强", "王涛"]),  # a role run into a name
        ("出席：筹备组组长孙立新，成员黄梅、赵志刚", ["孙立新", "黄梅", "赵志刚"]),
        ("出席董事：赵立新（董事长）、孙悦、李婷", ["赵立新", "孙悦", "李婷"]),  # who attended, by what they are
        ("列席：财务总监吴敏、董事会秘书郑洁", ["吴敏", "郑洁"]),
        (
            "Present: Commodore Jane Aldous, Vice-Commodore Ian Shaw, Sailing Secretary Bea Lund, Cllr Tom Hart, Ben Cole.",
            ["Jane Aldous", "Ian Shaw", "Bea Lund", "Tom Hart", "Ben Cole"],
        ),  # an office before a full name
        ("Present: Dr. Alan Brooks, Chair Ana", ["Dr. Alan Brooks", "Chair Ana"]),  # a title of address; no full name
        ("In attendance: the city clerk", []),  # no name
        ("Facilitator: Yuki Tanaka. Team: Omar, Beatriz, Kwame.", ["Yuki Tanaka"]),  # the first role's
        ("Team: Omar, Beatriz and Kwame.", ["Omar", "Beatriz", "Kwame"]),
        ("attendees: [Nora Quinn, Felix Brandt, Jun Park]", ["Nora Quinn", "Felix Brandt", "Jun Park"]),  # YAML
        ("Ana Ruiz chaired the meeting.", []),  # no attendance line
    ],
)
def test_the_people_an_attendance_line_names(line: str, people: list[str]) -> None:
    assert attendees(line) == people


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Present: Ana Ruiz (chair), Ben Cole", "Present"),
        ("**Apologies for absence:** Sam", "Apologies for absence"),
        ("缺席：王强", "缺席"),
        ("请假：周强", "请假"),  # on leave: absent
        ("Facilitator: Yuki Tanaka.", "Facilitator"),
        ("Ana Ruiz: the boiler failed.", None),
    ],
)
def test_the_label_of_an_attendance_line_says_who_it_lists(line: str, label: str | None) -> None:
    assert attendance_label(line) == label
