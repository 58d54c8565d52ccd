"""What writing an article costs does not grow with its names, nor with the archive; what it writes stays right."""

import datetime
import importlib
import uuid

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.curation.aliases import alias_keys
from archive.extraction.entities import names
from archive.ingest.articles import save_article
from archive.ingest.countries import country_for, forget_rows
from archive.ingest.report import IngestReport
from archive.models import Agreement, Evidence, Person, PersonAlias
from tests.ingest.builders import agreement, article, organization, person

pytestmark = pytest.mark.django_db

SURNAMES = ["Abenov", "Sadykov", "Tokayev", "Ermekov", "Baikenov", "Dzhaksybekov", "Orazbayev", "Kulibayev"]
OTHER_SURNAMES = ["Nazarov", "Rakhimov", "Salimov", "Gulov", "Qodirov", "Tursunov", "Yusupov", "Fayzullaev"]
ORGS = ["Ministry of Energy", "National Railway Company", "Chamber of Commerce", "Development Fund",
        "Investment Agency", "Grain Board", "Customs Service", "Water Council"]


def story(n: int, source: str, *, first_names=("Nurlan", "Daniyar"), surnames=SURNAMES):
    people = [f"{first_names[i % 2]} {surnames[i]}" for i in range(n)]
    orgs = ORGS[:n]
    body = " ".join(f"Minister {p} met the {o}." for p, o in zip(people, orgs))
    return article(body, title=f"Story {source}", source=source,
                   people=[person(body, p, title="Minister") for p in people],
                   organizations=[organization(body, o) for o in orgs])


@pytest.fixture(autouse=True)
def countries_read():
    """The run's one read of the countries table, done before anything is counted."""
    forget_rows()
    country_for("Kazakhstan")


def queries_to_save(extracted) -> int:
    with CaptureQueriesContext(connection) as queries:
        save_article(extracted, source_path=extracted.source_name, report=IngestReport())
    return len(queries)


def test_an_article_costs_as_many_queries_with_eight_new_names_as_with_two():
    assert queries_to_save(story(2, "a.txt")) == queries_to_save(story(8, "b.txt", surnames=OTHER_SURNAMES))
    assert Person.objects.count() == 10


def test_names_already_in_the_archive_cost_no_query_each():
    save_article(story(8, "a.txt"), source_path="a.txt", report=IngestReport())
    two, eight = story(2, "b.txt"), story(8, "c.txt")
    assert queries_to_save(two) == queries_to_save(eight)
    assert Person.objects.count() == 8
    assert Evidence.objects.filter(person__name="Nurlan Abenov").count() == 3


def test_a_new_person_named_twice_in_one_article_is_one_record():
    body = "Minister Nurlan Abenov spoke. Later, Nurlan Abyenov said more."
    extracted = article(body, people=[person(body, "Nurlan Abenov"), person(body, "Nurlan Abyenov")])
    save_article(extracted, source_path="a.txt", report=IngestReport())
    assert list(Person.objects.values_list("name", flat=True)) == ["Nurlan Abenov"]
    assert Evidence.objects.filter(person__isnull=False).count() == 2


def test_a_record_merged_away_resolves_to_the_kept_one_with_no_query_per_tombstone():
    def tombstones(n: int, surname: str):
        kept = Person.objects.create(name=f"Nurlan {surname}")
        PersonAlias.objects.create(person=kept, name=kept.name, **alias_keys(kept.name, PersonAlias))
        for i in range(n):
            gone = Person.objects.create(name=f"N. {surname}", merged_into=kept)
            form = f"N{'u' * (i + 1)}rlan {surname}"
            PersonAlias.objects.create(person=gone, name=form, **alias_keys(form, PersonAlias))
        return kept

    one, three = tombstones(1, "Abenov"), tombstones(3, "Sadykov")

    def mention(surname: str, source: str):
        body = f"Minister Nurlan {surname} spoke."
        return article(body, source=source, people=[person(body, f"Nurlan {surname}")])

    assert queries_to_save(mention("Abenov", "a.txt")) == queries_to_save(mention("Sadykov", "b.txt"))
    assert {e.person for e in Evidence.objects.filter(person__isnull=False)} == {one, three}


def test_an_agreement_older_than_fifty_of_its_kind_and_parties_is_still_found():
    def report(title: str, source: str, day: int):
        body = f"Uzbekistan and Turkmenistan signed an {title}."
        extracted = article(body, source=source, title=f"Story {source}", published=datetime.date(2025, 1, day % 28 + 1))
        extracted.agreements = [agreement(body, title, mention=title)]
        save_article(extracted, source_path=source, report=IngestReport())

    report("agreement on gas pipeline construction", "first.txt", 0)
    for i in range(60):
        report(f"agreement on project {uuid.uuid4().hex}", f"other{i}.txt", i)
    report("agreement on the gas pipeline construction", "later.txt", 3)
    assert Agreement.objects.count() == 61
    first = Agreement.objects.get(title__contains="gas pipeline")
    assert first.evidence.values("article").distinct().count() == 2


def test_an_updated_article_removes_only_the_records_its_old_text_supported(tmp_path):
    elsewhere = Person.objects.create(name="Aidos Ermekov")  # no evidence, nobody's decision: not this article's
    body = "Minister Nurlan Abenov met Minister Daniyar Sadykov."
    save_article(article(body, people=[person(body, "Nurlan Abenov"), person(body, "Daniyar Sadykov")]),
                 source_path="a.txt", report=IngestReport())
    changed = "Minister Nurlan Abenov spoke alone."
    save_article(article(changed, people=[person(changed, "Nurlan Abenov")]), source_path="a.txt",
                 report=IngestReport())
    assert set(Person.objects.values_list("name", flat=True)) == {"Nurlan Abenov", elsewhere.name}


def test_aliases_stored_with_the_old_surname_key_are_found_after_migration_0009():
    migration = importlib.import_module("archive.migrations.0009_surname_keys")
    kept = Person.objects.create(name="Sadyr Zhaparov")
    PersonAlias.objects.create(person=kept, name=kept.name, normalized=names.normalize(kept.name),
                               surname_key="zhaparov")  # the folded last word, as keys were once written
    migration.recompute_surname_keys(django_apps, None)
    assert PersonAlias.objects.get().surname_key == names.surname_key(kept.name)
    body = "President Sadyr Japarov spoke."
    save_article(article(body, people=[person(body, "Sadyr Japarov", country="Kyrgyzstan")]), source_path="a.txt",
                 report=IngestReport())
    assert Person.objects.count() == 1


def test_an_agreement_reported_twice_in_one_article_is_one_record_with_the_parties_of_both():
    body = "Uzbekistan and Turkmenistan signed a transit agreement. The transit agreement, also signed by Afghanistan."
    extracted = article(body)
    extracted.agreements = [
        agreement(body, "transit agreement", mention="a transit agreement"),
        agreement(body, "the transit agreement", mention="The transit agreement",
                  parties=("Uzbekistan", "Turkmenistan", "Afghanistan")),
    ]
    save_article(extracted, source_path="a.txt", report=IngestReport())
    assert Agreement.objects.count() == 1
    assert sorted(Agreement.objects.get().parties.values_list("name", flat=True)) == [
        "Afghanistan", "Turkmenistan", "Uzbekistan"]
