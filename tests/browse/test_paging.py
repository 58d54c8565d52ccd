"""One paginator for every list (`archive.paging`): a count that stops at the cap, also when the list has
counted its rows already; the cap and the largest id are each defined once."""

import re
from pathlib import Path

import pytest

from archive.models import Meeting
from archive.paging import COUNT_CAP, CappedPaginator
from tests import factories as f

pytestmark = pytest.mark.django_db

ARCHIVE = Path(__file__).resolve().parents[2] / "archive"


def test_a_known_count_is_never_counted_again_and_the_cap_applies_to_it(django_assert_num_queries):
    f.MeetingFactory.create_batch(3)
    paginator = CappedPaginator(Meeting.objects.order_by("id"), 2, known_count=3)
    paginator.cap = 5
    with django_assert_num_queries(0):
        assert (paginator.count, paginator.capped, paginator.num_pages) == (3, False, 2)
    paginator = CappedPaginator(Meeting.objects.order_by("id"), 1, known_count=3)
    paginator.cap = 2
    with django_assert_num_queries(0):
        assert (paginator.count, paginator.capped, paginator.num_pages) == (2, True, 2)


def test_without_a_known_count_the_count_stops_at_the_cap():
    f.MeetingFactory.create_batch(3)
    paginator = CappedPaginator(Meeting.objects.order_by("id"), 1)
    paginator.cap = 2
    assert (paginator.count, paginator.capped, paginator.num_pages) == (2, True, 2)


def test_the_meetings_list_counts_with_its_timeline_in_one_query_under_the_cap(client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 5)
    f.MeetingFactory.create_batch(3)
    response = client.get("/meetings/")
    assert response.context["paginator"].count == 3 and not response.context["paginator"].capped
    assert "3 meetings" in response.content.decode()


@pytest.mark.parametrize("url, factory, noun", [
    ("/people/", f.PersonFactory, "people"), ("/organizations/", f.OrganizationFactory, "organizations"),
    ("/agreements/", f.AgreementFactory, "agreements"),
])
def test_every_other_list_says_more_than_the_cap(client, monkeypatch, url, factory, noun):
    monkeypatch.setattr(CappedPaginator, "cap", 2)
    factory.create_batch(3)
    response = client.get(url)
    assert response.context["paginator"].capped and f"More than 2 {noun}" in response.content.decode()


@pytest.mark.parametrize("literal", [r"10_?000\b", r"2\s*\*\*\s*63"])
def test_the_cap_and_the_largest_id_are_written_once(literal):
    files = [p for p in ARCHIVE.rglob("*.py") if "migrations" not in p.parts
             and re.search(literal, p.read_text(encoding="utf-8"))]
    assert [p.relative_to(ARCHIVE).as_posix() for p in files] in (["paging.py"], ["models/base.py"])
    assert COUNT_CAP == 10_000
