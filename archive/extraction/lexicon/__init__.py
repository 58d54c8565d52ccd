"""General-knowledge lexicons for entity extraction, with a few lookup helpers.

Everything here must hold for any article about the region: no people, no local
organizations, no phrases taken from particular articles.
"""

from __future__ import annotations

import functools

from .geography import CITIES, COUNTRIES, COUNTRY_NAMES, DEMONYMS, PROVINCES, REGIONS
from .organizations import (
    GENERIC_ORG_NOUNS, GOVERNMENT_NOUNS, HEAD_TYPES, KNOWN_BY_FORM, KNOWN_ORGS, LEADING_HEADS, LEGAL_FORMS,
    VENUE_HEADS, VENUE_KINDS, EVENT_HEADS,
    NON_ORG_HEADS, NON_ORG_INITIALISMS, STATE_BODIES, SYNONYMS, KnownOrg,
)
from .titles import HONORIFICS, PERSON_NOUNS, PORTFOLIO, SPEECH_VERBS, TITLE_HEADS, TITLE_MODIFIERS
from .words import (
    BUILDING_WORDS, BYLINE_NON_NAMES, MODIFIED_NOUNS, MONTHS, PATRONYMIC_SUFFIXES, NAME_PARTICLES, NON_NAME_WORDS, ORG_CONNECTORS, VISIT_WORDS, WEEKDAYS,
)

__all__ = [
    "CITIES", "COUNTRIES", "COUNTRY_NAMES", "DEMONYMS", "PROVINCES", "REGIONS", "region_country", "GENERIC_ORG_NOUNS",
    "GOVERNMENT_NOUNS", "HEAD_TYPES", "KNOWN_BY_FORM", "KNOWN_ORGS", "LEADING_HEADS",
    "NON_ORG_HEADS", "NON_ORG_INITIALISMS", "SYNONYMS", "KnownOrg", "HONORIFICS", "PERSON_NOUNS",
    "PORTFOLIO", "SPEECH_VERBS", "TITLE_HEADS", "TITLE_MODIFIERS", "MONTHS", "NAME_PARTICLES",
    "NON_NAME_WORDS", "ORG_CONNECTORS", "WEEKDAYS", "BUILDING_WORDS", "MODIFIED_NOUNS", "PATRONYMIC_SUFFIXES", "STATE_BODIES", "LEGAL_FORMS", "VENUE_HEADS", "VENUE_KINDS", "EVENT_HEADS", "BYLINE_NON_NAMES", "VISIT_WORDS", "country_of", "place_country", "lookup_key",
]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


@functools.lru_cache(maxsize=1 << 16)
def lookup_key(text: str) -> str:
    """Lower-case key for lexicon look-ups, with curly quotes folded and dots kept."""
    return text.translate(_APOSTROPHES).lower().strip()


@functools.lru_cache(maxsize=1 << 16)
def country_of(text: str) -> str | None:
    """Canonical country for a country name or demonym ("Kazakh" -> "Kazakhstan")."""
    key = lookup_key(text)
    if key.endswith("'s"):
        key = key[:-2]
    return COUNTRIES.get(key) or DEMONYMS.get(key)


@functools.lru_cache(maxsize=1 << 16)
def place_country(text: str) -> str | None:
    """Country of a country name, demonym or known city."""
    return country_of(text) or CITIES.get(lookup_key(text))


@functools.lru_cache(maxsize=1 << 16)
def region_country(text: str) -> str | None:
    """Country of a province or region that lies inside one country ("Sindh" -> "Pakistan")."""
    return PROVINCES.get(lookup_key(text))
