"""Readers never see rejected records; merged ones lead to the kept record; unreviewed ones are marked."""

import pytest

from archive.models import ReviewStatus
from tests import factories as f

from .conftest import ids

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url, rejected", [
    ("/people/", "ghost"), ("/meetings/", "m_rejected"),
])
def test_rejected_records_are_not_listed(client, archive, url, rejected):
    assert getattr(archive, rejected).pk not in ids(client.get(url))


def test_rejected_organizations_and_agreements_are_not_listed(client, archive):
    assert "Rejected Holdings" not in client.get("/organizations/").content.decode()
    assert "Rejected accord" not in client.get("/agreements/").content.decode()


@pytest.mark.parametrize("kind, name", [("people", "ghost"), ("meetings", "m_rejected")])
def test_a_rejected_records_page_is_not_found(client, archive, kind, name):
    assert client.get(f"/{kind}/{getattr(archive, name).pk}/").status_code == 404


def test_a_rejected_persons_mention_is_not_highlighted_in_the_article(client, archive):
    response = client.get(f"/articles/{archive.dawn.pk}/")
    assert all(s.record_id != archive.ghost.pk or s.kind != "person" for s in response.context["segments"])
    assert archive.ghost not in response.context["people"]


def test_a_rejected_person_cannot_be_chosen_as_a_filter(client, archive):
    response = client.get("/meetings/", {"person": archive.ghost.pk})
    assert "person" in response.context["filter"].form.errors and ids(response) == []


def test_a_rejected_person_is_not_suggested(client, archive):
    assert client.get("/people/suggest", {"q": "ghost"}).json()["results"] == []


def test_a_merged_record_redirects_to_the_kept_one(client, archive):
    twin = f.PersonFactory(name="A. Rahman", merged_into=archive.amina)
    response = client.get(f"/people/{twin.pk}/")
    assert response.status_code == 302 and response["Location"] == f"/people/{archive.amina.pk}/"
    assert twin.pk not in ids(client.get("/people/"))


def test_unreviewed_records_are_marked_and_verified_ones_are_not_marked_unreviewed(client, archive):
    html = client.get("/meetings/").content.decode()
    rows = html.split("<tbody>")[1].split("</tr>")
    march = next(r for r in rows if f"/meetings/{archive.m_march.pk}/" in r)
    november = next(r for r in rows if f"/meetings/{archive.m_nov.pk}/" in r)
    assert 'class="badge unreviewed"' in november and 'class="badge unreviewed"' not in march
    assert 'class="badge verified"' in march


@pytest.mark.parametrize("url", ["/people/", "/organizations/", "/agreements/"])
def test_every_list_marks_unreviewed_records(client, archive, url):
    assert 'class="badge unreviewed"' in client.get(url).content.decode()


def test_a_detail_page_marks_an_unreviewed_record(client, archive):
    html = client.get(f"/people/{archive.nurlan.pk}/").content.decode()
    assert 'class="badge unreviewed" title="Extracted by machine, not yet checked by a curator"' in html
    archive.nurlan.review_status = ReviewStatus.VERIFIED
    archive.nurlan.save()
    html = client.get(f"/people/{archive.nurlan.pk}/").content.decode()
    assert "<h1>Nurlan Bekov <span class=\"badge verified\"" in html


def test_a_record_a_curator_marked_unsure_reads_as_unreviewed(client):
    person = f.PersonFactory(review_status=ReviewStatus.UNSURE)
    page = client.get(f"/people/{person.pk}/").content.decode()
    assert 'class="badge unreviewed"' in page and 'class="badge verified"' not in page
