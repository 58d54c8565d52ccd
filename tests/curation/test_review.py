import pytest

from archive.curation import CurationError
from archive.curation.review import record_reject, record_verify, records_verify
from archive.models import Person, ReviewStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_verifying_records_who_and_when_and_keeps_it_in_history():
    user = factories.UserFactory()
    person = factories.PersonFactory()
    record_verify(record=person, user=user, note="checked against the ministry's site")
    person.refresh_from_db()
    assert person.review_status == ReviewStatus.VERIFIED
    assert person.reviewed_by == user
    assert person.reviewed_at is not None
    latest = person.history.latest()
    assert latest.history_user == user
    assert latest.history_change_reason == "verified: checked against the ministry's site"


def test_rejecting_keeps_the_reason():
    user = factories.UserFactory()
    meeting = factories.MeetingFactory()
    record_reject(record=meeting, user=user, reason="not a meeting: a phone call")
    meeting.refresh_from_db()
    assert meeting.review_status == ReviewStatus.REJECTED
    assert meeting.review_note == "not a meeting: a phone call"
    assert meeting.is_locked


def test_a_tombstone_is_not_reviewed_and_a_batch_with_one_is_undone_whole():
    user = factories.UserFactory()
    kept = factories.PersonFactory()
    tombstone = factories.PersonFactory(merged_into=kept)
    other = factories.PersonFactory()
    with pytest.raises(CurationError):
        records_verify(records=[other, tombstone], user=user)
    assert Person.objects.get(pk=other.pk).review_status == ReviewStatus.UNREVIEWED
