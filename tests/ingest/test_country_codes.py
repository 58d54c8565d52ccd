"""Party and country names to ISO codes: exact names, the forms news uses, subdivisions, and bodies that are none."""

import pycountry
import pytest

from archive.ingest.countries import code_for


@pytest.fixture(autouse=True)
def fresh_cache():
    code_for.cache_clear()
    yield
    code_for.cache_clear()


@pytest.mark.parametrize("name, code", [
    ("Kazakhstan", "KZ"),
    ("Islamic Republic of Pakistan", "PK"),
    ("Turkey", "TR"),
    ("Sindh", "PK"),  # a province names its country, found by the fuzzy search
    ("Punjab", None),  # a province of two countries names neither
    ("Asian Development Bank", None),
    ("Ministry of Energy of the Republic", None),
])
def test_a_name_gets_the_code_of_the_one_country_it_names(name, code):
    assert code_for(name) == code


def test_a_name_that_is_no_part_of_any_country_or_subdivision_is_not_searched_for(monkeypatch):
    searched = []
    search = pycountry.countries.search_fuzzy
    monkeypatch.setattr(pycountry.countries, "search_fuzzy", lambda q: searched.append(q) or search(q))
    assert code_for("Eurasian Grain Consortium") is None
    assert code_for("Sindh") == "PK"
    assert searched == ["Sindh"]
