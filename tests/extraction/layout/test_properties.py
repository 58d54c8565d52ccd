"""Property tests: the reading stages never raise on arbitrary text, and every offset they
return points into the text it names."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.extraction.layout import (
    clean, dates_lines, datelines, furniture, html, metadata, reflow, repair, sentences, split,
)
from archive.extraction.records import InputError

# Arbitrary text, and text made of the pieces news pages are made of, so that the
# interesting branches (datelines, dates, rules, tags, hyphens) are reached often.
PIECES = st.sampled_from([
    "ISLAMABAD", "Kabul", ", May 21", " (Xinhua) -- ", " /TREND/ ", ". KAZINFORM – ", ": ", " - ", "\n", "\n\n",
    "17 June 2031, 10:24", "2031-01-17T14:05:00+05:00", "12.03.2031", "Updated 2 days ago", "© 2031 ", "Follow ",
    " on Telegram", "By ", "Jane Roe", "Our Staff Reporter", "Related", "Read also", "—— ✦ ——", "* * *",
    "Page 1 of 2", "\f", "Uzbeki-", "stan", "Uzbe-k--i-s-tan", "&amp;", "&#8217;", "â€™", "<p>", "</div>",
    '<meta property="article:published_time" content="2031-06-18">', "Home > World > Asia", " | ",
    "THE TIMES", "Ministers agree to build railway", "The talks went well.", "\u00a0", "\t", "Mr. ", "No. 10",
])
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)
TEXT = st.one_of(st.text(max_size=400), NEWSY)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_repair_reflow_and_clean_never_raise_and_return_text(text):
    out = clean.clean_text(reflow.reflow(repair.repair_text(text)))
    assert isinstance(out, str)


@SETTINGS
@given(TEXT)
def test_every_story_of_a_page_is_text_of_the_page(text):
    text = clean.clean_text(text)
    page = split.split_page(text)
    assert page.stories
    for story in page.stories:
        for line in story.split("\n"):
            assert line in text


@SETTINGS
@given(TEXT)
def test_metadata_never_raises_and_its_sentences_point_into_the_body(text):
    meta = metadata.read_metadata(clean.clean_text(text))
    assert isinstance(meta.title, str) and isinstance(meta.body, str)
    for sentence in sentences.split_sentences(meta.body):
        assert meta.body[sentence.start:sentence.end] == sentence.text


@SETTINGS
@given(TEXT)
def test_a_dateline_ends_inside_the_paragraph_it_opens(text):
    found = datelines.read_dateline(text)
    if found:
        assert 0 < found.end <= len(text) and found.place
        assert text[:found.end].upper().startswith(found.place.split()[0])


@SETTINGS
@given(TEXT)
def test_found_dates_point_at_their_own_text(text):
    for found in dates_lines.find_dates(text):
        assert 0 <= found.start < found.end <= len(text)
        assert dates_lines.parse_full_date(text[found.start:found.end]) == found.value
    dates_lines.date_line(text, allowed_rest_words=3)
    dates_lines.partial_date(text)


@SETTINGS
@given(TEXT)
def test_line_readers_never_raise(text):
    for line in text.split("\n"):
        furniture.is_furniture(line)
        furniture.is_section_label(line)
        furniture.menu_cells(line)
        datelines.line_dateline(line)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_a_web_page_is_read_or_refused_with_an_input_error(text):
    try:
        assert isinstance(html.page_text(f"<html><body><p>{text}</p></body></html>"), str)
    except InputError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["story.txt", "page.html"]))
def test_the_whole_pipeline_reads_any_text_or_refuses_it_with_an_input_error(text, name):
    from archive.extraction.pipeline import extract_file

    try:
        articles = extract_file(text.encode("utf-8", "surrogatepass"), name)
    except InputError:
        return
    for article in articles:
        assert isinstance(article.title, str) and isinstance(article.body, str)
