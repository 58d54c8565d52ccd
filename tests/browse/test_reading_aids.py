"""What helps a reader work from the lists: undated records set aside by a date range are counted
and offered, facets count the list, search shows passages and counts, headings say who met whom."""

from datetime import date

import pytest

from tests import factories as f

from .conftest import ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def undated(archive):
    """Two undated meetings with Uzbekistan, one undated with Kazakhstan, an undated agreement."""
    def meeting(person, country, place):
        m = f.MeetingFactory(date=None, date_precision="", location=place)
        f.MeetingParticipantFactory(meeting=m, person=person, name=person.name, country=country)
        return m
    return {
        "uz": [meeting(archive.sardor, archive.uz, "Tashkent"), meeting(archive.sardor, archive.uz, "Samarkand")],
        "kz": meeting(archive.nurlan, archive.kz, "Astana"),
        "agreement": f.AgreementFactory(title="Undated transit accord", date=None, date_precision=""),
    }


def test_a_date_range_says_how_many_undated_meetings_match_the_other_filters(client, archive, undated):
    response = client.get("/meetings/", {"country": "UZ", "date_from": "2026-01-01", "date_to": "2026-12-31"})
    assert ids(response) == []
    assert response.context["undated_count"] == 2
    html = response.content.decode()
    assert "2 undated meetings also match the other filters" in html
    assert 'href="?country=UZ&amp;undated=on"' in html


def test_the_offered_link_shows_exactly_those_undated_meetings(client, archive, undated):
    assert sorted(ids(client.get("/meetings/", {"country": "UZ", "undated": "on"}))) == sorted(
        m.pk for m in undated["uz"])


def test_undated_only_sets_the_date_range_aside(client, archive, undated):
    found = ids(client.get("/meetings/", {"undated": "on", "date_from": "2025-01-01"}))
    assert sorted(found) == sorted([*(m.pk for m in undated["uz"]), undated["kz"].pk])


def test_no_range_no_count(client, archive, undated):
    assert "undated_count" not in client.get("/meetings/", {"country": "UZ"}).context


def test_agreements_and_articles_count_their_undated_records_too(client, archive, undated):
    response = client.get("/agreements/", {"date_from": "2020-01-01"})
    assert response.context["undated_count"] == 1
    assert "1 undated agreement also matches" in response.content.decode()
    f.ArticleFactory(title="Undated dispatch", published=None)
    assert client.get("/articles/", {"date_to": "2030-01-01"}).context["undated_count"] == 1


def test_the_meetings_facets_count_countries_and_years_of_the_filtered_list(client, archive):
    response = client.get("/meetings/", {"person": archive.amina.pk})
    facets = {facet.name: {o.label: o.count for o in facet.options} for facet, _ in response.context["facets"]}
    assert facets["country"] == {"Pakistan": 3, "Kazakhstan": 2, "Uzbekistan": 1}
    assert facets["year"] == {"2025": 2, "2024": 1}
    html = response.content.decode()
    assert f'href="?person={archive.amina.pk}&amp;country=UZ"' in html
    assert f'href="?person={archive.amina.pk}&amp;date_from=2024-01-01&amp;date_to=2024-12-31"' in html


def test_the_agreement_facets_count_status_and_kind(client, archive):
    facets = {facet.name: {o.label: o.count for o in facet.options}
              for facet, _ in client.get("/agreements/").context["facets"]}
    assert facets["status"] == {"negotiating": 1, "proposed": 1, "signed": 1}
    assert facets["kind"]["memorandum of understanding"] == 1


def test_a_facet_link_narrows_the_list_to_its_count(client, archive):
    response = client.get("/organizations/")
    for facet, options in response.context["facets"]:
        for option, url, _ in options:
            assert len(ids(client.get("/organizations/" + url))) == option.count


# ---------------------------------------------------------------- search

def test_search_marks_the_word_after_a_letter_that_folds_longer(client, db):
    f.ArticleFactory(title="Transit", body="Die Straße nach Almaty ist neu. Trucks reach Almaty daily.")
    html = client.get("/articles/", {"q": "almaty"}).content.decode()
    assert "Straße nach <mark>Almaty</mark>" in html
    html = client.get("/search/", {"q": "almaty"}).content.decode()
    assert "Straße nach <mark>Almaty</mark>" in html


def test_the_search_page_counts_matches_per_record_type(client, db):
    for i in range(12):
        f.PersonFactory(name=f"Aliyev Number{i}")
    f.OrganizationFactory(name="Aliyev Foundation")
    context = client.get("/search/", {"q": "aliyev"}).context
    assert context["found"]["people"].count == 12 and len(context["people"]) == 10
    assert context["found"]["organizations"].count == 1
    assert context["total"] == 13
    assert 'People <span class="muted">(12)</span>' in client.get("/search/", {"q": "aliyev"}).content.decode()


def test_a_query_of_only_operators_says_there_is_nothing_to_search_for(client, archive):
    html = client.get("/search/", {"q": "- - - !!! &&"}).content.decode()
    assert "Nothing to search for" in html


def test_a_snippet_escapes_the_article_text(client, db):
    f.ArticleFactory(title="Markup", body="A <script>alert(1)</script> pipeline story.")
    html = client.get("/articles/", {"q": "pipeline"}).content.decode()
    assert "<script>alert(1)</script>" not in html and "alert(1)" in html  # escaped (SQLite) or a tag dropped (PG)


# ---------------------------------------------------------------- small things a reader notices

def test_a_meeting_heading_says_who_met_whom_where_and_when(client, archive):
    html = client.get(f"/meetings/{archive.m_march.pk}/").content.decode()
    assert "<h1>Amina Rahman, Nurlan Bekov and Kazakhstan Temir Zholy met in Islamabad, 4 March 2025" in html


def test_a_meeting_without_participants_or_topic_is_not_titled_only_meeting(client, db):
    m = f.MeetingFactory(topic="", location="Baku", date=date(2025, 2, 5))
    assert "<h1>Meeting in Baku, 5 February 2025" in client.get(f"/meetings/{m.pk}/").content.decode()


def test_an_acronym_equal_to_the_name_is_not_repeated(client, db):
    org = f.OrganizationFactory(name="AFP", acronym="AFP")
    assert "AFP <abbr" not in client.get(f"/organizations/{org.pk}/").content.decode()
    assert "<abbr" not in client.get("/organizations/").content.decode().split("<tbody>")[1]


def test_a_role_stated_by_seven_articles_is_listed_once_with_its_sources(client, db):
    person = f.PersonFactory(name="Kassym Example")
    for day in range(1, 8):
        article = f.ArticleFactory(published=date(2025, 1, day))
        f.RoleFactory(person=person, title="President", organization=None, article=article, date=date(2025, 1, day))
    roles = client.get(f"/people/{person.pk}/").context["roles"]
    assert len(roles) == 1
    assert roles[0].first[0] == date(2025, 1, 1) and roles[0].last[0] == date(2025, 1, 7)
    assert len(roles[0].articles) == 7


def test_long_names_in_the_met_graph_are_never_cut_by_the_picture(client, db):
    person = f.PersonFactory(name="Centre")
    for name in ["Recep Tayyip Erdogan", "Shavkat Miromonovich Mirziyoyev", "A", "Kassym-Jomart Kemelevich Tokayev"]:
        m = f.MeetingFactory()
        f.MeetingParticipantFactory(meeting=m, person=person, name=person.name)
        other = f.PersonFactory(name=name)
        f.MeetingParticipantFactory(meeting=m, person=other, name=name)
    graph = client.get(f"/people/{person.pk}/").context["graph"]
    for node in graph.nodes:
        width = len(node.label) * 7.2
        left = {"start": node.x + 16, "end": node.x - 16 - width, "middle": node.x - width / 2}[node.label_anchor]
        assert graph.min_x <= left and left + width <= graph.min_x + graph.view_width, node.label
    assert {n.label for n in graph.nodes} >= {"Recep Tayyip Erdogan (1)", "Shavkat Miromonovich Mirziyoyev (1)"}


def test_the_favicon_is_served(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("archive/favicon.svg")
    assert 'rel="icon"' in client.get("/meetings/").content.decode()


def test_an_organization_lists_each_persons_title_once(client, db):
    org = f.OrganizationFactory(name="Ministry of Energy")
    person = f.PersonFactory(name="Aidos Example")
    for day in (1, 2, 3):
        f.RoleFactory(person=person, organization=org, title="Minister", date=date(2025, 1, day))
    roles = client.get(f"/organizations/{org.pk}/").context["roles"]
    assert [(r.person_id, r.title, r.date) for r in roles] == [(person.pk, "Minister", date(2025, 1, 3))]


def test_one_result_is_counted_in_the_singular(client, archive):
    assert "1 meeting</p>" in client.get("/meetings/", {"location": "Tashkent"}).content.decode()
