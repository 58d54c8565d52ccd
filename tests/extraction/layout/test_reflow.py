from archive.extraction.layout.reflow import joins_broken_word, reflow, wrap_width

WRAPPED = """HEADLINE OF THE FIRST STORY

The ministers of the two countries met in the capital on Monday to
discuss the new railway, which would run through the mountains and
cut the journey to the sea by three days. The talks were held at the
Foreign Ministry and lasted four hours, officials of both delega-
tions said afterwards, adding that a road map would follow in June.

A second paragraph names the Mazhilis of Kazakhstan; the Jogorku
Kenesh of Kyrgyzstan; and a two-
day visit that both sides called a well-
being of relations for the
people of the region.
"""


def test_it_joins_the_lines_of_a_hard_wrapped_paragraph():
    paragraphs = reflow(WRAPPED).split("\n\n")
    assert paragraphs[0] == "HEADLINE OF THE FIRST STORY"
    assert paragraphs[1].startswith("The ministers of the two countries met in the capital on Monday to discuss")
    assert "\n" not in paragraphs[1]


def test_it_joins_a_word_broken_at_a_line_end_when_the_fused_word_is_a_word():
    assert "both delegations said" in reflow(WRAPPED)


def test_it_keeps_the_hyphen_of_a_compound_of_two_words():
    text = reflow(WRAPPED)
    assert "a two-day visit" in text and "a well-being of relations" in text


def test_a_line_ending_in_a_semicolon_continues():
    assert "Kazakhstan; the Jogorku Kenesh" in reflow(WRAPPED)


def test_text_that_is_not_hard_wrapped_keeps_its_lines():
    text = "Headline\n" + "A long paragraph line that goes well past any wrap width. " * 4 + "\nNext line."
    assert reflow(text) == text
    assert wrap_width(text.split("\n")) is None


def test_a_broken_name_is_joined_and_a_capitalised_second_part_keeps_its_hyphen():
    assert joins_broken_word("Japa", "rov", frozenset())
    assert not joins_broken_word("China", "Kyrgyzstan", frozenset())


def test_the_texts_own_spelling_decides_a_broken_word():
    assert joins_broken_word("cross", "border", frozenset({"crossborder"}))
    assert not joins_broken_word("cross", "border", frozenset({"cross-border"}))


def test_page_footers_and_the_repeated_page_header_are_dropped():
    text = (
        "Ministry of Transport — Bulletin No. 7\n\nThe minister said the sides also\n\n\n"
        "                Page 1 of 2\n\fMinistry of Transport — Bulletin No. 7\n\nagreed on new routes.\n"
        "                Page 2 of 2\n"
    )
    out = reflow(text)
    assert "Page" not in out and "\f" not in out
    assert "Bulletin No. 7" not in out
    assert "The minister said the sides also" in out and "agreed on new routes." in out


def test_a_numbered_list_keeps_one_item_a_line():
    lines = ["Following the talks, the ministers signed the documents listed below in the", "presence of:"]
    lines += ["1. An agreement on transit between the two countries and their railway", "   companies;"]
    lines += ["2. A protocol on customs."] + ["Filler prose that runs near the wrap width of the page, like so."] * 6
    out = reflow("\n".join(lines)).split("\n")
    assert out[1] == "1. An agreement on transit between the two countries and their railway companies;"
    assert out[2].startswith("2. A protocol on customs.")


def test_short_paragraphs_one_a_line_are_not_taken_for_a_hard_wrapped_text():
    lines = [
        "The ministers met in the capital on Monday.",
        "They agreed to build a new railway line through the mountains to the southern ports.",
        "Trade reached a record last year.",
        "Officials said the first trains could run within five years if financing is found in time.",
        "A second meeting is planned for June.",
        "The talks will then move to the question of customs posts along the new border crossings.",
        "No date was given.",
    ]
    text = "\n".join(lines)
    assert reflow(text) == text
