"""A searched changelist reads its matches once: the same rows, in the same order, page by page."""

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from archive import models
from archive.paging import CappedPaginator
from tests import factories

pytestmark = pytest.mark.django_db


def people_named_in_two_ways():
    """People matching "ali" by their name, by an alias only, or not at all, in two review states."""
    for i in range(14):
        person = factories.PersonFactory(name=f"Ali Khan {i % 5}" if i % 3 else f"Omar Said {i}",
                                         review_status="unreviewed" if i % 4 else "verified")
        if i % 3 == 0 and i % 2 == 0:
            factories.PersonAliasFactory(person=person, name=f"Alimov {i}")


def expected_people(term: str, **filters) -> list[int]:
    """The matches as the admin's plain search finds them, in its order (name, then newest row first)."""
    rows = (models.Person.objects.filter(Q(name__icontains=term) | Q(aliases__name__icontains=term), **filters)
            .distinct())
    return [p.pk for p in sorted(rows, key=lambda p: (p.name, -p.pk))]


def listed(client, url: str) -> tuple[list[int], object]:
    response = client.get(url)
    assert response.status_code == 200
    cl = response.context["cl"]
    return [row.pk for row in cl.result_list], cl


def test_a_searched_list_pages_the_matches_of_a_plain_search_in_its_order(admin_client, monkeypatch):
    people_named_in_two_ways()
    monkeypatch.setattr(CappedPaginator, "cap", 6)
    expected = expected_people("ali", review_status="unreviewed")
    assert len(expected) > 6
    monkeypatch.setattr("archive.admin.base.BoundedAdminMixin.list_per_page", 4)
    shown = []
    for page in (1, 2):
        rows, cl = listed(admin_client, f"/admin/archive/person/?review_status__exact=unreviewed&q=ali&p={page}")
        assert (cl.result_count, cl.paginator.capped) == (6, True)  # "more than 6": pages up to the cap
        shown += rows
    assert shown == expected[:6]


def test_a_searched_list_within_the_cap_counts_every_match(admin_client):
    people_named_in_two_ways()
    rows, cl = listed(admin_client, "/admin/archive/person/?q=ali")
    assert rows == expected_people("ali")
    assert (cl.result_count, cl.paginator.capped) == (len(rows), False)
    rows, cl = listed(admin_client, "/admin/archive/person/?q=nobody+at+all")
    assert (rows, cl.result_count) == ([], 0)


def test_a_searched_list_works_its_search_out_once(admin_client):
    people_named_in_two_ways()
    with CaptureQueriesContext(connection) as captured:
        listed(admin_client, "/admin/archive/person/?review_status__exact=unreviewed&q=alimov")
    searching = [q["sql"] for q in captured if "ALIMOV" in q["sql"].upper()]
    assert len(searching) == 1, "\n".join(s[:120] for s in searching)


def test_a_searched_meeting_list_with_a_country_lists_the_plain_search_in_its_order(admin_client):
    pakistan, uzbekistan = factories.country("PK"), factories.country("UZ")
    for i in range(8):
        meeting = factories.MeetingFactory(location="Tashkent" if i % 2 else "Astana", topic=f"talks {i}")
        factories.MeetingParticipantFactory(meeting=meeting, country=uzbekistan if i % 3 else pakistan)
    expected = list(models.Meeting.objects.filter(Q(location__icontains="tashkent") | Q(topic__icontains="tashkent")
                                                  | Q(participants__name__icontains="tashkent"),
                                                  participants__country=uzbekistan)
                    .distinct().order_by("-date", "-id").values_list("pk", flat=True))
    rows, cl = listed(admin_client, "/admin/archive/meeting/?country=UZ&q=Tashkent")
    assert rows == expected and expected
