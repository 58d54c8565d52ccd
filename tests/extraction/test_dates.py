import datetime

import pytest

from archive.extraction.events.dates import find_dates, parse_date
from archive.extraction.records import Precision

WEDNESDAY = datetime.date(2025, 9, 10)
TUESDAY = datetime.date(2025, 9, 9)


@pytest.mark.parametrize("text, expected", [
    ("September 9, 2025", datetime.date(2025, 9, 9)),
    ("9 September 2025", datetime.date(2025, 9, 9)),
    ("September 10th, 2025", datetime.date(2025, 9, 10)),
    ("05 April 2024", datetime.date(2024, 4, 5)),
    ("Sept. 3rd 2023", datetime.date(2023, 9, 3)),
    ("1st of March, 2022", datetime.date(2022, 3, 1)),
    ("2021-11-30", datetime.date(2021, 11, 30)),
    ("Wednesday, 10 Sept. 2025", datetime.date(2025, 9, 10)),
])
def test_it_reads_full_dates_to_the_day(text, expected):
    date = parse_date(text)
    assert (date.value, date.precision) == (expected, Precision.DAY)


def test_it_reads_month_and_year_to_the_month():
    date = parse_date("December 1991")
    assert (date.value, date.precision) == (datetime.date(1991, 12, 1), Precision.MONTH)


def test_it_reads_a_year_to_the_year():
    date = parse_date("in 2015")
    assert (date.value, date.precision) == (datetime.date(2015, 1, 1), Precision.YEAR)


def test_it_takes_the_year_of_a_day_without_year_from_the_base():
    assert parse_date("on September 9", WEDNESDAY).value == datetime.date(2025, 9, 9)


def test_it_allows_a_day_without_year_a_few_days_after_the_base():
    assert parse_date("May 27", datetime.date(2025, 5, 20)).value == datetime.date(2025, 5, 27)


def test_it_puts_a_day_far_after_the_base_in_the_previous_year():
    assert parse_date("December 28", datetime.date(2026, 1, 3)).value == datetime.date(2025, 12, 28)


def test_it_gives_none_for_a_day_without_year_and_no_base():
    assert parse_date("on September 9") is None


def test_it_reads_a_coming_month_in_the_base_year():
    date = parse_date("in November", WEDNESDAY)
    assert (date.value, date.precision) == (datetime.date(2025, 11, 1), Precision.MONTH)


def test_it_reads_a_month_just_past_in_the_previous_year():
    assert parse_date("in December", datetime.date(2025, 1, 15)).value == datetime.date(2024, 12, 1)


def test_it_resolves_a_weekday_to_the_latest_one_before_the_base():
    assert parse_date("on Tuesday", WEDNESDAY).value == TUESDAY


def test_it_resolves_a_weekday_to_the_base_itself_when_it_is_that_day():
    assert parse_date("Tuesday", TUESDAY).value == TUESDAY


def test_it_reads_last_weekday_on_that_weekday_as_a_week_ago():
    assert parse_date("last Tuesday", TUESDAY).value == datetime.date(2025, 9, 2)


def test_it_ignores_the_part_of_the_day():
    assert parse_date("Saturday afternoon", WEDNESDAY).value == datetime.date(2025, 9, 6)


@pytest.mark.parametrize("text, days", [("yesterday", -1), ("today", 0), ("tomorrow", 1)])
def test_it_resolves_relative_days(text, days):
    assert parse_date(text, WEDNESDAY).value == WEDNESDAY + datetime.timedelta(days=days)


@pytest.mark.parametrize("text", ["last week", "earlier this week", "last weekend", "9 sec ago", "recently"])
def test_it_gives_none_when_no_day_is_named(text):
    assert parse_date(text, WEDNESDAY) is None


@pytest.mark.parametrize("text", ["on Tuesday", "yesterday", "in November"])
def test_it_gives_none_for_relative_forms_without_a_base(text):
    assert parse_date(text) is None


def test_it_does_not_guess_numeric_dates():
    assert parse_date("9/10/2025") is None


def test_it_finds_dates_in_a_sentence_with_offsets():
    sentence = "Ties began in December 1991, a visit followed in 2015 and talks were held on Tuesday."
    found = find_dates(sentence, WEDNESDAY)
    assert [sentence[a:b] for a, b, _ in found] == ["December 1991", "in 2015", "on Tuesday"]
    assert [d.value for _, _, d in found] == [datetime.date(1991, 12, 1), datetime.date(2015, 1, 1), TUESDAY]


def test_it_does_not_read_modal_may_or_verb_march_as_months():
    assert find_dates("This may help them march on in the coming years.", WEDNESDAY) == []


def test_it_keeps_a_full_date_as_one_match():
    found = find_dates("The deal was signed on 3 March 2024 in Geneva.", None)
    assert len(found) == 1 and found[0][2].value == datetime.date(2024, 3, 3)


def test_it_skips_relative_dates_in_a_sentence_without_base():
    assert find_dates("They met on Friday and again in May 2024.", None)[0][2].precision == Precision.MONTH
    assert len(find_dates("They met on Friday and again in May 2024.", None)) == 1


def test_it_does_not_read_fiscal_years_or_counts_as_dates():
    assert find_dates("The 2024-25 budget covers 37 projects in 12 provinces.", WEDNESDAY) == []


def test_a_full_date_followed_by_a_time_and_zone_is_read_without_the_fallback_parser(monkeypatch):
    from archive.extraction.events import dates

    def refuse(text):
        raise AssertionError(f"fallback parser called for {text!r}")

    monkeypatch.setattr(dates, "_dateparser_full_date", refuse)
    assert dates.parse_date("Mar 4, 2023 | 09:15 AM").value == datetime.date(2023, 3, 4)
    assert dates.parse_date("9 May 2023 18:00 (UTC+05:00)").value == datetime.date(2023, 5, 9)
