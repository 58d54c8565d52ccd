from archive.extraction.layout.repair import is_cookie_banner, repair_text


def test_it_repairs_mojibake_of_curly_quotes_and_accents():
    assert repair_text("The ministerâ€™s visit to CafÃ© Lumière") == "The minister’s visit to Café Lumière"


def test_it_repairs_doubly_encoded_apostrophes():
    broken = "Itâ€™s".encode("utf-8").decode("cp1252", errors="replace")
    assert repair_text(f"the capital. {broken} late") == "the capital. It’s late"


def test_it_unescapes_html_entities():
    assert repair_text("Trade &amp; Transit: Oman&#8217;s port&nbsp;plan &ndash; now") == "Trade & Transit: Oman’s port\xa0plan – now"


def test_it_drops_stray_tags_but_keeps_their_text():
    assert repair_text("<p>The talks <b>ended</b>.</p>\n</div>") == "The talks ended.\n"


def test_a_meta_tag_with_the_publication_time_becomes_a_date_line():
    text = '<meta property="article:published_time" content="2031-02-03T08:00:00+03:00" />\nBody.'
    assert repair_text(text) == "Published: 2031-02-03T08:00:00+03:00\nBody."


def test_other_meta_tags_are_dropped():
    assert repair_text('<meta name="viewport" content="width=device-width">\nBody.') == "\nBody."


def test_a_cookie_banner_line_is_dropped_and_the_story_kept():
    text = "We use cookies to improve your experience. Accept all cookies\nHeadline here\nBody text."
    assert repair_text(text) == "Headline here\nBody text."


def test_a_sentence_about_cookies_in_a_story_is_not_a_banner():
    assert not is_cookie_banner("The bakery exported cookies worth $3 million to the region last year.")


def test_clean_text_passes_through_unchanged_with_its_curly_quotes():
    text = "‘Corridors to link the region’\n\nThe minister’s “plan” was signed."
    assert repair_text(text) == text


def test_script_and_style_residue_is_dropped_with_its_content():
    text = "Body one.\n<script>var x = '<p>';</script>\n<style>p { color: red }</style>Body two."
    assert repair_text(text) == "Body one.\n\nBody two."
