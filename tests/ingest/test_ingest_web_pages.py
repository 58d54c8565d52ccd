"""Saved web pages through the ingest command: an article page goes in, a page with no article
text gets one error line and writes nothing, and the files beside it still go in."""
import io

import pytest
from django.core.management import CommandError, call_command

from archive.models import Article

pytestmark = pytest.mark.django_db

PROSE = ("Uzbek Foreign Minister Farrukh Alimov met Turkmen Foreign Minister Dovlet Orazov in Tashkent "
         "on Monday, and the two ministers discussed energy transit and rail links, the foreign ministry said.")
PAGE = f"""<html><head><title>Ministers discuss gas transit | Steppe Wire</title>
<meta property="og:site_name" content="Steppe Wire"></head>
<body><nav>Home | World</nav><article><h1>Ministers discuss gas transit</h1>
<p>TASHKENT – {PROSE}</p><p>{PROSE}</p></article></body></html>"""
EMPTY_PAGE = "<html><head><title>Index</title></head><body><nav>Home</nav></body></html>"


def ingest(*paths):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, paths), stdout=out, stderr=err)
        return 0, err.getvalue()
    except CommandError as exc:
        return 1, err.getvalue() + str(exc)


def test_a_saved_web_page_becomes_an_article_with_its_title_outlet_and_dateline(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(PAGE, encoding="utf-8")
    code, _ = ingest(page)
    article = Article.objects.get()
    assert code == 0
    assert (article.title, article.outlet, article.dateline) == ("Ministers discuss gas transit", "Steppe Wire", "TASHKENT")
    assert "<" not in article.body


def test_a_web_page_with_no_article_gets_one_error_line_and_nothing_is_written(tmp_path):
    empty, good = tmp_path / "index.htm", tmp_path / "story.html"
    empty.write_text(EMPTY_PAGE, encoding="utf-8")
    good.write_text(PAGE, encoding="utf-8")
    code, err = ingest(empty, good)
    assert code == 1
    [line] = [line for line in err.splitlines() if str(empty) in line]
    assert line.endswith(f"{empty}: web page with no article text")
    assert list(Article.objects.values_list("title", flat=True)) == ["Ministers discuss gas transit"]
