"""Several articles per transaction write exactly what one article per transaction writes.

The corpus is written here: twelve stories in which four officials meet in pairs and
sign agreements (each pair reported by three stories, so records are created by one
article and found again by later ones of the same batch), plus stories that name a new
person twice. It is ingested in batches of 50 and one article per transaction, then a
few files change and are ingested again; both archives must hold the same records with
the same field values, confidence, links, evidence and history versions (with their
links snapshots).
"""

import json

import pytest
from django.db import transaction

from archive.curation.history import links_snapshot, links_snapshots
from archive.ingest import ingest_paths
from archive.ingest.articles import save_article
from archive.ingest.report import IngestReport
from archive.models import Agreement, Article, Evidence, Meeting, Organization, Person
from tests.ingest.builders import article, person
from tests.ingest.contents import archive_contents
from tests.ingest.test_bad_input import GOOD
from tests.ingest.test_database_limits import refusing_trigger  # noqa: F401 - a fixture
from tests.ingest.test_many_writers import STORIES, story

pytestmark = pytest.mark.django_db

RECORDS = (Person, Organization, Meeting, Agreement)
RUN_DEPENDENT = {"id", "uid", "created_at", "updated_at"}  # differ between two runs whatever they write


class Rollback(Exception):
    pass


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(STORIES):
        (folder / f"{i:02d}-story.txt").write_text(story(i), encoding="utf-8")
    (folder / "20-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "21-good-again.txt").write_text(GOOD.replace("on Monday", "on Tuesday").replace(
        "energy transit", "water sharing"), encoding="utf-8")
    return folder


def change_some(folder) -> None:
    for name in ("02-story.txt", "07-story.txt", "21-good-again.txt"):
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").rstrip() + " Talks will go on next month, officials said.\n",
                        encoding="utf-8")


def full_contents() -> dict:
    """`archive_contents` and every field of every record (ids and timestamps aside), with their versions."""
    def fields(record) -> str:
        return json.dumps({f.attname: getattr(record, f.attname) for f in record._meta.concrete_fields
                           if f.attname not in RUN_DEPENDENT}, sort_keys=True, default=str)

    def links(version) -> str:  # row ids and links to rows by id differ between runs; labels and values do not
        return json.dumps({kind: [(row["label"], {k: v for k, v in row["fields"].items()
                                                  if not k.endswith("_id") or k == "country_id"}) for row in rows]
                           for kind, rows in (version.links or {}).items()}, sort_keys=True)

    contents = archive_contents()
    for model in RECORDS:
        contents[model.__name__] = sorted(fields(r) for r in model.objects.all())
        contents[f"{model.__name__} versions"] = sorted((v.history_type, links(v)) for v in model.history.all())
        contents[f"{model.__name__} latest versions"] = sorted(
            fields(model.history.filter(id=r.pk).order_by("-history_date", "-history_id").first().instance)
            for r in model.objects.all())
    contents["evidence confidence"] = sorted(Evidence.objects.values_list("sentence", "start", "confidence"))
    return contents


def ingested(folder, original: dict, *, batch_size: int) -> tuple[dict, dict, list]:
    """What ingesting `folder`, then again after `change_some`, leaves (the archive is rolled back after)."""
    for path, text in original.items():
        path.write_text(text, encoding="utf-8")
    try:
        with transaction.atomic():
            first = ingest_paths([folder], batch_size=batch_size)
            before_change = full_contents()
            change_some(folder)
            second = ingest_paths([folder], batch_size=batch_size)
            result = before_change, full_contents(), [*first.errors, *second.errors, second.counts]
            raise Rollback
    except Rollback:
        return result


def without_versions(result: tuple) -> tuple:
    return tuple({k: v for k, v in part.items() if not k.endswith("versions")} if isinstance(part, dict) else part
                 for part in result)


def test_a_batched_run_writes_exactly_what_one_article_per_transaction_writes(corpus):
    """The same records, fields, links and evidence. A record changed by several articles of one batch
    gets one version for the batch (its final state), not one per article, and one the batch created
    only its first ("+"), as the batch leaves it: no more versions than one article per transaction
    writes, and the latest version of each record is the record."""
    original = {path: path.read_text(encoding="utf-8") for path in corpus.iterdir()}
    batched = ingested(corpus, original, batch_size=50)
    one_by_one = ingested(corpus, original, batch_size=1)
    assert batched[2][-1]["articles updated"] == 3 and batched[2][:-1] == []
    assert without_versions(batched) == without_versions(one_by_one)
    for model in RECORDS:
        key = f"{model.__name__} versions"
        for state in (0, 1):
            assert "+" in {t for t, _ in batched[state][key]} <= {t for t, _ in one_by_one[state][key]}
            assert len(batched[state][key]) <= len(one_by_one[state][key])
        assert batched[1][f"{model.__name__} latest versions"] == batched[1][model.__name__]
    before_change = batched[0]
    assert len(before_change["people"]) == 6  # the four officials and the two of GOOD, each once
    assert len(before_change["meetings"]) == 6  # 4 of the pairs; GOOD's two are undated and unpublished: two
    assert len(before_change["agreements"]) == 4


def test_later_articles_of_a_batch_find_the_records_earlier_ones_created(corpus):
    report = ingest_paths([corpus], batch_size=50)
    assert report.errors == []
    assert report.counts["people created"] == 6 and report.counts["people linked"] > 6
    assert Person.objects.count() == 6
    assert Evidence.objects.filter(person__name="Dovlet Orazov").values("article").distinct().count() == 2


def test_a_dry_run_in_batches_writes_nothing_and_counts_as_one_article_at_a_time(corpus):
    dry = ingest_paths([corpus], dry_run=True, batch_size=50)
    assert Person.objects.count() == 0
    assert dry.counts == ingest_paths([corpus], dry_run=True, batch_size=1).counts
    assert dry.counts["articles new"] == STORIES + 2
    assert dry.counts["people created"] > 6  # each article rolled back: the officials are new to every one


def test_the_links_snapshot_of_a_bulk_saved_version_is_the_one_a_saved_record_gets(corpus):
    """Links read for all records at once (`links_snapshots`, as bulk saves take them) are each record's own,
    in the order a record read alone (`links_snapshot`) gets them."""
    assert ingest_paths([corpus], batch_size=50).errors == []
    for model in RECORDS:
        records = list(model.objects.order_by("pk"))
        assert records and any(any(rows for rows in links_snapshot(r).values()) for r in records)
        assert links_snapshots(model, [r.pk for r in records]) == {r.pk: links_snapshot(r) for r in records}


def test_a_changed_record_gets_a_version_with_its_links_as_they_stood_before_the_article():
    """As `save()` gave it: the roles of earlier articles, not yet the one the changing article adds."""
    body = "Minister Nurlan Abenov spoke."
    first = save_article(article(body, source="a.txt", people=[person(body, "Nurlan Abenov", title="Minister")]),
                         source_path="a.txt", report=IngestReport())
    again = "Later, Minister Nurlan Abenov spoke again."
    surer = person(again, "Nurlan Abenov", title="Minister")
    surer.scored = 0.95
    save_article(article(again, title="Another visit", source="b.txt", people=[surer]), source_path="b.txt",
                 report=IngestReport())
    changed = Person.objects.get().history.order_by("history_id").last()
    assert changed.history_type == "~" and changed.confidence == 0.95
    assert [row["fields"]["article_id"] for row in changed.links["roles"]] == [first.pk]
    assert [row["label"] for row in changed.links["aliases"]] == ["Nurlan Abenov"]
    assert Person.objects.get().roles.count() == 2


def test_a_batch_with_an_article_the_database_refuses_is_written_again_one_by_one(corpus, refusing_trigger):
    """The refused article gets its one error line; every other article of its batch goes in."""
    refused = corpus / "10a-refused.txt"
    refused.write_text("Refused headline\n\n" + GOOD.split("\n", 2)[2], encoding="utf-8")
    report = ingest_paths([corpus], batch_size=50)
    assert [(path, reason.split(":")[0]) for path, reason in report.errors] == [
        (str(refused), "story 1 ('Refused headline')")]
    assert report.counts["articles new"] == STORIES + 2
    assert Article.objects.count() == STORIES + 2 and Person.objects.count() == 6
