"""Every changelist and change page costs a bounded number of queries, whatever the number of rows."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import models
from tests import factories

pytestmark = pytest.mark.django_db

ABSOLUTE_MAX = 40


def fill(n: int):
    """n of every kind of row, linked the way ingest links them."""
    user = factories.UserFactory()
    people = factories.PersonFactory.create_batch(n, reviewed_by=user)
    orgs = factories.OrganizationFactory.create_batch(n)
    for i in range(n):
        article = factories.ArticleFactory()
        factories.PersonAliasFactory(person=people[i])
        factories.OrganizationAliasFactory(organization=orgs[i])
        factories.RoleFactory(person=people[i], organization=orgs[i], article=article)
        meeting = factories.MeetingFactory()
        factories.MeetingParticipantFactory(meeting=meeting, person=people[i])
        factories.MeetingParticipantFactory(meeting=meeting, person=None, organization=orgs[i], name=orgs[i].name)
        factories.EvidenceFactory(article=article, person=people[i], start=0, end=5)
        factories.EvidenceFactory(article=article, person=None, meeting=meeting, start=0, end=20)
        factories.EvidenceFactory(article=article, person=None, organization=orgs[i], start=6, end=9)
        agreement = factories.AgreementFactory()
        factories.AgreementPartyFactory(agreement=agreement, organization=orgs[i], person=people[i])
        factories.AgreementStatusChangeFactory(agreement=agreement, article=article)
        factories.EvidenceFactory(article=article, person=None, agreement=agreement, start=10, end=30)
        factories.FieldConflictFactory(meeting=meeting, article=article)
    for a, b in zip(people[::2], people[1::2]):
        factories.DuplicateDecisionFactory(first=a, second=b)
    from archive.curation.merge import record_merge
    from archive.curation.review import records_decide

    record_merge(kept=people[0], merged=people[-1], user=user)
    # Decisions today, by the admin too: the queue shows its undo box and the per-curator counts.
    curators = [user, *get_user_model().objects.filter(username="admin")]
    for curator in curators:
        records_decide(records=people[1:n // 2], user=curator, decision="verified")
        records_decide(records=orgs[: n // 2], user=curator, decision="unsure")
    from archive.curation.convert import record_convert

    record_convert(record=people[1], into="organization", user=user)
    record_convert(record=orgs[-1], into="place", user=user)


def one_of_each(n: int) -> dict:
    """A record with n of each of its related rows, for change pages."""
    person = factories.PersonFactory()
    organization = factories.OrganizationFactory()
    meeting = factories.MeetingFactory()
    agreement = factories.AgreementFactory()
    article = factories.ArticleFactory(body="x" * (40 * n + 40))
    for i in range(n):
        factories.PersonAliasFactory(person=person, name=f"alias {i}", normalized=f"alias {i}")
        factories.RoleFactory(person=person, organization=factories.OrganizationFactory())
        factories.EvidenceFactory(person=person, article=article, start=40 * i, end=40 * i + 5)
        factories.MeetingParticipantFactory(meeting=meeting, organization=factories.OrganizationFactory())
        factories.EvidenceFactory(person=None, meeting=meeting, article=article, start=40 * i + 6, end=40 * i + 20)
        factories.AgreementPartyFactory(agreement=agreement, name=f"party {i}",
                                        organization=factories.OrganizationFactory(), person=factories.PersonFactory())
        factories.AgreementStatusChangeFactory(agreement=agreement, article=factories.ArticleFactory())
        factories.EvidenceFactory(person=None, agreement=agreement, article=article, start=40 * i + 21, end=40 * i + 30)
        factories.OrganizationAliasFactory(organization=organization, name=f"board {i}", normalized=f"board {i}")
        factories.EvidenceFactory(person=None, organization=organization, article=article, start=40 * i + 31,
                                  end=40 * i + 39)
    return {"person": person, "meeting": meeting, "agreement": agreement, "article": article,
            "organization": organization}


CHANGELISTS = [
    "/admin/archive/person/", "/admin/archive/person/?country=PK&q=a", "/admin/archive/organization/?q=a",
    "/admin/archive/meeting/", "/admin/archive/meeting/?country=PK&q=a", "/admin/archive/agreement/?kind=mou",
    "/admin/archive/article/?q=a", "/admin/archive/evidence/", "/admin/archive/personalias/",
    "/admin/archive/organizationalias/", "/admin/archive/role/", "/admin/archive/meetingparticipant/",
    "/admin/archive/agreementparty/", "/admin/archive/agreementstatuschange/", "/admin/archive/fieldconflict/",
    "/admin/archive/mergerecord/", "/admin/archive/duplicatedecision/", "/admin/review/",
    "/admin/review/?status=all&country=PK", "/admin/archive/person/?state=merged", "/admin/review/?layout=one",
    "/admin/review/?layout=one&p=3&status=all", "/admin/",
    "/admin/archive/reviewdecision/", "/admin/archive/reviewdecision/?decision=verified&type=person",
    "/admin/archive/conversionrecord/",
]


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("url", CHANGELISTS)
def test_a_changelist_costs_the_same_queries_for_5_or_50_rows(admin_client, url, django_assert_max_num_queries):
    fill(5)
    small = queries_for(admin_client, url)
    assert small <= ABSOLUTE_MAX
    fill(45)
    with django_assert_max_num_queries(small):
        response = admin_client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("kind", ["person", "organization", "meeting", "agreement", "article"])
def test_a_change_page_costs_the_same_queries_for_5_or_50_related_rows(admin_client, kind,
                                                                       django_assert_max_num_queries):
    small_record = one_of_each(5)[kind]
    small = queries_for(admin_client, f"/admin/archive/{kind}/{small_record.pk}/change/")
    assert small <= ABSOLUTE_MAX
    big_record = one_of_each(50)[kind]
    with django_assert_max_num_queries(small):
        response = admin_client.get(f"/admin/archive/{kind}/{big_record.pk}/change/")
    assert response.status_code == 200


def test_the_merge_record_and_duplicate_pages_are_bounded_too(admin_client, django_assert_max_num_queries):
    fill(5)
    merge = models.MergeRecord.objects.get()
    decision = models.DuplicateDecision.objects.filter(verdict="pending").first()
    with django_assert_max_num_queries(ABSOLUTE_MAX):
        assert admin_client.get(f"/admin/archive/mergerecord/{merge.pk}/change/").status_code == 200
    with django_assert_max_num_queries(ABSOLUTE_MAX):
        assert admin_client.get(f"/admin/archive/duplicatedecision/{decision.pk}/change/").status_code == 200
    for conversion in models.ConversionRecord.objects.all():
        with django_assert_max_num_queries(ABSOLUTE_MAX):
            assert admin_client.get(f"/admin/archive/conversionrecord/{conversion.pk}/change/").status_code == 200


def person_with_versions(n: int):
    """A person saved n times, with n aliases and roles, so every version carries links."""
    person = factories.PersonFactory()
    for i in range(n):
        factories.PersonAliasFactory(person=person, name=f"alias {i}", normalized=f"alias {i}")
        factories.RoleFactory(person=person, title=f"title {i}", organization=factories.OrganizationFactory())
        person.title = f"title {i}"
        person.extracted = {"title": f"title {i}", "country": "PK"}
        person.save()
    return person


def test_a_history_page_and_a_version_page_cost_the_same_queries_for_5_or_50_versions(
        admin_client, django_assert_max_num_queries):
    small, big = person_with_versions(5), person_with_versions(50)
    small_version = small.history.earliest().history_id
    big_version = big.history.earliest().history_id
    for small_url, big_url in [(f"/admin/archive/person/{small.pk}/history/",
                                f"/admin/archive/person/{big.pk}/history/"),
                               (f"/admin/archive/person/{small.pk}/history/{small_version}/",
                                f"/admin/archive/person/{big.pk}/history/{big_version}/")]:
        count = queries_for(admin_client, small_url)
        assert count <= ABSOLUTE_MAX
        with django_assert_max_num_queries(count):
            assert admin_client.get(big_url).status_code == 200
