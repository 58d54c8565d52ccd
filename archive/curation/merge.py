"""Merge duplicate records and undo merges.

Rules:
- The curator picks the record to keep. Every link, alias, role, evidence, source
  and party of the merged record moves to it; the merged record stays as a
  tombstone (`merged_into`) so old links and fixture keys resolve to the kept one.
- Nothing is lost: where the kept record already has the same row (the same alias,
  the same meeting, the same evidence span...), the merged record's row is deleted
  but stored in full in the `MergeRecord`, and rows pointing at it are re-pointed
  to its twin. The merged record's names become aliases of the kept one, so
  re-ingesting links to the kept record and never re-creates the merged one.
- Both records are marked curated (a person decided about them), so ingest leaves
  their fields alone and never removes the tombstone.
- A pair a curator judged "not the same" is never merged; change the verdict first.
- Undo restores exactly what the merge changed. A merge whose kept record has
  since been merged into another is undone only after that later merge.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models, transaction
from django.utils import timezone

from archive.models import (
    Agreement, AgreementParty, AgreementStatusChange, DuplicateDecision, Evidence, FieldConflict, Meeting,
    MeetingParticipant, MergeRecord, Organization, OrganizationAlias, Person, PersonAlias, Role, Verdict,
)
from archive.models.base import Reviewable

from .aliases import alias_fill_keys
from .duplicates import decision_for, pair_ids
from .errors import CurationError

SPAN = ("article_id", "start", "end")


@dataclass(frozen=True)
class Move:
    """Rows of `model` whose `field` points at the merged record move to the kept one.

    `twin` gives a row's keys: a merged row sharing a key with a kept row is its twin
    (a unique constraint, or the ingest's get_or_create, forbids both) and is deleted.
    """

    model: type[models.Model]
    field: str
    twin: Callable[[models.Model], set] | None = None


def keys(*fields: str) -> Callable[[models.Model], set]:
    return lambda row: {tuple(getattr(row, f) for f in fields)}


def participant_keys(row: MeetingParticipant) -> set:
    if row.person_id or row.organization_id:
        return {k for k in (("person", row.person_id), ("organization", row.organization_id)) if k[1]}
    return {("name", row.name)}


MOVES: dict[type[Reviewable], list[Move]] = {
    Person: [
        Move(PersonAlias, "person", keys("normalized")),
        Move(Role, "person", keys("title", "article_id")),
        Move(Evidence, "person", keys(*SPAN)),
        Move(MeetingParticipant, "person", keys("meeting_id")),
        Move(AgreementParty, "person"),
    ],
    Organization: [
        Move(OrganizationAlias, "organization", keys("normalized")),
        Move(Role, "organization"),
        Move(Evidence, "organization", keys(*SPAN)),
        Move(MeetingParticipant, "organization", keys("meeting_id")),
        Move(AgreementParty, "organization"),
    ],
    Meeting: [
        Move(MeetingParticipant, "meeting", participant_keys),
        Move(Evidence, "meeting", keys(*SPAN)),
        Move(FieldConflict, "meeting", keys("field", "article_id")),
    ],
    Agreement: [
        Move(AgreementParty, "agreement", keys("name", "role")),
        Move(AgreementStatusChange, "agreement", keys("status", "article_id")),
        Move(Evidence, "agreement", keys(*SPAN)),
        Move(FieldConflict, "agreement", keys("field", "article_id")),
    ],
}


def records_merge(*, kept: Reviewable, others: Iterable[Reviewable], user: AbstractBaseUser,
                  note: str = "") -> list[MergeRecord]:
    """Merge several records into `kept` in one transaction; one `MergeRecord` each."""
    with transaction.atomic():
        return [record_merge(kept=kept, merged=other, user=user, note=note) for other in others if other.pk != kept.pk]


@transaction.atomic
def record_merge(*, kept: Reviewable, merged: Reviewable, user: AbstractBaseUser, note: str = "") -> MergeRecord:
    """Merge `merged` into `kept` (see the module's rules) and return the record of what moved."""
    model = type(kept)
    kept = model.objects.select_for_update().get(pk=kept.pk)
    merged = model.objects.select_for_update().get(pk=merged.pk)
    check_mergeable(kept, merged)
    labels = {"kept_label": str(kept)[:500], "merged_label": str(merged)[:500]}
    changes = {"moved": [], "deleted": [], "repointed": [], "created": [], "sectors_added": []}
    for move in MOVES[model]:
        move_rows(move, kept, merged, changes)
    add_names_as_aliases(kept, merged, changes)
    if model is Agreement:
        added = set(merged.sectors.values_list("pk", flat=True)) - set(kept.sectors.values_list("pk", flat=True))
        kept.sectors.add(*added)
        changes["sectors_added"] = sorted(added)
    changes["decision"] = settle_decision(kept, merged, user, changes)
    changes["merged"] = {"merged_into": merged.merged_into_id, "is_curated": merged.is_curated}
    changes["kept"] = {"is_curated": kept.is_curated}
    reason = f"merged into {model._meta.verbose_name} #{kept.pk}" + (f": {note}" if note else "")
    save_with_history(merged, user, reason, merged_into=kept, is_curated=True)
    save_with_history(kept, user, f"absorbed #{merged.pk}" + (f": {note}" if note else ""), is_curated=True)
    changes["kept"]["history_id"] = kept.history.latest().pk
    return MergeRecord.objects.create(
        content_type=ContentType.objects.get_for_model(model), kept_id=kept.pk, merged_id=merged.pk,
        changes=changes, merged_by=user, **labels,
    )


def check_mergeable(kept: Reviewable, merged: Reviewable) -> None:
    if kept.pk == merged.pk:
        raise CurationError("A record cannot be merged into itself.")
    if kept.merged_into_id is not None:
        raise CurationError(f"{kept} was itself merged into another record; keep that one instead.")
    if merged.merged_into_id is not None:
        raise CurationError(f"{merged} has already been merged.")
    decision = decision_for(kept, merged)
    if decision is not None and decision.verdict == Verdict.NOT_SAME:
        raise CurationError(
            f"{kept} and {merged} were judged not the same; change that verdict before merging them.")


@transaction.atomic
def merge_undo(*, merge: MergeRecord, user: AbstractBaseUser) -> MergeRecord:
    """Restore both records and every row exactly as before the merge."""
    merge = MergeRecord.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at is not None:
        raise CurationError("This merge has already been undone.")
    model = merge.content_type.model_class()
    kept = model.objects.select_for_update().get(pk=merge.kept_id)
    merged = model.objects.select_for_update().get(pk=merge.merged_id)
    if kept.merged_into_id is not None:
        raise CurationError(f"{kept} has since been merged into another record; undo that merge first.")
    if merged.merged_into_id != kept.pk:
        raise CurationError(f"{merged} no longer points at {kept}; this merge cannot be undone.")
    changes = merge.changes
    restore_kept_aside(changes)
    for item in changes["moved"]:
        apps.get_model(item["model"]).objects.filter(pk__in=item["pks"], **{item["field"]: kept.pk}).update(
            **{item["field"]: merged.pk})
    if changes["sectors_added"]:
        kept.sectors.remove(*changes["sectors_added"])
    restore_decision(changes["decision"])
    reason = f"merge #{merge.pk} undone"
    save_with_history(merged, user, reason, **changes["merged"])
    if kept.history.latest().pk == changes["kept"]["history_id"]:  # untouched since: restore exactly
        save_with_history(kept, user, reason, is_curated=changes["kept"]["is_curated"])
    merge.undone_at = timezone.now()
    merge.undone_by = user
    merge.save(update_fields=["undone_at", "undone_by"])
    return merge


def restore_kept_aside(changes: dict) -> None:
    """Undo's first steps, for a merge or a conversion: rows created go, rows deleted come back with their
    ids, references re-pointed to a twin point at the restored row again."""
    for item in changes["created"]:
        apps.get_model(item["model"]).objects.filter(pk__in=item["pks"]).delete()
    for obj in serializers.deserialize("json", json.dumps(changes["deleted"])):
        obj.save()
    for item in changes["repointed"]:
        apps.get_model(item["model"]).objects.filter(pk=item["pk"], **{item["field"]: item["new"]}).update(
            **{item["field"]: item["old"]})


def move_rows(move: Move, kept: Reviewable, merged: Reviewable, changes: dict) -> None:
    rows = list(move.model.objects.filter(**{move.field: merged}))
    taken = {}
    if move.twin:
        taken = {key: row for row in move.model.objects.filter(**{move.field: kept}) for key in move.twin(row)}
    moved = []
    for row in rows:
        twin = next((taken[key] for key in move.twin(row) if key in taken), None) if move.twin else None
        if twin is None:
            moved.append(row.pk)
            if move.twin:
                taken.update(dict.fromkeys(move.twin(row), row))
            continue
        repoint_references(row, twin, changes)
        changes["deleted"].append(serialized(row))
        row.delete()
    if moved:
        move.model.objects.filter(pk__in=moved).update(**{move.field: kept})
        changes["moved"].append({"model": move.model._meta.label_lower, "field": move.field, "pks": moved})


def repoint_references(row: models.Model, twin: models.Model, changes: dict) -> None:
    """Rows that would lose their link when `row` is deleted (SET_NULL) point at its twin instead."""
    for rel in row._meta.get_fields(include_hidden=True):  # hidden too: related_name="+" links count
        if not (rel.auto_created and rel.one_to_many and rel.on_delete is models.SET_NULL):
            continue
        field = rel.field.attname
        for pk in rel.related_model.objects.filter(**{field: row.pk}).values_list("pk", flat=True):
            changes["repointed"].append(
                {"model": rel.related_model._meta.label_lower, "pk": pk, "field": field, "old": row.pk, "new": twin.pk})
        rel.related_model.objects.filter(**{field: row.pk}).update(**{field: twin.pk})


def add_names_as_aliases(kept: Reviewable, merged: Reviewable, changes: dict) -> None:
    """The merged record's names become aliases of the kept one, as ingest writes them."""
    if isinstance(kept, Person):
        alias_model, owner, forms = PersonAlias, "person", [merged.name]
    elif isinstance(kept, Organization):
        alias_model, owner, forms = OrganizationAlias, "organization", [merged.name, merged.acronym]
    else:
        return
    aliases_add(alias_model, owner, kept, forms, changes)


def aliases_add(alias_model, owner: str, record: Reviewable, forms, changes: dict) -> None:
    """The forms `record` lacks become its aliases, as ingest writes them; listed in `changes` for undo."""
    existing = set(alias_model.objects.filter(**{owner: record}).values_list("normalized", flat=True))
    created = []
    for form in filter(None, forms):
        alias = alias_model(**{owner: record}, name=form[:200])
        alias_fill_keys(alias=alias)
        if alias.normalized and alias.normalized not in existing:
            alias.save()
            created.append(alias.pk)
            existing.add(alias.normalized)
    if created:
        changes["created"].append({"model": alias_model._meta.label_lower, "pks": created})


def settle_decision(kept: Reviewable, merged: Reviewable, user, changes: dict) -> dict:
    """The pair is now judged the same; other pending suggestions about the tombstone go (kept for undo)."""
    content_type = ContentType.objects.get_for_model(kept)
    stale = DuplicateDecision.objects.filter(content_type=content_type, verdict=Verdict.PENDING).filter(
        models.Q(low_id=merged.pk) | models.Q(high_id=merged.pk)).exclude(
        low_id__in=pair_ids(kept, merged), high_id__in=pair_ids(kept, merged))
    for row in stale:
        changes["deleted"].append(serialized(row))
    stale.delete()
    decision = decision_for(kept, merged)
    before = None if decision is None else {
        "verdict": decision.verdict, "decided_by": decision.decided_by_id,
        "decided_at": decision.decided_at.isoformat() if decision.decided_at else None}
    low, high = pair_ids(kept, merged)
    decision, created = DuplicateDecision.objects.update_or_create(
        content_type=content_type, low_id=low, high_id=high,
        defaults={"verdict": Verdict.SAME, "decided_by": user, "decided_at": timezone.now()})
    return {"id": decision.pk, "created": created, "before": before}


def restore_decision(saved: dict) -> None:
    if saved["created"]:
        DuplicateDecision.objects.filter(pk=saved["id"]).delete()
    else:
        DuplicateDecision.objects.filter(pk=saved["id"]).update(
            verdict=saved["before"]["verdict"], decided_by_id=saved["before"]["decided_by"],
            decided_at=saved["before"]["decided_at"])


def serialized(row: models.Model) -> dict:
    return json.loads(serializers.serialize("json", [row]))[0]


def save_with_history(record: Reviewable, user, reason: str, **values) -> None:
    for name, value in values.items():
        setattr(record, name, value)
    record._history_user = user
    record._change_reason = reason
    record.save()
