"""ARCHIVE_LIKELY_RIGHT: records at or above it are marked "likely right" in the queue, and verified in bulk
only when a curator clicks, as that curator's decisions."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from archive import models
from tests import factories
from tests.test_settings import load_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    """Two unreviewed people above 0.8, one below, one verified above: only the first two are likely right."""
    return {
        "sure": factories.PersonFactory(name="Aibek Dzhaksybekov", confidence=0.95),
        "fairly": factories.PersonFactory(name="Temir Abenov", confidence=0.8),
        "doubtful": factories.PersonFactory(name="Foreign Desk", confidence=0.3),
        "done": factories.PersonFactory(name="Dana Serikova", confidence=0.99, review_status="verified"),
    }


def client_of(group="Curator", name="carla"):
    client = Client()
    client.force_login(factories.curator(name, group=group))
    return client


def queue(client):
    return client.get("/admin/review/?type=person&status=all")


def test_off_by_default_nothing_is_marked_and_a_bulk_post_verifies_nothing(records):
    curator = client_of()
    page = queue(curator).content.decode()
    assert "likely right" not in page and 'id="verify-likely-right"' not in page
    response = curator.post("/admin/review/", {"record": [f"person:{records['sure'].pk}"], "likely_right": "1",
                                               "next": "/admin/review/"}, follow=True)
    assert "No likely-right threshold is set" in response.content.decode()
    assert not models.ReviewDecision.objects.exists()
    assert models.Person.objects.get(pk=records["sure"].pk).review_status == "unreviewed"


def test_above_the_threshold_unreviewed_records_are_marked(records, settings):
    settings.ARCHIVE_LIKELY_RIGHT = 0.8
    response = queue(client_of())
    marked = {row["record"].pk for row in response.context["rows"] if row["likely_right"]}
    assert marked == {records["sure"].pk, records["fairly"].pk}
    assert "Verify the 2 likely-right records shown" in response.content.decode()


def test_a_curators_click_verifies_the_likely_right_records_as_their_decisions(records, settings):
    settings.ARCHIVE_LIKELY_RIGHT = 0.8
    curator = client_of()
    keys = queue(curator).context["likely_keys"] + [f"person:{records['doubtful'].pk}"]  # one forged in
    curator.post("/admin/review/", {"record": keys, "likely_right": "1", "next": "/admin/review/"})
    status = dict(models.Person.objects.values_list("name", "review_status"))
    assert status == {"Aibek Dzhaksybekov": "verified", "Temir Abenov": "verified", "Foreign Desk": "unreviewed",
                      "Dana Serikova": "verified"}
    decisions = models.ReviewDecision.objects.all()
    assert {d.record_id for d in decisions} == {records["sure"].pk, records["fairly"].pk}
    assert {d.decided_by.username for d in decisions} == {"carla"} and len({d.batch for d in decisions}) == 1
    assert models.Person.objects.get(pk=records["sure"].pk).reviewed_by.username == "carla"
    curator.post("/admin/review/undo/")  # one click, one batch: undone together
    assert models.Person.objects.filter(review_status="unreviewed").count() == 3


def test_a_viewer_is_refused_the_bulk_verification(records, settings):
    settings.ARCHIVE_LIKELY_RIGHT = 0.5
    viewer = client_of("Viewer", "victor")
    assert 'id="verify-likely-right"' not in queue(viewer).content.decode()
    response = viewer.post("/admin/review/", {"record": [f"person:{records['sure'].pk}"], "likely_right": "1"})
    assert response.status_code == 403
    assert not models.ReviewDecision.objects.exists()


@pytest.mark.parametrize("value, expected", [("", None), ("off", None), ("0.9", 0.9), ("1", 1.0)])
def test_the_setting_reads_a_fraction_or_off(monkeypatch, value, expected):
    monkeypatch.setenv("ARCHIVE_LIKELY_RIGHT", value)
    assert load_settings(monkeypatch, SECRET_KEY="x" * 50)["ARCHIVE_LIKELY_RIGHT"] == expected


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high", "nan"])
def test_a_setting_that_is_not_a_fraction_stops_the_site(monkeypatch, value):
    monkeypatch.setenv("ARCHIVE_LIKELY_RIGHT", value)
    with pytest.raises(ImproperlyConfigured, match="ARCHIVE_LIKELY_RIGHT must be a number from 0 to 1"):
        load_settings(monkeypatch, SECRET_KEY="x" * 50)
