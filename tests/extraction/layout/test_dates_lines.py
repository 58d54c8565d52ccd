import datetime

import pytest

from archive.extraction.layout.dates_lines import (SETTINGS, date_line, find_dates, is_time_only, named_month_date,
                                                   partial_date)

D = datetime.date


@pytest.mark.parametrize("line, expected", [
    ("17 June 2031, 10:24", D(2031, 6, 17)),
    ("2031-01-17 14:05", D(2031, 1, 17)),
    ("12.03.2031", D(2031, 3, 12)),
    ("27/12/2031", D(2031, 12, 27)),
    ("Last updated: Jul 21, 2031 | 06:42 PM", D(2031, 7, 21)),
    ("Mar 3, 2031 10:41 AM GMT+5", D(2031, 3, 3)),
    ("2031-06-18T23:15:00-05:00", D(2031, 6, 18)),
    ("Sun, 18 Aug 2031", D(2031, 8, 18)),
    ("09 SEP 2031, 14:05", D(2031, 9, 9)),
    ("Published: 4 July 2031 08:15 (UTC+05:00)", D(2031, 7, 4)),
    ("ECONOMY | 08:05 / 27.01.2031", D(2031, 1, 27)),
    ("April 3, 2031 7:12 PM GMT+5 Updated 3 hours ago", D(2031, 4, 3)),
])
def test_it_reads_a_date_line_in_the_common_forms(line, expected):
    found = date_line(line, allowed_rest_words=1)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text", [
    "17 June 2031", "1st March 2032", "05 sept. 2031", "Jul 21, 2031", "SEPTEMBER 30 2031", "Feb 29, 2032",
    "December 31st, 1999", "may 2nd 2031", "31 Jan. 2030",
])
def test_a_named_month_date_reads_as_dateparser_reads_it(text):
    import dateparser

    assert named_month_date(text) == dateparser.parse(text, languages=["en"], settings=SETTINGS).date()


@pytest.mark.parametrize("text", ["31 April 2031", "Feb 29, 2031", "0 May 2031", "2031-04-17", "12.03.2031"])
def test_a_date_that_is_not_real_or_not_named_is_left_to_dateparser(text):
    assert named_month_date(text) is None


def test_an_iso_timestamp_keeps_the_day_the_page_wrote_whatever_its_zone():
    assert find_dates("2031-06-18T23:15:00-05:00")[0].value == D(2031, 6, 18)


@pytest.mark.parametrize("line", ["2 days ago", "Updated 9 sec ago", "Today, 11:20", "Yesterday"])
def test_a_relative_date_gives_no_date(line):
    assert date_line(line) is None


def test_a_time_with_no_date_is_recognised_as_such():
    assert is_time_only("Today, 11:20") and is_time_only("Updated 9 sec ago")
    assert not is_time_only("Talks resume today in the capital")


def test_a_sentence_with_a_date_is_not_a_date_line():
    assert date_line("The ministers met on 12 May 2031 in the capital.") is None


def test_a_signature_beside_the_date_is_left_over_for_the_byline():
    assert date_line("Jane Roe Sep 30, 2031", allowed_rest_words=3) == (D(2031, 9, 30), "Jane Roe")


def test_an_impossible_date_is_no_date():
    assert find_dates("31.02.2031") == []


@pytest.mark.parametrize("text, expected", [("May 21", (5, 21)), ("4 July", (7, 4)), ("Dec. 4", (12, 4))])
def test_a_day_and_month_without_a_year_is_a_partial_date(text, expected):
    assert partial_date(text) == expected


def test_a_full_date_is_not_partial():
    assert partial_date("May 21, 2031") is None


def test_a_date_line_without_a_year_is_read_as_day_and_month():
    from archive.extraction.layout.dates_lines import partial_date_line

    assert partial_date_line("Thursday, March 13 | 10:41") == (3, 13)
    assert partial_date_line("Talks resume on March 13") is None
    assert partial_date_line("March 13, 2031") is None
