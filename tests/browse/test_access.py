"""Whether reading needs a login is a setting: public read-only by default."""

import pytest
from django.test import override_settings

from tests import factories as f

pytestmark = pytest.mark.django_db

PAGES = ["/", "/meetings/", "/people/", "/articles/?format=csv", "/search/?q=x", "/people/suggest?q=ab"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_are_public_by_default(client, archive, url):
    assert client.get(url).status_code == 200


@override_settings(ARCHIVE_PUBLIC_READ=False)
@pytest.mark.parametrize("url", PAGES + ["/people/1/"])
def test_without_public_read_every_page_asks_for_a_login(client, archive, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/?next=")


@override_settings(ARCHIVE_PUBLIC_READ=False)
def test_without_public_read_a_logged_in_reader_sees_the_pages(client, archive):
    client.force_login(f.UserFactory())
    assert client.get("/meetings/").status_code == 200
    assert client.get(f"/people/{archive.amina.pk}/").status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_the_pages_are_read_only(client, archive, method):
    assert getattr(client, method)("/meetings/").status_code == 405
