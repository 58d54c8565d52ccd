"""The meetings list: every filter, sorting, pagination, the timeline and the empty state."""

from datetime import date

import pytest

from tests import factories as f

from .conftest import ids, listed

pytestmark = pytest.mark.django_db


def test_it_lists_live_meetings_newest_first(client, archive):
    assert ids(client.get("/meetings/")) == [archive.m_nov.pk, archive.m_march.pk, archive.m_uz.pk]


def test_it_filters_by_a_participants_country_and_a_date_range(client, archive):
    response = client.get("/meetings/", {"country": "KZ", "date_from": "2025-01-01", "date_to": "2025-12-31"})
    assert ids(response) == [archive.m_nov.pk, archive.m_march.pk]


def test_a_meeting_with_two_participants_from_the_country_is_listed_once(client, archive):
    f.MeetingParticipantFactory(meeting=archive.m_march, person=f.PersonFactory(country=f.country("KZ")))
    assert ids(client.get("/meetings/", {"country": "KZ"})).count(archive.m_march.pk) == 1
    assert client.get("/meetings/", {"country": "KZ"}).context["paginator"].count == 2


def test_the_date_range_includes_both_ends(client, archive):
    response = client.get("/meetings/", {"date_from": "2025-03-04", "date_to": "2025-11-20"})
    assert ids(response) == [archive.m_nov.pk, archive.m_march.pk]
    assert ids(client.get("/meetings/", {"date_to": "2024-12-31"})) == [archive.m_uz.pk]


def test_it_filters_by_person(client, archive):
    assert ids(client.get("/meetings/", {"person": archive.sardor.pk})) == [archive.m_uz.pk]


def test_the_chosen_person_is_named_beside_the_id_field(client, archive):
    html = client.get("/meetings/", {"person": archive.sardor.pk}).content.decode()
    assert '<span class="chosen" aria-live="polite">Sardor Aliyev</span>' in html


def test_it_filters_by_organization(client, archive):
    assert ids(client.get("/meetings/", {"organization": archive.ktz.pk})) == [archive.m_march.pk]


def test_it_filters_by_location_ignoring_case(client, archive):
    assert ids(client.get("/meetings/", {"location": "astana"})) == [archive.m_nov.pk]


def test_text_matches_topic_place_or_participant_names(client, archive):
    assert ids(client.get("/meetings/", {"q": "wheat"})) == [archive.m_nov.pk]
    assert ids(client.get("/meetings/", {"q": "tashkent"})) == [archive.m_uz.pk]
    assert ids(client.get("/meetings/", {"q": "sardor cotton"})) == [archive.m_uz.pk]
    assert ids(client.get("/meetings/", {"q": "sardor wheat"})) == []


@pytest.mark.parametrize("sort, expected", [
    ("date", ["m_uz", "m_march", "m_nov"]),
    ("-date", ["m_nov", "m_march", "m_uz"]),
    ("location", ["m_nov", "m_march", "m_uz"]),
    ("-location", ["m_uz", "m_march", "m_nov"]),
])
def test_it_sorts_by_date_and_place(client, archive, sort, expected):
    assert ids(client.get("/meetings/", {"sort": sort})) == [getattr(archive, name).pk for name in expected]


def test_undated_meetings_come_last_both_ways(client, archive):
    undated = f.MeetingFactory(date=None, date_precision="")
    assert ids(client.get("/meetings/", {"sort": "date"}))[-1] == undated.pk
    assert ids(client.get("/meetings/", {"sort": "-date"}))[-1] == undated.pk


def test_sorting_links_keep_the_filters_and_reverse_the_current_order(client, archive):
    html = client.get("/meetings/", {"country": "KZ", "sort": "date"}).content.decode()
    assert 'aria-sort="ascending"><a href="?country=KZ&amp;sort=-date"' in html


def test_pages_are_stable_and_cover_every_meeting_once(client, db):
    day = date(2025, 1, 1)
    made = [f.MeetingFactory(date=day).pk for _ in range(23)]  # same date: only the id orders them
    seen = []
    for page in (1, 2, 3):
        seen += ids(client.get("/meetings/", {"per_page": 10, "page": page}))
    assert sorted(seen) == sorted(made) and len(seen) == len(set(seen))
    assert seen == sorted(made, reverse=True)


def test_page_links_keep_the_filters(client, db):
    for _ in range(12):
        f.MeetingParticipantFactory(meeting=f.MeetingFactory(), person=f.PersonFactory(country=f.country("KZ")))
    html = client.get("/meetings/", {"country": "KZ", "per_page": 10}).content.decode()
    assert 'href="?country=KZ&amp;per_page=10&amp;page=2" rel="next"' in html


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999", str(10**30)])
def test_a_page_out_of_range_shows_a_page_instead_of_failing(client, archive, page):
    response = client.get("/meetings/", {"page": page})
    assert response.status_code == 200
    assert len(listed(response)) == 3


def test_an_unsupported_page_size_falls_back_to_the_default(client, archive):
    assert client.get("/meetings/", {"per_page": "100000"}).context["paginator"].per_page == 25


def test_the_empty_state_says_nothing_matches_and_offers_the_whole_list(client, archive):
    response = client.get("/meetings/", {"country": "FR"})
    html = response.content.decode()
    assert listed(response) == []
    assert "No meetings found" in html and "Nothing matches all of these filters" in html
    assert '<a href="/meetings/">Show all meetings</a>' in html


def test_an_empty_archive_says_so_without_offering_filters_to_clear(client, db):
    html = client.get("/meetings/").content.decode()
    assert "The archive holds no meetings yet." in html and "Show all meetings" not in html


def test_the_timeline_counts_meetings_per_month_for_the_current_filter(client, archive):
    timeline = client.get("/meetings/", {"country": "KZ"}).context["timeline"]
    counts = {bar.month: bar.count for bar in timeline.bars}
    assert counts[date(2025, 3, 1)] == 1 and counts[date(2025, 11, 1)] == 1
    assert sum(counts.values()) == 2 and len(timeline.bars) == 9  # March to November, empty months included
    html = client.get("/meetings/", {"country": "KZ"}).content.decode()
    assert "<title>Mar 2025: 1 meeting</title>" in html


def test_the_timeline_is_absent_when_nothing_matches(client, archive):
    response = client.get("/meetings/", {"country": "FR"})
    assert response.context["timeline"] is None and "<svg" not in response.content.decode()


def test_meetings_dated_only_by_year_are_counted_but_not_placed_on_the_timeline(client, archive):
    f.MeetingFactory(date=date(2025, 1, 1), date_precision="year")
    f.MeetingFactory(date=None, date_precision="")
    response = client.get("/meetings/")
    assert response.context["paginator"].count == 5
    assert sum(bar.count for bar in response.context["timeline"].bars) == 3
