"""Every way the admin writes, tried as a Viewer (refused with 403, nothing changes) and as a Curator (it writes).

The Curator half proves each request below really is a write path: were one of
them a no-op, the Viewer half would pass for the wrong reason.
"""

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.test import Client

from archive import models
from archive.curation.convert import record_convert
from archive.curation.merge import record_merge
from tests import factories

pytestmark = pytest.mark.django_db


# --- the records every path works on --------------------------------------------------------------


@pytest.fixture
def world(db):
    """One record of each type with an earlier version in its history, its rows, a merge and a suggested pair."""
    owner = factories.curator("olga")
    kz = factories.country("KZ")
    person = factories.PersonFactory(name="Temir Abenov", title="Ambassador", country=kz)
    organization = factories.OrganizationFactory(name="Steppe Grain Board", country=kz)
    meeting = factories.MeetingFactory(topic="grain exports")
    agreement = factories.AgreementFactory(title="Grain transit memorandum")
    for record, field, later in [(person, "title", "Consul"), (organization, "name", "Steppe Grain Council"),
                                 (meeting, "topic", "grain and rail"), (agreement, "title", "Rail memorandum")]:
        setattr(record, field, later)
        record.save()  # the first version in the history keeps the earlier value, to revert to
    article = factories.ArticleFactory(title="Grain talks")
    alias = factories.PersonAliasFactory(person=person, name="T. Abenov", normalized="t abenov",
                                         surname_key="abenov")
    role = factories.RoleFactory(person=person, title="Ambassador", article=article)
    participant = factories.MeetingParticipantFactory(meeting=meeting, person=person)
    source = factories.EvidenceFactory(article=article, person=None, meeting=meeting)
    party = factories.AgreementPartyFactory(agreement=agreement, country=kz)
    step = factories.AgreementStatusChangeFactory(agreement=agreement, article=article)
    twins = [factories.PersonFactory(name="Dana Serikova", country=kz) for _ in range(2)]
    pair = [factories.PersonFactory(name=name, country=kz) for name in ("Nurlan Esimov", "Nurlan Yesimov")]
    absorbed = factories.PersonFactory(name="Arman Tulegenov", country=kz)
    absorber = factories.PersonFactory(name="Arman Tulegen", country=kz)
    merge = record_merge(kept=absorber, merged=absorbed, user=owner)
    decision = factories.DuplicateDecisionFactory(first=pair[0], second=pair[1])
    conversion = record_convert(record=factories.PersonFactory(name="Bagram Airfield"), into="place", user=owner)
    return SimpleNamespace(conversion=conversion, person=person, organization=organization, meeting=meeting, agreement=agreement,
                           article=article, alias=alias, role=role, participant=participant, source=source,
                           party=party, step=step, twins=twins, pair=pair, absorbed=absorbed, merge=merge,
                           decision=decision)


def database_state() -> dict:
    """Every row of every archive table (records, their rows, history, merges, verdicts) and the admin log."""
    tables = [m for m in apps.get_app_config("archive").get_models()] + [LogEntry]
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in tables}


def form_data(url: str, edit: Callable[[dict, dict], None] | None = None) -> dict:
    """What the form at `url` posts unchanged, as a curator is shown it, then `edit(data, prefixes)`.

    `prefixes` maps each inline's model to its formset prefix.
    """
    reader = Client()
    reader.force_login(factories.curator("form-reader"))
    context = reader.get(url).context
    forms, data, prefixes = [context["adminform"].form], {}, {}
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        prefixes[formset.model] = formset.prefix
        data.update({formset.management_form.add_prefix(k): v for k, v in formset.management_form.initial.items()})
        forms += formset.forms
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None and value is not False:
                data[form.add_prefix(name)] = value
    if edit:
        edit(data, prefixes)
    return data


def change_url(record) -> str:
    return f"/admin/archive/{record._meta.model_name}/{record.pk}/change/"


def fresh(record):
    return type(record).objects.get(pk=record.pk)


# --- the write paths ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class WritePath:
    name: str
    attempt: Callable  # (client, world) -> response
    wrote: Callable  # (world) -> whether the write happened


def change_form(field, value, record="person"):
    def attempt(client, w):
        url = change_url(getattr(w, record))
        return client.post(url, form_data(url, lambda data, _: data.update({field: value})))

    return WritePath(f"change form of a {record}", attempt,
                     lambda w: getattr(fresh(getattr(w, record)), field) == value)


def history_revert(record, field):
    def attempt(client, w):
        target = getattr(w, record)
        url = f"{change_url(target).removesuffix('change/')}history/{target.history.earliest().history_id}/"
        return client.post(url, form_data(url))

    def wrote(w):
        target = getattr(w, record)
        return getattr(fresh(target), field) == getattr(target.history.earliest(), field)

    return WritePath(f"history revert of a {record}", attempt, wrote)


def inline_delete(record, row, row_model):
    def attempt(client, w):
        url = change_url(getattr(w, record))
        return client.post(url, form_data(url, lambda data, prefixes: data.update({
            f"{prefixes[row_model]}-0-DELETE": "on"})))

    name = f"inline delete of a {row_model._meta.verbose_name} on a {record}"
    return WritePath(name, attempt, lambda w: not row_model.objects.filter(pk=getattr(w, row).pk).exists())


def review_status(record, status):
    return lambda w: fresh(getattr(w, record)).review_status == status


def queue_post(decision):
    return lambda client, w: client.post("/admin/review/", {"record": f"person:{w.person.pk}",
                                                            "decision": decision, "reason": "no"})


def queue_undo(client, w):
    """A decision, then its undo: both are writes (the viewer is refused the first and the second)."""
    queue_post("verify")(client, w)
    return client.post("/admin/review/undo/", {"next": "/admin/review/"})


def list_action(model_name, action, **extra):
    def attempt(client, w):
        target = {"person": w.person, "meeting": w.meeting, "mergerecord": w.merge, "duplicatedecision": w.decision,
                  "role": w.role}[model_name]
        return client.post(f"/admin/archive/{model_name}/", {"action": action, "_selected_action": [target.pk],
                                                              **extra})

    return attempt


def merge_page(action, pair, keep_first=True):
    def attempt(client, w):
        a, b = pair(w)
        data = {"action": action, "kept": a.pk} if keep_first else {"action": action}
        return client.post(f"/admin/merge/person/?ids={a.pk},{b.pk}", data)

    return attempt


def verdict_is(verdict):
    return lambda w: models.DuplicateDecision.objects.filter(
        low_id=min(p.pk for p in w.twins), high_id=max(p.pk for p in w.twins), verdict=verdict).exists()


def alias_added(model, **lookup):
    return lambda w: model.objects.filter(**lookup).exists()


WRITE_PATHS = [
    change_form("title", "Trade Envoy"),
    change_form("name", "Steppe Grain Union", record="organization"),
    change_form("topic", "rail freight", record="meeting"),
    change_form("title", "Wheat memorandum", record="agreement"),
    WritePath("change form of an article", lambda c, w: c.post(change_url(w.article), form_data(
        change_url(w.article), lambda data, _: data.update({"title": "Grain talks resumed"}))),
        lambda w: fresh(w.article).title == "Grain talks resumed"),
    WritePath("add form of a person", lambda c, w: c.post("/admin/archive/person/add/", {
        "name": "Aigerim Saparova", "aliases-TOTAL_FORMS": 0, "aliases-INITIAL_FORMS": 0, "roles-TOTAL_FORMS": 0,
        "roles-INITIAL_FORMS": 0}), lambda w: models.Person.objects.filter(name="Aigerim Saparova").exists()),
    WritePath("add form of a sector", lambda c, w: c.post("/admin/archive/sector/add/", {"name": "fisheries"}),
              lambda w: models.Sector.objects.filter(name="fisheries").exists()),
    history_revert("person", "title"),
    history_revert("organization", "name"),
    history_revert("meeting", "topic"),
    history_revert("agreement", "title"),
    WritePath("review queue: verify", queue_post("verify"), review_status("person", "verified")),
    WritePath("review queue: reject", queue_post("reject"), review_status("person", "rejected")),
    WritePath("review queue: unsure", queue_post("unsure"), review_status("person", "unsure")),
    WritePath("review queue: a row's reject button with a reason", lambda c, w: c.post("/admin/review/", {
        "record": f"meeting:{w.meeting.pk}", "reject": "not_meeting"}), review_status("meeting", "rejected")),
    WritePath("review queue: undo the last decision", queue_undo, lambda w: models.ReviewDecision.objects.filter(
        record_id=w.person.pk, undone_at__isnull=False).exists() and fresh(w.person).review_status == "unreviewed"),
    WritePath("list action: verify selected", list_action("meeting", "verify_selected"),
              review_status("meeting", "verified")),
    WritePath("list action: reject selected", list_action("person", "reject_selected", apply="1", reason="no"),
              review_status("person", "rejected")),
    WritePath("record page: verify", lambda c, w: c.post(f"/admin/archive/agreement/{w.agreement.pk}/review/",
                                                         {"decision": "verify"}),
              review_status("agreement", "verified")),
    WritePath("record page: reject", lambda c, w: c.post(f"/admin/archive/organization/{w.organization.pk}/review/",
                                                         {"decision": "reject", "note": "no"}),
              review_status("organization", "rejected")),
    WritePath("merge page: merge", merge_page("merge", lambda w: w.twins),
              lambda w: fresh(w.twins[1]).merged_into_id == w.twins[0].pk),
    WritePath("merge page: the same, for a suggested pair", merge_page("merge", lambda w: w.pair),
        lambda w: fresh(w.decision).verdict == models.Verdict.SAME),
    WritePath("merge page: not the same", merge_page("not_same", lambda w: w.twins, keep_first=False),
              verdict_is(models.Verdict.NOT_SAME)),
    WritePath("merge page: unsure", merge_page("unsure", lambda w: w.twins, keep_first=False),
              verdict_is(models.Verdict.UNSURE)),
    WritePath("undo a merge from its page", lambda c, w: c.post(f"/admin/archive/mergerecord/{w.merge.pk}/undo/"),
              lambda w: fresh(w.merge).undone_at is not None),
    WritePath("list action: undo selected merges", list_action("mergerecord", "undo_selected"),
              lambda w: fresh(w.merge).undone_at is not None),
    WritePath("duplicates: not the same", list_action("duplicatedecision", "judge_not_same"),
              lambda w: fresh(w.decision).verdict == models.Verdict.NOT_SAME),
    WritePath("duplicates: unsure", list_action("duplicatedecision", "judge_unsure"),
              lambda w: fresh(w.decision).verdict == models.Verdict.UNSURE),
    WritePath("duplicates: a verdict on the pair's page", lambda c, w: c.post(
        change_url(w.decision), {"verdict": models.Verdict.NOT_SAME, "note": "two people"}),
        lambda w: fresh(w.decision).verdict == models.Verdict.NOT_SAME),
    WritePath("duplicates: look for duplicates", lambda c, w: c.post("/admin/archive/duplicatedecision/suggest/"),
              verdict_is(models.Verdict.PENDING)),
    WritePath("record page: this is an organization", lambda c, w: c.post(
        f"/admin/archive/person/{w.person.pk}/convert/organization/"),
        lambda w: models.Organization.objects.filter(name=w.person.name).exists()),
    WritePath("record page: this is a person", lambda c, w: c.post(
        f"/admin/archive/organization/{w.organization.pk}/convert/person/"),
        lambda w: models.Person.objects.filter(name=w.organization.name).exists()),
    WritePath("record page: this is a place", lambda c, w: c.post(f"/admin/archive/person/{w.person.pk}/convert/place/"),
              lambda w: not models.MeetingParticipant.objects.filter(pk=w.participant.pk).exists()),
    WritePath("undo a conversion from its page", lambda c, w: c.post(
        f"/admin/archive/conversionrecord/{w.conversion.pk}/undo/"),
        lambda w: fresh(w.conversion).undone_at is not None),
    inline_delete("person", "alias", models.PersonAlias),
    inline_delete("person", "role", models.Role),
    inline_delete("meeting", "participant", models.MeetingParticipant),
    inline_delete("meeting", "source", models.Evidence),
    inline_delete("agreement", "party", models.AgreementParty),
    inline_delete("agreement", "step", models.AgreementStatusChange),
    WritePath("delete a role on its own page", lambda c, w: c.post(f"/admin/archive/role/{w.role.pk}/delete/",
                                                                   {"post": "yes"}),
              lambda w: not models.Role.objects.filter(pk=w.role.pk).exists()),
    WritePath("list action: delete selected roles", list_action("role", "delete_selected", post="yes"),
              lambda w: not models.Role.objects.filter(pk=w.role.pk).exists()),
    WritePath("alias add on the alias admin", lambda c, w: c.post("/admin/archive/personalias/add/", {
        "name": "Temir Abenuly", "person": w.person.pk}), alias_added(models.PersonAlias, name="Temir Abenuly")),
    WritePath("organization alias add on its admin", lambda c, w: c.post("/admin/archive/organizationalias/add/", {
        "name": "SGB", "organization": w.organization.pk}), alias_added(models.OrganizationAlias, name="SGB")),
    WritePath("alias add inline on a person", lambda c, w: c.post(change_url(w.person), form_data(
        change_url(w.person), lambda data, prefixes: data.update({
            f"{prefixes[models.PersonAlias]}-TOTAL_FORMS": 2, f"{prefixes[models.PersonAlias]}-1-name": "Abenov T."}))),
        alias_added(models.PersonAlias, name="Abenov T.")),
]
IDS = [path.name for path in WRITE_PATHS]


@pytest.fixture
def viewer_client(world):
    client = Client()
    client.force_login(factories.curator("victor", group="Viewer"))
    return client


@pytest.fixture
def curator_client(world):
    client = Client()
    client.force_login(factories.curator("carla"))
    return client


@pytest.mark.parametrize("path", WRITE_PATHS, ids=IDS)
def test_a_viewer_is_refused_every_write_path_and_nothing_changes(viewer_client, world, path):
    before = database_state()
    response = path.attempt(viewer_client, world)
    assert response.status_code == 403
    assert database_state() == before
    assert not path.wrote(world)


@pytest.mark.parametrize("path", WRITE_PATHS, ids=IDS)
def test_a_curator_writes_through_every_path(curator_client, world, path):
    response = path.attempt(curator_client, world)
    assert response.status_code in (200, 302), response.status_code
    assert path.wrote(world)


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_a_viewer_is_refused_the_archives_own_write_views_whatever_the_method(viewer_client, world, method):
    person = world.person
    urls = [f"/admin/archive/person/{person.pk}/history/{person.history.earliest().history_id}/",
            f"/admin/archive/person/{person.pk}/review/", f"/admin/archive/mergerecord/{world.merge.pk}/undo/",
            f"/admin/archive/person/{person.pk}/convert/place/",
            f"/admin/archive/conversionrecord/{world.conversion.pk}/undo/",
            "/admin/archive/duplicatedecision/suggest/", "/admin/review/", "/admin/review/undo/",
            "/admin/archive/person/",
            f"/admin/merge/person/?ids={world.twins[0].pk},{world.twins[1].pk}"]
    before = database_state()
    for url in urls:
        assert viewer_client.generic(method, url).status_code == 403, url
    assert database_state() == before
