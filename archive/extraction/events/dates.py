"""Dates as news text writes them, read into FuzzyDate with their precision.

    parse_date("September 10th, 2025", None)          -> 2025-09-10 (day)
    parse_date("on Tuesday", date(2025, 9, 10))       -> 2025-09-09 (day)
    parse_date("in November", date(2025, 9, 10))      -> 2025-11-01 (month)
    find_dates(sentence, base) -> [(start, end, FuzzyDate), ...]

Small regexes do the work, so behaviour is deterministic; dateparser is only a
fallback for full dates in unusual spellings (`9/10/2025` is never guessed).
Relative forms need `base` (the publication date); without it they give None, and
so do forms that name no day or month (`last week`, `earlier this week`).
"""
from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable

from ..records import FuzzyDate, Precision

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
FUTURE_GRACE = datetime.timedelta(days=7)  # "on May 27" in an article of May 20 is this year's

MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
MONTH_CONTEXT = r"(?:(?:in|by|since|until|till|from|during|before|after|through|early|late|mid-?|of|next|last|this|coming)\s+)"
YEAR_CONTEXT = r"(?:(?:in|by|since|until|till|from|during|before|after|through|early|late|mid-?)\s+)"

PATTERNS: list[tuple[str, str]] = [
    ("day_month_year", rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b"),
    ("month_day_year", rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b"),
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("month_year", rf"\b{MONTH},?\s+{YEAR}\b"),
    ("month_day", rf"\b{MONTH}\s+{DAY}\b(?!,?\s*\d)"),
    ("day_month", rf"\b{DAY}\s+(?:of\s+)?{MONTH}\b"),
    ("weekday", rf"\b(?:(?:on|last|this|past)\s+)?{WEEKDAY}{PART_OF_DAY}\b"),
    ("relative_day", r"\b(?P<rel>yesterday|today|tomorrow)\b"),
    ("month", rf"\b{MONTH_CONTEXT}{MONTH}\b"),
    ("year", rf"\b{YEAR_CONTEXT}{YEAR}\b(?![-–/]\d)"),
]
COMPILED = [(kind, re.compile(pattern, re.I)) for kind, pattern in PATTERNS]
# What each pattern cannot match without: a sentence lacking it skips the pattern's (slower) scan.
# Word hints are tested in the lower-cased sentence (a substring test is much faster than a
# case-insensitive scan).
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")  # of every MONTHS key
_DAY_WORDS = ("day", "tomorrow")  # weekdays, today, yesterday
_DIGIT_HINT = re.compile(r"\d")
HINTS = {"day_month_year": "month", "month_day_year": "month", "iso": "digit", "month_year": "month",
         "month_day": "month", "day_month": "month", "weekday": "day", "relative_day": "day",
         "month": "month", "year": "digit"}
BARE_FORMS = [(kind, re.compile(rf"^\s*(?:on\s+|in\s+)?(?:{pattern})\s*\.?\s*$", re.I)) for kind, pattern in PATTERNS]
BARE_MONTH = re.compile(rf"^\s*(?:in\s+|of\s+)?{MONTH}\s*$", re.I)
BARE_YEAR = re.compile(rf"^\s*(?:in\s+)?{YEAR}\s*$", re.I)
AMBIGUOUS_MONTHS = {"may", "mar", "jun", "jan", "dec"}  # also ordinary words or names


def parse_date(text: str, base: datetime.date | None = None) -> FuzzyDate | None:
    """Read one date expression (the whole of `text`), or None."""
    for kind, pattern in BARE_FORMS:
        match = pattern.match(text)
        if match:
            return _build(kind, match, base, text.strip())
    match = BARE_MONTH.match(text)
    if match and match.group("month").lower() not in AMBIGUOUS_MONTHS:
        return _build("month", match, base, text.strip())
    match = BARE_YEAR.match(text)
    if match:
        return _build("year", match, base, text.strip())
    return _full_date_then_time(text) or _dateparser_full_date(text)


# What may follow a full date in a date line: a time, a zone, separators ("| 06:42 PM", "08:15 (UTC+05:00)").
_TIME_TAIL = re.compile(r"[\s,|/\-\u2013\u2014]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?|"
                        r"\(?(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?\)?|\(?(?:UTC|GMT|[A-Z]{2,4}T)\)?|[\s,|/\-\u2013\u2014])*$")
_FULL_FORMS = [(kind, re.compile(rf"^\s*(?:{pattern})", re.I)) for kind, pattern in PATTERNS
               if kind in ("day_month_year", "month_day_year", "iso")]


def _full_date_then_time(text: str) -> FuzzyDate | None:
    """A full date followed only by a time or a zone: read without dateparser, which is slow."""
    for kind, pattern in _FULL_FORMS:
        match = pattern.match(text)
        if match and _TIME_TAIL.match(text, match.end()):
            return _build(kind, match, None, text.strip())
    return None


def find_dates(sentence: str, base: datetime.date | None = None) -> list[tuple[int, int, FuzzyDate]]:
    """Every date expression of a sentence that can be resolved, as (start, end, date)."""
    taken: list[tuple[int, int]] = []
    found = []
    low = sentence.lower()
    hinted = {"month": any(stem in low for stem in _MONTH_STEMS), "digit": bool(_DIGIT_HINT.search(sentence)),
              "day": any(word in low for word in _DAY_WORDS)}
    for kind, pattern in COMPILED:
        if not hinted[HINTS[kind]]:
            continue
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            if "month" in match.groupdict() and not match.group("month")[:1].isupper():
                continue  # "this may", "to march": month names in news are capitalised
            taken.append((start, end))  # an unresolvable form still hides its parts
            date = _build(kind, match, base, match.group())
            if date:
                found.append((start, end, date))
    return sorted(found, key=lambda item: item[0])


def _build(kind: str, match: re.Match, base: datetime.date | None, text: str) -> FuzzyDate | None:
    return BUILDERS[kind](match, base, text)


def _full(match, base, text):
    return _day(int(match.group("year")), _month(match), int(match.group("day")), text)


def _month_year(match, base, text):
    return FuzzyDate(datetime.date(int(match.group("year")), _month(match), 1), Precision.MONTH, text)


def _year(match, base, text):
    return FuzzyDate(datetime.date(int(match.group("year")), 1, 1), Precision.YEAR, text)


def _day_no_year(match, base, text):
    if base is None:
        return None
    month, day = _month(match), int(match.group("day"))
    candidates = [_safe_date(year, month, day) for year in (base.year + 1, base.year, base.year - 1)]
    candidates = [c for c in candidates if c and c <= base + FUTURE_GRACE]
    if not candidates:
        return None
    return FuzzyDate(min(candidates, key=lambda c: abs(c - base)), Precision.DAY, text)


def _month_only(match, base, text):
    """The nearest such month to `base`; a tie goes to the future ("in November")."""
    if base is None:
        return None
    month = _month(match)
    options = [datetime.date(base.year + k, month, 1) for k in (0, 1, -1)]
    base_index = base.year * 12 + base.month
    best = min(options, key=lambda d: (abs(d.year * 12 + d.month - base_index), d < base.replace(day=1)))
    return FuzzyDate(best, Precision.MONTH, text)


def _weekday(match, base, text):
    """The latest such weekday on or before `base` (base itself when it matches).

    dateparser's PREFER_DATES_FROM=past gives the week before when base is that weekday.
    """
    if base is None:
        return None
    back = (base.weekday() - WEEKDAYS[match.group("weekday").lower()]) % 7
    if back == 0 and re.match(r"(?:last|past)\b", text, re.I):
        back = 7  # "last Tuesday" written on a Tuesday is a week ago
    return FuzzyDate(base - datetime.timedelta(days=back), Precision.DAY, text)


def _relative_day(match, base, text):
    if base is None:
        return None
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[match.group("rel").lower()]
    return FuzzyDate(base + datetime.timedelta(days=shift), Precision.DAY, text)


BUILDERS: dict[str, Callable[[re.Match, datetime.date | None, str], FuzzyDate | None]] = {
    "day_month_year": _full, "month_day_year": _full, "iso": _full, "month_year": _month_year,
    "month_day": _day_no_year, "day_month": _day_no_year, "weekday": _weekday,
    "relative_day": _relative_day, "month": _month_only, "year": _year,
}


def _month(match: re.Match) -> int:
    value = match.group("month").lower().rstrip(".")
    return int(value) if value.isdigit() else MONTHS[value]


def _day(year: int, month: int, day: int, text: str) -> FuzzyDate | None:
    date = _safe_date(year, month, day)
    return FuzzyDate(date, Precision.DAY, text) if date else None


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _dateparser_full_date(text: str) -> FuzzyDate | None:
    """Full dates in spellings the regexes miss ("Wednesday, 10 Sept. 2025"); day, month and year required."""
    if not re.search(r"\b(?:1[89]|20)\d\d\b", text) or not re.search(r"[A-Za-z]{3}", text):
        return None  # numeric-only dates are ambiguous (9/10/2025); don't let dateparser guess
    import dateparser  # slow to import; most calls never get here

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False, "RELATIVE_BASE": datetime.datetime(2000, 1, 1)}
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return FuzzyDate(parsed.date(), Precision.DAY, text.strip()) if parsed else None
