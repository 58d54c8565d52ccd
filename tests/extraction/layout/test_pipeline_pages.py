"""The reading stages end to end through `extract_file`: web pages, digests, repaired text."""
import datetime

import pytest

from archive.extraction.pipeline import extract_file
from archive.extraction.records import InputError

PROSE = ("The ministers of the two countries met in the capital on Monday and agreed to build "
         "a new railway line through the mountains by the end of the decade, officials said. "
         "The line would cut the journey to the sea by three days and give traders a shorter road.")

PAGE = f"""<!doctype html>
<html><head>
<title>Ministers agree to build railway | Caspian Wire</title>
<meta property="og:site_name" content="Caspian Wire">
<meta property="article:published_time" content="2024-03-09T08:15:00+05:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Ministers agree to build railway</h1>
<p>ALMATY – {PROSE}</p>
<p>{PROSE}</p>
</article>
<footer>© 2031 Caspian Wire</footer>
</body></html>
"""


def test_a_saved_web_page_is_read_through_its_main_text_and_metadata():
    [article] = extract_file(PAGE.encode(), "story.html")
    assert article.title == "Ministers agree to build railway"
    assert article.published == datetime.date(2024, 3, 9)
    assert article.outlet == "Caspian Wire"
    assert article.dateline == "ALMATY"
    assert "<" not in article.body and "Home" not in article.body


def test_a_web_page_with_no_article_text_is_refused_in_one_line():
    with pytest.raises(InputError, match="no article text"):
        extract_file(b"<html><head><title>Menu</title></head><body><nav>Home</nav></body></html>", "empty.htm")


def test_a_digest_gives_each_story_the_masthead_and_the_issue_date():
    text = (f"Silk Road Weekly | Issue 9 | Monday, 3 March 2031\n\nIN THIS ISSUE\n1. Railway\n2. Water\n\n* * *\n\n"
            f"RAILWAY DEAL SIGNED IN THE CAPITAL\n\n{PROSE}\n\n* * *\n\nMINISTERS MEET ON WATER SHARING\n\n{PROSE}\n\n"
            "* * *\n\nYou are receiving this email because you subscribed to Silk Road Weekly.\n© 2031 Silk Road Weekly\n")
    articles = extract_file(text.encode(), "digest.txt")
    assert [a.title for a in articles] == ["RAILWAY DEAL SIGNED IN THE CAPITAL", "MINISTERS MEET ON WATER SHARING"]
    assert {(a.outlet, a.published) for a in articles} == {("Silk Road Weekly", datetime.date(2031, 3, 3))}


def test_mojibake_and_entities_are_repaired_before_reading():
    text = f"Ministers agree to build railway\n\nALMATY &ndash; The ministerâ€™s plan: {PROSE}"
    [article] = extract_file(text.encode(), "mojibake.txt")
    assert article.body.startswith("ALMATY – The minister’s plan:")
    assert article.dateline == "ALMATY"


def test_a_hard_wrapped_newsletter_story_is_reflowed_into_paragraphs():
    wrapped = "\n".join([
        "Ministers agree to build railway", "",
        "The ministers of the two countries met in the capital on Monday and",
        "agreed to build a new railway line through the mountains by the end of",
        "the decade, officials said. The line would cut the journey to the sea",
        "by three days and give goods from the east a shorter road to the ports of",
        "the south, the transport ministry of Uzbeki-",
        "stan said in a statement published after the talks had ended late on",
        "Monday evening in the capital.",
    ])
    [article] = extract_file(wrapped.encode(), "wrapped.txt")
    assert "\n" not in article.body
    assert "ministry of Uzbekistan said" in article.body


def test_a_whole_html_document_saved_as_text_is_read_as_a_web_page():
    [article] = extract_file(PAGE.encode(), "story.txt")
    assert article.title == "Ministers agree to build railway" and "<" not in article.body


def test_a_country_name_above_the_headline_is_a_section_not_the_outlet():
    [article] = extract_file(f"Pakistan\n\nMinisters agree to build railway\n\nKARACHI: {PROSE}".encode(), "s.txt")
    assert (article.title, article.outlet) == ("Ministers agree to build railway", None)


def test_the_site_name_is_cut_from_a_page_title():
    from archive.extraction.layout.html import _own_title

    assert _own_title("Ministers agree | Caspian Wire", "Caspian Wire") == "Ministers agree"
    assert _own_title("Ministers agree - a first", "Caspian Wire") == "Ministers agree - a first"
