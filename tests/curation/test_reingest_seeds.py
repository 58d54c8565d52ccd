"""Re-ingesting seeds/ after a curator verified, edited, rejected and merged changes none of their work."""

import shutil
from pathlib import Path

import pytest

from archive.curation.merge import record_merge
from archive.curation.review import record_reject, record_verify
from archive.ingest import ingest_paths
from archive.models import Evidence, Meeting, Person, ReviewStatus
from tests import factories

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def state(record):
    return {f.attname: getattr(record, f.attname) for f in record._meta.concrete_fields
            if f.attname not in ("updated_at", "extracted", "confidence")}


def test_reingesting_changed_seed_files_keeps_every_curators_decision(tmp_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    assert ingest_paths([corpus]).errors == []
    user = factories.UserFactory()

    meeting = Meeting.objects.order_by("pk").first()
    record_verify(record=meeting, user=user)
    edited = Person.objects.get(name="Murat Nurtleu")
    edited.title = "Foreign Minister"
    edited.is_curated = True
    edited.save()
    rejected = Person.objects.get(name="Shabbir Hussain")
    record_reject(record=rejected, user=user, reason="a caption credit")
    kept, merged = Person.objects.get(name="Attaullah Tarar"), Person.objects.get(name="Hanif Abbasi")
    record_merge(kept=kept, merged=merged, user=user)
    records = [meeting, edited, rejected, kept, merged]
    before = [state(type(r).objects.get(pk=r.pk)) for r in records]

    again = ingest_paths([corpus])
    assert again.counts["articles unchanged"] == 7 and not again.changed_anything
    for path in corpus.iterdir():  # every story changes: ingest updates each article in place
        path.write_text(path.read_text(encoding="utf-8", errors="replace") + "\n\nOfficials said talks would continue.\n",
                        encoding="utf-8")
    report = ingest_paths([corpus])
    assert report.errors == [] and report.counts["articles updated"] == 5  # the last story of each file

    assert [state(type(r).objects.get(pk=r.pk)) for r in records] == before
    assert not Person.objects.live().filter(name="Shabbir Hussain").exists()
    assert not Person.objects.live().filter(name="Hanif Abbasi").exists()
    assert Evidence.objects.filter(person=kept).exists() and not Evidence.objects.filter(person=merged).exists()
    assert Meeting.objects.get(pk=meeting.pk).review_status == ReviewStatus.VERIFIED
