"""Country names as the extractor writes them -> Country rows."""

from __future__ import annotations

import functools

import pycountry

from archive.extraction.lexicon import country_of
from archive.models import Country
from archive.models.geo import UNIONS

_rows: dict[str, Country | None] = {}  # code -> row, for one ingest run (see `forget_rows`)


@functools.lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, str]:
    table = {}
    for country in pycountry.countries:
        forms = [getattr(country, attr, None) for attr in ("name", "common_name", "official_name", "alpha_3")]
        forms.append(country_of(country.name))  # the name news uses: "Turkey", "Russia"
        for form in filter(None, forms):
            table[form.casefold()] = country.alpha_2
    for code, name, _ in UNIONS:
        table[name.casefold()] = table[code.casefold()] = code
    return table


@functools.lru_cache(maxsize=4096)
def code_for(name: str) -> str | None:
    """ISO code of a country name ("Iran", "Russia", "Kazakhstan", "Turkey"), or None when unsure."""
    for key in (name.strip().casefold(), (country_of(name) or "").casefold()):
        if key in _codes_by_name():
            return _codes_by_name()[key]
    try:
        matches = pycountry.countries.search_fuzzy(name)
    except LookupError:
        return None
    return matches[0].alpha_2 if len(matches) == 1 else None


def country_for(name: str | None) -> Country | None:
    if not name or not (code := code_for(name)):
        return None
    if code not in _rows:
        _rows[code] = Country.objects.filter(code=code).first()
    return _rows[code]


def forget_rows() -> None:
    """Drop cached rows; called at the start of every run (tests create and flush databases)."""
    _rows.clear()
