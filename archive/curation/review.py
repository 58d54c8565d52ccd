"""Verify, reject or set aside records, undo the last decision, and mark a person's edits so ingest leaves them alone.

Rules: a decision records who and when (`reviewed_by`, `reviewed_at`) and a note;
it is kept in the record's history with the reason, and as a `ReviewDecision` so
it can be counted (progress) and taken back (undo). Decisions taken in one step
share a batch; undo takes back the curator's latest batch whole, and only while
no one has changed those records' review state since. A merged record (tombstone)
is not reviewed: its kept record is. Verifying, rejecting or marking unsure locks
the record's fields against ingest (`Reviewable.is_locked`); a rejected record is
never re-created by ingest.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from archive.models import RejectReason, ReviewDecision, ReviewStatus
from archive.models.base import Reviewable

from .errors import CurationError

# The reasons a curator picks when rejecting; "a place" is given by "this is a place" (`convert`), which also
# takes the record out of its meetings.
SHORT_LIST = [(code, label) for code, label in RejectReason.choices if code != RejectReason.PLACE]
DECISIONS = (ReviewStatus.VERIFIED, ReviewStatus.REJECTED, ReviewStatus.UNSURE)
DECISION_WORDS = {"verify": ReviewStatus.VERIFIED, "reject": ReviewStatus.REJECTED, "unsure": ReviewStatus.UNSURE}
REVIEW_STATE = ("review_status", "reviewed_by_id", "reviewed_at", "review_note")


def review_note(reason: str, note: str) -> str:
    """What the record's note says: the reason's label from the short list, then the curator's words."""
    note = note.strip()
    if not reason or reason == RejectReason.OTHER:
        return note
    label = RejectReason(reason).label
    return f"{label}: {note}" if note else label


@dataclass(frozen=True)
class Decision:
    status: str
    reason: str = ""
    note: str = ""

    @property
    def done(self) -> str:
        return {ReviewStatus.VERIFIED: "Verified", ReviewStatus.REJECTED: "Rejected"}.get(self.status, "Marked unsure")


def decision_read(data) -> Decision:
    """A curator's choice as every review form posts it; raises CurationError when it names none.

    `decision` is verify, reject or unsure; a reject button of the short list posts
    `reject=<reason>` alone. Words typed where a reason goes are kept as the note,
    with the reason "other".
    """
    word = "reject" if data.get("reject") else data.get("decision", "")
    if word not in DECISION_WORDS:
        raise CurationError("Choose verify, reject or unsure.")
    reason = data.get("reject") or data.get("reason", "")
    note = data.get("note", "")
    if reason and reason not in RejectReason.values:
        reason, note = RejectReason.OTHER, f"{reason} {note}".strip()
    return Decision(status=DECISION_WORDS[word], reason=reason, note=note)


def records_decide_posted(*, records: Iterable[Reviewable], user: AbstractBaseUser, data) -> tuple[Decision, list]:
    """The decision a review form posted (see `decision_read`), taken on `records` as one batch."""
    choice = decision_read(data)
    return choice, records_decide(records=records, user=user, decision=choice.status, reason=choice.reason,
                                  note=choice.note)


def records_decide(*, records: Iterable[Reviewable], user: AbstractBaseUser, decision: str, reason: str = "",
                   note: str = "") -> list[ReviewDecision]:
    """Set one review state on several records in one transaction, as one batch; tombstones are refused."""
    if decision not in DECISIONS:
        raise CurationError(f"Unknown decision {decision!r}.")
    if reason and reason not in RejectReason.values:
        raise CurationError(f"Unknown reason {reason!r}.")
    if decision != ReviewStatus.REJECTED:
        reason = ""
    batch, now = uuid.uuid4(), timezone.now()
    with transaction.atomic():
        return [_decide(record, user=user, decision=decision, reason=reason, note=note, batch=batch, now=now)
                for record in records]


def records_verify_likely_right(*, records: Iterable[Reviewable], user: AbstractBaseUser) -> list[ReviewDecision]:
    """A curator's click on "verify the likely-right records shown": those of `records` still unreviewed at or
    above the threshold are verified as that curator's decisions, one batch (undone together). Nothing is ever
    verified this way without a person's request; with the threshold off, nothing is."""
    from .queue import is_likely_right, likely_right_threshold

    threshold = likely_right_threshold()
    if threshold is None:
        raise CurationError("No likely-right threshold is set (ARCHIVE_LIKELY_RIGHT).")
    chosen = [record for record in records if is_likely_right(record, threshold)]
    if not chosen:
        raise CurationError("None of those records is likely right any more.")
    return records_decide(records=chosen, user=user, decision=ReviewStatus.VERIFIED,
                          note=f"likely right: confidence at or above {threshold:.2f}")


def record_verify(*, record: Reviewable, user: AbstractBaseUser, note: str = "") -> Reviewable:
    """Mark one record verified by `user` now."""
    records_decide(records=[record], user=user, decision=ReviewStatus.VERIFIED, note=note)
    return record


def record_reject(*, record: Reviewable, user: AbstractBaseUser, reason: str = "",
                  code: str = "") -> Reviewable:
    """Mark one record rejected by `user` now, with a reason from the short list (`code`) and/or in words."""
    records_decide(records=[record], user=user, decision=ReviewStatus.REJECTED, reason=code, note=reason)
    return record


def records_verify(*, records: Iterable[Reviewable], user: AbstractBaseUser, note: str = "") -> int:
    """Verify several records in one transaction; returns how many. Tombstones are refused."""
    return len(records_decide(records=records, user=user, decision=ReviewStatus.VERIFIED, note=note))


def records_reject(*, records: Iterable[Reviewable], user: AbstractBaseUser, reason: str = "",
                   code: str = "") -> int:
    """Reject several records in one transaction; returns how many. Tombstones are refused."""
    return len(records_decide(records=records, user=user, decision=ReviewStatus.REJECTED, reason=code,
                              note=reason))


def last_batch(user: AbstractBaseUser) -> list[ReviewDecision]:
    """The curator's latest decisions not taken back, taken in one step (empty if none)."""
    latest = ReviewDecision.objects.filter(decided_by=user, undone_at__isnull=True).order_by(
        "-decided_at", "-id").first()
    if latest is None:
        return []
    return list(ReviewDecision.objects.filter(batch=latest.batch, undone_at__isnull=True)
                .select_related("content_type").order_by("id"))


@transaction.atomic
def review_undo(*, user: AbstractBaseUser) -> list[Reviewable]:
    """Take back the curator's latest batch of decisions; returns the records, back in their earlier state."""
    decisions = last_batch(user)
    if not decisions:
        raise CurationError("No decision of yours to undo.")
    records = []
    for decision in decisions:
        model = decision.content_type.model_class()
        record = model.objects.select_for_update().filter(pk=decision.record_id).first()
        if record is None or record.review_status != decision.decision or record.reviewed_by_id != user.pk:
            raise CurationError(f"{decision.content_type.model} #{decision.record_id} was changed since: "
                                "undo it from its page.")
        for field in REVIEW_STATE:
            setattr(record, field, decision.previous.get(field))
        if record.reviewed_at:
            record.reviewed_at = datetime.datetime.fromisoformat(record.reviewed_at)
        record.review_status = record.review_status or ReviewStatus.UNREVIEWED
        record.review_note = record.review_note or ""
        record._history_user = user
        record._change_reason = f"undid {decision.decision}"
        record.save(update_fields=[*(f.removesuffix("_id") for f in REVIEW_STATE), "updated_at"])
        records.append(record)
    ReviewDecision.objects.filter(pk__in=[d.pk for d in decisions]).update(undone_at=timezone.now())
    return records


def record_mark_curated(*, record: Reviewable, user: AbstractBaseUser | None, reason: str = "edited") -> bool:
    """Mark a record a person edited, so ingest never overwrites its fields. Returns whether it changed."""
    if record.is_curated:
        return False
    record.is_curated = True
    record._history_user = user
    record._change_reason = reason
    record.save(update_fields=["is_curated", "updated_at"])
    return True


def _decide(record: Reviewable, *, user, decision: str, reason: str, note: str, batch, now) -> ReviewDecision:
    if record.merged_into_id is not None:
        raise CurationError(f"{record} was merged into another record; review that one instead.")
    previous = {field: getattr(record, field) for field in REVIEW_STATE}
    previous["reviewed_at"] = previous["reviewed_at"].isoformat() if previous["reviewed_at"] else None
    record.review_status = decision
    record.reviewed_by = user
    record.reviewed_at = now
    record.review_note = review_note(reason, note)
    record._history_user = user
    record._change_reason = f"{decision}: {record.review_note}" if record.review_note else decision
    record.save(update_fields=["review_status", "reviewed_by", "reviewed_at", "review_note", "updated_at"])
    return ReviewDecision.objects.create(
        content_type=ContentType.objects.get_for_model(record), record_id=record.pk, decision=decision,
        reason=reason, note=note.strip(), batch=batch, previous=previous, decided_by=user, decided_at=now)
