"""'This is an organization / a person / a place' from a record's page, the conversions list with undo, and the
curators' decisions list: checked on the server for every method, bounded in queries."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from archive import models
from archive.curation.convert import record_convert
from archive.curation.review import records_decide
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    """A desk name read as a person, in one meeting without a location."""
    record = factories.PersonFactory(name="Foreign Desk")
    factories.EvidenceFactory(person=record)
    talks = factories.MeetingFactory(location="")
    factories.MeetingParticipantFactory(meeting=talks, person=record, name=record.name)
    return record


def test_a_curator_sees_the_conversions_on_the_record_and_confirms_one(curator_client, desk):
    page = curator_client.get(f"/admin/archive/person/{desk.pk}/change/")
    assert b"This is an organization" in page.content and b"This is a place" in page.content
    confirm = curator_client.get(f"/admin/archive/person/{desk.pk}/convert/organization/")
    assert confirm.status_code == 200
    assert b"Moves: 1 quote(s), 1 meeting participation(s), 0 agreement party link(s)" in confirm.content
    done = curator_client.post(f"/admin/archive/person/{desk.pk}/convert/organization/", follow=True)
    org = models.Organization.objects.get(name="Foreign Desk")
    assert done.redirect_chain[-1][0] == f"/admin/archive/organization/{org.pk}/change/"
    assert b"Undo" in done.content
    assert models.Person.objects.get(pk=desk.pk).review_status == "rejected"


def test_a_place_is_offered_as_the_location_of_its_meetings(curator_client, desk):
    confirm = curator_client.get(f"/admin/archive/person/{desk.pk}/convert/place/")
    assert "get “Foreign Desk” as their location" in confirm.content.decode()
    curator_client.post(f"/admin/archive/person/{desk.pk}/convert/place/")
    assert models.Meeting.objects.get().location == "Foreign Desk"


def test_a_viewer_is_refused_the_conversion_page_and_sees_no_link(viewer_client, desk):
    page = viewer_client.get(f"/admin/archive/person/{desk.pk}/change/")
    assert page.status_code == 200 and b"This is a place" not in page.content
    for into in ("organization", "place"):
        assert viewer_client.get(f"/admin/archive/person/{desk.pk}/convert/{into}/").status_code == 403
        assert viewer_client.post(f"/admin/archive/person/{desk.pk}/convert/{into}/").status_code == 403
    assert models.Person.objects.get(pk=desk.pk).review_status == "unreviewed"
    assert not models.ConversionRecord.objects.exists()


def test_a_refused_conversion_says_why_and_an_unknown_kind_is_not_found(curator_client, desk):
    assert curator_client.get(f"/admin/archive/person/{desk.pk}/convert/country/").status_code == 404
    page = curator_client.post(f"/admin/archive/person/{desk.pk}/convert/person/", follow=True)
    assert b"is a person already" in page.content
    assert curator_client.get("/admin/archive/person/999999/convert/place/").status_code == 404


def test_a_conversion_is_undone_from_its_page(curator_client, desk, curator):
    conversion = record_convert(record=desk, into="place", user=curator)
    viewer_client = Client()
    viewer_client.force_login(factories.curator("victor", group="Viewer"))
    assert viewer_client.get(f"/admin/archive/conversionrecord/{conversion.pk}/change/").status_code == 200
    assert viewer_client.post(f"/admin/archive/conversionrecord/{conversion.pk}/undo/").status_code == 403
    page = curator_client.get(f"/admin/archive/conversionrecord/{conversion.pk}/change/")
    text = page.content.decode()
    assert "undo-conversion" in text and "Meetings given it as location: 1" in text, text[text.find("Links"):][:200]
    curator_client.post(f"/admin/archive/conversionrecord/{conversion.pk}/undo/")
    assert models.Meeting.objects.get().participants.get().person_id == desk.pk
    assert models.Person.objects.get(pk=desk.pk).review_status == "unreviewed"


def test_the_decisions_list_says_who_decided_what_when_and_why_filtered_by_curator_decision_and_day(
        curator_client, curator):
    other = factories.curator("olga")
    verified, rejected = factories.PersonFactory(name="Aibek Dzhaksybekov"), factories.PersonFactory(name="Desk")
    records_decide(records=[verified], user=curator, decision="verified")
    records_decide(records=[rejected], user=other, decision="rejected", reason="not_person", note="a desk")
    page = curator_client.get("/admin/archive/reviewdecision/").content.decode()
    assert "Aibek Dzhaksybekov" in page and f"/admin/archive/person/{verified.pk}/change/" in page
    assert "a desk" in page and "not a person" in page
    by_curator = curator_client.get(f"/admin/archive/reviewdecision/?decided_by__id__exact={other.pk}")
    assert list(by_curator.context["cl"].result_list.values_list("record_id", flat=True)) == [rejected.pk]
    by_decision = curator_client.get("/admin/archive/reviewdecision/?decision=verified")
    assert list(by_decision.context["cl"].result_list.values_list("record_id", flat=True)) == [verified.pk]
    today = timezone.localdate()
    on_day = curator_client.get(f"/admin/archive/reviewdecision/?decided_at__year={today.year}"
                                f"&decided_at__month={today.month}&decided_at__day={today.day}")
    assert on_day.context["cl"].result_count == 2
    yesterday = today - datetime.timedelta(days=1)
    before = curator_client.get(f"/admin/archive/reviewdecision/?decided_at__year={yesterday.year}"
                                f"&decided_at__month={yesterday.month}&decided_at__day={yesterday.day}")
    assert before.context["cl"].result_count == 0


def test_the_decisions_list_is_read_only_even_to_a_curator(curator_client, curator):
    decision = records_decide(records=[factories.PersonFactory()], user=curator, decision="verified")[0]
    page = curator_client.get(f"/admin/archive/reviewdecision/{decision.pk}/change/")
    assert page.status_code == 200 and b'name="_save"' not in page.content
    assert curator_client.post(f"/admin/archive/reviewdecision/{decision.pk}/change/", {}).status_code == 403
    assert curator_client.post(f"/admin/archive/reviewdecision/{decision.pk}/delete/", {"post": "yes"}).status_code == 403
    assert curator_client.post("/admin/archive/reviewdecision/", {"action": "delete_selected",
                                                                  "_selected_action": [decision.pk]}).status_code == 403


def test_the_index_lists_the_decisions_among_the_curators_groups(curator_client):
    groups = {g["name"]: [m["object_name"] for m in g["models"]]
              for g in curator_client.get("/admin/").context["app_list"]}
    assert groups["Curators' decisions"] == ["ReviewDecision"]
    assert "ConversionRecord" in groups["Duplicates and merges"]
