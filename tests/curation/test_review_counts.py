"""The review queue's progress counts stay exact however records change (PostgreSQL: kept by triggers)."""

import datetime

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from archive.curation import queue
from archive.curation.convert import record_convert
from archive.curation.merge import record_merge
from archive.curation.queue import QUEUE_MODELS, review_counts, review_progress
from archive.curation.review import record_reject, record_verify, records_decide, review_undo
from archive.ingest.articles import save_article
from archive.ingest.report import IngestReport
from archive.models import Meeting, Person, ReviewStatus
from tests import factories
from tests.ingest.builders import article, meeting, person

pytestmark = pytest.mark.django_db

KINDS = tuple(QUEUE_MODELS)
postgresql_only = pytest.mark.skipif("connection.vendor != 'postgresql'")


def recount() -> dict:
    """The live records per type and review state, counted from the records themselves."""
    return {kind: {status: n for status, n in model.objects.filter(merged_into__isnull=True).order_by()
                   .values_list("review_status").annotate(n=Count("pk")).values_list("review_status", "n")}
            for kind, model in QUEUE_MODELS.items()}


def ingest(body: str, names: list[str], source: str):
    extracted = article(body, title=source, source=source, published=datetime.date(2025, 9, 9),
                        people=[person(body, name) for name in names])
    extracted.meetings = [meeting(body, names, mention="met")]
    save_article(extracted, source_path=source, report=IngestReport())


def test_the_counts_match_a_recount_after_ingest_review_merge_convert_and_delete():
    user = factories.UserFactory()
    ingest("Aibek Dzhaksybekov met Nurlan Temirbekov in Astana.", ["Aibek Dzhaksybekov", "Nurlan Temirbekov"], "a.txt")
    ingest("Dana Omarova met Timur Sadykov in Almaty.", ["Dana Omarova", "Timur Sadykov"], "b.txt")
    factories.OrganizationFactory.create_batch(3)
    factories.AgreementFactory.create_batch(2)
    assert review_counts(KINDS) == recount()
    people = list(Person.objects.order_by("pk"))
    record_verify(record=people[0], user=user)
    record_reject(record=people[1], user=user, reason="a desk name", code="not_person")
    records_decide(records=[Meeting.objects.first()], user=user, decision=ReviewStatus.UNSURE)
    assert review_counts(KINDS) == recount()
    review_undo(user=user)
    record_merge(kept=people[2], merged=people[3], user=user)  # the merged-away one leaves the counts
    assert review_counts(KINDS) == recount()
    record_convert(record=people[2], into="organization", user=user)
    assert review_counts(KINDS) == recount()
    Person.objects.filter(pk=people[0].pk).update(review_status=ReviewStatus.UNREVIEWED)
    factories.AgreementFactory(review_status=ReviewStatus.VERIFIED).delete()
    Meeting.objects.all().delete()
    assert review_counts(KINDS) == recount()
    assert recount()["person"] and not recount()["meeting"]  # the steps above did change something


@postgresql_only
def test_folding_the_signed_changes_keeps_the_counts(monkeypatch):
    monkeypatch.setattr(queue, "COUNT_ROWS_KEPT", 3)
    for _ in range(6):
        factories.PersonFactory()  # one INSERT statement, so one signed change, each
    before = recount()
    assert review_counts(KINDS) == before  # read, then folded: more than 3 rows were kept
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM archive_review_count WHERE kind = 'person'")
        assert cursor.fetchone()[0] == 1
    assert review_counts(KINDS) == before


@postgresql_only
def test_a_bulk_insert_and_a_truncate_are_counted_and_other_updates_write_nothing():
    Person.objects.bulk_create([Person(name=f"Person {i}", review_status=ReviewStatus.VERIFIED) for i in range(5)])
    assert review_counts(("person",)) == {"person": {ReviewStatus.VERIFIED: 5}}
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM archive_review_count")
        rows = cursor.fetchone()[0]
        Person.objects.update(title="Minister")  # no review state changes: no signed change is written
        cursor.execute("SELECT count(*) FROM archive_review_count")
        assert cursor.fetchone()[0] == rows
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred check may be pending on a TRUNCATE
        cursor.execute("TRUNCATE archive_person CASCADE")
    assert review_counts(("person",)) == {"person": {}}


def test_progress_costs_the_same_queries_at_two_sizes():
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            review_progress(KINDS)
        return len(captured)

    factories.PersonFactory()
    small = queries()
    factories.PersonFactory.create_batch(20)
    factories.MeetingFactory.create_batch(20)
    assert queries() == small
