"""Exports an analyst can cite: participants and parties with ids, kinds, roles and countries, source
articles with the quoted sentence; the long formats; the network as GraphML and GEXF; bounded downloads."""

import io
from collections import Counter
from itertools import combinations

import networkx as nx
import pytest

from archive.browse import exports
from archive.models import Meeting
from tests import factories as f

from .conftest import download

pytestmark = pytest.mark.django_db


def graph(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    return nx.read_graphml(io.BytesIO(body)) if params["format"] == "graphml" else nx.read_gexf(io.BytesIO(body))


def test_a_meeting_row_names_each_participant_with_id_kind_role_and_country(client, archive):
    doc = download(client.get("/meetings/", {"format": "json", "location": "Islamabad"}))
    [row] = doc["results"]
    assert [(p["kind"], p["id"], p["role"], p["country_code"]) for p in row["participants"]] == [
        ("person", archive.amina.pk, "Federal Minister for Communications", "PK"),
        ("person", archive.nurlan.pk, "Ambassador", "KZ"),
        ("organization", archive.ktz.pk, "company", "KZ")]
    assert row["participants"][0]["url"] == f"http://testserver/people/{archive.amina.pk}/"


def test_a_meeting_row_cites_its_source_article_with_the_quote_and_confidence(client, archive):
    [row] = download(client.get("/meetings/", {"format": "json", "location": "Islamabad"}))["results"]
    [source] = row["sources"]
    assert source["title"] == archive.dawn.title and source["outlet"] == "Indusline"
    assert source["published"] == "2025-03-04"
    assert source["url"] == f"http://testserver/articles/{archive.dawn.pk}/"
    assert source["quote"].startswith("Minister Amina Rahman met Kazakh envoy")
    assert source["confidence"] == archive.dawn.evidence.filter(meeting=archive.m_march).get().confidence


def test_the_meetings_csv_carries_ids_roles_countries_and_sources_per_row(client, archive):
    [row] = download(client.get("/meetings/", {"format": "csv", "location": "Islamabad"}))
    assert row["participant_ids"] == f"person:{archive.amina.pk}; person:{archive.nurlan.pk}; organization:{archive.ktz.pk}"
    assert row["participant_kinds"] == "person; person; organization"
    assert row["participant_countries"] == "PK; KZ; KZ"
    assert row["source_titles"] == archive.dawn.title and row["source_outlets"] == "Indusline"
    assert row["source_urls"] == f"http://testserver/articles/{archive.dawn.pk}/"
    assert row["evidence"].startswith("Minister Amina Rahman met") and float(row["evidence_confidence"]) > 0


def test_the_participants_csv_has_one_row_per_meeting_and_participant(client, archive):
    rows = download(client.get("/meetings/", {"format": "participants", "country": "KZ"}))
    expected = Counter()
    for meeting in Meeting.objects.live().filter(participants__country__code="KZ").distinct():
        expected[meeting.pk] = meeting.participants.exclude(person__review_status="rejected").count()
    assert Counter(int(r["meeting_id"]) for r in rows) == expected
    amina = [r for r in rows if r["participant_key"] == f"person:{archive.amina.pk}"]
    assert len(amina) == 2 and {r["country_code"] for r in amina} == {"PK"}
    assert all(r["meeting_url"].startswith("http://testserver/meetings/") for r in rows)


def test_the_parties_csv_names_the_state_the_role_and_who_signed(client, archive):
    rows = download(client.get("/agreements/", {"format": "parties", "q": "railway"}))
    assert [(r["party_key"], r["party_role"], r["signed_by_name"]) for r in rows] == [
        ("country:PK", "party", "Amina Rahman"), ("country:KZ", "party", "Amina Rahman"),
        (f"organization:{archive.ktz.pk}", "party", "")]
    assert all(r["agreement_id"] == str(archive.railway.pk) for r in rows)


def test_an_agreement_row_lists_its_parties_and_signers(client, archive):
    [row] = download(client.get("/agreements/", {"format": "json", "q": "railway"}))["results"]
    assert [p["kind"] for p in row["parties"]] == ["country", "country", "organization"]
    assert row["signed_by"] == [{"id": archive.amina.pk, "name": "Amina Rahman"}] * 2


def test_the_graphml_of_a_filtered_list_has_a_node_per_record_and_an_edge_per_pair_weighted_by_meetings(
        client, archive):
    g = graph(client, "/meetings/", {"format": "graphml", "country": "KZ"})
    meetings = Meeting.objects.live().filter(participants__country__code="KZ").distinct()
    expected = Counter()
    for meeting in meetings:
        keys = {f"person:{p.person_id}" for p in meeting.participants.all()
                if p.person_id and p.person.review_status != "rejected"}
        keys |= {f"organization:{p.organization_id}" for p in meeting.participants.all() if p.organization_id}
        expected.update(combinations(sorted(keys), 2))
    assert set(g.nodes) == {k for pair in expected for k in pair}
    assert {tuple(sorted(e)): g.edges[e]["weight"] for e in g.edges} == {pair: float(n) for pair, n in expected.items()}
    edge = g.edges[f"person:{archive.amina.pk}", f"person:{archive.nurlan.pk}"]
    assert (edge["first_date"], edge["last_date"], edge["count"], edge["sources"]) == ("2025-03-04", "2025-11-20", 2, 1)
    assert g.nodes[f"person:{archive.amina.pk}"]["label"] == "Amina Rahman"


def test_the_gexf_loads_with_the_same_edges(client, archive):
    g = graph(client, "/meetings/", {"format": "gexf"})
    g_ml = graph(client, "/meetings/", {"format": "graphml"})
    assert {tuple(sorted(e)) for e in g.edges} == {tuple(sorted(e)) for e in g_ml.edges}
    assert g.nodes[f"person:{archive.nurlan.pk}"]["label"] == "Nurlan Bekov"


def test_the_agreement_network_joins_the_states_that_signed_together(client, archive):
    g = graph(client, "/agreements/", {"format": "graphml"})
    assert g.edges["country:PK", "country:KZ"]["weight"] == 2.0  # railway and wheat
    assert g.has_edge("country:KZ", "country:UZ")


def test_a_name_with_xml_characters_survives_the_graph(client, db):
    m = f.MeetingFactory()
    for name in ['Ministry of "Trade" & <Industry>', "Q&A Council"]:
        org = f.OrganizationFactory(name=name)
        f.MeetingParticipantFactory(meeting=m, person=None, organization=org, name=name)
    for fmt in ("graphml", "gexf"):
        g = graph(client, "/meetings/", {"format": fmt})
        assert {g.nodes[n]["label"] for n in g.nodes} == {'Ministry of "Trade" & <Industry>', "Q&A Council"}


def test_a_download_stops_at_the_limit_and_links_to_the_next_part(client, db, monkeypatch):
    monkeypatch.setattr(exports, "EXPORT_LIMIT", 4)
    made = [f.MeetingFactory() for _ in range(10)]
    response = client.get("/meetings/", {"format": "csv"})
    first = download(response)
    assert len(first) == 4 and response["X-Export-Limit"] == "4"
    assert response["Link"] == '<http://testserver/meetings/?format=csv&offset=4>; rel="next"'
    seen = [r["id"] for r in first]
    second = client.get("/meetings/", {"format": "csv", "offset": 4})
    seen += [r["id"] for r in download(second)]
    third = client.get("/meetings/", {"format": "json", "offset": 8})
    doc = download(third)
    assert doc["next"] is None and "Link" not in third
    seen += [str(r["id"]) for r in doc["results"]]
    assert sorted(map(int, seen)) == sorted(m.pk for m in made)


@pytest.mark.parametrize("params", [{"format": "xml"}, {"format": "graphml", "offset": "-1"},
                                    {"format": "csv", "offset": "ten"}])
def test_an_unknown_format_or_offset_is_a_400(client, db, params):
    url = "/people/" if params["format"] == "graphml" else "/meetings/"
    assert client.get(url, params).status_code == 400


def test_only_meetings_and_agreements_offer_the_network(client, db):
    assert client.get("/people/", {"format": "graphml"}).status_code == 400
    assert client.get("/agreements/", {"format": "gexf"}).status_code == 200
