"""Regression on the sample corpus: what ingesting seeds/ must give, written from the texts."""

from pathlib import Path

import pytest
from django.db import transaction

from archive.extraction.entities.names import normalize
from archive.ingest import ingest_paths
from archive.models import Article, Meeting, Organization, Person

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeds_ingested(django_db_setup, django_db_blocker):
    """Ingest the samples once for the module (it takes seconds) in a transaction rolled back after it.

    Each test runs in a savepoint inside it; nothing is committed, so a failure (or a
    killed run) leaves no rows behind for the tests that follow.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            report = ingest_paths([SEEDS])
            assert report.errors == []
            yield report
        finally:
            transaction.set_rollback(True)


def person(name):
    return Person.objects.get(aliases__normalized=normalize(name))


def test_every_story_of_the_samples_is_an_article(seeds_ingested):
    assert Article.objects.count() == 7
    assert Article.objects.filter(source_name="000_0710c85a40728b2e.txt").count() == 2
    dawn = Article.objects.get(outlet="Dawn")
    assert dawn.published.isoformat() == "2025-09-10"
    assert "Kazakhstan" in dawn.body and "Kaza-k" not in dawn.body


@pytest.mark.parametrize("name, articles", [
    ("Murat Nurtleu", 2), ("Yerzhan Kistafin", 3), ("Kassym-Jomart Tokayev", 2), ("Shehbaz Sharif", 3),
])
def test_one_person_across_articles_is_one_record(seeds_ingested, name, articles):
    record = person(name)
    assert Article.objects.filter(evidence__person=record).distinct().count() == articles


def test_spellings_of_one_name_resolve_to_one_person(seeds_ingested):
    assert person("Kassym Jomart-Tokayev") == person("Tokayev") == person("Kassym-Jomart Tokayev")


def test_people_who_share_a_surname_stay_apart(seeds_ingested):
    assert person("Nawaz Sharif") != person("Shehbaz Sharif")
    assert person("Jam Kamal Khan") != person("Abdul Aleem Khan")


@pytest.mark.parametrize("name, title, country", [
    ("Murat Nurtleu", "Deputy Prime Minister and Foreign Minister", "Kazakhstan"),
    ("Abdul Aleem Khan", "Federal Minister for Communications", "Pakistan"),
    ("Arman Shakkaliyev", "Minister of Trade and Integration", "Kazakhstan"),
    ("Amna Baloch", "Foreign Secretary", "Pakistan"),
])
def test_people_carry_their_title_and_country(seeds_ingested, name, title, country):
    record = person(name)
    assert (record.title, record.country.name) == (title, country)


@pytest.mark.parametrize("name, acronym, org_type", [
    ("Islamabad Policy Research Institute", "IPRI", "think_tank"),
    ("Karachi Port Trust", "", "agency"),
    ("Pakistan Tannery Association", "", "association"),
])
def test_organizations_carry_acronym_and_type(seeds_ingested, name, acronym, org_type):
    org = Organization.objects.get(name=name)
    assert (org.acronym, org.org_type) == (acronym, org_type)


def test_the_september_talks_reported_twice_are_one_meeting_with_two_sources(seeds_ingested):
    talks = Meeting.objects.filter(participants__person=person("Ishaq Dar")).filter(
        participants__person=person("Murat Nurtleu"))
    assert talks.count() == 1
    meeting = talks.get()
    assert meeting.date.isoformat() == "2025-09-09"
    assert Article.objects.filter(evidence__meeting=meeting).distinct().count() == 2
