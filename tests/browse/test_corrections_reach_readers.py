"""A person or organization a curator rejects leaves every reading page, count and export where it took
part in a meeting or an agreement; a merged record is shown as the one it was merged into.

Each test looks at one surface before and after the curator's decision, so it fails if the
surface never showed the record at all.
"""

import io
from datetime import date

import networkx as nx
import pytest

from archive.curation.merge import record_merge
from archive.curation.review import record_reject
from archive.models import MeetingParticipant
from tests import factories as f

from .conftest import download, ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def airbase(archive):
    """A "person" that is a place, in the March and November meetings, the only participant from Turkey."""
    tr = f.country("TR")
    person = f.PersonFactory(name="Incirlik Airbase", title="", country=tr)
    for meeting in (archive.m_march, archive.m_nov):
        f.MeetingParticipantFactory(meeting=meeting, person=person, name=person.name, country=tr)
    return person


@pytest.fixture
def province(archive):
    """An "organization" that is a province, a party to the wheat memorandum, the only party from Iran."""
    org = f.OrganizationFactory(name="Khorasan Province Office", acronym="", country=f.country("IR"))
    f.AgreementPartyFactory(agreement=archive.wheat, country=None, organization=org, name=org.name)
    f.MeetingParticipantFactory(meeting=archive.m_uz, person=None, organization=org, name=org.name,
                                country=org.country)
    return org


def reject(record):
    record_reject(record=record, user=f.curator(), code="not_person", reason="a place")


def seen_then_gone(check, record):
    """`check()` is true while `record` is live and false once a curator has rejected it."""
    assert check(), "the surface did not show the record before it was rejected"
    reject(record)
    assert not check()


def page(client, url, params=None) -> str:
    response = client.get(url, params or {})
    assert response.status_code == 200
    return response.content.decode()


def graph(client, url, params) -> nx.Graph:
    body = b"".join(client.get(url, params).streaming_content)
    return nx.read_graphml(io.BytesIO(body)) if params["format"] == "graphml" else nx.read_gexf(io.BytesIO(body))


def test_the_meeting_page_and_its_heading(client, archive, airbase):
    url = f"/meetings/{archive.m_march.pk}/"
    seen_then_gone(lambda: "Incirlik Airbase" in page(client, url), airbase)
    response = client.get(url)
    assert [p.name for p in response.context["participants"]] == ["Amina Rahman", "Nurlan Bekov",
                                                                   "Kazakhstan Temir Zholy"]
    assert "<title>Amina Rahman, Nurlan Bekov and Kazakhstan Temir Zholy met in Islamabad" in page(client, url)


def test_the_meetings_list_and_a_persons_meetings(client, archive, airbase):
    seen_then_gone(lambda: "Incirlik Airbase" in page(client, "/meetings/")
                   and "Incirlik Airbase" in page(client, f"/people/{archive.amina.pk}/"), airbase)
    assert "Nurlan Bekov" in page(client, "/meetings/")


def test_who_they_met_and_its_graph(client, archive, airbase):
    def met():
        response = client.get(f"/people/{archive.nurlan.pk}/")
        names = [c.name for c in response.context["counterparts"]]
        return "Incirlik Airbase" in names or any(n.name == "Incirlik Airbase" for n in response.context["graph"].nodes)
    seen_then_gone(met, airbase)
    counterparts = client.get(f"/people/{archive.nurlan.pk}/").context["counterparts"]
    assert [(c.name, c.meetings) for c in counterparts][:1] == [("Amina Rahman", 2)]


def test_the_meetings_csv_json_and_participants_csv(client, archive, airbase):
    def exported():
        rows = download(client.get("/meetings/", {"format": "csv"}))
        doc = download(client.get("/meetings/", {"format": "json"}))
        long = download(client.get("/meetings/", {"format": "participants"}))
        return (any("Incirlik Airbase" in r["participants"] or f"person:{airbase.pk}" in r["participant_ids"]
                    or "Turkey" in r["countries"] for r in rows)
                and any(p["written_name"] == "Incirlik Airbase" for r in doc["results"] for p in r["participants"])
                and any(r["written_name"] == "Incirlik Airbase" for r in long))
    seen_then_gone(exported, airbase)
    long = download(client.get("/meetings/", {"format": "participants"}))
    assert {r["participant_name"] for r in long} >= {"Amina Rahman", "Nurlan Bekov", "Sardor Aliyev"}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_the_network_exports(client, archive, airbase, fmt):
    seen_then_gone(lambda: f"person:{airbase.pk}" in graph(client, "/meetings/", {"format": fmt}), airbase)
    assert graph(client, "/meetings/", {"format": fmt}).has_edge(f"person:{archive.amina.pk}",
                                                                 f"person:{archive.nurlan.pk}")


def test_the_country_facet_and_filter_count_only_who_a_reader_sees(client, archive, airbase):
    def counted():
        facets = {facet.name: facet for facet, _ in client.get("/meetings/").context["facets"]}
        turkey = [o.count for o in facets["country"].options if o.label == "Turkey"]
        return turkey == [2] and len(ids(client.get("/meetings/", {"country": "TR"}))) == 2
    seen_then_gone(counted, airbase)
    assert ids(client.get("/meetings/", {"country": "TR"})) == []


def test_search_finds_no_meeting_by_a_rejected_participants_name(client, archive, airbase):
    def found():
        on_search_page = [m.pk for m in client.get("/search/", {"q": "incirlik"}).context["meetings"]]
        on_list = ids(client.get("/meetings/", {"q": "incirlik"}))
        return sorted(on_search_page) == sorted(on_list) == sorted([archive.m_march.pk, archive.m_nov.pk])
    seen_then_gone(found, airbase)


def test_a_rejected_organization_leaves_its_agreements_and_their_exports(client, archive, province):
    def shown():
        detail = page(client, f"/agreements/{archive.wheat.pk}/")
        [row] = download(client.get("/agreements/", {"format": "csv", "q": "wheat"}))
        parties = download(client.get("/agreements/", {"format": "parties", "q": "wheat"}))
        network = graph(client, "/agreements/", {"format": "graphml"})
        return ("Khorasan Province Office" in detail and "Khorasan Province Office" in page(client, "/agreements/")
                and f"organization:{province.pk}" in row["party_ids"] and "Khorasan" in row["parties"]
                and any(p["party_name"] == "Khorasan Province Office" for p in parties)
                and f"organization:{province.pk}" in network)
    seen_then_gone(shown, province)
    parties = download(client.get("/agreements/", {"format": "parties", "q": "wheat"}))
    assert [p["party_key"] for p in parties] == ["country:PK", "country:KZ"]


def test_a_rejected_organization_leaves_the_meetings_it_attended_and_their_counts(client, archive, province):
    def counted():
        facets = {facet.name: facet for facet, _ in client.get("/meetings/").context["facets"]}
        return ("Iran" in [o.label for o in facets["country"].options]
                and ids(client.get("/meetings/", {"country": "IR"})) == [archive.m_uz.pk]
                and "Khorasan Province Office" in page(client, f"/meetings/{archive.m_uz.pk}/")
                and "Khorasan Province Office" in page(client, f"/people/{archive.sardor.pk}/"))
    seen_then_gone(counted, province)
    assert "Sardor Aliyev" in page(client, f"/meetings/{archive.m_uz.pk}/")


def test_a_rejected_signer_leaves_the_party_standing_unsigned(client, archive):
    def signed():
        detail = page(client, f"/agreements/{archive.railway.pk}/")
        [row] = download(client.get("/agreements/", {"format": "json", "q": "railway"}))["results"]
        return "signed by" in detail and row["signed_by"] == [{"id": archive.amina.pk, "name": "Amina Rahman"}] * 2
    seen_then_gone(signed, archive.amina)
    [row] = download(client.get("/agreements/", {"format": "json", "q": "railway"}))["results"]
    assert [p["kind"] for p in row["parties"]] == ["country", "country", "organization"]
    assert [p["signed_by_id"] for p in row["parties"]] == [None, None, None]


def test_an_unlinked_written_name_stays_a_participant(client, archive, airbase):
    f.MeetingParticipantFactory(meeting=archive.m_march, person=None, name="a Turkish delegation")
    reject(airbase)
    assert "a Turkish delegation" in page(client, f"/meetings/{archive.m_march.pk}/")


def test_curators_still_see_the_written_name_in_the_admin(admin_client, archive, airbase):
    reject(airbase)
    html = admin_client.get(f"/admin/archive/meeting/{archive.m_march.pk}/change/").content.decode()
    assert "Incirlik Airbase" in html
    assert MeetingParticipant.objects.filter(meeting=archive.m_march, person=airbase).exists()


def test_a_merged_person_is_shown_as_the_kept_one_everywhere(client, archive):
    twin = f.PersonFactory(name="A. Rahman", country=archive.amina.country)
    meeting = f.MeetingFactory(date=date(2025, 1, 9), location="Lahore")
    f.MeetingParticipantFactory(meeting=meeting, person=twin, name="A. Rahman", country=twin.country)
    f.MeetingParticipantFactory(meeting=meeting, person=archive.sardor, name="Sardor Aliyev",
                                country=archive.sardor.country)
    record_merge(kept=archive.amina, merged=twin, user=f.curator())
    html = page(client, f"/meetings/{meeting.pk}/")
    assert f'href="/people/{archive.amina.pk}/"' in html and f"/people/{twin.pk}/" not in html
    [row] = download(client.get("/meetings/", {"format": "json", "location": "Lahore"}))["results"]
    assert [p["id"] for p in row["participants"]] == [archive.amina.pk, archive.sardor.pk]
    met = [c.id for c in client.get(f"/people/{archive.sardor.pk}/").context["counterparts"]]
    assert met == [archive.amina.pk]
