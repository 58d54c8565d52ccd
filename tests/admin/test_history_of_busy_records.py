"""A busy record's ingest versions keep the number of a kind's rows past `rows.LISTED_LINK_ROWS`, not the rows:
its history says how many there were, a revert to such a version restores its fields and leaves those rows."""

import datetime

import pytest

from archive import models
from archive.curation.history import links_snapshot
from archive.ingest import rows
from archive.ingest.articles import save_article
from archive.ingest.report import IngestReport
from tests.admin.test_write_paths import form_data
from tests.ingest.builders import agreement, article, person

pytestmark = pytest.mark.django_db

TITLES = ["Minister of Energy", "Minister of Trade"]


def speeches(count: int) -> models.Person:
    """`count` articles, a day apart, each giving the same minister the other title: a version each."""
    for day in range(count):
        body = f"{TITLES[day % 2]} Nurlan Abenov spoke on day {day}."
        extracted = article(body, title=f"Speech {day}", source=f"{day}.txt",
                            published=datetime.date(2025, 9, 1) + datetime.timedelta(days=day),
                            people=[person(body, "Nurlan Abenov", title=TITLES[day % 2])])
        assert save_article(extracted, source_path=f"{day}.txt", report=IngestReport()).pk
    return models.Person.objects.get()


@pytest.fixture
def busy_minister(monkeypatch):
    monkeypatch.setattr(rows, "LISTED_LINK_ROWS", 2)
    minister = speeches(5)
    versions = list(minister.history.order_by("history_id"))
    assert [v.history_type for v in versions] == ["+", "~", "~", "~", "~"]
    return minister, versions


def test_a_version_lists_a_kind_s_rows_up_to_the_limit_and_counts_them_past_it(busy_minister):
    minister, versions = busy_minister
    assert [v.links["roles"] for v in versions[3:]] == [{"rows": 3}, {"rows": 4}]  # the roles before each article
    assert [len(v.links["roles"]) for v in versions[:3]] == [0, 1, 2]
    assert [row["label"] for row in versions[-1].links["aliases"]] == ["Nurlan Abenov"]  # one alias: listed
    assert versions[-1].title == TITLES[0] and minister.roles.count() == 5


def test_the_history_says_how_many_rows_a_counted_version_held(busy_minister, curator_client):
    minister, versions = busy_minister
    page = curator_client.get(f"/admin/archive/person/{minister.pk}/history/").content.decode()
    assert "role rows: 2 → 3" in page and "role rows: 3 → 4" in page
    assert "role added: Minister of Energy" in page  # between two listed versions, the rows themselves
    version = curator_client.get(f"/admin/archive/person/{minister.pk}/history/{versions[-1].history_id}/")
    assert version.status_code == 200
    assert "4 rows, not listed in this version" in version.content.decode()


def test_reverting_to_a_counted_version_restores_its_fields_and_leaves_the_counted_rows(busy_minister,
                                                                                        curator_client):
    minister, versions = busy_minister
    url = f"/admin/archive/person/{minister.pk}/history/{versions[3].history_id}/"
    assert curator_client.post(url, form_data(url)).status_code == 302
    minister.refresh_from_db()
    assert (minister.title, minister.is_curated, minister.roles.count()) == (TITLES[1], True, 5)
    replaced = minister.history.get(history_id=versions[-1].history_id)  # brought up to date before the revert
    assert replaced.links["roles"] == links_snapshot(minister)["roles"] and len(replaced.links["roles"]) == 5
    assert len(minister.history.latest().links["roles"]) == 5  # a person's version lists every row


def test_an_agreement_s_status_steps_are_counted_past_the_limit_and_its_parties_listed(monkeypatch):
    monkeypatch.setattr(rows, "LISTED_LINK_ROWS", 2)
    statuses = ["proposed", "negotiating", "signed", "in_force"]
    for day, status in enumerate(statuses):
        body = f"On day {day} the Gas Transit Agreement of Uzbekistan and Turkmenistan was {status}."
        extracted = article(body, title=f"Deal {day}", source=f"{day}.txt",
                            published=datetime.date(2025, 9, 1) + datetime.timedelta(days=day))
        extracted.agreements = [agreement(body, "Gas Transit Agreement", mention="Gas Transit Agreement",
                                          status=status)]
        save_article(extracted, source_path=f"{day}.txt", report=IngestReport())
    record = models.Agreement.objects.get()
    versions = list(record.history.order_by("history_id"))
    assert [v.history_type for v in versions] == ["+", "~", "~", "~"]
    assert [v.links["status_changes"] for v in versions[-1:]] == [{"rows": 3}]
    assert [len(v.links["status_changes"]) for v in versions[1:3]] == [1, 2]
    assert sorted(row["label"].split(" (")[0] for row in versions[-1].links["parties"]) == ["Turkmenistan",
                                                                                           "Uzbekistan"]
    assert record.status == "in_force" and record.status_changes.count() == 4
