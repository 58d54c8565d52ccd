"""A version's links snapshot: each row labelled as it prints, read in a handful of queries however busy the record."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import models
from archive.curation.history import links_snapshot, links_snapshots
from tests import factories

pytestmark = pytest.mark.django_db


def labels(snapshot: dict) -> dict:
    return {kind: [row["label"] for row in rows] for kind, rows in snapshot.items()}


def test_a_person_s_roles_and_aliases_are_labelled_as_they_print():
    person = factories.PersonFactory(name="Nurlan Abenov")
    alias = factories.PersonAliasFactory(person=person, name="N. Abenov")
    board = factories.OrganizationFactory(name="Grain Board", acronym="GB")
    fund = factories.OrganizationFactory(name="Development Fund", acronym="")
    dated = factories.RoleFactory(person=person, title="Minister", organization=board,
                                  date=datetime.date(2025, 3, 4))
    undated = factories.RoleFactory(person=person, title="Adviser", organization=fund, date=None)
    alone = factories.RoleFactory(person=person, title="Envoy", organization=None, date=None)
    assert labels(links_snapshot(person)) == {
        "aliases": [alias.name],
        "roles": [f"Minister, {board} (2025-03-04)", f"Adviser, {fund}", "Envoy"],
    }
    assert str(board) == "Grain Board (GB)"
    roles = links_snapshot(person)["roles"]
    assert [row["id"] for row in roles] == [dated.pk, undated.pk, alone.pk]
    assert roles[0]["fields"] == {"title": "Minister", "organization_id": board.pk, "country_id": dated.country_id,
                                  "article_id": dated.article_id, "date": "2025-03-04", "date_precision": "day",
                                  "date_text": ""}


def test_participants_parties_status_steps_and_sectors_are_labelled_as_they_print():
    meeting = factories.MeetingFactory()
    minister = factories.PersonFactory(name="Temir Abenov")
    board = factories.OrganizationFactory(name="Grain Board", acronym="GB")
    factories.MeetingParticipantFactory(meeting=meeting, person=minister, name="Temir Abenov")
    renamed = factories.PersonFactory(name="Dana Serikova")
    factories.MeetingParticipantFactory(meeting=meeting, person=renamed, name="D. Serikova")
    factories.MeetingParticipantFactory(meeting=meeting, person=None, organization=board, name="the board")
    factories.MeetingParticipantFactory(meeting=meeting, person=None, name="a delegation")
    assert labels(links_snapshot(meeting)) == {"participants": [
        "Temir Abenov", "D. Serikova (→ Dana Serikova)", "the board (→ Grain Board (GB))", "a delegation"]}

    agreement = factories.AgreementFactory()
    kazakhstan = factories.country("KZ")
    factories.AgreementPartyFactory(agreement=agreement, country=kazakhstan, name="Kazakhstan",
                                    role=models.PartyRole.SIGNATORY, person=minister)
    factories.AgreementPartyFactory(agreement=agreement, country=None, organization=board, name="the board")
    factories.AgreementStatusChangeFactory(agreement=agreement, status=models.AgreementStatus.PROPOSED,
                                           date=datetime.date(2024, 5, 6))
    factories.AgreementStatusChangeFactory(agreement=agreement, status=models.AgreementStatus.SIGNED, date=None)
    agreement.sectors.set([factories.SectorFactory(name="trade"), factories.SectorFactory(name="energy")])
    proposed, signed = models.AgreementStatus.PROPOSED.label, models.AgreementStatus.SIGNED.label
    snapshot = labels(links_snapshot(agreement))
    assert snapshot["parties"] == [f"Kazakhstan (signatory, {kazakhstan}, Temir Abenov)", "the board (party)"]
    assert snapshot["status_changes"] == [f"{proposed} (2024-05-06)", signed]
    assert sorted(snapshot["sectors"]) == ["energy", "trade"]


def busy_person(roles: int) -> models.Person:
    person = factories.PersonFactory()
    for i in range(roles):
        factories.RoleFactory(person=person, title=f"title {i}", organization=factories.OrganizationFactory())
    return person


def test_snapshotting_a_person_with_forty_roles_costs_the_queries_of_one_with_two():
    quiet, busy = busy_person(2), busy_person(40)
    counts = []
    for person in (quiet, busy):
        with CaptureQueriesContext(connection) as queries:
            snapshot = links_snapshots(models.Person, [person.pk])[person.pk]
        counts.append(len(queries))
        assert len(snapshot["roles"]) == person.roles.count()
    assert counts[0] == counts[1] == 2  # aliases, roles (with their organizations)
