"""What an organization-shaped name is: a body of several states, a venue, a city's event, a portfolio.

"Inter-Parliamentary Union" and "Caspian Shelf Secretariat" are international; "the
Almaty International Congress Center" is a building and "the Tashkent Investment Forum" an
event, not bodies; "Minister for Water and Irrigation" names a portfolio.
"""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..lexicon.events import DOCUMENT_PROGRAMMES
from .tokens import Doc, Token

_JOINT_HEADS = frozenset({"secretariat", "commission", "committee", "organization", "organisation", "union"})


def between_states(doc: Doc, start: int, head: int) -> bool:
    """"Inter-Parliamentary Union", "Aral Basin Inter-Governmental Council", "Caspian Shelf
    Secretariat": a body of several states (a business council of two states stays an association)."""
    toks = doc.tokens[start:head + 1]
    if any(t.key.startswith(("inter-", "intergovernmental", "interparliamentary", "interstate")) for t in toks):
        return True
    if doc.tokens[head].key not in _JOINT_HEADS:
        return False
    return any("-" in t.clean and sum(bool(lx.place_country(p) or lx.region_country(p) or p.lower() in lx.REGIONS)
                                      for p in t.clean.split("-")) >= 2 for t in toks) or _hyphened_region(toks)


_COUNTRY_AND_REGION = re.compile(r"\b[A-Z][a-z]+-(?:Central|South|East|West|North)\s+Asia\b")


def _hyphened_region(toks: list[Token]) -> bool:
    """"China-Central Asia": a country joined by a hyphen to a two-word region."""
    return bool(_COUNTRY_AND_REGION.search(" ".join(t.clean for t in toks)))


def portfolio_of_a_title(doc: Doc, start: int, head: int) -> bool:
    """"Minister for Water and Irrigation": the words after a title are its portfolio."""
    toks = doc.tokens
    if toks[head].key not in lx.PORTFOLIO:
        return False
    k = start - 1
    while k >= 0 and (toks[k].key in lx.ORG_CONNECTORS or toks[k].key in lx.PORTFOLIO):
        k -= 1
    return k >= 0 and k < start - 1 and toks[k].key in lx.TITLE_HEADS


_DOCUMENT_PROGRAMME = re.compile(r"(?:[\w-]+\s+){0,3}?(?:" + DOCUMENT_PROGRAMMES + r")", re.IGNORECASE)


def document_programme(doc: Doc, start: int, end: int) -> bool:
    """"the Programme of Cooperation", "a Joint Implementation Programme": a document the sides
    sign or agree, not a body."""
    return bool(_DOCUMENT_PROGRAMME.fullmatch(doc.text(start, end)))


def venue_or_event(doc: Doc, start: int, head: int) -> bool:
    """"the Termez Trade Exhibition Hall", "the Almaty Investment Forum": a venue or an event."""
    toks = doc.tokens
    if toks[head].key in lx.VENUE_HEADS and head > start and toks[head - 1].key in lx.VENUE_KINDS:
        return True
    first = toks[start]
    return toks[head].key in lx.EVENT_HEADS and not first.country and bool(lx.place_country(first.clean))
