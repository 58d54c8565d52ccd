"""Which meeting of another article a new one is: undated ones by their articles' days, two shared people."""

import datetime

import pytest

from archive.models import Meeting
from tests.ingest.builders import article, day, meeting, person
from tests.ingest.test_events import save

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2025, 6, 2)
BODY = "Minister Lina Park received Minister Omar Said and Minister Eva Kohl in Riga."
PEOPLE = ("Lina Park", "Omar Said", "Eva Kohl")


def report(*, source, published, names, date=None):
    extracted = article(BODY, title=f"Talks {source}", source=source, published=published,
                        people=[person(BODY, name, country="Latvia") for name in PEOPLE])
    extracted.meetings = [meeting(BODY, list(names), mention="received", date=date)]
    return extracted


def test_an_undated_meeting_reported_months_earlier_is_not_a_dated_meeting_of_today():
    save(report(source="a.txt", published=JUNE - datetime.timedelta(days=120), names=PEOPLE[:2]))
    save(report(source="b.txt", published=JUNE, names=PEOPLE[:2], date=day(JUNE)))
    assert Meeting.objects.count() == 2


def test_an_undated_meeting_reported_the_same_week_is_the_dated_one():
    save(report(source="a.txt", published=JUNE, names=PEOPLE[:2]))
    save(report(source="b.txt", published=JUNE, names=PEOPLE[:2], date=day(JUNE)))
    assert Meeting.objects.count() == 1


def test_meetings_that_share_only_one_person_are_two_meetings():
    save(report(source="a.txt", published=JUNE, names=PEOPLE[:1], date=day(JUNE)))
    save(report(source="b.txt", published=JUNE, names=PEOPLE[:2], date=day(JUNE)))
    assert Meeting.objects.count() == 2
