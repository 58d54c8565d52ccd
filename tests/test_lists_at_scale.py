"""Past the count cap a list counts, facets and charts only its first rows; below it, everything exactly."""

from datetime import date, timedelta

import pytest

from archive import paging, views
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
