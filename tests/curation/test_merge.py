"""Merging moves everything to the kept record, loses nothing, and undo restores the archive exactly."""

import pytest
from django.forms.models import model_to_dict

from archive import models
from archive.curation import CurationError
from archive.curation.duplicates import duplicate_judge
from archive.curation.merge import merge_undo, record_merge
from tests import factories

pytestmark = pytest.mark.django_db

ROW_MODELS = [models.PersonAlias, models.OrganizationAlias, models.Role, models.Evidence, models.MeetingParticipant,
              models.AgreementParty, models.AgreementStatusChange, models.FieldConflict, models.DuplicateDecision]
RECORD_FIELDS_TO_COMPARE = ["merged_into", "is_curated", "review_status", "name", "title"]


def snapshot():
    """Every row that a merge may touch, as plain values."""
    rows = {model.__name__: sorted((model_to_dict(r) | {"pk": r.pk} for r in model.objects.all()),
                                   key=lambda d: d["pk"]) for model in ROW_MODELS}
    rows["Person"] = sorted((p.pk, p.merged_into_id, p.is_curated, p.name) for p in models.Person.objects.all())
    rows["sectors"] = sorted((a.pk, tuple(sorted(a.sectors.values_list("pk", flat=True))))
                             for a in models.Agreement.objects.all())
    return rows


@pytest.fixture
def user():
    return factories.UserFactory()


@pytest.fixture
def duplicates():
    """Two records of one man, with every kind of row, some of them twins."""
    kept = factories.PersonFactory(name="Aibek Dzhaksybekov")
    merged = factories.PersonFactory(name="Aibek Djaksybekov", country=kept.country)
    factories.PersonAliasFactory(person=kept, name="Dzhaksybekov", normalized="dzhaksybekov",
                                 surname_key="dzhaksybekov")
    factories.PersonAliasFactory(person=merged, name="Dzhaksybekov", normalized="dzhaksybekov",
                                 surname_key="dzhaksybekov")  # twin of the kept alias
    factories.PersonAliasFactory(person=merged, name="Mr Djaksybekov", normalized="djaksybekov",
                                 surname_key="djaksybekov")
    article = factories.ArticleFactory()
    factories.RoleFactory(person=merged, title="Foreign Minister", article=article)
    factories.RoleFactory(person=kept, title="Foreign Minister", article=article)  # twin
    factories.RoleFactory(person=merged, title="Ambassador")
    factories.EvidenceFactory(person=merged, article=article, start=0, end=10)
    factories.EvidenceFactory(person=kept, article=article, start=0, end=10)  # twin span
    factories.EvidenceFactory(person=merged, start=5, end=15)
    shared_meeting = factories.MeetingFactory()
    factories.MeetingParticipantFactory(meeting=shared_meeting, person=kept)
    factories.MeetingParticipantFactory(meeting=shared_meeting, person=merged)  # both in one meeting
    factories.MeetingParticipantFactory(person=merged)
    factories.AgreementPartyFactory(person=merged)
    return kept, merged


def test_a_merge_moves_every_row_and_the_merged_name_becomes_an_alias(duplicates, user):
    kept, merged = duplicates
    merge = record_merge(kept=kept, merged=merged, user=user)
    assert not models.PersonAlias.objects.filter(person=merged).exists()
    assert set(kept.aliases.values_list("normalized", flat=True)) == {
        "dzhaksybekov", "djaksybekov", "aibek djaksybekov"}
    assert kept.roles.count() == 2
    assert kept.evidence.count() == 2
    assert kept.meeting_participations.count() == 2
    assert kept.agreement_parties.count() == 1
    assert not models.Evidence.objects.filter(person=merged).exists()
    merged.refresh_from_db()
    kept.refresh_from_db()
    assert merged.merged_into == kept and merged.resolved() == kept
    assert merged.is_curated and kept.is_curated  # ingest leaves both alone
    assert len(merge.changes["deleted"]) == 4  # the twin alias, role, evidence and participant are kept aside
    assert merged.history.latest().history_user == user


def test_undo_restores_every_row_exactly(duplicates, user):
    kept, merged = duplicates
    before = snapshot()
    merge = record_merge(kept=kept, merged=merged, user=user)
    assert snapshot() != before
    merge_undo(merge=merge, user=user)
    assert snapshot() == before
    merge.refresh_from_db()
    assert merge.undone_at is not None and merge.undone_by == user


def test_a_pair_judged_not_the_same_is_not_merged(user):
    a, b = factories.PersonFactory(name="Ali Khan"), factories.PersonFactory(name="Ali Khan")
    duplicate_judge(a=a, b=b, verdict=models.Verdict.NOT_SAME, user=user)
    with pytest.raises(CurationError, match="not the same"):
        record_merge(kept=a, merged=b, user=user)
    assert models.Person.objects.get(pk=b.pk).merged_into is None


def test_a_merge_records_the_pair_as_the_same_and_undo_forgets_it(user):
    a, b = factories.PersonFactory(), factories.PersonFactory()
    merge = record_merge(kept=a, merged=b, user=user)
    assert models.DuplicateDecision.objects.get().verdict == models.Verdict.SAME
    merge_undo(merge=merge, user=user)
    assert not models.DuplicateDecision.objects.exists()


def test_a_tombstone_cannot_be_kept_or_merged_again(user):
    a, b, c = factories.PersonFactory(), factories.PersonFactory(), factories.PersonFactory()
    record_merge(kept=a, merged=b, user=user)
    with pytest.raises(CurationError):
        record_merge(kept=b, merged=c, user=user)
    with pytest.raises(CurationError):
        record_merge(kept=c, merged=b, user=user)


def test_undo_waits_for_a_later_merge_of_the_kept_record(user):
    a, b, c = factories.PersonFactory(), factories.PersonFactory(), factories.PersonFactory()
    first = record_merge(kept=b, merged=a, user=user)
    second = record_merge(kept=c, merged=b, user=user)
    with pytest.raises(CurationError, match="undo that merge first"):
        merge_undo(merge=first, user=user)
    merge_undo(merge=second, user=user)
    merge_undo(merge=first, user=user)
    assert not models.Person.objects.filter(merged_into__isnull=False).exists()


def test_undo_keeps_a_curators_later_edit_of_the_kept_record_protected(user):
    a, b = factories.PersonFactory(), factories.PersonFactory()
    merge = record_merge(kept=a, merged=b, user=user)
    a.refresh_from_db()
    a.title = "Deputy Prime Minister"
    a.save()
    merge_undo(merge=merge, user=user)
    a.refresh_from_db()
    assert a.is_curated and a.title == "Deputy Prime Minister"


def test_organizations_merge_with_their_names_and_acronyms(user):
    kept = factories.OrganizationFactory(name="Ministry of Foreign Affairs of Kazakhstan", acronym="MFA")
    merged = factories.OrganizationFactory(name="Kazakh Foreign Ministry", acronym="KFM", country=kept.country)
    factories.EvidenceFactory(person=None, organization=merged)
    factories.MeetingParticipantFactory(person=None, organization=merged, name=merged.name)
    before = snapshot()
    merge = record_merge(kept=kept, merged=merged, user=user)
    assert set(kept.aliases.values_list("name", flat=True)) == {"Kazakh Foreign Ministry", "KFM"}
    assert kept.evidence.count() == 1 and kept.meeting_participations.count() == 1
    merge_undo(merge=merge, user=user)
    assert snapshot() == before


def test_meetings_merge_participants_and_sources_without_doubles(user):
    kept, merged = factories.MeetingFactory(), factories.MeetingFactory()
    person = factories.PersonFactory()
    factories.MeetingParticipantFactory(meeting=kept, person=person)
    factories.MeetingParticipantFactory(meeting=merged, person=person)  # twin
    factories.MeetingParticipantFactory(meeting=merged, person=None, name="a Chinese delegation")
    factories.EvidenceFactory(person=None, meeting=merged)
    factories.FieldConflictFactory(meeting=merged)
    before = snapshot()
    merge = record_merge(kept=kept, merged=merged, user=user)
    assert kept.participants.count() == 2
    assert kept.evidence.count() == 1 and kept.conflicts.count() == 1
    merge_undo(merge=merge, user=user)
    assert snapshot() == before


def test_agreements_merge_parties_status_history_sectors_and_twin_evidence(user):
    kept, merged = factories.AgreementFactory(), factories.AgreementFactory()
    factories.AgreementPartyFactory(agreement=kept)
    factories.AgreementPartyFactory(agreement=merged)  # the same country: a twin
    factories.AgreementPartyFactory(agreement=merged, country=factories.country("UZ"))
    article = factories.ArticleFactory()
    kept_evidence = factories.EvidenceFactory(person=None, agreement=kept, article=article, start=3, end=9)
    merged_evidence = factories.EvidenceFactory(person=None, agreement=merged, article=article, start=3, end=9)
    step = factories.AgreementStatusChangeFactory(agreement=merged, status="signed", article=article,
                                                  evidence=merged_evidence)
    factories.AgreementStatusChangeFactory(agreement=kept, status="proposed", article=article, evidence=kept_evidence)
    merged.sectors.add(factories.SectorFactory(name="energy"))
    before = snapshot()
    merge = record_merge(kept=kept, merged=merged, user=user)
    step.refresh_from_db()
    assert step.agreement == kept and step.evidence == kept_evidence  # its evidence's twin stands in
    assert kept.parties.count() == 2
    assert list(kept.sectors.values_list("name", flat=True)) == ["energy"]
    merge_undo(merge=merge, user=user)
    assert snapshot() == before
