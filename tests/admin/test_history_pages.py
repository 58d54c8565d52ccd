"""History a curator can read and use: versions in words with their links, and revert that restores the links too."""

import pytest

from archive import models
from archive.curation.merge import record_merge
from tests import factories
from tests.admin.test_write_paths import form_data

pytestmark = pytest.mark.django_db


def meeting_with_two_participants():
    meeting = factories.MeetingFactory(topic="grain exports")
    kept = factories.MeetingParticipantFactory(meeting=meeting, person=factories.PersonFactory(name="Temir Abenov"),
                                               name="Temir Abenov")
    removed = factories.MeetingParticipantFactory(meeting=meeting, name="Dana Serikova",
                                                  person=factories.PersonFactory(name="Dana Serikova"))
    return meeting, kept, removed


def remove_participant(client, meeting, participant):
    url = f"/admin/archive/meeting/{meeting.pk}/change/"
    index = list(meeting.participants.order_by("id").values_list("pk", flat=True)).index(participant.pk)

    def delete(data, prefixes):
        data[f"{prefixes[models.MeetingParticipant]}-{index}-DELETE"] = "on"

    response = client.post(url, form_data(url, delete))
    assert response.status_code == 302
    assert not models.MeetingParticipant.objects.filter(pk=participant.pk).exists()


def test_reverting_a_meeting_to_before_a_participant_was_removed_brings_the_participant_back(curator_client):
    meeting, kept, removed = meeting_with_two_participants()
    before_edit = meeting.history.latest()  # written before ingest added the participants
    remove_participant(curator_client, meeting, removed)
    added_since = factories.MeetingParticipantFactory(meeting=meeting, name="Arman Tulegenov", person=None)

    url = f"/admin/archive/meeting/{meeting.pk}/history/{before_edit.history_id}/"
    page = curator_client.get(url)
    assert "Dana Serikova" in page.content.decode()  # the version lists its links
    response = curator_client.post(url, form_data(url))
    assert response.status_code == 302
    back = models.MeetingParticipant.objects.get(pk=removed.pk)
    assert (back.meeting, back.name, back.person_id) == (meeting, "Dana Serikova", removed.person_id)
    assert models.MeetingParticipant.objects.filter(pk=kept.pk).exists()
    assert not models.MeetingParticipant.objects.filter(pk=added_since.pk).exists()
    latest = meeting.history.latest()
    assert latest.history_change_reason.startswith("reverted to the version of")
    assert {row["label"] for row in latest.links["participants"]} == {"Temir Abenov", "Dana Serikova"}


def test_the_history_page_says_in_words_what_changed_with_labelled_columns(curator_client, curator):
    meeting, _, removed = meeting_with_two_participants()
    meeting.extracted = {"topic": "grain", "location": "Astana"}
    meeting.save()
    remove_participant(curator_client, meeting, removed)
    meeting.refresh_from_db()
    meeting.extracted = {"topic": "grain and rail", "location": "Astana"}
    meeting.save()
    page = curator_client.get(f"/admin/archive/meeting/{meeting.pk}/history/").content.decode()
    assert "participant removed: Dana Serikova</li>" in page
    assert "extractor&#x27;s topic: grain → grain and rail" in page
    assert "edited by a person: no → yes" in page
    assert "<th scope=\"col\">review status</th>" in page and "<th scope=\"col\">edited by a person</th>" in page
    assert "REVIEW_STATUS" not in page.upper().replace("REVIEW STATUS", "")
    assert "Deleted user" not in page and "pk=None" not in page
    assert "the extractor" in page and curator.username in page


def test_a_participant_removed_on_its_own_page_is_a_version_too(curator_client):
    meeting, _, removed = meeting_with_two_participants()
    response = curator_client.post(f"/admin/archive/meetingparticipant/{removed.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    latest = meeting.history.latest()
    assert latest.history_change_reason == "deleted meeting participant"
    assert [row["label"] for row in latest.links["participants"]] == ["Temir Abenov"]
    assert "Dana Serikova" in str(meeting.history.all()[1].links)  # the version before holds it


def test_reverting_to_before_the_record_absorbed_another_is_refused_until_the_merge_is_undone(curator_client,
                                                                                              curator):
    person = factories.PersonFactory(title="Ambassador")
    first = person.history.latest()
    twin = factories.PersonFactory(name=person.name)
    factories.RoleFactory(person=twin, title="Consul")
    record_merge(kept=person, merged=twin, user=curator)
    url = f"/admin/archive/person/{person.pk}/history/{first.history_id}/"
    response = curator_client.post(url, form_data(url), follow=True)
    assert "undo that merge first" in response.content.decode()
    assert person.roles.filter(title="Consul").exists()


def test_reverting_an_agreement_restores_its_parties_and_status_steps(curator_client):
    agreement = factories.AgreementFactory(title="Rail memorandum")
    party = factories.AgreementPartyFactory(agreement=agreement, name="Kazakhstan")
    step = factories.AgreementStatusChangeFactory(agreement=agreement)
    url = f"/admin/archive/agreement/{agreement.pk}/change/"
    before = agreement.history.latest()

    def delete_both(data, prefixes):
        data[f"{prefixes[models.AgreementParty]}-0-DELETE"] = "on"
        data[f"{prefixes[models.AgreementStatusChange]}-0-DELETE"] = "on"
        data["title"] = "Road memorandum"

    assert curator_client.post(url, form_data(url, delete_both)).status_code == 302
    assert not agreement.parties.exists()
    revert = f"/admin/archive/agreement/{agreement.pk}/history/{before.history_id}/"
    curator_client.post(revert, form_data(revert))
    agreement.refresh_from_db()
    assert agreement.title == "Rail memorandum"
    assert list(agreement.parties.values_list("pk", flat=True)) == [party.pk]
    assert list(agreement.status_changes.values_list("pk", flat=True)) == [step.pk]


def test_a_person_added_with_an_alias_has_a_version_that_shows_it(curator_client):
    response = curator_client.post("/admin/archive/person/add/", {
        "name": "Aigerim Saparova", "aliases-TOTAL_FORMS": 1, "aliases-INITIAL_FORMS": 0,
        "aliases-0-name": "A. Saparova", "roles-TOTAL_FORMS": 0, "roles-INITIAL_FORMS": 0})
    assert response.status_code == 302
    person = models.Person.objects.get(name="Aigerim Saparova")
    page = curator_client.get(f"/admin/archive/person/{person.pk}/history/").content.decode()
    assert "alias added: A. Saparova" in page and "created" in page


def test_versions_from_before_links_were_kept_say_nothing_about_links(curator_client):
    meeting, _, _ = meeting_with_two_participants()
    meeting.save()
    meeting.history.update(links={})  # as the versions written before this feature
    meeting.topic = "rail"
    meeting.save()
    page = curator_client.get(f"/admin/archive/meeting/{meeting.pk}/history/").content.decode()
    assert "topic: grain exports → rail" in page and "participant added" not in page
