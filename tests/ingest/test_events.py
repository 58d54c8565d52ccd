"""Meetings and agreements reported by several articles become one record each, with history."""

import datetime

import pytest

from archive.ingest.articles import save_article
from archive.ingest.report import IngestReport
from archive.models import Agreement, Evidence, FieldConflict, Meeting, ReviewStatus
from tests.ingest.builders import agreement, article, day, meeting, person

pytestmark = pytest.mark.django_db

TALKS = "Foreign Minister Farrukh Alimov held talks with Dovlet Orazov in Ashgabat on Monday."
REPORT = "Dovlet Orazov received Farrukh Alimov in Ashgabat, the ministry said."
MONDAY = datetime.date(2025, 3, 3)


def talks_article(body, *, source, published, date=None, location="Ashgabat", **meeting_kwargs):
    people = [person(body, "Farrukh Alimov", country="Uzbekistan"),
              person(body, "Dovlet Orazov", country="Turkmenistan")]
    meetings = [meeting(body, ["Farrukh Alimov", "Dovlet Orazov"], mention=body.split(" ")[0],
                        date=date, location=location, **meeting_kwargs)]
    extracted = article(body, title=f"Talks {source}", source=source, published=published, people=people)
    extracted.meetings = meetings
    return extracted


def save(extracted):
    report = IngestReport()
    save_article(extracted, source_path=extracted.source_name, report=report)
    return report


def test_one_meeting_reported_by_two_outlets_is_one_record_with_two_sources():
    save(talks_article(TALKS, source="a.txt", published=MONDAY, date=day(MONDAY)))
    save(talks_article(REPORT, source="b.txt", published=MONDAY + datetime.timedelta(days=1)))
    meeting_record = Meeting.objects.get()
    assert meeting_record.date == MONDAY
    assert set(Evidence.objects.filter(meeting=meeting_record).values_list("article__source_name", flat=True)) == {
        "a.txt", "b.txt"}
    assert meeting_record.participants.count() == 2


def test_two_meetings_of_the_same_people_months_apart_stay_apart():
    save(talks_article(TALKS, source="a.txt", published=MONDAY, date=day(MONDAY)))
    later = MONDAY + datetime.timedelta(days=90)
    save(talks_article(REPORT, source="b.txt", published=later, date=day(later)))
    assert Meeting.objects.count() == 2


def test_a_disagreeing_place_keeps_the_first_value_and_is_flagged():
    save(talks_article(TALKS, source="a.txt", published=MONDAY, date=day(MONDAY)))
    save(talks_article(REPORT, source="b.txt", published=MONDAY, date=day(MONDAY), location="Tashkent"))
    meeting_record = Meeting.objects.get()
    assert meeting_record.location == "Ashgabat"
    conflict = FieldConflict.objects.get()
    assert (conflict.field, conflict.kept_value, conflict.other_value) == ("location", "Ashgabat", "Tashkent")
    assert conflict.evidence.article.source_name == "b.txt"


def test_a_rejected_meeting_is_not_created_again():
    save(talks_article(TALKS, source="a.txt", published=MONDAY, date=day(MONDAY)))
    Meeting.objects.update(review_status=ReviewStatus.REJECTED)
    save(talks_article(REPORT, source="b.txt", published=MONDAY, date=day(MONDAY)))
    assert Meeting.objects.count() == 1


PROPOSED = "Officials said the Uzbekistan-Turkmenistan Gas Transit Agreement is expected to be signed soon."
SIGNED = "The two ministers signed the Gas Transit Agreement between Uzbekistan and Turkmenistan on Monday."


def agreement_article(body, *, source, published, status, title, date=None):
    extracted = article(body, title=f"Deal {source}", source=source, published=published)
    extracted.agreements = [agreement(body, title, mention="Gas Transit Agreement", status=status, date=date,
                                      sectors=["energy"])]
    return extracted


def test_an_agreement_across_time_is_one_record_with_its_status_history():
    save(agreement_article(PROPOSED, source="a.txt", published=MONDAY - datetime.timedelta(days=30),
                           status="proposed", title="Uzbekistan-Turkmenistan Gas Transit Agreement"))
    save(agreement_article(SIGNED, source="b.txt", published=MONDAY, status="signed",
                           title="Gas Transit Agreement", date=day(MONDAY)))
    record = Agreement.objects.get()
    assert record.status == "signed"
    assert record.date == MONDAY
    history = list(record.status_changes.order_by("article__published").values_list("status", flat=True))
    assert history == ["proposed", "signed"]
    assert all(change.evidence for change in record.status_changes.all())
    assert list(record.sectors.values_list("name", flat=True)) == ["energy"]
    assert set(record.parties.values_list("country__code", flat=True)) == {"UZ", "TM"}


def test_an_older_article_read_later_does_not_roll_the_status_back():
    save(agreement_article(SIGNED, source="b.txt", published=MONDAY, status="signed",
                           title="Gas Transit Agreement", date=day(MONDAY)))
    save(agreement_article(PROPOSED, source="a.txt", published=MONDAY - datetime.timedelta(days=30),
                           status="proposed", title="Uzbekistan-Turkmenistan Gas Transit Agreement"))
    assert Agreement.objects.get().status == "signed"


def test_a_verified_agreement_keeps_its_status_but_records_the_new_step():
    save(agreement_article(PROPOSED, source="a.txt", published=MONDAY - datetime.timedelta(days=30),
                           status="proposed", title="Gas Transit Agreement"))
    Agreement.objects.update(review_status=ReviewStatus.VERIFIED)
    save(agreement_article(SIGNED, source="b.txt", published=MONDAY, status="signed",
                           title="Gas Transit Agreement", date=day(MONDAY)))
    record = Agreement.objects.get()
    assert record.status == "proposed"
    assert record.status_changes.count() == 2


def test_the_same_kind_of_agreement_between_other_countries_is_another_agreement():
    body = "Kazakhstan and Pakistan signed a joint declaration on energy."
    first = article(body, title="Deal one", source="a.txt", published=MONDAY)
    first.agreements = [agreement(body, "Joint declaration on energy", mention="joint declaration",
                                  kind="declaration", parties=("Kazakhstan", "Pakistan"))]
    save(first)
    body = "Uzbekistan and Pakistan signed a joint declaration on energy."
    second = article(body, title="Deal two", source="b.txt", published=MONDAY)
    second.agreements = [agreement(body, "Joint declaration on energy", mention="joint declaration",
                                   kind="declaration", parties=("Uzbekistan", "Pakistan"))]
    save(second)
    assert Agreement.objects.count() == 2
