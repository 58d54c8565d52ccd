"""A person's change page lists their latest roles, each linked to its own page, and links to the role list."""

from datetime import date

import pytest

from archive import models
from archive.admin.records import ROLES_SHOWN
from tests import factories

pytestmark = pytest.mark.django_db


def person_with_roles(n: int):
    person = factories.PersonFactory(name="Temir Abenov", title="", country=None)
    for i in range(n):
        factories.RoleFactory(person=person, title=f"Envoy {i}", date=date(2020, 1, 1 + i))
    return person


def test_the_change_page_shows_the_latest_roles_and_links_to_all_of_them(curator_client):
    person = person_with_roles(ROLES_SHOWN + 3)
    response = curator_client.get(f"/admin/archive/person/{person.pk}/change/")
    formset = next(f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "roles")
    titles = [form.instance.title for form in formset.initial_forms]
    assert titles == [f"Envoy {i}" for i in range(ROLES_SHOWN + 2, 2, -1)]  # the newest dates first
    html = response.content.decode()
    assert f"{ROLES_SHOWN + 3} (the latest {ROLES_SHOWN} are below)" in html
    assert f"/admin/archive/role/?person__id__exact={person.pk}" in html
    listed = curator_client.get(f"/admin/archive/role/?person__id__exact={person.pk}")
    assert listed.status_code == 200 and len(listed.context["cl"].result_list) == ROLES_SHOWN + 3


def test_a_listed_role_links_to_its_own_page_where_the_curator_edits_it(curator_client):
    person = person_with_roles(ROLES_SHOWN + 1)
    response = curator_client.get(f"/admin/archive/person/{person.pk}/change/")
    formset = next(f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "roles")
    newest = formset.initial_forms[0].instance
    assert f'href="/admin/archive/role/{newest.pk}/change/"' in response.content.decode()
    data = {"person": person.pk, "title": "Ambassador", "date": newest.date.isoformat(),
            "date_precision": newest.date_precision, "date_text": ""}
    response = curator_client.post(f"/admin/archive/role/{newest.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert models.Role.objects.get(pk=newest.pk).title == "Ambassador"
    person.refresh_from_db()
    assert person.is_curated  # a role edited on its page marks its person edited, as the inline did


def test_saving_the_person_keeps_every_role(curator_client):
    person = person_with_roles(ROLES_SHOWN + 1)
    data = {"name": "Temir Abenuly", "title": "", "country": "", "aliases-TOTAL_FORMS": 0,
            "aliases-INITIAL_FORMS": 0, "roles-TOTAL_FORMS": 0, "roles-INITIAL_FORMS": 0}
    response = curator_client.post(f"/admin/archive/person/{person.pk}/change/", data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Temir Abenuly" and person.roles.count() == ROLES_SHOWN + 1
