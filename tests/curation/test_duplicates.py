import pytest

from archive import models
from archive.curation.duplicates import duplicate_judge, duplicates_suggest, judged_different
from archive.curation.merge import record_merge
from tests import factories

pytestmark = pytest.mark.django_db


def person(name, country="KZ"):
    record = factories.PersonFactory(name=name, country=factories.country(country))
    surname = name.split()[-1].lower()
    factories.PersonAliasFactory(person=record, name=name, normalized=name.lower(), surname_key=surname)
    return record


def suggested_pairs():
    return {(d.low_id, d.high_id) for d in models.DuplicateDecision.objects.filter(verdict="pending")}


def test_people_with_close_spellings_in_one_country_are_suggested_with_a_shared_article():
    a, b = person("Aibek Dzhaksybekov"), person("Aibek Djaksybekov")
    article = factories.ArticleFactory()
    factories.EvidenceFactory(person=a, article=article, start=0, end=5)
    factories.EvidenceFactory(person=b, article=article, start=6, end=9)
    person("Bilal Qadir", "PK"), person("Kamran Qadir", "PK")  # a shared surname alone is not a match
    assert duplicates_suggest(model=models.Person) == 1
    decision = models.DuplicateDecision.objects.get()
    assert (decision.low_id, decision.high_id) == (min(a.pk, b.pk), max(a.pk, b.pk))
    assert "shared articles" in decision.reasons and "same country" in decision.reasons


def test_people_of_different_countries_are_not_suggested():
    person("Ali Khan", "PK"), person("Ali Khan", "AF")
    assert duplicates_suggest(model=models.Person) == 0


def test_a_pair_judged_not_the_same_is_never_suggested_again():
    user = factories.UserFactory()
    a, b = person("Ali Khan", "PK"), person("Ali Khan", "PK")
    assert duplicates_suggest(model=models.Person) == 1
    duplicate_judge(a=a, b=b, verdict=models.Verdict.NOT_SAME, user=user)
    assert duplicates_suggest(model=models.Person) == 0
    assert models.DuplicateDecision.objects.get().verdict == models.Verdict.NOT_SAME
    assert judged_different(a, [b]) and judged_different(b, [a])


def test_merged_and_rejected_records_are_not_suggested():
    user = factories.UserFactory()
    a, b, c = person("Ali Khan", "PK"), person("Ali Khan", "PK"), person("Ali Khan", "PK")
    record_merge(kept=a, merged=b, user=user)
    c.review_status = models.ReviewStatus.REJECTED
    c.save()
    assert duplicates_suggest(model=models.Person) == 0


def test_organizations_meetings_and_agreements_have_suggestions_too():
    factories.OrganizationFactory(name="Kazakh Invest", acronym="KI")
    factories.OrganizationFactory(name="KazakhInvest national company", acronym="KI")
    p1, p2 = factories.PersonFactory(), factories.PersonFactory()
    for meeting in (factories.MeetingFactory(date="2025-09-09"), factories.MeetingFactory(date="2025-09-10")):
        factories.MeetingParticipantFactory(meeting=meeting, person=p1)
        factories.MeetingParticipantFactory(meeting=meeting, person=p2)
    for title in ("Agreement on transit of goods", "Agreement on the transit of goods"):
        factories.AgreementPartyFactory(agreement=factories.AgreementFactory(title=title))
    assert duplicates_suggest(model=models.Organization) == 1
    assert duplicates_suggest(model=models.Meeting) == 1
    assert duplicates_suggest(model=models.Agreement) == 1


def test_the_command_reports_new_suggestions_per_type(capsys):
    from django.core.management import call_command

    person("Ali Khan", "PK"), person("Ali Khan", "PK")
    call_command("suggest_duplicates")
    out = capsys.readouterr().out
    assert "person: 1 new suggestion(s)" in out and "meeting: 0 new suggestion(s)" in out
    call_command("suggest_duplicates", "--type", "person")
    assert "person: 0 new suggestion(s)" in capsys.readouterr().out


def test_meetings_of_one_article_or_with_one_shared_participant_are_not_suggested():
    minister, other, third = factories.PersonFactory(), factories.PersonFactory(), factories.PersonFactory()
    article = factories.ArticleFactory()
    first, second = factories.MeetingFactory(date="2025-09-09"), factories.MeetingFactory(date="2025-09-09")
    for meeting in (first, second):
        factories.MeetingParticipantFactory(meeting=meeting, person=minister)
        factories.MeetingParticipantFactory(meeting=meeting, person=other)
        factories.EvidenceFactory(person=None, meeting=meeting, article=article, start=meeting.pk, end=meeting.pk)
    lone = factories.MeetingFactory(date="2025-09-10")
    for person in (minister, third, factories.PersonFactory()):
        factories.MeetingParticipantFactory(meeting=lone, person=person)
    assert duplicates_suggest(model=models.Meeting) == 0
