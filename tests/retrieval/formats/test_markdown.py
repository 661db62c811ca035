import pytest

from retrieval.formats.markdown import unformatted


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("- [ ] **Marco:** share the migration runbook (due May 9)", "Marco: share the migration runbook (due May 9)"),
        ("* [x] Jun: update the calendar", "Jun: update the calendar"),
        ("12. Decision: the reporting service moves first.", "Decision: the reporting service moves first."),
        ("## Hiring", "Hiring"),
        ("1、王芳负责制定招聘方案。", "王芳负责制定招聘方案。"),  # a Chinese list's number
        ("二、租金上涨。朴晓说明情况。", "租金上涨。朴晓说明情况。"),  # a number as Chinese writes it
        ("（三）社区菜园", "社区菜园"),
        ("一二三四五六", "一二三四五六"),  # numerals, no list
        ("• Lea: the rota is published.", "Lea: the rota is published."),
        ("> Quoted from the last minutes", "Quoted from the last minutes"),
        ("> The Guildhall is cheaper but\n> > it only seats 180.", "The Guildhall is cheaper but\nit only seats 180."),
        ("It seats\n>180 people", "It seats\n180 people"),
        ("Call __init__ twice", "Call __init__ twice"),  # a word, not bold
        ("2 - 1 = 1 and a * b", "2 - 1 = 1 and a * b"),  # arithmetic, not a list
        ("| Write the postmortem | Sam | 2025-03-14 |", "Write the postmortem · Sam · 2025-03-14"),  # a table row
        ("|  | Sam |", "Sam"),
        ("a | b", "a | b"),  # no table row
        ("<summary>Notes on onboarding</summary>", "Notes on onboarding"),  # HTML of exported Markdown
        ("| Ship it<br>after QA | Sam |", "Ship it after QA · Sam"),
        ("增设普通班1班，<br>班级分为四种", "增设普通班1班，班级分为四种"),  # no space in Chinese
        ("café<br>Next", "café Next"),
        ("<details>", ""),
        ("a <b> c and x < y > z", "a  c and x < y > z"),  # a tag, and comparisons
    ],
)
def test_only_what_formats_a_line_goes(line: str, words: str) -> None:
    assert unformatted(line) == words
