import pytest
from django.db import IntegrityError

from archive import models
from tests import factories

pytestmark = pytest.mark.django_db


def test_countries_are_loaded_by_migration():
    assert models.Country.objects.get(code="KZ").name == "Kazakhstan"
    assert models.Country.objects.get(code="IR").name == "Iran"


def test_the_european_union_stands_beside_the_countries_and_ingest_names_it():
    from archive.ingest.countries import country_for

    union = models.Country.objects.get(code="EU")
    assert union.name == "European Union"
    assert country_for("European Union") == union and country_for("EU") == union


def test_evidence_must_point_at_exactly_one_record():
    article = factories.ArticleFactory()
    with pytest.raises(IntegrityError):
        factories.EvidenceFactory(article=article, person=None)


def test_evidence_cannot_point_at_two_records():
    with pytest.raises(IntegrityError):
        factories.EvidenceFactory(organization=factories.OrganizationFactory())


def test_the_same_text_cannot_be_two_articles():
    article = factories.ArticleFactory()
    with pytest.raises(IntegrityError):
        factories.ArticleFactory(content_hash=article.content_hash)


def test_a_person_joins_a_meeting_once():
    participant = factories.MeetingParticipantFactory()
    with pytest.raises(IntegrityError):
        factories.MeetingParticipantFactory(meeting=participant.meeting, person=participant.person)


def test_unresolved_participants_may_share_a_meeting():
    meeting = factories.MeetingFactory()
    factories.MeetingParticipantFactory(meeting=meeting, person=None, name="an envoy")
    factories.MeetingParticipantFactory(meeting=meeting, person=None, name="a trade official")
    assert meeting.participants.count() == 2


def test_a_deleted_person_leaves_the_written_name_on_the_meeting():
    participant = factories.MeetingParticipantFactory(name="Mr Example")
    participant.person.delete()
    participant.refresh_from_db()
    assert participant.person is None
    assert participant.name == "Mr Example"


def test_live_records_exclude_rejected_and_merged():
    kept = factories.PersonFactory()
    factories.PersonFactory(review_status=models.ReviewStatus.REJECTED)
    factories.PersonFactory(merged_into=kept)
    assert list(models.Person.objects.live()) == [kept]


def test_a_merged_record_resolves_to_the_kept_one():
    kept = factories.PersonFactory()
    middle = factories.PersonFactory(merged_into=kept)
    tombstone = factories.PersonFactory(merged_into=middle)
    assert tombstone.resolved() == kept


def test_records_have_natural_keys():
    person = factories.PersonFactory()
    assert models.Person.objects.get_by_natural_key(*person.natural_key()) == person
    article = factories.ArticleFactory()
    assert models.Article.objects.get_by_natural_key(*article.natural_key()) == article


def test_every_record_change_is_kept_in_history():
    person = factories.PersonFactory(name="First Spelling")
    person.name = "Second Spelling"
    person.save()
    assert [h.name for h in person.history.all()] == ["Second Spelling", "First Spelling"]
