"""The reading lists filter by the extractor's confidence ("at least", "below"), together with every
other filter and in every download; a value that is not a confidence is a form error, never a 500."""

import pytest

from tests import factories as f

from .conftest import download, ids

pytestmark = pytest.mark.django_db

LISTS = {
    "/meetings/": lambda c: f.MeetingFactory(confidence=c, location="Astana"),
    "/agreements/": lambda c: f.AgreementFactory(confidence=c, title=f"Accord {c}"),
    "/people/": lambda c: f.PersonFactory(confidence=c, name=f"Person {int(c * 100)}"),
    "/organizations/": lambda c: f.OrganizationFactory(confidence=c, name=f"Board {int(c * 100)}"),
}


@pytest.fixture(params=LISTS)
def records(request, db):
    make = LISTS[request.param]
    return request.param, {c: make(c).pk for c in (0.2, 0.5, 0.79, 0.8, 0.95)}


def test_at_least_and_below_pick_the_records_of_that_confidence(client, records):
    url, made = records
    assert sorted(ids(client.get(url, {"confidence_min": "0.8"}))) == sorted([made[0.8], made[0.95]])
    assert sorted(ids(client.get(url, {"confidence_below": "0.5"}))) == [made[0.2]]
    band = ids(client.get(url, {"confidence_min": "0.5", "confidence_below": "0.8"}))
    assert sorted(band) == sorted([made[0.5], made[0.79]])


def test_the_filter_composes_with_the_others_and_reaches_the_downloads(client, db):
    kz, uz = f.country("KZ"), f.country("UZ")
    sure_kz, unsure_kz = f.MeetingFactory(confidence=0.9), f.MeetingFactory(confidence=0.3)
    sure_uz = f.MeetingFactory(confidence=0.9)
    for meeting, country in ((sure_kz, kz), (unsure_kz, kz), (sure_uz, uz)):
        f.MeetingParticipantFactory(meeting=meeting, person=f.PersonFactory(country=country), country=country)
    params = {"country": "KZ", "confidence_min": "0.75"}
    assert ids(client.get("/meetings/", params)) == [sure_kz.pk]
    rows = download(client.get("/meetings/", {**params, "format": "csv"}))
    assert [(int(r["id"]), float(r["confidence"])) for r in rows] == [(sure_kz.pk, 0.9)]
    facets = {facet.name: facet for facet, _ in client.get("/meetings/", params).context["facets"]}
    assert [(o.label, o.count) for o in facets["country"].options] == [("Kazakhstan", 1)]


@pytest.mark.parametrize("url, fmt", [("/people/", "csv"), ("/organizations/", "json")])
def test_people_and_organization_downloads_carry_the_confidence(client, db, url, fmt):
    made = LISTS[url](0.42)
    doc = download(client.get(url, {"format": fmt}))
    rows = doc if fmt == "csv" else doc["results"]
    assert [(int(r["id"]), float(r["confidence"])) for r in rows] == [(made.pk, 0.42)]


@pytest.mark.parametrize("params, field", [
    ({"confidence_min": "1.5"}, "confidence_min"), ({"confidence_below": "-0.1"}, "confidence_below"),
    ({"confidence_min": "NaN"}, "confidence_min"), ({"confidence_min": "high"}, "confidence_min"),
    ({"confidence_min": "0.12345"}, "confidence_min"),
    ({"confidence_min": "0.8", "confidence_below": "0.8"}, "confidence_below"),
    ({"confidence_min": "0.9", "confidence_below": "0.2"}, "confidence_below"),
])
def test_a_value_that_is_not_a_confidence_is_a_form_error(client, records, params, field):
    url, _ = records
    response = client.get(url, params)
    assert response.status_code == 200 and field in response.context["filter"].form.errors
    assert client.get(url, {**params, "format": "csv"}).status_code == 400


def test_the_form_offers_both_fields(client, db):
    html = client.get("/meetings/").content.decode()
    assert 'name="confidence_min"' in html and 'name="confidence_below"' in html
