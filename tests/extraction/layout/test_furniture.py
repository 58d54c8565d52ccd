import pytest

from archive.extraction.layout.furniture import (
    is_furniture, is_related_marker, is_section_label, menu_cells,
)


@pytest.mark.parametrize("line", [
    "Tags: trade, transit, railways", "2 min read", "1184", "views: 1,247", "Print",
    "Home > World > Asia", "KZT/USD = 0.00211 +0.12%", "—— ✦ ——", "View this email in your browser",
    "Unsubscribe | Update your preferences", "IN THIS ISSUE", "Photo: press service",
    "Read also: Ministers to meet again in May", "Today, 11:20",
])
def test_page_furniture_is_recognised(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "The ministers met in the capital.", "Trade talks resume", "12 May 2031", "Print media law passed by parliament",
])
def test_story_text_and_date_lines_are_not_furniture(line):
    assert not is_furniture(line)


@pytest.mark.parametrize("line", ["Related", "Related News", "Read also", "READ MORE:", "See also"])
def test_related_markers(line):
    assert is_related_marker(line)


def test_a_sentence_about_related_matters_is_no_marker():
    assert not is_related_marker("Related talks will follow in May.")


@pytest.mark.parametrize("line", ["Politics", "Central Asia | Diplomacy", "WORLD / ASIA", "Business & Economy"])
def test_section_labels(line):
    assert is_section_label(line)


def test_a_headline_is_no_section_label():
    assert not is_section_label("Ministers sign trade deal")


def test_menu_cells_split_a_furniture_strip_and_refuse_prose():
    assert menu_cells("Caspian Wire | Almaty | Last Updated : Jun 06 2031") == [
        "Caspian Wire", "Almaty", "Last Updated : Jun 06 2031"]
    assert menu_cells("A single line of prose") is None
