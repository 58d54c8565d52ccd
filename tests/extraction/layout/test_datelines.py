import pytest

from archive.extraction.layout.datelines import line_dateline, read_dateline


@pytest.mark.parametrize("opening, place, agency, when", [
    ("ISLAMABAD: The talks", "ISLAMABAD", None, None),
    ("KARACHI - The talks", "KARACHI", None, None),
    ("ALMATY – The talks", "ALMATY", None, None),
    ("KABUL, Dec. 4 (Xinhua) -- The talks", "KABUL", "Xinhua", "Dec. 4"),
    ("TEHRAN, Iran, April 3 (Reuters) - The talks", "TEHRAN", "Reuters", "April 3"),
    ("YEREVAN, Armenia, July 4. /TREND/ The talks", "YEREVAN", "TREND", "July 4"),
    ("MOSCOW, June 17. /TASS/. The talks", "MOSCOW", "TASS", "June 17"),
    ("KHUJAND, 12.03.2031 /Local-Wire/ -- The talks", "KHUJAND", "Local-Wire", "12.03.2031"),
    ("SHYMKENT. KAZINFORM – The talks", "SHYMKENT", "KAZINFORM", None),
    ("OSH (AKIpress) - The talks", "OSH", "AKIpress", None),
    ("Bishkek (kg.wire) - The talks", "BISHKEK", "kg.wire", None),
    ("Herat, Aug 21, 2031 (Xinhua) -- The talks", "HERAT", "Xinhua", "Aug 21, 2031"),
])
def test_it_reads_the_wire_forms_of_a_dateline(opening, place, agency, when):
    found = read_dateline(opening)
    assert (found.place, found.agency, found.when) == (place, agency, when)
    assert opening[found.end:] == "The talks"


@pytest.mark.parametrize("opening", [
    "Officials said: the talks went well.",
    "PM Sharif - the talks went well.",
    "BREAKING NEWS: the talks went well.",
    "Kazakh officials - who asked not to be named - said so.",
    "The minister (pictured) said the talks went well.",
])
def test_ordinary_sentences_are_no_datelines(opening):
    assert read_dateline(opening) is None


@pytest.mark.parametrize("line, place, when", [
    ("Karachi", "KARACHI", None),
    ("Samarkand, 5 September 2031", "SAMARKAND", "5 September 2031"),
    ("Tbilisi, Georgia, 4 July", "TBILISI", "4 July"),
    ("New Delhi", "NEW DELHI", None),
])
def test_a_lone_header_line_with_a_known_place_is_a_dateline(line, place, when):
    found = line_dateline(line)
    assert (found.place, found.when) == (place, when)


@pytest.mark.parametrize("line", ["Politics", "Central Asia", "Jane Roe", "Karachi is a port city"])
def test_other_short_lines_are_not_lone_datelines(line):
    assert line_dateline(line) is None


@pytest.mark.parametrize("opening, place, agency", [
    ("Tashkent, 5 September (UzA). The talks", "TASHKENT", "UzA"),
    ("Bishkek, 12 March /Kabar/. The talks", "BISHKEK", "Kabar"),
    ("KARACHI/ISLAMABAD: The talks", "KARACHI/ISLAMABAD", None),
])
def test_more_wire_forms(opening, place, agency):
    found = read_dateline(opening)
    assert (found.place, found.agency, opening[found.end:]) == (place, agency, "The talks")


def test_a_name_with_a_parenthesised_letter_is_no_dateline():
    assert read_dateline("Aliyev (L) and Tokayev met in the capital.") is None


def test_a_dateline_with_a_full_date_may_close_with_a_period():
    found = read_dateline("Samarkand, 5 September 2031. The talks")
    assert (found.place, found.when) == ("SAMARKAND", "5 September 2031")
    assert read_dateline("Officials. The talks") is None
