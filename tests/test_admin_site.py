import pytest
from django.core.management import call_command
from django.contrib.auth import get_user_model

from tests import factories

pytestmark = pytest.mark.django_db

RECORD_LISTS = ["article", "person", "organization", "meeting", "agreement"]


def test_the_admin_requires_a_login(client):
    response = client.get("/admin/archive/person/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("model", RECORD_LISTS)
def test_the_admin_lists_each_record_type(admin_client, model):
    factories.ArticleFactory()
    factories.PersonFactory()
    factories.OrganizationFactory()
    factories.MeetingParticipantFactory()
    factories.AgreementPartyFactory()
    response = admin_client.get(f"/admin/archive/{model}/")
    assert response.status_code == 200


def test_ensure_admin_prints_a_fresh_random_password(capsys):
    call_command("ensure_admin")
    first = capsys.readouterr().out
    user = get_user_model().objects.get(username="admin")
    password = first.split("password '")[1].split("'")[0]
    assert user.check_password(password)
    assert len(password) >= 12


def test_ensure_admin_leaves_an_existing_administrator_alone(capsys):
    factories.UserFactory(username="boss", is_superuser=True, is_staff=True)
    call_command("ensure_admin")
    assert "exists already" in capsys.readouterr().out
    assert not get_user_model().objects.filter(username="admin").exists()
