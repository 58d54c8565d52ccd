"""Each page runs the same number of queries whether it shows 5 rows or 50."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import AgreementStatus
from tests import factories as f

pytestmark = pytest.mark.django_db

# The filtered agreements list is the largest: its count and rows with two prefetches, four facet counts
# (status, kind, country, year), the chosen organization and sector, the undated count.
MAX_QUERIES = 14


def make_rows(n: int, batch: str = "a") -> dict:
    kz = f.country("KZ")
    person = f.PersonFactory(country=kz)
    org = f.OrganizationFactory(country=kz)
    sector = f.SectorFactory(name="energy")
    for i in range(n):
        article = f.ArticleFactory(title=f"Pipeline news {batch}{i}", body=f"Pipeline talks number {batch}{i} in Astana.",
                                   outlet="Indusline")
        meeting = f.MeetingFactory(location="Astana")
        f.MeetingParticipantFactory(meeting=meeting, person=person, country=kz)
        f.MeetingParticipantFactory(meeting=meeting, person=f.PersonFactory(country=kz), country=kz)
        f.MeetingParticipantFactory(meeting=meeting, person=None, organization=org, name=org.name, country=kz)
        f.EvidenceFactory(article=article, person=None, meeting=meeting)
        f.EvidenceFactory(article=article, person=person, start=11, end=20)
        agreement = f.AgreementFactory(status=AgreementStatus.PROPOSED, value_usd=1000)
        agreement.sectors.add(sector)
        f.AgreementPartyFactory(agreement=agreement, country=kz, name="Kazakhstan", person=person)
        f.AgreementPartyFactory(agreement=agreement, country=None, organization=org, name=org.name)
        f.AgreementStatusChangeFactory(agreement=agreement, article=article)
        f.EvidenceFactory(article=article, person=None, agreement=agreement, start=21, end=30)
        f.RoleFactory(person=person, organization=org, article=article, title=f"Minister {i}")
        f.PersonFactory(country=kz)
        f.OrganizationFactory(country=kz)
    return {"person": person, "org": org, "meeting": meeting, "agreement": agreement, "article": article}


def pages(rows: dict) -> list[str]:
    person, org = rows["person"].pk, rows["org"].pk
    return [
        "/meetings/?per_page=50", f"/meetings/?per_page=50&country=KZ&person={person}&organization={org}&q=astana",
        "/agreements/?per_page=50", f"/agreements/?per_page=50&status=proposed&country=KZ&organization={org}"
                                    "&sector=energy&value_min=1",
        "/people/?per_page=50", f"/people/?per_page=50&country=KZ&organization={org}&role=minister",
        "/organizations/?per_page=50&country=KZ&type=company",
        "/articles/?per_page=50", "/articles/?per_page=50&q=pipeline&outlet=Indusline",
        f"/people/suggest?q={rows['person'].name[:4]}",
        f"/people/{person}/", f"/organizations/{org}/", f"/meetings/{rows['meeting'].pk}/",
        f"/agreements/{rows['agreement'].pk}/", f"/articles/{rows['article'].pk}/",
        "/meetings/?format=csv", "/agreements/?format=json", "/people/?format=csv", "/articles/?format=json&q=pipeline",
        "/meetings/?format=participants", "/agreements/?format=parties", "/meetings/?format=graphml&country=KZ",
        "/agreements/?format=gexf", "/meetings/?format=json&date_from=2000-01-01",
        "/meetings/?per_page=50&date_from=2000-01-01&date_to=2100-01-01&country=KZ",
        "/agreements/?per_page=50&date_from=2000-01-01", "/articles/?per_page=50&date_to=2100-01-01",
        "/meetings/?per_page=50&undated=on",
    ]


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(captured)


def test_query_counts_do_not_grow_with_the_number_of_rows(client, django_assert_max_num_queries):
    few = make_rows(5)
    counts_few = {url: count_queries(client, url) for url in pages(few)}
    many = make_rows(45, "b")  # 50 of each in all
    for url_few, url_many in zip(pages(few), pages(many)):
        with django_assert_max_num_queries(MAX_QUERIES):
            n = count_queries(client, url_many)
        assert n == counts_few[url_few], (url_many, counts_few[url_few], n)


def test_a_list_really_shows_fifty_rows_on_one_page(client):
    make_rows(50)
    response = client.get("/meetings/?per_page=50")
    assert len(response.context["object_list"]) == 50


def test_the_search_page_costs_the_same_queries_for_12_or_50_matches_of_each_type(client, django_assert_max_num_queries):
    # Each type's count is read only when its first ten fill up: compare two archives where they do.
    make_rows(12)
    few = count_queries(client, "/search/?q=pipeline")
    make_rows(38, "b")
    with django_assert_max_num_queries(MAX_QUERIES + 2):
        assert count_queries(client, "/search/?q=pipeline") == few
