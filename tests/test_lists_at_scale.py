"""Past the count cap a list counts, facets and charts only its first rows; below it, everything exactly."""

from datetime import date, timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import paging, views
from archive.browse import selectors
from tests import factories as f

pytestmark = pytest.mark.django_db

CAP = 5


@pytest.fixture
def small_cap(monkeypatch):
    monkeypatch.setattr(paging, "COUNT_CAP", CAP)
    monkeypatch.setattr(views.CappedPaginator, "cap", CAP)


def meetings_in(code: str, n: int, first: date) -> list:
    made = []
    for i in range(n):
        meeting = f.MeetingFactory(date=first + timedelta(days=i), date_precision="day")
        f.MeetingParticipantFactory(meeting=meeting, person=f.PersonFactory(country=f.country(code)),
                                    country=f.country(code))
        made.append(meeting)
    return made


def facet(response, name: str) -> dict:
    [chosen] = [options for facet, options in response.context["facets"] if facet.name == name]
    return {option.label: option.count for option, _url, _chosen in chosen}


def test_a_list_past_the_cap_counts_and_facets_its_newest_rows_and_says_so(client, small_cap):
    meetings_in("KZ", 8, date(2023, 1, 1))
    meetings_in("PK", 4, date(2025, 1, 1))  # the newest four
    response = client.get("/meetings/")
    paginator = response.context["paginator"]
    assert paginator.capped and paginator.count == CAP
    assert "More than 5 meetings" in response.content.decode()
    # The first CAP + 1 rows, newest first: four from Pakistan, two from Kazakhstan.
    assert facet(response, "country") == {"Pakistan": 4, "Kazakhstan": 2}
    assert facet(response, "year") == {"2025": 4, "2023": 2}
    assert sum(bar.count for bar in response.context["timeline"].bars) == CAP + 1
    assert "Counted in the first 5 of the list" in response.content.decode()


def test_a_list_the_filters_narrow_below_the_cap_is_counted_exactly(client, small_cap):
    meetings_in("KZ", 8, date(2023, 1, 1))
    meetings_in("PK", 4, date(2025, 1, 1))
    response = client.get("/meetings/", {"country": "PK"})
    assert not response.context["paginator"].capped and response.context["paginator"].count == 4
    assert facet(response, "country") == {"Pakistan": 4}
    assert "Counted in the first" not in response.content.decode()


SAMPLE = 3


def agreements_with(code: str, n: int, first: date, status: str) -> None:
    for i in range(n):
        agreement = f.AgreementFactory(date=first + timedelta(days=i), date_precision="day", status=status)
        f.AgreementPartyFactory(agreement=agreement, country=f.country(code), name=f"{code} {i}")


def test_a_list_past_the_cap_counts_its_facets_in_its_first_sample_rows_and_says_how_many(
        client, small_cap, monkeypatch):
    meetings_in("KZ", 8, date(2023, 1, 1))
    meetings_in("UZ", 1, date(2024, 6, 1))
    meetings_in("PK", 2, date(2025, 1, 1))  # the newest two, then Uzbekistan, then Kazakhstan
    whole = client.get("/meetings/")
    monkeypatch.setattr(selectors, "FACET_SAMPLE", SAMPLE)
    sampled = client.get("/meetings/")
    # The same rows in the same order; the facets count the first three only, and the label says so.
    assert [m.pk for m in sampled.context["page_obj"]] == [m.pk for m in whole.context["page_obj"]]
    assert facet(whole, "country") == {"Pakistan": 2, "Kazakhstan": 3, "Uzbekistan": 1}
    assert facet(sampled, "country") == {"Pakistan": 2, "Uzbekistan": 1}
    assert facet(sampled, "year") == {"2025": 2, "2024": 1}
    assert "Counted in the first 3 of the list" in sampled.content.decode()
    assert sum(bar.count for bar in sampled.context["timeline"].bars) == CAP + 1  # the timeline: all first rows


def test_the_agreement_facets_past_the_cap_count_the_same_sample(client, small_cap, monkeypatch):
    agreements_with("KZ", 8, date(2023, 1, 1), "signed")
    agreements_with("PK", 3, date(2025, 1, 1), "proposed")  # the newest three
    monkeypatch.setattr(selectors, "FACET_SAMPLE", SAMPLE)
    response = client.get("/agreements/")
    assert facet(response, "country") == {"Pakistan": 3}
    assert facet(response, "status") == {"proposed": 3}
    assert "Counted in the first 3 of the list" in response.content.decode()


def test_a_list_within_the_cap_is_counted_in_full_whatever_the_sample(client, small_cap, monkeypatch):
    meetings_in("KZ", 8, date(2023, 1, 1))
    meetings_in("PK", 4, date(2025, 1, 1))
    monkeypatch.setattr(selectors, "FACET_SAMPLE", SAMPLE)
    response = client.get("/meetings/", {"country": "PK"})
    assert facet(response, "country") == {"Pakistan": 4}
    assert facet(response, "year") == {"2025": 4}
    assert "Counted in the first" not in response.content.decode()


@pytest.mark.parametrize("url", ["/meetings/", "/agreements/", "/meetings/?country=KZ", "/agreements/?country=KZ"])
def test_a_sampled_list_runs_as_many_queries_at_two_sizes(client, small_cap, monkeypatch, url):
    monkeypatch.setattr(selectors, "FACET_SAMPLE", SAMPLE)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    meetings_in("KZ", 7, date(2023, 1, 1))
    agreements_with("KZ", 7, date(2023, 1, 1), "signed")
    small = queries()
    meetings_in("KZ", 20, date(2024, 1, 1))
    agreements_with("KZ", 20, date(2024, 1, 1), "signed")
    assert queries() == small


@pytest.mark.parametrize("url", ["/agreements/", "/people/", "/organizations/", "/articles/"])
def test_every_reading_list_stops_counting_at_the_cap(client, small_cap, url):
    for i in range(CAP + 3):
        article = f.ArticleFactory()
        person = f.PersonFactory(country=f.country("KZ"))
        f.OrganizationFactory()
        agreement = f.AgreementFactory()
        f.AgreementPartyFactory(agreement=agreement, country=f.country("KZ"), name=f"Kazakhstan {i}", person=person)
        f.EvidenceFactory(article=article, person=person)
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["paginator"].capped and response.context["paginator"].count == CAP


def test_the_outlet_choices_name_each_outlet_once_in_order():
    from archive.browse import selectors

    for outlet in ["Zeta Daily", "", "Alpha News", "Zeta Daily", "Mid Times", "Alpha News", ""]:
        f.ArticleFactory(outlet=outlet)
    assert selectors.outlets() == ["Alpha News", "Mid Times", "Zeta Daily"]
