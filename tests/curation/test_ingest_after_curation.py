"""Re-ingesting after a curator's verify, edit, reject, merge and "not the same" changes none of their work."""

import datetime

import pytest

from archive.curation.aliases import alias_keys
from archive.curation.duplicates import duplicate_judge
from archive.curation.merge import record_merge
from archive.curation.review import record_reject, record_verify
from archive.ingest.articles import save_article
from archive.ingest.report import IngestReport
from archive.models import Evidence, Person, PersonAlias, ReviewStatus, Verdict
from tests import factories
from tests.ingest.builders import article, person

pytestmark = pytest.mark.django_db


def ingest(body, name, *, source, title=None, country="Kazakhstan", published=datetime.date(2025, 9, 9)):
    report = IngestReport()
    extracted = article(body, title=source, source=source, published=published,
                        people=[person(body, name, title=title, country=country)])
    save_article(extracted, source_path=source, report=report)
    return report


def test_a_merged_name_links_to_the_kept_record_and_is_never_recreated():
    user = factories.UserFactory()
    ingest("Aibek Dzhaksybekov arrived in Tashkent.", "Aibek Dzhaksybekov", source="a.txt")
    ingest("Nurlan Temirbekov spoke in Astana.", "Nurlan Temirbekov", source="b.txt")
    kept = Person.objects.get(name="Aibek Dzhaksybekov")
    merged = Person.objects.get(name="Nurlan Temirbekov")  # a curator knows better than the spelling
    record_merge(kept=kept, merged=merged, user=user)
    kept.refresh_from_db()
    state = (kept.name, kept.title, kept.country_id, kept.is_curated)
    ingest("Nurlan Temirbekov met the press in Almaty.", "Nurlan Temirbekov", source="c.txt", title="Adviser")
    assert Person.objects.count() == 2
    assert Evidence.objects.filter(person=kept).count() == 3
    kept.refresh_from_db()
    assert (kept.name, kept.title, kept.country_id, kept.is_curated) == state
    assert Person.objects.get(pk=merged.pk).merged_into == kept


def test_verified_edited_and_rejected_records_stay_as_curators_left_them():
    user = factories.UserFactory()
    ingest("Aibek Dzhaksybekov arrived in Tashkent.", "Aibek Dzhaksybekov", source="a.txt", title="Minister")
    ingest("Nurlan Temirbekov spoke in Astana.", "Nurlan Temirbekov", source="b.txt", title="Envoy")
    verified = Person.objects.get(name="Aibek Dzhaksybekov")
    rejected = Person.objects.get(name="Nurlan Temirbekov")
    verified.title = "Foreign Minister"
    verified.is_curated = True
    verified.save()
    record_verify(record=verified, user=user)
    record_reject(record=rejected, user=user, reason="not a person")
    ingest("Prime Minister Aibek Dzhaksybekov met Nurlan Temirbekov.", "Aibek Dzhaksybekov", source="c.txt",
           title="Prime Minister", published=datetime.date(2025, 10, 1))
    ingest("Nurlan Temirbekov again.", "Nurlan Temirbekov", source="d.txt", title="Envoy")
    verified.refresh_from_db()
    assert verified.title == "Foreign Minister" and verified.review_status == ReviewStatus.VERIFIED
    assert Person.objects.get(pk=rejected.pk).review_status == ReviewStatus.REJECTED
    assert Person.objects.filter(name="Nurlan Temirbekov").count() == 1


def two_people_named_khan():
    """Two records a curator knows apart: "Ali Khan" and "Ali Raza Khan" of one country."""
    records = []
    for name in ("Ali Khan", "Ali Raza Khan"):
        record = factories.PersonFactory(name=name, country=factories.country("PK"))
        factories.PersonAliasFactory(person=record, name=name, **alias_keys(name, PersonAlias))
        records.append(record)
    return records


def test_ingest_does_not_fold_a_name_into_one_of_two_people_judged_different():
    ali, ali_raza = two_people_named_khan()
    duplicate_judge(a=ali, b=ali_raza, verdict=Verdict.NOT_SAME, user=factories.UserFactory())
    report = ingest("Ali Khan said on Monday.", "Ali Khan", source="c.txt", country="Pakistan")
    assert report.counts["ambiguous names left for curators"] == 1
    assert Person.objects.count() == 3  # a new record for a curator to place, not a guess
    assert not Evidence.objects.filter(person__in=[ali, ali_raza]).exists()


def test_without_a_verdict_the_closest_name_is_linked_as_before():
    ali, ali_raza = two_people_named_khan()
    ingest("Ali Khan said on Monday.", "Ali Khan", source="c.txt", country="Pakistan")
    assert Person.objects.count() == 2
    assert Evidence.objects.get().person == ali
