"""Rows edited on their own admin pages (aliases, roles, participants...) change the record they belong to.

An alias typed in gets the keys ingest matches on, whichever page it is typed on,
and the record it belongs to is marked edited, as when the record's own page is saved.
"""

import pytest

from archive import models
from archive.extraction.entities import names
from archive.ingest import ingest_paths
from tests import factories

pytestmark = pytest.mark.django_db


def test_an_alias_added_on_the_alias_page_gets_ingest_keys_and_marks_the_person_edited(curator_client, curator):
    person = factories.PersonFactory(name="Temir Abenov")
    response = curator_client.post("/admin/archive/personalias/add/",
                                   {"name": "Mr Temir Abenov's", "person": person.pk})
    assert response.status_code == 302
    alias = models.PersonAlias.objects.get(name="Mr Temir Abenov's")
    assert (alias.normalized, alias.surname_key) == ("temir abenov", names.surname_key("Abenov"))
    person.refresh_from_db()
    assert person.is_curated
    assert person.history.latest().history_user == curator


def test_an_organization_alias_added_on_its_page_gets_its_key_and_marks_the_organization_edited(curator_client):
    organization = factories.OrganizationFactory(name="Steppe Grain Board")
    curator_client.post("/admin/archive/organizationalias/add/", {"name": "Steppe Grain-Board",
                                                                  "organization": organization.pk})
    assert models.OrganizationAlias.objects.get(name="Steppe Grain-Board").normalized == "steppe grain board"
    organization.refresh_from_db()
    assert organization.is_curated


def test_renaming_an_alias_recomputes_its_keys(curator_client):
    alias = factories.PersonAliasFactory(name="T. Abenov", normalized="t abenov", surname_key="abenov")
    curator_client.post(f"/admin/archive/personalias/{alias.pk}/change/", {"name": "Temir Abenuly",
                                                                           "person": alias.person_id})
    alias.refresh_from_db()
    assert (alias.normalized, alias.surname_key) == ("temir abenuly", names.surname_key("Abenuly"))


def test_moving_an_alias_to_another_person_marks_both_edited(curator_client):
    alias = factories.PersonAliasFactory(name="Abenov")
    other = factories.PersonFactory()
    curator_client.post(f"/admin/archive/personalias/{alias.pk}/change/", {"name": "Abenov", "person": other.pk})
    assert models.Person.objects.get(pk=alias.person_id).is_curated
    assert models.Person.objects.get(pk=other.pk).is_curated


def test_a_second_alias_with_the_same_folded_form_is_a_form_error(curator_client):
    alias = factories.PersonAliasFactory(name="Temir Abenov", normalized="temir abenov")
    response = curator_client.post("/admin/archive/personalias/add/", {"name": "TEMIR ABENOV",
                                                                       "person": alias.person_id})
    assert response.status_code == 200 and response.context["adminform"].form.errors
    assert models.PersonAlias.objects.filter(person=alias.person).count() == 1


def test_two_inline_aliases_with_the_same_folded_form_are_a_form_error(curator_client):
    person = factories.PersonFactory(name="Temir Abenov", title="", country=None)
    data = {"name": person.name, "title": "", "country": "", "aliases-INITIAL_FORMS": 0, "aliases-TOTAL_FORMS": 2,
            "aliases-0-name": "Mr Abenov", "aliases-1-name": "abenov", "roles-TOTAL_FORMS": 0,
            "roles-INITIAL_FORMS": 0}
    response = curator_client.post(f"/admin/archive/person/{person.pk}/change/", data)
    assert response.status_code == 200
    assert not person.aliases.exists()


def test_a_name_without_letters_is_refused_as_an_alias(curator_client):
    person = factories.PersonFactory()
    response = curator_client.post("/admin/archive/personalias/add/", {"name": "Mr.", "person": person.pk})
    assert response.status_code == 200 and "name" in response.context["adminform"].form.errors


def test_deleting_an_alias_on_its_page_marks_the_person_edited(curator_client):
    alias = factories.PersonAliasFactory()
    curator_client.post(f"/admin/archive/personalias/{alias.pk}/delete/", {"post": "yes"})
    assert not models.PersonAlias.objects.filter(pk=alias.pk).exists()
    assert models.Person.objects.get(pk=alias.person_id).is_curated


@pytest.mark.parametrize("model_name, owner", [("role", "person"), ("meetingparticipant", "meeting"),
                                               ("agreementparty", "agreement")])
def test_deleting_a_row_in_bulk_from_its_list_marks_its_record_edited(curator_client, model_name, owner):
    row = {"role": factories.RoleFactory, "meetingparticipant": factories.MeetingParticipantFactory,
           "agreementparty": factories.AgreementPartyFactory}[model_name]()
    record = getattr(row, owner)
    curator_client.post(f"/admin/archive/{model_name}/", {"action": "delete_selected", "_selected_action": [row.pk],
                                                          "post": "yes"})
    assert not type(row).objects.filter(pk=row.pk).exists()
    assert type(record).objects.get(pk=record.pk).is_curated


def test_saving_a_row_unchanged_marks_nothing(curator_client):
    role = factories.RoleFactory(title="Ambassador", organization=None)
    data = {"person": role.person_id, "title": "Ambassador", "organization": "", "country": role.country_id,
            "article": role.article_id, "date": role.date.isoformat(), "date_precision": role.date_precision}
    assert curator_client.post(f"/admin/archive/role/{role.pk}/change/", data).status_code == 302
    assert not models.Person.objects.get(pk=role.person_id).is_curated
    data["title"] = "Consul"
    curator_client.post(f"/admin/archive/role/{role.pk}/change/", data)
    assert models.Person.objects.get(pk=role.person_id).is_curated


STORY = """Grain exports discussed in Astana

ASTANA: Kazakh Trade Minister Temir Abenuly met Uzbek Deputy Minister Sardor Karimov in Astana on Monday.
"""


def test_ingest_links_a_name_to_the_person_a_curator_gave_it_as_an_alias(curator_client, tmp_path):
    person = factories.PersonFactory(name="Temir Abenov", country=factories.country("KZ"))
    curator_client.post("/admin/archive/personalias/add/", {"name": "Temir Abenuly", "person": person.pk})
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert ingest_paths([story]).errors == []
    assert not models.Person.objects.filter(name="Temir Abenuly").exists()
    assert models.Evidence.objects.filter(person=person).exists()
