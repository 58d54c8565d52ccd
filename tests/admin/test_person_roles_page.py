"""A person's change page edits their latest roles in place and links to the role list for the rest."""

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


def test_a_role_shown_on_the_change_page_is_edited_there(curator_client):
    person = person_with_roles(ROLES_SHOWN + 1)
    response = curator_client.get(f"/admin/archive/person/{person.pk}/change/")
    formset = next(f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "roles")
    data = {"name": person.name, "title": "", "country": "", "aliases-TOTAL_FORMS": 0, "aliases-INITIAL_FORMS": 0,
            "roles-TOTAL_FORMS": ROLES_SHOWN, "roles-INITIAL_FORMS": ROLES_SHOWN}
    for i, form in enumerate(formset.initial_forms):
        role = form.instance
        data.update({f"roles-{i}-id": role.pk, f"roles-{i}-person": person.pk, f"roles-{i}-title": role.title,
                     f"roles-{i}-date": role.date.isoformat(), f"roles-{i}-date_precision": role.date_precision})
    newest = formset.initial_forms[0].instance
    data["roles-0-title"] = "Ambassador"
    response = curator_client.post(f"/admin/archive/person/{person.pk}/change/", data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][1].formset.errors
    assert models.Role.objects.get(pk=newest.pk).title == "Ambassador"
    assert models.Role.objects.filter(person=person).count() == ROLES_SHOWN + 1  # the one not shown is kept
    assert models.Role.objects.filter(person=person, title="Envoy 0").exists()
