import pytest

from archive.extraction.layout.bylines import byline_of, desk_byline, is_person_like
from archive.extraction.layout.outlets import copyright_outlet, follow_outlet, is_masthead, source_outlet


@pytest.mark.parametrize("line, outlet, year", [
    ("© 2031 The Aral Ledger", "The Aral Ledger", 2031),
    ("© Steppe Radio", "Steppe Radio", None),
    ("Copyright 2030-2031 Caspian Wire. All rights reserved.", "Caspian Wire", 2030),
    ("(c) Valley Post", "Valley Post", None),
])
def test_a_copyright_line_names_the_outlet(line, outlet, year):
    assert copyright_outlet(line) == (outlet, year)


@pytest.mark.parametrize("line, outlet", [
    ("Follow Steppe.news on Telegram", "Steppe.news"),
    ("Subscribe to Valley Post on Telegram", "Valley Post"),
    ("Follow Aralnews’s official Telegram and WhatsApp channels for daily updates.", "Aralnews"),
    ("You are receiving this email because you subscribed to Silk Road Weekly.", "Silk Road Weekly"),
])
def test_a_follow_or_subscribe_line_names_the_outlet(line, outlet):
    assert follow_outlet(line) == outlet


@pytest.mark.parametrize("line", ["Follow us on Twitter @Someone", "Join our WhatsApp channel"])
def test_follow_us_names_no_outlet(line):
    assert follow_outlet(line) is None


def test_a_source_line_from_a_page_names_its_site():
    assert source_outlet("Source: Caspian Wire") == "Caspian Wire"


@pytest.mark.parametrize("line", ["THE VALLEY TIMES", "The Aral Ledger Daily", "Steppe News", "Reuters"])
def test_a_masthead_carries_an_outlet_word_or_is_an_agency(line):
    assert is_masthead(line)


@pytest.mark.parametrize("line", ["Ministers meet in the capital", "Politics", "The talks went well."])
def test_a_headline_or_a_sentence_is_no_masthead(line):
    assert not is_masthead(line)


@pytest.mark.parametrize("line, byline, outlet", [
    ("By Jane Roe and John Doe", "Jane Roe and John Doe", None),
    ("By Jane Roe - 2 days ago", "Jane Roe", None),
    ("Author: Jane Roe", "Jane Roe", None),
    ("By RFE/RL's Kazakh Service", "RFE/RL's Kazakh Service", "RFE/RL"),
    ("By Aralnews", "Aralnews", "Aralnews"),
    ("(Reporting by Jane Roe in Almaty; Editing by John Doe)", "Jane Roe", None),
])
def test_it_reads_bylines_and_the_outlet_a_signature_names(line, byline, outlet):
    assert byline_of(line) == (byline, outlet)


def test_a_desk_signature_is_no_outlet():
    assert byline_of("By Agencies") == ("Agencies", None)


@pytest.mark.parametrize("line", ["Our Staff Reporter", "Staff Report", "Web Desk", "Our Correspondent"])
def test_a_desk_alone_on_a_line_is_a_byline(line):
    assert desk_byline(line) == line


def test_a_desk_is_never_a_person():
    assert not is_person_like("Staff Reporter") and not is_person_like("News Desk")
    assert is_person_like("Jane Roe")


def test_a_sentence_about_copyright_is_no_copyright_line():
    assert copyright_outlet("Copyright law was changed.") is None


def test_a_sentence_with_follow_in_it_names_no_outlet():
    assert follow_outlet("He said, join Pakistan on its path to growth.") is None


@pytest.mark.parametrize("line, credits", [
    ("(Reporting by Aigul Serikova in Bishkek and Omar Latif; Writing by Omar Latif; Editing by Jane Roe)",
     [("Aigul Serikova", "reporter"), ("Omar Latif", "reporter"), ("Omar Latif", "writer"), ("Jane Roe", "editor")]),
    ("Editor: Li Wen | 2031-03-03 10:00:00", [("Li Wen", "editor")]),
    ("Additional reporting by Sara Holm, compiled by Ivan Petrov", [("Sara Holm", "reporter"), ("Ivan Petrov", "compiler")]),
    ("The accord was signed by Aigul Serikova and Omar Latif.", []),
])
def test_a_credit_line_names_each_person_with_what_they_did(line, credits):
    from archive.extraction.layout.bylines import credits_of

    assert credits_of(line) == credits


def test_a_byline_of_several_names_is_each_name_and_one_name_is_not_split():
    from archive.extraction.layout.bylines import byline_names

    assert byline_names("Aigul Serikova and Omar Latif") == ["Aigul Serikova", "Omar Latif"]
    assert byline_names("Aigul Serikova, Omar Latif and Jane Roe") == ["Aigul Serikova", "Omar Latif", "Jane Roe"]
    assert byline_names("Aigul Serikova") == []
    assert byline_names("Staff and Agencies") == []
