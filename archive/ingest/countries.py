"""Country names as the extractor writes them -> Country rows."""

from __future__ import annotations

import functools

import pycountry

from archive.extraction.lexicon import country_of
from archive.models import Country
from archive.models.geo import UNIONS

_rows: dict[str, Country] = {}  # code -> row, loaded once per ingest run (see `forget_rows`)
_by_id: dict[int, Country] = {}


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


@functools.lru_cache(maxsize=1)
def _gazetteer_text() -> str:
    """Every field of every ISO 3166 country and subdivision (and the initials of country names), folded
    as `pycountry`'s fuzzy search folds them, in one string: a name that is no part of it matches nothing."""
    texts = []
    for entry in (*pycountry.countries, *pycountry.subdivisions):
        for value in filter(None, entry._fields.values()):
            texts.append(value)
            texts.append("".join(c for c in value if c.isupper()))
    return "\0".join(pycountry.remove_accents(text.lower()) for text in texts)


@functools.lru_cache(maxsize=4096)
def code_for(name: str) -> str | None:
    """ISO code of a country name ("Iran", "Russia", "Kazakhstan", "Turkey"), or None when unsure."""
    for key in (name.strip().casefold(), (country_of(name) or "").casefold()):
        if key in _codes_by_name():
            return _codes_by_name()[key]
    if pycountry.remove_accents(name.strip().lower()) not in _gazetteer_text():
        return None  # the fuzzy search would find nothing, after some 80 ms of looking
    try:
        matches = pycountry.countries.search_fuzzy(name)
    except LookupError:
        return None
    return matches[0].alpha_2 if len(matches) == 1 else None


def country_for(name: str | None) -> Country | None:
    if not name or not (code := code_for(name)):
        return None
    return _table().get(code)


def country_by_id(pk: int | None) -> Country | None:
    return _by_id.get(pk) if pk is not None and _table() else None


def _table() -> dict[str, Country]:
    """Every country row, read in one query the first time a run needs one: the table is tiny and
    reference data (its rows come from a migration)."""
    if not _rows:
        for country in Country.objects.all():
            _rows[country.code] = _by_id[country.pk] = country
    return _rows


def forget_rows() -> None:
    """Drop cached rows; called at the start of every run (tests create and flush databases)."""
    _rows.clear()
    _by_id.clear()
