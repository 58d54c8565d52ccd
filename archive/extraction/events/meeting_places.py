"""Where a meeting took place: a city its clause names ("in Bishkek", "during the visit to Kabul",
"the Kazakh capital", the city in a venue's name), the city of the visit the article's lead
reports, the place of the summit on whose sidelines it was held; the dateline is the last resort
(see `meetings.finish`), never for talks the text puts abroad.
"""

from __future__ import annotations

import re

from ..layout.sentences import Sentence
from ..lexicon.events import TIME_SHIFT_MARKERS, capital_of
from ..lexicon.geography import CITIES, REGIONS
from .mentions import ArticleMentions, country_of_word
from .occasions import MIN_GROUP

_I = re.IGNORECASE
_SHIFTED = re.compile(TIME_SHIFT_MARKERS, _I)

_PLACE = re.compile(r"\b(?:in|at|(?:visit|trip)\s+to)\s+(?:the\s+)?(?P<place>[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+){0,2})"
                    r"(?P<country>,\s+[A-Z][\w-]+)?")


SIDELINES = re.compile(r"\bsidelines\b", _I)


_CAPITAL = re.compile(r"\bthe\s+(?P<dem>[A-Z][\w-]+)\s+capital\b")


_VISIT = re.compile(r"\b(?:(?:visit|trip)\s+to|arrived\s+in|arrives\s+in|is\s+in|(?:talks|negotiations)\s+in)\s+(?:the\s+)?(?P<place>[A-Z][\w-]+"
                    r"(?:\s+[A-Z][\w-]+)?)")


_LEAD_SENTENCES = 4


def visit_city(sentences: list[Sentence]) -> str | None:
    """The city of the visit the article's lead reports ("during a three-day trip to Osh by ...",
    "arrived in Termez on Friday", "agreed ... during talks in Khujand"), not one told as past
    ("his visit to X last year")."""
    for sent in sentences[:_LEAD_SENTENCES]:
        if _SHIFTED.search(sent.text):
            continue
        for m in _VISIT.finditer(sent.text):
            words = m.group("place").split()
            for n in range(len(words), 0, -1):
                if " ".join(words[:n]).lower() in CITIES:
                    return " ".join(words[:n])
    return None


def place_of_sidelines(drafts: list) -> None:
    """Talks "on the sidelines of" a gathering are where the gathering is: the place of the
    article's meeting of three or more, when there is one place for them."""
    places = {d.location for d in drafts if len(d.participants) >= MIN_GROUP and d.location}
    if len(places) != 1:
        return
    for draft in drafts:
        if not draft.location and any(SIDELINES.search(e.sentence) for e in draft.evidence):
            draft.location = next(iter(places))
            draft.foreign_venue = False


def one_place(drafts: list) -> str | None:
    """The one city the article's meetings are told at ("concluded talks in Tashkent" ... "he was
    also received by the president"), when all that name one name the same (a gathering told as
    another time, "last year, at a forum in X", is not the visit's)."""
    places = {d.location for d in drafts if d.location and not d.call and not d.foreign_venue and not d.shifted}
    return next(iter(places)) if len(places) == 1 else None


def city(segment: str) -> str | None:
    """The city the segment puts something in ("in Vienna", "in Bukhara, Uzbekistan"), else the
    city a gathering it names is named after ("the Vienna Energy Forum")."""
    for m in _PLACE.finditer(segment):
        words = m.group("place").split()
        for n in range(len(words), 0, -1):
            candidate = " ".join(words[:n])
            if candidate.lower() in CITIES:
                return candidate
        candidate = m.group("place")
        if m.group("country") and country_of_word(m.group("country").strip(", ")) and _plain_place(candidate):
            return candidate
    return _gathering_city(segment)


def place(text: str) -> str | None:
    """A city in the text, or the capital "the Kazakh capital" names."""
    found = city(text)
    if found:
        return found
    m = _CAPITAL.search(text)
    return capital_of(country_of_word(m.group("dem"))) if m else None


# "the Vienna Energy Forum": a gathering named after its city (not "the Shanghai Cooperation
# Organisation summit", a body's name that holds a city).
_NAMED_GATHERING = re.compile(r"\bthe\s+(?P<city>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+(?P<rest>(?:[A-Z][\w-]*\s+){0,4})"
                              r"(?:Forum|Summit|Conference|Congress|Expo|Exhibition|Fair|Dialogue|Week)\b")
_BODY_WORDS = re.compile(r"\b(?:Organi[sz]ation|Union|Council|Community|Cooperation|Alliance|Bank|Group)\b")


def _gathering_city(text: str) -> str | None:
    if "the " not in text:
        return None
    for m in _NAMED_GATHERING.finditer(text):
        if _BODY_WORDS.search(m.group("rest")):
            continue
        words = m.group("city").split()
        for n in (2, 1):
            if len(words) >= n and " ".join(words[:n]).lower() in CITIES:
                return " ".join(words[:n])
    return None


def _plain_place(place: str) -> bool:
    low = place.lower()
    return not country_of_word(place) and low not in REGIONS and not any(w in REGIONS for w in low.split())


def foreign_venue(segment: str, mentions: ArticleMentions, offset: int) -> bool:
    """"on the sidelines of ...", "in China": not the dateline's city unless the text says so."""
    if re.search(r"\bsidelines\b", segment, _I):
        return True
    for m in mentions.countries_between(offset, offset + len(segment)):
        if re.search(r"\bin\s+$", mentions.article.body[max(0, m.start - 6):m.start]):
            return True
    return False
