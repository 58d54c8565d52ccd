"""Nonsense in the query string gives a form error or an empty list, never a server error."""

import pytest

from .conftest import listed

pytestmark = pytest.mark.django_db

LISTS = ["/meetings/", "/agreements/", "/people/", "/organizations/", "/articles/"]
SQL = "'; DROP TABLE archive_meeting; --"

GARBAGE = {
    "/meetings/": [
        {"date_from": "2025-13-45"}, {"date_to": "yesterday"}, {"date_from": "9999999-01-01"},
        {"person": "999999"}, {"person": str(10**30)}, {"person": "-1"}, {"person": "1e5"}, {"person": SQL},
        {"person": "١٢"}, {"organization": "abc"}, {"country": "ZZ"}, {"country": SQL},
        {"sort": "password"}, {"sort": SQL}, {"q": SQL}, {"location": SQL}, {"q": "x" * 5000},
    ],
    "/agreements/": [
        {"status": "ratified"}, {"kind": SQL}, {"value_min": str(10**30)}, {"value_max": "NaN"},
        {"value_min": "Infinity"}, {"value_min": "-5"}, {"value_max": "1e400"}, {"sector": SQL},
        {"organization": str(2**63)}, {"date_to": "2025-02-30"}, {"q": SQL},
    ],
    "/people/": [{"country": "kazakhstan"}, {"organization": "0"}, {"role": SQL}, {"name": SQL}, {"sort": "-password"}],
    "/organizations/": [{"type": "cult"}, {"country": "12"}, {"name": "%_%"}, {"name": SQL}],
    "/articles/": [{"outlet": "Pravda"}, {"date_from": "01/02/2025x"}, {"q": SQL}, {"q": '"unclosed'},
                   {"q": "!!! & | :*"}, {"q": "-"}, {"q": "or or or"}, {"q": "\x00"}],
}
CASES = [(url, params) for url, cases in GARBAGE.items() for params in cases]
PLAIN_WORDS = {"or or or"}  # a search of ordinary words may match text: it need not come back empty


@pytest.mark.parametrize("url, params", CASES, ids=[f"{u}{p}"[:60] for u, p in CASES])
def test_nonsense_gives_a_form_error_or_an_empty_list(client, archive, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    form = response.context["filter"].form
    rows = listed(response)
    if form.errors:
        assert rows == []
        assert "Some filters could not be read" in response.content.decode()
    elif params.get("q") not in PLAIN_WORDS:
        assert rows == []
    assert set(rows) <= set(listed(client.get(url)))  # never a record the plain list leaves out


@pytest.mark.parametrize("url, params", CASES, ids=[f"{u}{p}"[:60] for u, p in CASES])
def test_nonsense_in_an_export_is_a_400_or_a_file(client, archive, url, params):
    response = client.get(url, {**params, "format": "json"})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["errors"]


@pytest.mark.parametrize("params, field", [
    ({"date_from": "2025-13-45"}, "date_from"),
    ({"person": str(10**30)}, "person"),
    ({"person": "999999"}, "person"),
    ({"country": "ZZ"}, "country"),
    ({"sort": "password"}, "sort"),
])
def test_the_form_names_the_field_it_could_not_read(client, archive, params, field):
    response = client.get("/meetings/", params)
    assert field in response.context["filter"].form.errors


def test_an_unknown_format_is_a_bad_request(client, archive):
    assert client.get("/meetings/", {"format": "xlsx"}).status_code == 400


def test_the_tables_survive_sql_in_every_field(client, archive):
    for url in LISTS:
        client.get(url, {"q": SQL, "name": SQL, "location": SQL, "role": SQL})
    assert len(listed(client.get("/meetings/"))) == 3


@pytest.mark.parametrize("url", ["/people/999999/", f"/people/{10**30}/", "/meetings/0/", "/agreements/123456/",
                                 "/articles/99999/", "/organizations/424242/"])
def test_unknown_records_are_not_found(client, archive, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("q", ["", "a", SQL, "x" * 1000, "\x00"])
def test_suggestions_never_fail(client, archive, q):
    response = client.get("/people/suggest", {"q": q})
    assert response.status_code == 200 and isinstance(response.json()["results"], list)
