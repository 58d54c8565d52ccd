""""This is an organization / a person / a place": convert a person or organization into the right kind, with undo.

Rules:
- Person -> organization, organization -> person: the record of the right kind is
  the live one a name of the old record already names (an alias), else a new one,
  marked edited by a person so ingest leaves its fields alone. Evidence, meeting
  participation and agreement party links move to it; the old record's names
  become its aliases, so a name read as the new kind links to it.
- The old record stays, rejected ("not a person: converted into organization #7")
  and edited by a person, with its own names: ingest resolves them to it and skips
  it, as it does every rejected record, so it is never re-created, whichever article
  names it again (see `archive.ingest.people`). This is how a merge's tombstone
  keeps a name routed, across kinds.
- Person or organization -> place: rejected with the reason "a place", taken out
  of every meeting's participants and agreement's parties (a party that named
  only it goes; one that named a country or organization beside it is unlinked);
  a meeting it took part in that has no location gets its name as location.
- Undo restores exactly what was there: rows moved back, rows deleted come back
  with their ids, fields and review states as before, a record the conversion
  created is deleted again unless ingest has given it evidence since.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from archive.extraction.entities import names
from archive.models import (
    Agreement, AgreementParty, ConversionKind, ConversionRecord, Evidence, Meeting, MeetingParticipant, Organization,
    OrganizationAlias, Person, PersonAlias, RejectReason, ReviewStatus,
)
from archive.models.base import Reviewable

from .errors import CurationError
from .history import links_refresh_latest
from .merge import aliases_add, repoint_references, restore_kept_aside, save_with_history, serialized

KINDS = {ConversionKind.PERSON: Person, ConversionKind.ORGANIZATION: Organization}
OWNER = {Person: "person", Organization: "organization"}
ALIASES = {Person: PersonAlias, Organization: OrganizationAlias}
NOT_KIND = {Person: RejectReason.NOT_PERSON, Organization: RejectReason.NOT_ORGANIZATION}
REVIEW_STATE = ("review_status", "reviewed_by_id", "reviewed_at", "review_note", "is_curated")


@dataclass(frozen=True)
class ConversionPlan:
    """What a conversion would do, for the page that asks the curator to confirm."""

    record: Reviewable
    into: str
    target: Reviewable | None  # an existing record of the right kind, reused; None: a new one (or a place)
    evidence: int
    meetings: int
    parties: int
    unlocated_meetings: int


def conversion_kinds(record: Reviewable) -> list[str]:
    """What a record can be said to be instead: the other of person / organization, or a place."""
    other = ConversionKind.ORGANIZATION if isinstance(record, Person) else ConversionKind.PERSON
    return [other, ConversionKind.PLACE]


def may_convert(user: AbstractBaseUser, model: type[Reviewable], into: str) -> bool:
    """A conversion reviews the record and changes the records its links move to (or are removed from)."""
    touched = [KINDS[into]] if into in KINDS else [Meeting, Agreement]
    return user.has_perm("archive.review_records") and all(
        user.has_perm(f"archive.change_{m._meta.model_name}") for m in [model, *touched])


def conversion_plan(*, record: Reviewable, into: str) -> ConversionPlan:
    check_convertible(record, into)
    owner = OWNER[type(record)]
    participations = MeetingParticipant.objects.filter(**{owner: record})
    return ConversionPlan(
        record=record, into=into, target=existing_target(record, into) if into in KINDS else None,
        evidence=record.evidence.count(), meetings=participations.count(),
        parties=AgreementParty.objects.filter(**{owner: record}).count(),
        unlocated_meetings=participations.filter(meeting__location="").count())


@transaction.atomic
def record_convert(*, record: Reviewable, into: str, user: AbstractBaseUser) -> ConversionRecord:
    """Convert `record` into `into` (see the module's rules) and return the record of what changed."""
    record = type(record).objects.select_for_update().get(pk=record.pk)
    check_convertible(record, into)
    changes = {"updated": [], "deleted": [], "repointed": [], "created": [], "located": [],
               "record": state_of(record)}
    label = str(record)[:500]
    target = None
    if into in KINDS:
        target, created = target_for(record, into, user)
        changes["target"] = {"created": created, **({} if created else state_of(target))}
        move_links(record, target, changes)
        add_names(record, target, changes)
        note = f"converted into {target._meta.verbose_name} #{target.pk}"
        save_with_history(target, user, f"converted from {record._meta.verbose_name} #{record.pk}", is_curated=True)
        changes["target"]["history_id"] = target.history.latest().pk
        reason = NOT_KIND[type(record)]
    else:
        remove_as_participant(record, changes, user)
        note, reason = "", RejectReason.PLACE
    reject(record, user, reason, note)
    changes["record"]["history_id"] = record.history.latest().pk
    return ConversionRecord.objects.create(
        content_type=ContentType.objects.get_for_model(record), record_id=record.pk, record_label=label,
        into=into, target_type=ContentType.objects.get_for_model(target) if target else None,
        target_id=target.pk if target else None, target_label=str(target)[:500] if target else "",
        changes=changes, converted_by=user)


def check_convertible(record: Reviewable, into: str) -> None:
    if type(record) not in OWNER:
        raise CurationError("Only a person or an organization can be converted.")
    if into not in conversion_kinds(record):
        raise CurationError(f"{record} is a {record._meta.verbose_name} already." if KINDS.get(into) is type(record)
                            else f"Unknown kind {into!r}.")
    if record.merged_into_id is not None:
        raise CurationError(f"{record} was merged into another record; convert that one instead.")
    if ConversionRecord.objects.filter(content_type=ContentType.objects.get_for_model(record), record_id=record.pk,
                                       undone_at__isnull=True).exists():
        raise CurationError(f"{record} has been converted already; undo that conversion first.")


def record_names(record: Reviewable) -> list[str]:
    """The record's name and every alias, the forms a record of the other kind takes on."""
    forms = [record.name, *record.aliases.values_list("name", flat=True)]
    if isinstance(record, Organization) and record.acronym:
        forms = [f for f in forms if f != record.acronym]  # an acronym is no person's name
    return list(dict.fromkeys(forms))


def existing_target(record: Reviewable, into: str) -> Reviewable | None:
    """The one live record of kind `into` named by the record's name; None when none is (or several are)."""
    model = KINDS[into]
    named = model.objects.filter(models.Q(aliases__normalized=names.normalize(record.name))
                                 | models.Q(name__iexact=record.name)).distinct()
    found = {candidate.resolved() for candidate in named}
    live = [r for r in found if r.review_status != ReviewStatus.REJECTED]
    return live[0] if len(live) == 1 else None


def target_for(record: Reviewable, into: str, user) -> tuple[Reviewable, bool]:
    found = existing_target(record, into)
    if found is not None:
        return type(found).objects.select_for_update().get(pk=found.pk), False
    model = KINDS[into]
    target = model(name=record.name[:200], country_id=record.country_id, is_curated=True, confidence=record.confidence)
    save_with_history(target, user, f"created by converting {record._meta.verbose_name} #{record.pk}")
    return target, True


def state_of(record: Reviewable) -> dict:
    state = {field: getattr(record, field) for field in REVIEW_STATE}
    state["reviewed_at"] = state["reviewed_at"].isoformat() if state["reviewed_at"] else None
    return state


def move_links(record: Reviewable, target: Reviewable, changes: dict) -> None:
    """Evidence, participation and party links of `record` become links of `target`."""
    old, new = OWNER[type(record)], OWNER[type(target)]
    taken = set(Evidence.objects.filter(**{new: target}).values_list("article_id", "start", "end"))
    for row in Evidence.objects.filter(**{old: record}):
        if (row.article_id, row.start, row.end) in taken:  # the same mention: the target's row stands for both
            drop(row, Evidence.objects.get(**{new: target}, article_id=row.article_id, start=row.start,
                                           end=row.end), changes)
        else:
            update(row, changes, **{f"{old}_id": None, f"{new}_id": target.pk})
    present = set(MeetingParticipant.objects.filter(**{new: target}).values_list("meeting_id", flat=True))
    for row in MeetingParticipant.objects.filter(**{old: record}):
        if row.meeting_id in present:
            drop(row, None, changes)
        else:
            update(row, changes, **relinked(row, old, new, target))
    for row in AgreementParty.objects.filter(**{old: record}):
        update(row, changes, **relinked(row, old, new, target))


def relinked(row: models.Model, old: str, new: str, target: Reviewable) -> dict:
    """A row's link moves to the target, unless the row links a record of the target's kind already."""
    values = {f"{old}_id": None}
    if getattr(row, f"{new}_id") is None:
        values[f"{new}_id"] = target.pk
    return values


def remove_as_participant(record: Reviewable, changes: dict, user) -> None:
    """A place takes part in nothing; a meeting without a location is given it as the location."""
    owner = OWNER[type(record)]
    own_names = {names.normalize(n) for n in record_names(record)}
    for row in MeetingParticipant.objects.filter(**{owner: record}).select_related("meeting"):
        meeting = row.meeting
        links_refresh_latest(meeting)  # the version before shows the participant
        drop(row, None, changes)
        located = not meeting.location
        changes["located"].append({"pk": meeting.pk, "location": record.name[:200] if located else None,
                                   "is_curated": meeting.is_curated})
        values = {"location": record.name[:200], "is_curated": True} if located else {}
        save_with_history(meeting, user, f"{record} is a place" + (": it is the location" if located else ""),
                          **values)
    for row in AgreementParty.objects.filter(**{owner: record}):
        if names.normalize(row.name) in own_names and not (row.country_id or getattr(row, other_owner(owner))):
            drop(row, None, changes)
        else:
            update(row, changes, **{f"{owner}_id": None})


def other_owner(owner: str) -> str:
    return "person_id" if owner == "organization" else "organization_id"


def add_names(record: Reviewable, target: Reviewable, changes: dict) -> None:
    aliases_add(ALIASES[type(target)], OWNER[type(target)], target, record_names(record), changes)


def update(row: models.Model, changes: dict, **values) -> None:
    old = {field: getattr(row, field) for field in values}
    type(row).objects.filter(pk=row.pk).update(**values)
    changes["updated"].append({"model": row._meta.label_lower, "pk": row.pk, "old": old, "new": values})


def drop(row: models.Model, twin: models.Model | None, changes: dict) -> None:
    if twin is not None:
        repoint_references(row, twin, changes)
    changes["deleted"].append(serialized(row))
    row.delete()


def reject(record: Reviewable, user, reason: str, note: str) -> None:
    from .review import review_note

    save_with_history(record, user, f"{ReviewStatus.REJECTED}: {review_note(reason, note)}",
                      review_status=ReviewStatus.REJECTED, reviewed_by=user, reviewed_at=timezone.now(),
                      review_note=review_note(reason, note), is_curated=True)


def converted_into(record: Reviewable, model: type[Reviewable]) -> Reviewable | None:
    """The live record of `model` a curator converted `record` into, or None: where ingest sends its name."""
    conversion = ConversionRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(record), record_id=record.pk, undone_at__isnull=True,
        target_type=ContentType.objects.get_for_model(model)).first()
    target = conversion and model.objects.filter(pk=conversion.target_id).first()
    target = target and target.resolved()
    return target if target is not None and target.review_status != ReviewStatus.REJECTED else None


@transaction.atomic
def conversion_undo(*, conversion: ConversionRecord, user: AbstractBaseUser) -> ConversionRecord:
    """Restore the converted record, its links and the record of the right kind exactly as before."""
    conversion = ConversionRecord.objects.select_for_update().get(pk=conversion.pk)
    if conversion.undone_at is not None:
        raise CurationError("This conversion has already been undone.")
    record = conversion.content_type.model_class().objects.select_for_update().get(pk=conversion.record_id)
    target = None
    if conversion.target_id is not None:
        target = conversion.target_type.model_class().objects.select_for_update().get(pk=conversion.target_id)
        if target.merged_into_id is not None:
            raise CurationError(f"{target} has since been merged into another record; undo that merge first.")
    if record.merged_into_id is not None or record.review_status != ReviewStatus.REJECTED:
        raise CurationError(f"{record} was reviewed or merged since: undo that first.")
    changes = conversion.changes
    reason = f"conversion #{conversion.pk} undone"
    restore_rows(changes)
    for item in changes["located"]:
        meeting = Meeting.objects.get(pk=item["pk"])
        if item["location"] is not None and meeting.location == item["location"]:  # a later edit stays
            save_with_history(meeting, user, reason, location="", is_curated=item["is_curated"])
        else:
            save_with_history(meeting, user, reason)  # a version that shows the participant back
    restore_state(record, changes["record"], user, reason)
    if target is not None:
        if changes["target"]["created"] and not target.evidence.exists():
            target._history_user = user
            target.delete()
        elif not changes["target"]["created"]:
            restore_state(target, changes["target"], user, reason)
    conversion.undone_at = timezone.now()
    conversion.undone_by = user
    conversion.save(update_fields=["undone_at", "undone_by"])
    return conversion


def restore_rows(changes: dict) -> None:
    restore_kept_aside(changes)
    for item in reversed(changes["updated"]):
        apps.get_model(item["model"]).objects.filter(pk=item["pk"], **item["new"]).update(**item["old"])


def restore_state(record: Reviewable, state: dict, user, reason: str) -> None:
    """The review state before the conversion, when no one has changed the record since."""
    if record.history.latest().pk != state["history_id"]:
        return
    values = {field: state[field] for field in REVIEW_STATE}
    if values["reviewed_at"]:
        values["reviewed_at"] = datetime.datetime.fromisoformat(values["reviewed_at"])
    save_with_history(record, user, reason, **values)
