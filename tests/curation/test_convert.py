"""'This is an organization / a person / a place': links move to the right kind, undo restores the archive exactly,
and re-ingest keeps the curator's decision."""

import datetime

import pytest
from django.forms.models import model_to_dict

from archive import models
from archive.curation import CurationError
from archive.curation.history import links_changes
from archive.curation.convert import conversion_plan, conversion_undo, record_convert
from archive.ingest.articles import save_article
from archive.ingest.report import IngestReport
from tests import factories
from tests.ingest.builders import article, meeting, organization, person

pytestmark = pytest.mark.django_db

ROW_MODELS = [models.PersonAlias, models.OrganizationAlias, models.Role, models.Evidence, models.MeetingParticipant,
              models.AgreementParty, models.AgreementStatusChange]
RECORD_FIELDS = ["name", "review_status", "reviewed_by", "reviewed_at", "review_note", "is_curated", "location",
                 "merged_into"]


def snapshot():
    """Every row a conversion may touch, and the records' review state, as plain values."""
    rows = {model.__name__: sorted((model_to_dict(r) | {"pk": r.pk} for r in model.objects.all()),
                                   key=lambda d: d["pk"]) for model in ROW_MODELS}
    for model in (models.Person, models.Organization, models.Meeting):
        rows[model.__name__] = sorted(
            (tuple(getattr(r, f, None) for f in RECORD_FIELDS) + (r.pk,) for r in model.objects.all()),
            key=lambda row: row[-1])
    return rows


@pytest.fixture
def user():
    return factories.UserFactory()


@pytest.fixture
def airbase():
    """An organization word read as a person: evidence, two meetings (one without a location), a party link."""
    record = factories.PersonFactory(name="Steppe Grain Board", review_status="verified")
    factories.PersonAliasFactory(person=record, name="Grain Board", normalized="grain board", surname_key="board")
    article_ = factories.ArticleFactory()
    factories.EvidenceFactory(person=record, article=article_, start=0, end=17)
    factories.EvidenceFactory(person=record, start=3, end=9)
    somewhere = factories.MeetingFactory(location="Astana")
    nowhere = factories.MeetingFactory(location="")
    for target in (somewhere, nowhere):
        factories.MeetingParticipantFactory(meeting=target, person=record, name=record.name)
    party = factories.AgreementPartyFactory(person=record, country=factories.country("KZ"), name="Kazakhstan")
    return {"record": record, "article": article_, "somewhere": somewhere, "nowhere": nowhere, "party": party}


def test_a_person_becomes_a_new_organization_with_its_evidence_links_and_names(airbase, user):
    record = airbase["record"]
    conversion = record_convert(record=record, into="organization", user=user)
    org = models.Organization.objects.get(name="Steppe Grain Board")
    assert conversion.target == org and org.is_curated
    assert org.evidence.count() == 2 and not record.evidence.exists()
    assert set(org.meeting_participations.values_list("meeting_id", flat=True)) == {
        airbase["somewhere"].pk, airbase["nowhere"].pk}
    assert not models.MeetingParticipant.objects.filter(person=record).exists()
    airbase["party"].refresh_from_db()
    assert (airbase["party"].organization, airbase["party"].person) == (org, None)
    assert set(org.aliases.values_list("normalized", flat=True)) == {"steppe grain board", "grain board"}
    record.refresh_from_db()
    assert record.review_status == "rejected" and record.is_curated and record.reviewed_by == user
    assert record.review_note == f"not a person: converted into organization #{org.pk}"
    assert record.aliases.count() == 1  # its names stay: ingest resolves them to it and skips it


def test_an_existing_organization_of_that_name_is_reused_and_twin_rows_are_kept_aside(airbase, user):
    record = airbase["record"]
    org = factories.OrganizationFactory(name="Steppe Grain Council")
    factories.OrganizationAliasFactory(organization=org, name="Steppe Grain Board", normalized="steppe grain board")
    factories.EvidenceFactory(organization=org, person=None, article=airbase["article"], start=0, end=17)  # the same mention
    factories.MeetingParticipantFactory(meeting=airbase["somewhere"], organization=org, person=None)
    before = snapshot()
    conversion = record_convert(record=record, into="organization", user=user)
    assert conversion.target == org and models.Organization.objects.count() == 1
    assert org.evidence.count() == 2 and org.meeting_participations.count() == 2
    assert len(conversion.changes["deleted"]) == 2  # the twin evidence and participation
    conversion_undo(conversion=conversion, user=user)
    assert snapshot() == before


def test_undo_restores_everything_and_deletes_the_organization_it_created(airbase, user):
    before = snapshot()
    conversion = record_convert(record=airbase["record"], into="organization", user=user)
    assert snapshot() != before
    conversion_undo(conversion=conversion, user=user)
    assert snapshot() == before
    assert not models.Organization.objects.exists()
    conversion.refresh_from_db()
    assert conversion.undone_by == user
    with pytest.raises(CurationError):
        conversion_undo(conversion=conversion, user=user)


def test_an_organization_becomes_a_person(user):
    org = factories.OrganizationFactory(name="Temir Abenov", acronym="TA")
    factories.OrganizationAliasFactory(organization=org, name="TA", normalized="ta")
    factories.EvidenceFactory(organization=org, person=None)
    talks = factories.MeetingFactory()
    factories.MeetingParticipantFactory(meeting=talks, organization=org, person=None)
    party = factories.AgreementPartyFactory(organization=org)
    before = snapshot()
    conversion = record_convert(record=org, into="person", user=user)
    person_ = models.Person.objects.get(name="Temir Abenov")
    assert person_.evidence.count() == 1 and person_.meeting_participations.get().meeting == talks
    party.refresh_from_db()
    assert (party.person, party.organization) == (person_, None)
    assert list(person_.aliases.values_list("normalized", flat=True)) == ["temir abenov"]  # no acronym
    assert person_.aliases.get().surname_key  # found by ingest's surname key
    org.refresh_from_db()
    assert org.review_note.startswith("not an organization: converted into person")
    conversion_undo(conversion=conversion, user=user)
    assert snapshot() == before


def test_a_place_leaves_its_meetings_and_parties_and_becomes_a_location(airbase, user):
    record = airbase["record"]
    alone = factories.AgreementPartyFactory(person=record, name="Steppe Grain Board", country=None)
    before = snapshot()
    conversion = record_convert(record=record, into="place", user=user)
    assert not models.MeetingParticipant.objects.filter(person=record).exists()
    airbase["nowhere"].refresh_from_db()
    airbase["somewhere"].refresh_from_db()
    assert airbase["nowhere"].location == "Steppe Grain Board" and airbase["nowhere"].is_curated
    assert airbase["somewhere"].location == "Astana"
    assert not models.AgreementParty.objects.filter(pk=alone.pk).exists()  # it named only the place
    airbase["party"].refresh_from_db()
    assert airbase["party"].person is None and airbase["party"].country.code == "KZ"  # the country stays
    record.refresh_from_db()
    assert record.review_status == "rejected" and record.review_note == "a place"
    assert record.evidence.count() == 2  # the written name stays available to curators
    latest, earlier = airbase["somewhere"].history.order_by("-history_date", "-history_id")[:2]
    assert "participant removed: Steppe Grain Board" in links_changes(earlier.links, latest.links, models.Meeting)
    conversion_undo(conversion=conversion, user=user)
    assert snapshot() == before


def test_a_plan_counts_what_moves_and_names_the_record_reused(airbase):
    plan = conversion_plan(record=airbase["record"], into="place")
    assert (plan.evidence, plan.meetings, plan.parties, plan.unlocated_meetings) == (2, 2, 1, 1)
    assert plan.target is None


def test_what_cannot_be_converted_is_refused(airbase, user):
    record = airbase["record"]
    with pytest.raises(CurationError, match="already"):
        record_convert(record=record, into="person", user=user)
    with pytest.raises(CurationError, match="Unknown"):
        record_convert(record=record, into="country", user=user)
    record_convert(record=record, into="place", user=user)
    with pytest.raises(CurationError, match="converted already"):
        record_convert(record=record, into="organization", user=user)
    kept = factories.PersonFactory()
    merged = factories.PersonFactory(merged_into=kept)
    with pytest.raises(CurationError, match="merged"):
        record_convert(record=merged, into="place", user=user)


# --- re-ingest after a conversion -----------------------------------------------------------------

BODY = "Kazakh officials met Steppe Grain Board and Aibek Dzhaksybekov in Astana."


def ingest(source="a.txt", body=BODY):
    extracted = article(body, title=source, source=source, published=datetime.date(2025, 9, 9),
                        people=[person(body, "Steppe Grain Board"), person(body, "Aibek Dzhaksybekov")])
    extracted.meetings = [meeting(body, ["Steppe Grain Board", "Aibek Dzhaksybekov"], mention="met")]
    report = IngestReport()
    save_article(extracted, source_path=source, report=report)
    return report


def test_reingest_after_conversion_to_an_organization_never_recreates_the_person(user):
    ingest()
    record = models.Person.objects.get(name="Steppe Grain Board")
    conversion = record_convert(record=record, into="organization", user=user)
    ingest()  # the same article again
    ingest("b.txt", BODY + " Later that day, Steppe Grain Board spoke again.")  # and another naming it
    assert models.Person.objects.filter(name="Steppe Grain Board").count() == 1
    assert models.Person.objects.get(pk=record.pk).review_status == "rejected"
    assert not models.MeetingParticipant.objects.filter(person=record).exists()
    org = conversion.target
    # The name read as a person again is routed to the organization: its evidence and the meeting of b.txt.
    assert org.meeting_participations.count() == 2 and org.evidence.count() == 2
    body = "Steppe Grain Board signed a deal."  # read as an organization: links to the converted record
    extracted = article(body, source="c.txt", organizations=[organization(body, "Steppe Grain Board",
                                                                          country="Kazakhstan")])
    save_article(extracted, source_path="c.txt", report=IngestReport())
    assert models.Organization.objects.count() == 1 and org.evidence.count() == 3


def test_after_undo_ingest_reads_the_name_as_a_person_again(user):
    ingest()
    record = models.Person.objects.get(name="Steppe Grain Board")
    conversion_undo(conversion=record_convert(record=record, into="organization", user=user), user=user)
    ingest("b.txt", BODY + " Later that day, Steppe Grain Board spoke again.")
    assert record.meeting_participations.count() == 2 and record.evidence.count() == 2
    assert not models.Organization.objects.exists()


def test_reingest_after_conversion_to_a_place_never_brings_it_back_as_a_participant(user):
    ingest()
    record = models.Person.objects.get(name="Steppe Grain Board")
    record_convert(record=record, into="place", user=user)
    talks = models.Meeting.objects.get()
    ingest()
    ingest("b.txt", BODY + " Later that day, Steppe Grain Board spoke again.")
    assert models.Person.objects.filter(name="Steppe Grain Board").count() == 1
    assert not models.MeetingParticipant.objects.filter(person=record).exists()
    talks.refresh_from_db()
    assert talks.location == "Steppe Grain Board"
