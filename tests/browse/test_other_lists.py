"""Agreements, people, organizations and articles: each filter and sort of their lists."""

from datetime import date

import pytest

from archive.models import AgreementStatus
from tests import factories as f

from .conftest import ids

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------------ agreements

def test_agreements_still_only_proposed(client, archive):
    assert ids(client.get("/agreements/", {"status": "proposed"})) == [archive.railway.pk]


def test_agreements_in_several_states(client, archive):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get("/agreements/?status=proposed&status=negotiating")
    assert ids(response) == [archive.railway.pk, archive.cotton.pk]
    # A filter on the agreement's own column cannot repeat a row: no DISTINCT, which sorts every match.
    assert not [q["sql"] for q in captured if q["sql"].startswith("SELECT DISTINCT")]


def test_agreements_by_kind(client, archive):
    assert ids(client.get("/agreements/", {"kind": "mou"})) == [archive.wheat.pk]


def test_agreements_by_party_country_listed_once(client, archive):
    assert ids(client.get("/agreements/", {"country": "UZ"})) == [archive.cotton.pk]
    assert ids(client.get("/agreements/", {"country": "KZ"})) == [archive.wheat.pk, archive.railway.pk, archive.cotton.pk]


def test_agreements_by_party_organization(client, archive):
    assert ids(client.get("/agreements/", {"organization": archive.ktz.pk})) == [archive.railway.pk]


def test_agreements_by_date_range(client, archive):
    assert ids(client.get("/agreements/", {"date_from": "2025-01-01", "date_to": "2025-06-30"})) == [archive.railway.pk]


def test_agreements_by_value_range(client, archive):
    assert ids(client.get("/agreements/", {"value_min": "100000000", "value_max": "200000000"})) == [archive.wheat.pk]
    assert ids(client.get("/agreements/", {"value_min": "1000000000"})) == [archive.railway.pk]


def test_agreements_by_sector(client, archive):
    assert ids(client.get("/agreements/", {"sector": "agriculture"})) == [archive.wheat.pk]


def test_agreements_by_text_in_title_or_party(client, archive):
    assert ids(client.get("/agreements/", {"q": "railway"})) == [archive.railway.pk]
    assert ids(client.get("/agreements/", {"q": "uzbekistan cotton"})) == [archive.cotton.pk]


def test_agreements_sorted_by_value_largest_first_unknown_last(client, archive):
    assert ids(client.get("/agreements/", {"sort": "-value"})) == [archive.railway.pk, archive.wheat.pk, archive.cotton.pk]


def test_a_value_range_the_wrong_way_round_is_a_form_error(client, archive):
    response = client.get("/agreements/", {"value_min": "10", "value_max": "5"})
    assert ids(response) == []
    assert "The maximum is below the minimum." in response.content.decode()


# ------------------------------------------------------------------ people

def test_people_by_country(client, archive):
    assert ids(client.get("/people/", {"country": "KZ"})) == [archive.nurlan.pk]


def test_people_by_organization_of_a_role(client, archive):
    assert ids(client.get("/people/", {"organization": archive.ministry.pk})) == [archive.amina.pk]


def test_people_by_role_title_listed_once(client, archive):
    f.RoleFactory(person=archive.amina, title="Federal Minister for Communications and IT", article=archive.astana)
    assert ids(client.get("/people/", {"role": "federal minister for communications"})) == [archive.amina.pk]


def test_people_by_name_or_another_spelling(client, archive):
    assert ids(client.get("/people/", {"name": "rahman"})) == [archive.amina.pk]
    assert ids(client.get("/people/", {"name": "N. Bekov"})) == [archive.nurlan.pk]


def test_people_sorted_by_name_and_by_country(client, archive):
    assert ids(client.get("/people/")) == [archive.amina.pk, archive.nurlan.pk, archive.sardor.pk]
    assert ids(client.get("/people/", {"sort": "country"})) == [archive.nurlan.pk, archive.amina.pk, archive.sardor.pk]


# ------------------------------------------------------------------ organizations

def test_organizations_by_type_and_country(client, archive):
    assert ids(client.get("/organizations/", {"type": "government"})) == [archive.ministry.pk]
    assert ids(client.get("/organizations/", {"country": "KZ"})) == [archive.ktz.pk]


def test_organizations_by_name_or_acronym(client, archive):
    assert ids(client.get("/organizations/", {"name": "KTZ"})) == [archive.ktz.pk]
    assert ids(client.get("/organizations/", {"name": "railways"})) == [archive.ministry.pk]


def test_organizations_by_alias(client, archive):
    f.OrganizationAliasFactory(organization=archive.ktz, name="Kazakh Railways", normalized="kazakh railways")
    assert ids(client.get("/organizations/", {"name": "kazakh railways"})) == [archive.ktz.pk]


# ------------------------------------------------------------------ articles

def test_articles_by_outlet(client, archive):
    assert ids(client.get("/articles/", {"outlet": "Indusline"})) == [archive.dawn.pk]


def test_the_outlet_choices_are_the_outlets_in_the_archive(client, archive):
    html = client.get("/articles/").content.decode()
    assert '<option value="The Astana Times">The Astana Times</option>' in html


def test_articles_by_publication_date_range(client, archive):
    assert ids(client.get("/articles/", {"date_from": "2024-01-01", "date_to": "2024-12-31"})) == [archive.astana.pk]


def test_articles_sorted_by_title(client, archive):
    assert ids(client.get("/articles/", {"sort": "title"})) == [archive.dawn.pk, archive.astana.pk]


def test_a_date_range_the_wrong_way_round_is_a_form_error(client, archive):
    response = client.get("/articles/", {"date_from": "2025-01-01", "date_to": "2024-01-01"})
    assert ids(response) == []
    assert "The end date is before the start date." in response.content.decode()
