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


def test_undo_takes_back_the_curators_last_batch_whole_and_restores_the_earlier_state():
    from archive.curation.review import records_decide, review_undo
    from archive.models import ReviewDecision

    user = factories.UserFactory()
    first, second, third = factories.PersonFactory.create_batch(3)
    record_reject(record=first, user=user, reason="a desk name", code="not_person")
    records_decide(records=[second, third], user=user, decision=ReviewStatus.UNSURE)
    undone = review_undo(user=user)
    assert {r.pk for r in undone} == {second.pk, third.pk}
    for record in (second, third):
        record.refresh_from_db()
        assert (record.review_status, record.reviewed_by, record.reviewed_at) == (ReviewStatus.UNREVIEWED, None,
                                                                                  None)
        assert record.history.latest().history_change_reason == "undid unsure"
    first.refresh_from_db()
    assert (first.review_status, first.review_note) == (ReviewStatus.REJECTED, "not a person: a desk name")
    review_undo(user=user)  # the next undo takes back the one before
    first.refresh_from_db()
    assert first.review_status == ReviewStatus.UNREVIEWED
    assert ReviewDecision.objects.filter(undone_at__isnull=True).count() == 0


def test_undo_restores_an_earlier_decision_and_leaves_another_curators_change_alone():
    from archive.curation.review import review_undo

    carla, olga = factories.UserFactory(), factories.UserFactory()
    person = factories.PersonFactory()
    record_verify(record=person, user=olga)
    record_reject(record=person, user=carla, reason="wrong country", code="wrong_country")
    review_undo(user=carla)
    person.refresh_from_db()
    assert (person.review_status, person.reviewed_by) == (ReviewStatus.VERIFIED, olga)
    record_reject(record=person, user=carla, code="duplicate")
    record_verify(record=person, user=olga)  # olga decided since: carla's undo would overwrite her
    with pytest.raises(CurationError):
        review_undo(user=carla)
    person.refresh_from_db()
    assert (person.review_status, person.reviewed_by) == (ReviewStatus.VERIFIED, olga)


def test_an_unknown_reason_or_decision_is_refused():
    from archive.curation.review import records_decide

    user = factories.UserFactory()
    person = factories.PersonFactory()
    with pytest.raises(CurationError):
        records_decide(records=[person], user=user, decision="rejected", reason="boring")
    with pytest.raises(CurationError):
        records_decide(records=[person], user=user, decision="deleted")
    assert Person.objects.get(pk=person.pk).review_status == ReviewStatus.UNREVIEWED


def test_progress_counts_live_records_by_type_and_each_curators_decisions_today():
    from archive.curation.queue import review_progress
    from archive.curation.review import records_decide, review_undo

    carla, olga = factories.UserFactory(username="carla"), factories.UserFactory(username="olga")
    people = factories.PersonFactory.create_batch(4)
    factories.PersonFactory(merged_into=people[0])  # a tombstone is not counted
    meeting = factories.MeetingFactory()
    records_decide(records=people[:2], user=carla, decision=ReviewStatus.VERIFIED)
    records_decide(records=[people[2]], user=carla, decision=ReviewStatus.UNSURE)
    records_decide(records=[meeting], user=olga, decision=ReviewStatus.REJECTED, reason="not_meeting")
    records_decide(records=[people[3]], user=olga, decision=ReviewStatus.VERIFIED)
    review_undo(user=olga)  # taken back: not counted
    progress = review_progress(("person", "meeting"))
    person, meetings = progress.types
    assert (person.total, person.reviewed, person.unsure, person.percent) == (4, 2, 1, 50)
    assert (meetings.total, meetings.reviewed) == (1, 1)
    assert (progress.reviewed, progress.total) == (3, 5)
    assert progress.today == [("carla", 3), ("olga", 1)]
