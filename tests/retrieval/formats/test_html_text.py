"""Minutes kept as a web page, and mails' HTML bodies."""

import pytest

from retrieval.formats.html_text import html_source, html_text, read_html

PAGE = """<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Minutes | Anytown Council</title>
<style>nav {display: flex}</style></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/meetings">Meetings</a></li></ul></nav>
<main><h1>Finance Committee, 4 March 2026</h1>
<p>Present: Cllr Ruth Mensah (chair), Cllr Tom Hale.</p>
<h2>1. Library roof</h2>
<p>The committee agreed to spend \xa312,400 on the library roof.</p>
<table><tr><th>Action</th><th>Owner</th></tr><tr><td>Get a second quote</td><td>Tom Hale</td></tr></table>
</main><footer>\xa9 Anytown Council 2026 | Cookies | Accessibility</footer></body></html>"""


def test_a_web_page_of_minutes_reads_its_minutes_not_the_site_around_them() -> None:
    """A council's page, as saved from the browser: the site's navigation and footer are no words of the minutes,
    the committee's heading is the title (not the tab's "Minutes | Anytown Council"), each heading anchors its
    section, and the page's declared character set is the one read."""
    page = read_html(html_source(PAGE.encode("cp1252")))
    assert page.text.splitlines() == [
        "Finance Committee, 4 March 2026",
        "Present: Cllr Ruth Mensah (chair), Cllr Tom Hale.",
        "1. Library roof",
        "The committee agreed to spend \xa312,400 on the library roof.",
        "Action: Get a second quote \xb7 Owner: Tom Hale",
    ]
    assert page.title == "Finance Committee, 4 March 2026"
    assert [(page.text[offset:].split("\n")[0], heading) for offset, heading in page.headings] == [
        ("Finance Committee, 4 March 2026", "Finance Committee, 4 March 2026"),
        ("1. Library roof", "1. Library roof"),
    ]


def test_a_page_that_marks_its_main_content_is_read_there_only() -> None:
    """A site's banner, its links and a cookie notice around `<main>` are no words of the minutes."""
    page = (
        "<body><div class='site-name'>Westbrook District Council</div><a href='#content'>Skip to content</a>"
        "<main><h1>Planning Committee</h1><p>The plan was approved.</p></main>"
        "<p>Was this page useful? Yes / No</p></body>"
    )
    assert read_html(page).text == "Planning Committee\nThe plan was approved.\n"


def test_a_page_s_banner_breadcrumbs_and_cookie_notice_are_left_out_where_it_marks_no_main_content() -> None:
    """As a wiki exports a page: breadcrumbs by their name, a banner by its role; a head left unclosed ends where
    the body starts."""
    page = (
        "<html><head><title>Engineering : Retro</title><body><div role='banner'>Acme wiki</div>"
        "<ol id='breadcrumbs'><li>Engineering</li><li>Retrospectives</li></ol>"
        "<div class='cookie-banner'><p>We use cookies. <div>Accept</div></p></div>"
        "<div id='main-content'><h2>What went well</h2><ul><li>The release went out on time.</li></ul></div></body></html>"
    )
    assert read_html(page).text == "What went well\n- The release went out on time.\n"
    assert read_html(page).title == "Engineering : Retro"


def test_a_page_without_a_top_heading_is_titled_by_its_tab() -> None:
    assert read_html("<title> Board  minutes </title><p>Body.</p>").title == "Board minutes"
    assert read_html("<title>Board</title><h2>Budget</h2><p>Body.</p>").title == "Board"
    assert read_html("<p>Body.</p>").title is None


@pytest.mark.parametrize("style", ['class="c5 title"', "class=MsoTitle"])
def test_a_document_exported_as_a_web_page_is_titled_as_it_shows_not_by_its_file_s_name(style: str) -> None:
    """Google Docs and Word write the Title style as a paragraph's class, and the document's name in the tab."""
    page = f"<title>Trustees meeting 2 Dec 2025</title><p {style}><span>Harbour Food Bank - Trustees</span></p><h1>1. Finance</h1>"
    assert read_html(page).title == "Harbour Food Bank - Trustees"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<div><div><p>nested</p></div></div>", "nested"),
        ("<p>a &amp; b</p><script>var x = 1;</script>", "a & b"),
        (  # a to-do list as Notion exports it: a checkbox's block before the item's words
            '<ul class="to-do-list"><li><div class="checkbox"></div> <span>Omar: tell support</span></li></ul>',
            "- Omar: tell support",
        ),
        (  # Word's web page: a list item's bullet in a conditional section, or in a span it marks to be ignored
            "<p class=MsoListParagraph><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:"
            "Ignore'>&#183;<span>&nbsp;&nbsp; </span></span></span><![endif]>Membership stands at 143.<o:p></o:p></p>"
            "<p class=MsoListParagraph><span style='mso-list: Ignore'>2.<span>&nbsp;</span></span>Fees rise.</p>",
            "- Membership stands at 143.\n- Fees rise.",
        ),
        (  # a page's properties: each row led by its own heading cell
            "<table><tr><th>Attendees</th><td>Lena Fischer, Grace Kim</td></tr><tr><th>Type</th><td>Sync</td></tr></table>",
            "Attendees: Lena Fischer, Grace Kim\nType: Sync",
        ),
        (  # a table laid out in another's cell reads within it
            "<table><tr><td><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table></td>"
            "<td>side</td></tr></table>",
            "A: 1 · B: 2 · side",
        ),
    ],
)
def test_html_text(html: str, text: str) -> None:
    assert html_text(html) == text
