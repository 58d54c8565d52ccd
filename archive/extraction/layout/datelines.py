"""Datelines: the place (and often date and agency) a story opens with, in the wire forms.

    ISLAMABAD: / ISLAMABAD - / ASTANA – …
    ANKARA, March 9 (Xinhua) -- / TERMEZ, Uzbekistan, July 14 (Reuters) -
    GANJA, Azerbaijan, October 2. /TREND/ … / ALMATY, May 8. /TASS/. …
    KHUJAND, 11.02.2031 /Steppe Wire/ -- / ASTANA. KAZINFORM – / OSH (AKIpress) -
    Osh (Toolor.kg) - / Khujand, Sep 3, 2031 (Xinhua) --

An upper-case place needs only the closing mark; a place in title case must be a known
city or carry a date or an agency tag, so that "Officials said: …" is no dateline.
`line_dateline` reads a dateline printed on a line of its own in the header
(`Islamabad`, `Tashkent, 27 January 2025`, `Baku, Azerbaijan, 4 July`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon
from ..lexicon.media import AGENCIES
from . import dates_lines

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WHEN = (
    rf"(?P<when>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})"
)
_CAPS_PLACE = r"(?P<caps>[A-Z][A-Z'’/-]+(?:\s[A-Z][A-Z'’/-]+){0,3})"
_TITLE_PLACE = r"(?P<title>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2})"
_REGION = r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?))?"
_TAG = (
    r"(?:\s*\((?P<paren>[^()\n]{2,40})\)"
    r"|\s*/(?P<slash>[^/\n]{2,30})/\.?"
    r"|\.\s+(?P<caps_tag>[A-Z][A-Z-]{2,}(?:\s[A-Z][A-Z-]{2,})?)(?=\s*(?:[–—:]|--?)\s))?"
)
_CLOSE = r"(?:\s*(?::|[—–]|--?)\s+|(?<=/)\s+|(?<=/\.)\s+|(?P<bare>(?<=\))\.?\s+)|(?P<dotted>(?<=\.)\s+))"
DATELINE = re.compile(
    rf"^(?:{_CAPS_PLACE}|{_TITLE_PLACE}){_REGION}(?:\s*,\s*{_WHEN}\.?)?{_TAG}{_CLOSE}(?=\S)"
)
LINE_DATELINE = re.compile(
    rf"^(?:{_CAPS_PLACE}|{_TITLE_PLACE}){_REGION}(?:\s*,\s*(?P<rest>.+?))?(?P<close>\s*(?::|[—–]|--?))?\.?$"
)
NOT_PLACES = frozenset({
    "PM", "UN", "EU", "US", "UK", "THE", "BY", "NOTE", "UPDATE", "UPDATES", "PHOTO", "VIDEO", "EDITOR", "BREAKING",
    "EXCLUSIVE", "WATCH", "LIVE", "OPINION", "ANALYSIS", "EDITORIAL", "COMMENT", "SOURCE", "SOURCES", "READ", "ALSO", "NEWS",
    "RELATED", "MORE", "ADVERTISEMENT", "SPONSORED", "PRESS", "RELEASE", "STATEMENT", "FACTBOX", "EXPLAINER",
})


@dataclass(frozen=True)
class Dateline:
    place: str  # as printed, upper case: "ISLAMABAD"
    agency: str | None = None  # the outlet tag: "Xinhua", "TREND"
    when: str | None = None  # the date as printed, often without a year: "May 21"
    end: int = 0  # offset where the story text starts after the dateline


def read_dateline(paragraph: str) -> Dateline | None:
    """The dateline a paragraph opens with, or None."""
    match = DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("caps") or match.group("title")
    region = match.group("region")
    if region and not _is_region(region):
        return None
    agency = next((match.group(g) for g in ("paren", "slash", "caps_tag") if match.group(g)), None)
    if match.group("caps"):
        if any(word in NOT_PLACES for word in place.split()) or len(place.replace(".", "")) < 3:
            return None
    elif not (_is_known_place(place) or match.group("when") or agency):
        return None
    if agency and not _is_agency_tag(agency):
        return None
    if match.group("dotted") is not None and not match.group("when"):
        return None  # `Tashkent, 5 September 2031. The …`, but not `Officials. The …`
    if match.group("bare") is not None and not (match.group("caps") or _is_known_place(place)):
        return None  # `Tashkent, 5 September (UzA). The …`, but not `Nurlanov (L) and …`
    return Dateline(place.upper(), agency.strip() if agency else None, match.group("when"), match.end())


def line_dateline(line: str) -> Dateline | None:
    """A header line that is only a place, with its country or a date: `Tashkent, 27 January 2025`."""
    match = LINE_DATELINE.match(line.strip())
    if not match:
        return None
    place = match.group("caps") or match.group("title")
    region, rest = match.group("region"), match.group("rest")
    if region and not _is_region(region):
        return None
    wire_opening = bool(match.group("caps") and match.group("close") and not set(place.split()) & NOT_PLACES)
    if not (_is_known_place(place) or wire_opening):  # `ISLAMABAD:` alone above the first paragraph
        return None
    if rest and not (dates_lines.find_dates(rest) or dates_lines.partial_date(rest)):
        return None
    if rest and len(rest.split()) > 4:
        return None
    return Dateline(place.upper(), None, rest, len(line))


def _is_known_place(place: str) -> bool:
    key = lexicon.lookup_key(place)
    return key in lexicon.CITIES or key in lexicon.PROVINCES


def _is_region(text: str) -> bool:
    key = lexicon.lookup_key(text)
    return bool(lexicon.country_of(text)) or key in lexicon.PROVINCES or key in lexicon.REGIONS


def _is_agency_tag(tag: str) -> bool:
    """`(Reuters)`, `/TREND/`, `(Toolor.kg)`; not a parenthesised aside or a date."""
    words = tag.split()
    if not 1 <= len(words) <= 4 or dates_lines.find_dates(tag):
        return False
    if tag[:1].islower():  # `(dpa)`, `(kg.wire)`, but not `(pictured)`
        return lexicon.lookup_key(tag) in AGENCIES or (len(words) == 1 and bool(re.search(r"[.\d]", tag)))
    return True
