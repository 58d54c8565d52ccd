"""A changed file ingested again finds the records its earlier text wrote and keeps a curator's work on them."""

import pytest
from django.contrib.auth import get_user_model

from archive.curation.review import record_mark_curated, record_verify
from archive.models import Agreement, Evidence, Meeting, Person, ReviewStatus, Role
from tests.ingest.test_bad_input import run

pytestmark = pytest.mark.django_db

TEXT = """Kazakh minister holds talks with development banks

ASTANA: Kazakh Foreign Minister Yerzhan Baimukhanov met representatives of the Asian Development Bank and the Islamic Development Bank in Astana on Monday to discuss financing for transit corridors.

The ministry said the talks would continue next month.
"""
CORRECTED_TITLE = "Deputy Prime Minister and Foreign Minister"


@pytest.fixture
def curator():
    return get_user_model().objects.create_user("curator", password="x", is_staff=True)


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert run(path)[0] == 0
    return path


def change_a_word(path):
    path.write_text(TEXT.replace("financing", "funding"), encoding="utf-8")
    code, out, err = run(path)
    assert code == 0, err
    assert "1 updated" in out


def test_a_verified_meeting_of_one_person_and_two_organizations_keeps_its_evidence_after_its_file_changes(
        story, curator):
    meeting = Meeting.objects.get()
    assert {p.name for p in meeting.participants.all()} == {
        "Yerzhan Baimukhanov", "Asian Development Bank", "Islamic Development Bank"}
    record_verify(record=meeting, user=curator)
    change_a_word(story)
    assert list(Meeting.objects.values_list("pk", flat=True)) == [meeting.pk]  # no unverified twin
    meeting.refresh_from_db()
    assert meeting.review_status == ReviewStatus.VERIFIED and meeting.reviewed_by == curator
    evidence = Evidence.objects.get(meeting=meeting)
    assert "funding" in evidence.sentence
    assert evidence.article.body[evidence.sentence_start:evidence.sentence_end] == evidence.sentence


def test_an_edited_meeting_whose_participants_a_curator_changed_is_still_found(story, curator):
    meeting = Meeting.objects.get()
    meeting.participants.exclude(person=None).delete()  # the curator judged the minister was not there
    meeting.location = "Almaty"
    meeting.save()
    record_mark_curated(record=meeting, user=curator)
    change_a_word(story)
    assert list(Meeting.objects.values_list("pk", flat=True)) == [meeting.pk]
    meeting.refresh_from_db()
    assert meeting.location == "Almaty" and meeting.is_curated
    assert Evidence.objects.filter(meeting=meeting).exists()


def test_an_unreviewed_meeting_is_updated_in_place_not_duplicated(story):
    meeting = Meeting.objects.get()
    change_a_word(story)
    assert list(Meeting.objects.values_list("pk", flat=True)) == [meeting.pk]
    assert Evidence.objects.filter(meeting=meeting).count() >= 1


def test_a_curators_corrected_role_title_survives_a_changed_file(story, curator):
    person = Person.objects.get(name="Yerzhan Baimukhanov")
    role = Role.objects.get(person=person)
    assert role.title == "Foreign Minister"
    role.title = CORRECTED_TITLE
    role.save()
    record_mark_curated(record=person, user=curator, reason="edited related rows")
    change_a_word(story)
    assert list(Role.objects.filter(person=person).values_list("title", flat=True)) == [CORRECTED_TITLE]


def test_the_roles_of_an_untouched_person_follow_the_changed_text(story):
    story.write_text(TEXT.replace("Foreign Minister", "Energy Minister"), encoding="utf-8")
    assert run(story)[0] == 0
    person = Person.objects.get(name="Yerzhan Baimukhanov")
    assert list(Role.objects.filter(person=person).values_list("title", flat=True)) == ["Energy Minister"]


AGREEMENT_TEXT = """Kazakhstan and Pakistan sign transit accord

ASTANA: Kazakhstan and Pakistan signed an agreement on transit trade in Astana on Monday, officials said.

The agreement covers road and rail transport, the ministry said.
"""


def test_a_verified_agreement_whose_title_the_changed_text_rewords_keeps_its_evidence(tmp_path, curator):
    path = tmp_path / "accord.txt"
    path.write_text(AGREEMENT_TEXT, encoding="utf-8")
    assert run(path)[0] == 0
    agreement = Agreement.objects.get()
    record_verify(record=agreement, user=curator)
    path.write_text(AGREEMENT_TEXT.replace("transit trade", "customs cooperation"), encoding="utf-8")
    assert run(path)[0] == 0
    assert list(Agreement.objects.values_list("pk", flat=True)) == [agreement.pk]
    agreement.refresh_from_db()
    assert agreement.review_status == ReviewStatus.VERIFIED
    assert "transit trade" in agreement.title  # a verified record keeps its fields
    assert any("customs cooperation" in e.sentence for e in Evidence.objects.filter(agreement=agreement))


def test_a_role_a_curator_deleted_does_not_come_back_with_a_changed_file(story, curator):
    person = Person.objects.get(name="Yerzhan Baimukhanov")
    Role.objects.filter(person=person).delete()
    record_mark_curated(record=person, user=curator, reason="edited related rows")
    change_a_word(story)
    assert not Role.objects.filter(person=person).exists()


def test_a_verified_person_named_by_a_new_article_still_gains_its_role(story, curator, tmp_path):
    person = Person.objects.get(name="Yerzhan Baimukhanov")
    record_verify(record=person, user=curator)
    other = tmp_path / "other.txt"
    other.write_text(TEXT.replace("Foreign Minister", "Energy Minister").replace("financing", "loans"), encoding="utf-8")
    assert run(other)[0] == 0
    assert set(Role.objects.filter(person=person).values_list("title", flat=True)) == {
        "Foreign Minister", "Energy Minister"}
