"""A record's history a curator can read and undo: fields and links, in words, and revert that restores both.

Links are the rows that belong to a record: a person's aliases and roles, an
organization's aliases, a meeting's participants, an agreement's parties, status
steps and sectors. Each version of a record (django-simple-history) carries a
snapshot of its links (`links`), taken when the version is written. Links can
change without the record being saved (ingest adds a participant), so before a
curator's edit changes links, the latest version's snapshot is brought up to date:
it then says how the record stood just before the edit.

Reverting to a version restores its fields (those a curator edits; review state
and merges stay as they are) and its links: rows added since are removed, rows
removed since come back with their ids, changed rows get their earlier values. A
version from before the record absorbed another in a merge is not reverted: undo
the merge first, or its rows would be lost.

A version ingest writes for a record it changed lists a kind of link that gains a row
per article naming the record (a person's roles, an agreement's status steps: `grows`)
only up to a number of rows (`links_snapshots`' `listed_up_to`): past that, the kind
holds just how many rows there were (`{"rows": n}`, see `counted`). A busy minister
has a role per article naming him, and listing them all in every version made each
version, and every batch writing them, grow with the archive. Such a kind reads as its number of rows in
the history, and a revert to that version leaves it as it is (as for a version from
before links were kept); the versions a person's edits write always list every row.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models import Count

from archive.models import (
    Agreement, AgreementParty, AgreementStatusChange, Meeting, MeetingParticipant, MergeRecord, Organization,
    OrganizationAlias, Person, PersonAlias, Role,
)
from archive.models.base import Reviewable

from .errors import CurationError


@dataclass(frozen=True)
class Link:
    """Rows of `model` whose `owner` foreign key is the record, snapshotted by `fields` (attnames) and labelled
    from `labelled_by` (lookups read with them, through their foreign keys) by `label`."""

    key: str  # the snapshot's key, and the record's related manager
    noun: str  # how a curator calls one row
    model: type[models.Model]
    owner: str
    fields: tuple[str, ...]
    labelled_by: tuple[str, ...]
    label: Callable[[dict], str]
    grows: bool = False  # a row per article that names the record: listed only up to a number by ingest


def choice_label(model, field: str, value) -> str:
    return str(dict(model._meta.get_field(field).flatchoices).get(value, value))


def organization_label(name, acronym) -> str:
    """An organization as it prints (`Organization.__str__`)."""
    return f"{name} ({acronym})" if acronym else name


def dated(date) -> str:
    return f" ({date})" if date else ""


def participant_label(row: dict) -> str:
    if row["person_id"] is not None:
        linked = row["person__name"]
    elif row["organization_id"] is not None:
        linked = organization_label(row["organization__name"], row["organization__acronym"])
    else:
        return row["name"]
    return row["name"] if linked == row["name"] else f"{row['name']} (→ {linked})"


def party_label(row: dict) -> str:
    details = [d for d in (choice_label(AgreementParty, "role", row["role"]), row["country__name"] or "",
                           row["person__name"] or "") if d]
    return f"{row['name']} ({', '.join(details)})"


def role_label(row: dict) -> str:
    organization = (", " + organization_label(row["organization__name"], row["organization__acronym"])
                    if row["organization_id"] else "")
    return f"{row['title']}{organization}{dated(row['date'])}"


def status_label(row: dict) -> str:
    return choice_label(AgreementStatusChange, "status", row["status"]) + dated(row["date"])


def by_name(row: dict) -> str:
    return row["name"]


LINKS: dict[type[Reviewable], list[Link]] = {
    Person: [
        Link("aliases", "alias", PersonAlias, "person", ("name", "normalized", "surname_key"), (), by_name),
        Link("roles", "role", Role, "person",
             ("title", "organization_id", "country_id", "article_id", "date", "date_precision", "date_text"),
             ("organization__name", "organization__acronym"), role_label, grows=True),
    ],
    Organization: [Link("aliases", "alias", OrganizationAlias, "organization", ("name", "normalized"), (),
                        by_name)],
    Meeting: [Link("participants", "participant", MeetingParticipant, "meeting",
                   ("name", "person_id", "organization_id", "country_id"),
                   ("person__name", "organization__name", "organization__acronym"), participant_label)],
    Agreement: [
        Link("parties", "party", AgreementParty, "agreement",
             ("name", "role", "country_id", "organization_id", "person_id", "date", "date_precision", "date_text"),
             ("country__name", "person__name"), party_label),
        Link("status_changes", "status step", AgreementStatusChange, "agreement",
             ("status", "date", "date_precision", "date_text", "article_id", "evidence_id"), (), status_label,
             grows=True),
    ],
}


def plain(value):
    """A field value as JSON keeps it (dates as ISO text)."""
    return value.isoformat() if isinstance(value, (datetime.date, datetime.time)) else value


def links_snapshot(record: Reviewable) -> dict:
    """The record's links now: per kind, each row's id, label and fields. One query per kind of link."""
    return links_snapshots(type(record), [record.pk])[record.pk]


def links_snapshots(model: type[Reviewable], pks: list[int], *, listed_up_to: int | None = None) -> dict[int, dict]:
    """{pk: links snapshot} of many records of `model` at once (ingest saves them in bulk):
    still one query per kind of link, however many records. Rows are read as tuples, not
    model instances, and only their dates are converted (`plain`): a busy record's roles cost
    little each. With `listed_up_to`, a kind that `grows` a record holds more rows of is kept
    as their number (`counted`), found by one more query per such kind, and its rows are not read."""
    snapshots = {pk: no_links(model) for pk in pks}
    for link in LINKS[model]:
        owner = f"{link.owner}_id"
        listed = pks
        if listed_up_to is not None and link.grows:
            many = link_counts(link, pks, more_than=listed_up_to)
            for pk, rows in many.items():
                snapshots[pk][link.key] = {"rows": rows}
            listed = [pk for pk in pks if pk not in many]
        columns = ("pk", owner, *dict.fromkeys((*link.fields, *link.labelled_by)))
        end = 2 + len(link.fields)
        dates = [f for f in link.fields if isinstance(link.model._meta.get_field(f), (models.DateField,
                                                                                       models.TimeField))]
        rows = link.model.objects.filter(**{f"{owner}__in": listed}).order_by("pk").values_list(*columns)
        for values in rows:
            fields = dict(zip(link.fields, values[2:end]))
            for name in dates:
                fields[name] = plain(fields[name])
            snapshots[values[1]][link.key].append(
                {"id": values[0], "label": link.label(dict(zip(columns, values))), "fields": fields})
    if model is Agreement:
        through = Agreement.sectors.through.objects.filter(agreement_id__in=pks).order_by("sector_id")
        for agreement_id, sector_id, name in through.values_list("agreement_id", "sector_id", "sector__name"):
            snapshots[agreement_id]["sectors"].append({"id": sector_id, "label": name, "fields": {}})
    return snapshots


def link_counts(link: Link, pks: list[int], *, more_than: int) -> dict[int, int]:
    """{pk: number of rows} of the records among `pks` that hold more than `more_than` rows of `link`."""
    owner = f"{link.owner}_id"
    return dict(link.model.objects.filter(**{f"{owner}__in": pks}).values(owner).order_by()
                .annotate(rows=Count("pk")).filter(rows__gt=more_than).values_list(owner, "rows"))


def counted(rows) -> bool:
    """Whether a snapshot's kind holds only the number of its rows (`links_snapshots`' `listed_up_to`)."""
    return isinstance(rows, dict)


def row_count(rows) -> int:
    return rows["rows"] if counted(rows) else len(rows)


def snapshot_new_version(sender, instance, history_instance, **kwargs) -> None:
    """pre_create_historical_record: every version of a record carries its links (a new record has none yet)."""
    if type(instance) in LINKS:
        history_instance.links = no_links(type(instance)) if history_instance.history_type == "+" \
            else links_snapshot(instance)


def no_links(model: type[Reviewable]) -> dict:
    """The snapshot of a record just created: no rows of any kind yet (no query needed)."""
    return {link.key: [] for link in LINKS[model]} | ({"sectors": []} if model is Agreement else {})


def links_refresh_latest(record: Reviewable) -> None:
    """Bring the latest version's snapshot up to date before a person changes links (ingest may have added some)."""
    latest = record.history.order_by("-history_date", "-history_id").first()
    if latest is not None:
        snapshot = links_snapshot(record)
        if snapshot != latest.links:
            type(latest).objects.filter(pk=latest.pk).update(links=snapshot)


def links_changes(old: dict, new: dict, record_type: type[Reviewable]) -> list[str]:
    """What changed between two snapshots, in words: "participant removed: Temir Abenov"."""
    nouns = {link.key: link.noun for link in LINKS.get(record_type, [])} | {"sectors": "sector"}
    words = []
    for key, noun in nouns.items():
        if key not in old or key not in new:
            continue  # a version from before links were kept says nothing about them
        if counted(old[key]) or counted(new[key]):  # one side has only its number of rows
            if row_count(old[key]) != row_count(new[key]):
                words.append(f"{noun} rows: {row_count(old[key])} → {row_count(new[key])}")
            continue
        before = {row["id"]: row for row in old.get(key, [])}
        after = {row["id"]: row for row in new.get(key, [])}
        words += [f"{noun} removed: {before[pk]['label']}" for pk in before if pk not in after]
        words += [f"{noun} added: {after[pk]['label']}" for pk in after if pk not in before]
        words += [f"{noun} changed: {before[pk]['label']} → {after[pk]['label']}"
                  if before[pk]["label"] != after[pk]["label"] else f"{noun} changed: {after[pk]['label']}"
                  for pk in after if pk in before and before[pk]["fields"] != after[pk]["fields"]]
    return words


def revert_refusal(record: Reviewable, version) -> str:
    """Why a version cannot be reverted to, or "" when it can."""
    if record.merged_into_id:
        return f"This record was merged into #{record.merged_into_id}: a tombstone is not edited; revert that one."
    absorbed = MergeRecord.objects.filter(
        content_type__model=record._meta.model_name, kept_id=record.pk, undone_at__isnull=True,
        merged_at__gt=version.history_date).first()
    if absorbed is not None:
        return (f"This record absorbed #{absorbed.merged_id} after that version: undo that merge first "
                "(Merge records), or its rows would be lost.")
    return ""


@transaction.atomic
def links_restore(*, record: Reviewable, version) -> list[str]:
    """Make the record's links what `version` holds; returns what changed, in words."""
    if refusal := revert_refusal(record, version):
        raise CurationError(refusal)
    links_refresh_latest(record)
    wanted = version.links or {}
    now = links_snapshot(record)
    for link in LINKS[type(record)]:
        if link.key not in wanted or counted(wanted[link.key]):
            continue  # a version from before links were kept, or that kept only their number: leave them
        keep = {row["id"]: row["fields"] for row in wanted[link.key]}
        link.model.objects.filter(**{link.owner: record}).exclude(pk__in=keep).delete()
        elsewhere = set(link.model.objects.filter(pk__in=keep).exclude(**{link.owner: record})
                        .values_list("pk", flat=True))
        for pk, fields in keep.items():
            if pk not in elsewhere:  # a row that has moved to another record since stays there
                link.model.objects.update_or_create(pk=pk, defaults={link.owner: record,
                                                                     **existing_targets(link.model, fields)})
    if isinstance(record, Agreement) and "sectors" in wanted:
        record.sectors.set([row["id"] for row in wanted["sectors"]])
    return links_changes(now, links_snapshot(record), type(record))


def existing_targets(model, fields: dict) -> dict:
    """A restored row's foreign keys, each set to None when its target is gone."""
    values = dict(fields)
    for name, value in fields.items():
        if name.endswith("_id") and value is not None:
            target = model._meta.get_field(name.removesuffix("_id")).related_model
            if not target.objects.filter(pk=value).exists():
                values[name] = None
    return values


SKIPPED_FIELDS = {"id", "uid", "created_at", "updated_at", "extracted", "features"}


def field_label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name)


def shown(version, field) -> str:
    """A field's value in a version, as a curator reads it: choices by label, links by name, empty as "—"."""
    value = getattr(version, field.attname)
    if value in (None, ""):
        return "—"
    if field.is_relation:
        try:
            return str(getattr(version, field.name))
        except field.related_model.DoesNotExist:
            return f"#{value} (deleted)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def fields_changes(old, new, model) -> list[tuple[str, str, str]]:
    """(label, before, after) for each field that differs between two versions, the extractor's values key by key."""
    changes = []
    for field in model._meta.concrete_fields:
        if field.name in SKIPPED_FIELDS:
            continue
        before, after = shown(old, field), shown(new, field)
        if before != after:
            changes.append((field_label(model, field.name), before, after))
    old_values, new_values = old.extracted or {}, new.extracted or {}
    for key in sorted(set(old_values) | set(new_values)):
        if old_values.get(key) != new_values.get(key):
            changes.append((f"extractor's {key.replace('_', ' ')}", text(old_values.get(key)),
                            text(new_values.get(key))))
    return changes


def text(value) -> str:
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, list):
        return "; ".join(text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {text(v)}" for k, v in value.items())
    return str(value)


def version_changes(version, previous, model) -> list[str]:
    """Everything a version changed from the one before it, in words (fields, then links)."""
    if previous is None:
        return ["created"] if version.history_type == "+" else []
    words = [f"{label}: {before} → {after}" for label, before, after in fields_changes(previous, version, model)]
    return words + links_changes(previous.links or {}, version.links or {}, model)


def links_in_words(version, model) -> list[tuple[str, list[str]]]:
    """A version's links, kind by kind, as labels."""
    nouns = [(link.key, link.noun) for link in LINKS.get(model, [])] + [("sectors", "sector")]
    snapshot = version.links or {}
    return [(noun, [f"{row_count(snapshot[key])} rows, not listed in this version"] if counted(snapshot[key])
             else [row["label"] for row in snapshot[key]]) for key, noun in nouns if key in snapshot]


def revert_fields(obj, editable: Iterable[str]) -> None:
    """A revert restores the fields a curator can edit; merges and review state stay as they are now."""
    current = type(obj).objects.get(pk=obj.pk)
    for field in obj._meta.concrete_fields:
        if field.name not in editable:
            setattr(obj, field.attname, getattr(current, field.attname))


def record_revert(*, record: Reviewable, version, editable: Iterable[str], user) -> list[str]:
    """Make `record` what `version` holds: the fields a curator edits and its links (refused after a merge into
    it). The record becomes edited by a person; the caller saves it (the admin's form does, in its transaction).
    Returns what changed in its links, in words."""
    revert_fields(record, editable)
    record.is_curated = True
    changed = links_restore(record=record, version=version)
    record._change_reason = f"reverted to the version of {version.history_date:%Y-%m-%d %H:%M}"
    record._history_user = user
    return changed


def record_links_edited(*, record: Reviewable, user, reason: str) -> None:
    """A person changed the record's links on a row's own page: a new version shows them, the record is edited."""
    record.is_curated = True
    record._history_user = user
    record._change_reason = reason
    record.save(update_fields=["is_curated", "updated_at"])
