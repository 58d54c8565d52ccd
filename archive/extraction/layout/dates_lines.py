"""Publication dates in the forms news pages print them, found anywhere in a line.

`find_dates` returns every full date of a line (`17 June 2025, 10:24`, `2025-01-17 14:05`,
`12.03.2025`, `Jul 21, 2025 | 06:42 PM`, an ISO timestamp, `May 30th 2025`); the text of
each is read by dateparser, numeric forms day first (the day-month order of most of the
world's press). Relative forms (`2 days ago`, `Today, 11:20`) give no date: the page's
date is not the reader's. `partial_date` reads a day and month with no year (`May 21`,
`4 July`), which a year found elsewhere on the page may complete.

`date_line` says whether a whole line is a date line: a date and nothing else but times,
zones, weekdays, `Updated`/`Published` labels and relative clauses.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
FULL_DATE = re.compile(
    rf"\b(?:{_YEAR}/[01]\d/[0-3]\d|{_YEAR}-[01]\d-[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?\d\d)?)?"
    rf"|{_DAY}[./-][01]?\d[./-]{_YEAR}"
    rf"|{_DAY}\s+{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH}\s+{_DAY},?\s+{_YEAR})(?:\b|(?=[0-2]?\d:[0-5]\d))",  # `March 4, 20251:06 PM`: a copied page glues the time on
    re.I,
)
PARTIAL_DATE = re.compile(rf"\b(?:(?P<md>{_MONTH})\s+(?P<d1>{_DAY})|(?P<d2>{_DAY})\s+(?P<dm>{_MONTH}))(?![\w.,]*\s*\d)", re.I)
MONTH_NUMBERS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
NOISE = re.compile(
    r"\b(?:last\s+)?(?:updated?|published|posted|modified|first\s+published|date|time|on|at)\b\s*:?"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?"
    r"|\b[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?"
    r"|\(?\b(?:gmt|utc|ist|pkt|pst|est|edt|cet|cest|msk|ast|bst)\b\s*[+-]?\s*\d{0,2}(?::?\d\d)?\)?"
    r"|\b\d+\s+(?:sec|second|min|minute|hour|hr|day|week|month|year)s?\s+ago\b|\b(?:today|yesterday|just\s+now)\b"
    r"|[|/,–—·•-]+",
    re.I,
)
MAX_REST_WORDS = 0
GLUED_WORD = re.compile(r"(?<=\d)(?=[A-Z][a-z]{2})")
SETTINGS = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": datetime.datetime(2000, 1, 1)}


@dataclass(frozen=True)
class FoundDate:
    value: datetime.date
    start: int
    end: int


def find_dates(line: str) -> list[FoundDate]:
    found = []
    if "19" not in line and "20" not in line:
        return found  # every full date has its year, 19xx or 20xx
    for match in FULL_DATE.finditer(line):
        value = parse_full_date(match.group())
        if value:
            found.append(FoundDate(value, match.start(), match.end()))
    return found


@lru_cache(maxsize=4096)
def parse_full_date(text: str) -> datetime.date | None:
    """One full date expression read by dateparser; None when it is not a real date."""
    named = named_month_date(text)
    if named:
        return named
    iso = re.match(r"(\d{4})[-/](\d\d)[-/](\d\d)", text)
    if iso:  # the date as the page wrote it: a timestamp's zone must not move it to another day
        text = iso.group()
    import dateparser  # slow to import; only pages with a date line get here

    try:
        parsed = dateparser.parse(text, languages=["en"], settings=SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed else None


NAMED_MONTH_DATE = re.compile(
    rf"(?:(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}),?\s+|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),?\s+)(?P<year>{_YEAR})", re.I
)


def named_month_date(text: str) -> datetime.date | None:
    """`17 June 2025`, `Jul 21, 2025`: the most common forms, read without dateparser (which reads
    them the same, a hundred times slower); None when `text` is no such real date."""
    match = NAMED_MONTH_DATE.fullmatch(text)
    if not match:
        return None
    month = MONTH_NUMBERS[(match.group("m1") or match.group("m2")).lower()[:3]]
    day = int(re.match(r"\d+", match.group("d1") or match.group("d2")).group())
    try:
        return datetime.date(int(match.group("year")), month, day)
    except ValueError:
        return None


def partial_date(text: str) -> tuple[int, int] | None:
    """(month, day) of a date with no year, `May 21` / `4 July`, else None."""
    match = PARTIAL_DATE.search(text)
    if not match:
        return None
    month = (match.group("md") or match.group("dm")).lower().rstrip(".")[:3]
    day = int(re.match(r"\d+", match.group("d1") or match.group("d2")).group())
    return MONTH_NUMBERS[month], day


def date_line(line: str, allowed_rest_words: int = MAX_REST_WORDS) -> tuple[datetime.date, str] | None:
    """(date, what is left) when `line` is a date line; the rest may hold a few words (a name)."""
    line = GLUED_WORD.sub(" ", line)  # `GMT+5Updated` as copied from a page
    found = find_dates(line)
    if not found:
        return None
    rest = line[: found[0].start] + " " + line[found[0].end:]
    for extra in found[1:]:
        rest = rest.replace(line[extra.start:extra.end], " ")
    rest = " ".join(NOISE.sub(" ", rest).split())
    if len(rest.split()) > allowed_rest_words:
        return None
    return found[0].value, rest


RELATIVE_OR_TIME = re.compile(
    r"\b(?:\d+\s+(?:sec|second|min|minute|hour|hr|day|week|month|year)s?\s+ago|today|yesterday|just\s+now)\b"
    r"|\b[0-2]?\d:[0-5]\d\b",
    re.I,
)


def is_time_only(line: str) -> bool:
    """`Today, 11:20`, `Updated 9 sec ago`: a time with no date, read as nothing."""
    return bool(RELATIVE_OR_TIME.search(line)) and not NOISE.sub(" ", line).strip()


def partial_date_line(line: str) -> tuple[int, int] | None:
    """(month, day) of a date line with no year (`Thursday, March 13 | 10:41`), else None."""
    match = PARTIAL_DATE.search(line)
    if not match or FULL_DATE.search(line):
        return None
    rest = line[: match.start()] + " " + line[match.end():]
    return partial_date(match.group()) if not NOISE.sub(" ", rest).strip() else None
