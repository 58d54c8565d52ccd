"""Ingest never undoes a curator's work: verified, edited, rejected and merged records stay as left."""

import datetime

import pytest

from archive.ingest.articles import save_article
from archive.ingest.report import IngestReport
from archive.models import Evidence, Person, ReviewStatus
from tests import factories
from tests.ingest.builders import article, person

pytestmark = pytest.mark.django_db

FIRST = "Foreign Minister Aibek Dzhaksybekov arrived in Tashkent on Monday."
LATER = "Prime Minister Aibek Dzhaksybekov met his Uzbek counterpart in Tashkent."


def ingest(body, *, headline, source, published, role):
    extracted = article(body, title=headline, source=source, published=published,
                        people=[person(body, "Aibek Dzhaksybekov", title=role)])
    save_article(extracted, source_path=source, report=IngestReport())


def ingest_first():
    ingest(FIRST, headline="Arrival", source="a.txt", published=datetime.date(2025, 1, 6), role="Foreign Minister")
    return Person.objects.get()


def ingest_later():
    ingest(LATER, headline="Talks", source="b.txt", published=datetime.date(2025, 6, 1), role="Prime Minister")


def test_an_unreviewed_record_takes_the_newest_title():
    ingest_first()
    ingest_later()
    assert Person.objects.get().title == "Prime Minister"


def test_a_verified_record_keeps_its_fields_but_gains_evidence():
    record = ingest_first()
    record.review_status = ReviewStatus.VERIFIED
    record.save()
    ingest_later()
    record.refresh_from_db()
    assert record.title == "Foreign Minister"
    assert record.extracted["title"] == "Prime Minister"  # the machine's view stays visible
    assert Evidence.objects.filter(person=record).count() == 2


def test_an_edited_record_keeps_the_curators_values():
    record = ingest_first()
    record.title = "Minister of Foreign Affairs"
    record.is_curated = True
    record.save()
    ingest_later()
    record.refresh_from_db()
    assert record.title == "Minister of Foreign Affairs"
    assert Person.objects.count() == 1


def test_a_field_a_person_changed_stays_even_without_the_curated_marker():
    record = ingest_first()
    Person.objects.filter(pk=record.pk).update(title="Acting Foreign Minister")
    ingest_later()
    record.refresh_from_db()
    assert record.title == "Acting Foreign Minister"


def test_a_rejected_record_is_not_created_again():
    record = ingest_first()
    record.review_status = ReviewStatus.REJECTED
    record.save()
    ingest_later()
    assert Person.objects.count() == 1
    assert Evidence.objects.filter(person=record).count() == 1


def test_a_merged_record_is_not_resurrected_and_new_mentions_go_to_the_kept_one():
    tombstone = ingest_first()
    kept = factories.PersonFactory(name="Aibek Dzhaksybekov", country=tombstone.country)
    tombstone.merged_into = kept
    tombstone.save()
    ingest_later()
    assert Person.objects.count() == 2
    assert Evidence.objects.filter(person=kept).count() == 1


def test_the_same_full_name_with_a_misread_country_is_the_same_person():
    ingest_first()
    body = "President Aibek Dzhaksybekov visited Islamabad."
    extracted = article(body, title="Visit", source="c.txt", published=datetime.date(2025, 7, 1),
                        people=[person(body, "Aibek Dzhaksybekov", title="President", country="Pakistan")])
    save_article(extracted, source_path="c.txt", report=IngestReport())
    assert Person.objects.count() == 1


def test_a_bare_surname_with_another_country_is_someone_else():
    ingest_first()
    body = "Dzhaksybekov, a Pakistani trader, spoke."
    extracted = article(body, title="Trade", source="d.txt", published=datetime.date(2025, 7, 1),
                        people=[person(body, "Dzhaksybekov", country="Pakistan")])
    save_article(extracted, source_path="d.txt", report=IngestReport())
    assert Person.objects.count() == 2
