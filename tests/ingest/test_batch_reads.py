"""A batch reads what its articles could find once, and writes its rows once, yet each article finds what
the ones before it in the batch wrote: the same archive as one article per transaction.

The texts are written here: ministers who meet and sign in several articles of one batch, a meeting
left undated by one article and dated by the next, an agreement whose later report changes its status.
"""

import datetime
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from archive.ingest.countries import country_for, forget_rows
from archive.ingest.files import Pending, write_articles
from archive.ingest.report import IngestReport
from archive.models import Agreement, AgreementStatusChange, Article, Evidence, Meeting, Person
from tests.ingest.builders import agreement, article, day, meeting, person
from tests.ingest.contents import archive_contents

pytestmark = pytest.mark.django_db

PEOPLE = [("Nurlan", "Abenov", "Kazakhstan"), ("Daniyar", "Sadykov", "Kazakhstan"), ("Timur", "Rakhimov", "Uzbekistan"),
          ("Serdar", "Gulov", "Turkmenistan"), ("Aidar", "Tokayev", "Kazakhstan"), ("Farhan", "Qodirov", "Uzbekistan")]


class Rollback(Exception):
    pass


@pytest.fixture(autouse=True)
def countries_read():
    """The run's one read of the countries table, done before anything is counted."""
    forget_rows()
    country_for("Kazakhstan")


def report_of(n: int, pair: tuple[int, int], *, published=datetime.date(2025, 3, 5), dated=True, status="signed",
              title="memorandum on rail freight"):
    """Story `n`: two of PEOPLE meet (on 3 March when `dated`) and sign an agreement of their two countries."""
    a, b = (PEOPLE[i] for i in pair)
    first, second = f"{a[0]} {a[1]}", f"{b[0]} {b[1]}"
    body = (f"Minister {first} met Minister {second} in Astana{' on 3 March 2025' if dated else ''} (report {n}). "
            f"The two sides signed a {title} between {a[2]} and {b[2]}.")
    extracted = article(body, title=f"Report {n}", source=f"{n:02d}.txt", published=published,
                        people=[person(body, first, title="Minister", country=a[2]),
                                person(body, second, title="Minister", country=b[2])])
    extracted.meetings = [meeting(body, [first, second], mention="met", location="Astana",
                                  date=day(datetime.date(2025, 3, 3)) if dated else None)]
    parties = (a[2], b[2]) if a[2] != b[2] else (a[2], "Uzbekistan")
    extracted.agreements = [agreement(body, title, mention="signed", status=status, kind="mou", parties=parties)]
    return extracted


def write(articles: list, *, batch_size: int) -> IngestReport:
    """Write `articles` `batch_size` to a transaction, as `files.Batch` does; returns the summed counts."""
    total = IngestReport()
    for first in range(0, len(articles), batch_size):
        part = [Pending(extracted, Path(extracted.source_name)) for extracted in articles[first:first + batch_size]]
        counts = [IngestReport() for _ in part]
        with transaction.atomic():
            write_articles(part, counts)
        for one in counts:
            total.merge(one)
    return total


def written(articles: list, *, batch_size: int) -> tuple[dict, dict]:
    """(archive contents, counts) after writing `articles`; rolled back after."""
    try:
        with transaction.atomic():
            report = write(articles, batch_size=batch_size)
            result = archive_contents(), dict(report.counts)
            raise Rollback
    except Rollback:
        return result


def test_two_articles_of_one_batch_naming_the_same_new_meeting_and_agreement_make_one_record_each():
    report = write([report_of(1, (0, 2)), report_of(2, (0, 2))], batch_size=50)
    assert report.counts["meetings created"] == 1 and report.counts["meetings linked"] == 1
    assert report.counts["agreements created"] == 1 and report.counts["agreements linked"] == 1
    assert Meeting.objects.count() == 1 and Agreement.objects.count() == 1 and Person.objects.count() == 2
    only = Meeting.objects.get()
    assert sorted(only.participants.values_list("name", flat=True)) == ["Nurlan Abenov", "Timur Rakhimov"]
    assert Evidence.objects.filter(meeting=only).values("article").distinct().count() == 2
    assert AgreementStatusChange.objects.filter(agreement=Agreement.objects.get()).count() == 2


def test_a_meeting_left_undated_by_one_article_is_found_by_a_later_one_of_the_batch_that_dates_it():
    """The undated meeting qualifies by the publication date of the article reporting it, an article of the
    same batch whose evidence is not written yet."""
    stories = [report_of(1, (0, 2), dated=False), report_of(2, (0, 2))]
    batched = written(stories, batch_size=50)
    assert batched == written(stories, batch_size=1)
    assert batched[1]["meetings created"] == 1 and batched[1]["meetings linked"] == 1
    assert [date for date, _ in batched[0]["meetings"]] == [datetime.date(2025, 3, 3)]


def test_a_later_report_in_the_batch_speaks_for_the_status_of_an_agreement_an_earlier_one_created():
    stories = [report_of(1, (0, 2), status="signed"),
               report_of(2, (0, 2), status="in_force", published=datetime.date(2025, 6, 1)),
               report_of(3, (0, 2), status="negotiating", published=datetime.date(2025, 4, 1))]
    batched = written(stories, batch_size=50)
    assert batched == written(stories, batch_size=1)
    assert [status for _, status, _ in batched[0]["agreements"]] == ["in_force"]


def test_many_pairs_over_several_batches_give_what_one_article_per_transaction_gives():
    pairs = [(0, 2), (1, 3), (0, 2), (4, 5), (1, 3), (2, 3), (0, 2), (4, 5), (2, 3), (1, 3)]
    stories = [report_of(n, pair, published=datetime.date(2025, 3, 4 + n % 3), dated=n % 4 != 1)
               for n, pair in enumerate(pairs)]
    assert written(stories, batch_size=4) == written(stories, batch_size=1)


def queries_to_write(articles: list) -> int:
    with CaptureQueriesContext(connection) as queries:
        write(articles, batch_size=len(articles))
    return len(queries)


def test_a_batch_reads_once_whatever_its_size_each_article_costing_only_its_own_row():
    """Once its records exist, an article costs its own row and nothing more: its lookups (the stored
    articles, names, roles, meetings, agreements) and the rows it adds (evidence, roles, participants,
    parties, status steps, changed records with their versions) are one query each for the whole batch."""
    write([report_of(n, (0, 2)) for n in range(2)], batch_size=2)  # the records, once
    small = queries_to_write([report_of(n, (0, 2)) for n in range(10, 15)])
    large = queries_to_write([report_of(n, (0, 2)) for n in range(20, 30)])
    assert Article.objects.count() == 17 and Meeting.objects.count() == 1 and Agreement.objects.count() == 1
    assert large - small <= 5  # five articles more: at most their five rows
    assert small <= 5 + 25  # the article rows, then a bounded number of reads and inserts for the batch


def test_a_batch_reads_the_meetings_of_its_people_only_near_the_dates_of_their_own_meetings():
    """Each meeting's people are paired with its own week: the same ministers' meetings in the week of
    another meeting of the batch, one they are not in, are not read."""
    from archive.ingest.batch_events import BatchMeetings
    from tests.factories import MeetingFactory, MeetingParticipantFactory, PersonFactory

    write([report_of(1, (0, 2))], batch_size=1)
    near = Meeting.objects.get()
    pair = set(Person.objects.values_list("pk", flat=True))
    for day_of_june in range(2, 14):
        far = MeetingFactory(date=datetime.date(2025, 6, day_of_june))
        for pk in pair:
            MeetingParticipantFactory(meeting=far, person_id=pk)
    someone_else = PersonFactory()
    index = BatchMeetings([(pair, (datetime.date(2025, 2, 24), datetime.date(2025, 3, 10))),
                           ({someone_else.pk}, (datetime.date(2025, 6, 1), datetime.date(2025, 6, 15)))])
    assert set(index.meetings) == {("pk", near.pk)}


def test_a_batch_reads_only_the_meetings_two_of_a_meetings_people_took_part_in():
    """A meeting is the same as another only when two of its people took part in both: the week's other
    meetings of one of them (a minister meets many people) are not read, dated or undated."""
    from archive.ingest.batch_events import BatchMeetings
    from tests.factories import ArticleFactory, EvidenceFactory, MeetingFactory, MeetingParticipantFactory, PersonFactory

    write([report_of(1, (0, 2))], batch_size=1)
    near = Meeting.objects.get()
    pair = sorted(Person.objects.values_list("pk", flat=True))

    def stored_meeting(people, *, date=None, reported=None):
        record = MeetingFactory(date=date)
        for pk in people:
            MeetingParticipantFactory(meeting=record, person_id=pk)
        if reported:
            EvidenceFactory(article=ArticleFactory(published=reported), meeting=record, person=None)
        return record

    for day_of_march in range(1, 7):  # each of the pair, with someone else, every day of that week
        for pk in pair:
            stored_meeting([pk, PersonFactory().pk], date=datetime.date(2025, 3, day_of_march))
    stored_meeting([pair[0], PersonFactory().pk], reported=datetime.date(2025, 3, 4))
    undated_pair = stored_meeting(pair, reported=datetime.date(2025, 3, 4))
    index = BatchMeetings([(set(pair), (datetime.date(2025, 2, 24), datetime.date(2025, 3, 10)))])
    assert set(index.meetings) == {("pk", near.pk), ("pk", undated_pair.pk)}


def similar_agreements(parties: list, count: int) -> list[Agreement]:
    """`count` stored memoranda of these countries with titles like `report_of`'s, oldest first."""
    from tests.factories import AgreementFactory, AgreementPartyFactory

    made = []
    for n in range(count):
        record = AgreementFactory(title=f"memorandum on rail freight worth ${n + 10} million", kind="mou")
        for name in parties:
            AgreementPartyFactory(agreement=record, country=country_for(name), name=name)
        made.append(record)
    return made


def test_a_batch_reads_the_record_of_the_newest_agreement_that_agrees_not_of_every_similar_one():
    """Of the stored agreements with a similar title, only the parties are read; the record itself only of
    the one `find` takes, the newest whose parties agree."""
    from archive.ingest.batch_events import BatchAgreements

    agreeing = similar_agreements(["Kazakhstan", "Uzbekistan"], 8)
    similar_agreements(["Kazakhstan", "Uzbekistan", "Turkmenistan", "Tajikistan", "Pakistan"], 2)  # newer, too many
    story = report_of(2, (0, 2))
    index = BatchAgreements([story])
    assert set(index.by_pk) == {agreeing[-1].pk}
    assert index.find(story.agreements[0]) == agreeing[-1]


def test_an_agreement_the_batch_gives_more_parties_leaves_the_next_article_to_an_older_one_as_if_written_apart():
    """The first article links the newest memorandum and adds two parties to it: the second, of other
    parties, no longer agrees with it and takes the older one, whose record the batch had not read."""
    similar_agreements(["Kazakhstan", "Uzbekistan"], 2)
    first, second = report_of(1, (0, 2)), report_of(2, (0, 2), published=datetime.date(2025, 3, 6))
    first.agreements[0].parties = ["Kazakhstan", "Uzbekistan", "Turkmenistan", "Tajikistan"]
    second.agreements[0].parties = ["Kazakhstan", "Uzbekistan", "Pakistan"]
    batched = written([first, second], batch_size=50)
    assert batched == written([first, second], batch_size=1)
    assert batched[1]["agreements linked"] == 2 and "agreements created" not in batched[1]
    assert [parties for _, _, parties in batched[0]["agreements"]] == [
        ["Kazakhstan", "Pakistan", "Uzbekistan"], ["Kazakhstan", "Tajikistan", "Turkmenistan", "Uzbekistan"]]


def with_more_text(extracted):
    extracted.body += " More followed."  # a new text (and hash) naming the same records at the same offsets
    return extracted


def test_a_batch_of_updated_articles_reads_their_old_evidence_once_and_checks_no_record_they_still_name():
    write([report_of(n, (0, 2)) for n in range(3)], batch_size=3)
    before = (Person.objects.count(), Meeting.objects.count(), Agreement.objects.count(), Evidence.objects.count())
    with CaptureQueriesContext(connection) as queries:
        report = write([with_more_text(report_of(n, (0, 2))) for n in range(3)], batch_size=3)
    sqls = [query["sql"] for query in queries.captured_queries]
    old_evidence_reads = [sql for sql in sqls if sql.startswith("SELECT") and 'FROM "archive_evidence"' in sql
                          and '"archive_evidence"."article_id" IN' in sql]
    orphan_checks = [sql for sql in sqls if '"archive_evidence"."id" IS NULL' in sql]
    assert report.counts["articles updated"] == 3
    assert len(old_evidence_reads) == 1 and orphan_checks == []
    assert (Person.objects.count(), Meeting.objects.count(), Agreement.objects.count(),
            Evidence.objects.count()) == before


def test_an_updated_article_of_a_batch_removes_the_person_its_new_text_no_longer_names_and_keeps_the_rest():
    write([report_of(n, (0, 2)) for n in range(2)], batch_size=2)
    report = write([report_of(0, (0, 1)), with_more_text(report_of(1, (0, 2)))], batch_size=2)
    assert report.counts["articles updated"] == 2
    names = set(Person.objects.values_list("name", flat=True))
    assert names == {"Nurlan Abenov", "Daniyar Sadykov", "Timur Rakhimov"}  # still named by the second report
    write([report_of(1, (0, 1))], batch_size=1)
    assert set(Person.objects.values_list("name", flat=True)) == {"Nurlan Abenov", "Daniyar Sadykov"}
    assert Meeting.objects.count() == 1 and Evidence.objects.filter(person__name="Timur Rakhimov").count() == 0
