"""Nothing of the admin without a login; curators curate but never administer; viewers only read."""

import pytest

from archive.models import Article, Person, ReviewStatus
from tests import factories

pytestmark = pytest.mark.django_db


def admin_urls():
    person = factories.PersonFactory()
    article = factories.ArticleFactory()
    return [
        "/admin/", "/admin/review/", f"/admin/merge/person/?ids={person.pk},{factories.PersonFactory().pk}",
        "/admin/archive/person/", f"/admin/archive/person/{person.pk}/change/",
        f"/admin/archive/person/{person.pk}/history/", f"/admin/archive/article/{article.pk}/change/",
        "/admin/archive/duplicatedecision/", "/admin/archive/mergerecord/", "/admin/auth/user/",
    ]


def test_nothing_of_the_admin_is_reachable_without_logging_in(client):
    for url in admin_urls():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url
    person = Person.objects.first()
    response = client.post(f"/admin/archive/person/{person.pk}/review/", {"decision": "verify"})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert Person.objects.get(pk=person.pk).review_status == ReviewStatus.UNREVIEWED


def test_a_curator_cannot_reach_user_or_group_administration(curator_client):
    for url in ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/"]:
        assert curator_client.get(url).status_code == 403, url
    assert b"/admin/auth/" not in curator_client.get("/admin/").content


def test_a_curator_cannot_delete_an_article(curator_client):
    article = factories.ArticleFactory()
    assert curator_client.get(f"/admin/archive/article/{article.pk}/delete/").status_code == 403
    assert curator_client.post(f"/admin/archive/article/{article.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_a_curator_views_changes_and_reviews_records(curator_client):
    person = factories.PersonFactory()
    assert curator_client.get("/admin/archive/person/").status_code == 200
    assert curator_client.get(f"/admin/archive/person/{person.pk}/change/").status_code == 200
    curator_client.post(f"/admin/archive/person/{person.pk}/review/", {"decision": "verify"})
    assert Person.objects.get(pk=person.pk).review_status == ReviewStatus.VERIFIED


def test_a_viewer_reads_everything_and_changes_nothing(viewer_client, viewer):
    person = factories.PersonFactory(name="Aibek Dzhaksybekov")
    other = factories.PersonFactory()
    assert viewer_client.get("/admin/archive/person/").status_code == 200
    assert viewer_client.get("/admin/review/").status_code == 200
    page = viewer_client.get(f"/admin/archive/person/{person.pk}/change/")
    assert page.status_code == 200 and b'id="verify-record"' not in page.content
    attempts = [
        viewer_client.post(f"/admin/archive/person/{person.pk}/change/", {"name": "Someone Else", "title": ""}),
        viewer_client.post("/admin/archive/person/add/", {"name": "New Person"}),
        viewer_client.post("/admin/review/", {"record": f"person:{person.pk}", "decision": "verify"}),
        viewer_client.get(f"/admin/merge/person/?ids={person.pk},{other.pk}"),
        viewer_client.post(f"/admin/merge/person/?ids={person.pk},{other.pk}", {"kept": person.pk}),
        viewer_client.post(f"/admin/archive/person/{person.pk}/delete/", {"post": "yes"}),
    ]
    assert all(r.status_code == 403 for r in attempts), [r.status_code for r in attempts]
    viewer_client.post(f"/admin/archive/person/{person.pk}/review/", {"decision": "reject"})
    viewer_client.post("/admin/archive/person/", {"action": "verify_selected", "_selected_action": [person.pk]})
    person.refresh_from_db()
    assert (person.name, person.review_status, person.merged_into) == (
        "Aibek Dzhaksybekov", ReviewStatus.UNREVIEWED, None)
    assert Person.objects.count() == 2
