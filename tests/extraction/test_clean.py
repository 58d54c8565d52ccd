import pytest

from archive.extraction.layout import clean
from archive.extraction.layout.clean import clean_text, repair_hyphenation


@pytest.mark.parametrize("broken, repaired", [
    ("Uzbe-k--i-s-tan", "Uzbekistan"),
    ("Isla-m-abad", "Islamabad"),
    ("Pak-istan", "Pakistan"),
    ("Argen-t--i-na", "Argentina"),
    ("Ethio-pia", "Ethiopia"),
    ("Nige-r-ia", "Nigeria"),
])
def test_it_repairs_hyphenation_inside_country_and_city_names(broken, repaired):
    assert repair_hyphenation(broken) == repaired


@pytest.mark.parametrize("broken, repaired", [
    ("Se---c-r-e-tary", "Secretary"), ("throu--gh", "through"), ("parlia--ment", "parliament"),
    ("stren-gth--en", "strengthen"), ("wi--thout", "without"),
])
def test_it_treats_runs_of_hyphens_inside_a_word_as_noise(broken, repaired):
    assert repair_hyphenation(broken) == repaired


@pytest.mark.parametrize("broken, repaired", [
    ("communicat-i-ons", "communications"), ("comme-r-ce", "commerce"), ("Bru-s-sels", "Brussels"),
])
def test_it_treats_one_letter_fragments_as_noise(broken, repaired):
    assert repair_hyphenation(broken) == repaired


@pytest.mark.parametrize("broken, repaired", [
    ("Agree-ment", "Agreement"), ("gro-ups", "groups"), ("Inte-gra-tion", "Integration"),
    ("Govern-ment", "Government"), ("nego-tia-tions", "negotiations"), ("dip-lomats", "diplomats"),
    ("sanc-tions", "sanctions"), ("Presi-dent", "President"), ("secu-rity", "security"),
])
def test_it_joins_fragments_that_form_a_common_word(broken, repaired):
    assert repair_hyphenation(broken) == repaired


def test_it_joins_a_name_the_text_also_spells_unhyphenated():
    text = "Mr Okonk-wo’s team arrived. Later Mr Okonkwo spoke."
    assert repair_hyphenation(text) == "Mr Okonkwo’s team arrived. Later Mr Okonkwo spoke."


def test_it_repairs_the_broken_half_of_a_real_compound():
    assert repair_hyphenation("a Kazakh-Pak-istani consortium") == "a Kazakh-Pakistani consortium"
    assert repair_hyphenation("the Ghana-Ni-ge-ria road") == "the Ghana-Nigeria road"


@pytest.mark.parametrize("word", [
    "Kassym-Jomart", "China-Pakistan", "Franco-German", "Abu-Dhabi", "non-NATO", "pro-EU", "mid-September",
    "people-to-people", "mother-in-law", "two-and-a-half", "rock-n-roll", "high-level", "two-day",
    "cross-border", "long-term", "off-dock", "co-chaired", "well-being", "e-mail", "state-owned",
    "China-centric", "delegation-level", "vice-chancellor", "re-elected", "follow-up", "de-escalation",
    "trans-Caspian", "counter-terrorism", "co-operation", "build-operate-transfer", "x-ray",
])
def test_it_keeps_real_hyphenated_compounds(word):
    assert repair_hyphenation(f"a {word} thing") == f"a {word} thing"


@pytest.mark.parametrize("text", ["2024-25", "12-member", "Post-2021", "F-16", "COVID-19"])
def test_it_never_touches_hyphens_next_to_digits(text):
    assert repair_hyphenation(text) == text


def test_it_keeps_non_ascii_hyphens():
    assert repair_hyphenation("long\u2011simmering") == "long\u2011simmering"


def test_it_keeps_a_double_hyphen_used_as_a_dash_between_words():
    assert repair_hyphenation("the plan--which failed") == "the plan--which failed"


def test_it_normalizes_whitespace_but_keeps_every_line():
    assert clean_text("Title\n\n\n\n\nFollow\n  • a   bullet \t\nBody") == "Title\n\n\nFollow\n• a bullet\nBody"


@pytest.mark.parametrize("line", [
    "Short Url", "Follow", "Follow us", "Share this article", "Advertisement", "Read more",
    "Join our Whatsapp channel", "Follow us on Twitter", "Join our Telegram channel for updates",
    "https://twitter.com/intent https://www.facebook.com/some.reporter", "@newsdesk", "www.example.com/story",
])
def test_it_recognises_boilerplate_lines(line):
    assert clean.is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Follow the money, the minister said, and you will find the culprits.",
    "Join talks were held on Monday.", "Share prices rose 3% on Friday.",
])
def test_it_does_not_take_body_text_for_boilerplate(line):
    assert not clean.is_boilerplate(line)


@pytest.mark.parametrize("line, when", [
    ("Updated 05 April 2024", "05 April 2024"), ("Updated 9 sec ago", "9 sec ago"),
    ("Last updated: March 3, 2024 10:15 am", "March 3, 2024 10:15 am"), ("Published 2 hours ago", "2 hours ago"),
])
def test_it_reads_timestamp_lines(line, when):
    assert clean.timestamp_of(line) == when


def test_it_does_not_take_a_sentence_starting_with_updated_for_a_timestamp():
    assert clean.timestamp_of("Updated guidelines were issued by the ministry") is None


def test_it_reads_a_published_in_line():
    assert clean.published_in("Published in The Herald, March 3rd, 2024") == ("The Herald", "March 3rd, 2024")


@pytest.mark.parametrize("line", [
    "The foreign minister (right) greets his counterpart in Nairobi on June 2, 2023. (@mfa_kenya/X)",
    "Delegates pose for a photo in Tashkent on Monday. (AFP)",
    "Workers load containers at the port. (Reuters/File)",
])
def test_it_recognises_photo_captions_by_their_credit(line):
    assert clean.is_caption(line)


def test_it_does_not_take_a_paragraph_ending_in_an_acronym_for_a_caption():
    assert not clean.is_caption("The deal falls under the Economic Partnership Agreement (EPA).")


def test_it_reads_bylines():
    assert clean.byline_of("By Amina Yusuf") == ("Amina Yusuf", None)
    assert clean.byline_of("By Amina Yusuf, The Coast Herald") == ("Amina Yusuf", "The Coast Herald")
    assert clean.byline_of("By contrast, exports fell") is None


def test_it_splits_a_closing_agency_credit_from_a_paragraph():
    assert clean.split_agency_trailer("and beyond. –Agencies") == ("and beyond.", "Agencies")
    assert clean.split_agency_trailer("he said.” — Reuters") == ("he said.”", "Reuters")
    assert clean.split_agency_trailer("a well-known case") == ("a well-known case", None)


def test_it_tells_headlines_from_sentences():
    assert clean.is_headline_like("Kenya, Ghana agree to double trade by 2030")
    assert not clean.is_headline_like("Kenya and Ghana agreed on Monday to double trade.")
    assert not clean.is_headline_like("Updated 3 min ago")


@pytest.mark.parametrize("compound", ["Qasr-e-Millat", "Jammu-o-Kashmir"])
def test_a_linking_letter_between_two_names_keeps_its_hyphens(compound):
    assert repair_hyphenation(compound) == compound
