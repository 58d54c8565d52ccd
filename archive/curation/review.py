"""Verify and reject records, and mark a person's edits so ingest leaves them alone.

Rules: a decision records who and when (`reviewed_by`, `reviewed_at`) and an
optional note; it is kept in the record's history with the reason. A merged
record (tombstone) is not reviewed: its kept record is. Verifying or rejecting
locks the record's fields against ingest (`Reviewable.is_locked`); a rejected
record is never re-created by ingest.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from archive.models import ReviewStatus
from archive.models.base import Reviewable

from .errors import CurationError


def record_verify(*, record: Reviewable, user: AbstractBaseUser, note: str = "") -> Reviewable:
    """Mark one record verified by `user` now."""
    return _review(record=record, user=user, status=ReviewStatus.VERIFIED, note=note)


def record_reject(*, record: Reviewable, user: AbstractBaseUser, reason: str = "") -> Reviewable:
    """Mark one record rejected by `user` now, with an optional reason."""
    return _review(record=record, user=user, status=ReviewStatus.REJECTED, note=reason)


def records_verify(*, records: Iterable[Reviewable], user: AbstractBaseUser, note: str = "") -> int:
    """Verify several records in one transaction; returns how many. Tombstones are refused."""
    with transaction.atomic():
        return sum(1 for record in records if record_verify(record=record, user=user, note=note))


def records_reject(*, records: Iterable[Reviewable], user: AbstractBaseUser, reason: str = "") -> int:
    """Reject several records in one transaction; returns how many. Tombstones are refused."""
    with transaction.atomic():
        return sum(1 for record in records if record_reject(record=record, user=user, reason=reason))


def record_mark_curated(*, record: Reviewable, user: AbstractBaseUser | None, reason: str = "edited") -> bool:
    """Mark a record a person edited, so ingest never overwrites its fields. Returns whether it changed."""
    if record.is_curated:
        return False
    record.is_curated = True
    record._history_user = user
    record._change_reason = reason
    record.save(update_fields=["is_curated", "updated_at"])
    return True


@transaction.atomic
def _review(*, record: Reviewable, user: AbstractBaseUser, status: str, note: str) -> Reviewable:
    if record.merged_into_id is not None:
        raise CurationError(f"{record} was merged into another record; review that one instead.")
    record.review_status = status
    record.reviewed_by = user
    record.reviewed_at = timezone.now()
    record.review_note = note.strip()
    record._history_user = user
    record._change_reason = f"{status}: {record.review_note}" if record.review_note else status
    record.save(update_fields=["review_status", "reviewed_by", "reviewed_at", "review_note", "updated_at"])
    return record
