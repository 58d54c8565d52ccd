"""The curation rule in one place: how extracted values reach a record's fields.

A record keeps the extractor's latest values in `extracted`. Ingest writes a
field only when no person has a say on it: the record is not verified, rejected
or edited (`is_locked`), and the field still holds what the extractor last put
there. A value that differs from `extracted` was changed by a person, by
whatever means, and stays.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import models


def serialize(value):
    """A JSON-safe form of a field value, for `extracted` and for comparisons."""
    if isinstance(value, models.Model):
        return value.natural_key()[0] if hasattr(value, "natural_key") else value.pk
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    return value


def apply_extracted(record: models.Model, values: dict) -> bool:
    """Record the extractor's values and write those no person owns. Returns whether anything changed."""
    previous = record.extracted or {}
    changed = False
    if not record.is_locked:
        for name, value in values.items():
            current = serialize(getattr(record, name))
            human_owned = record.pk is not None and name in previous and previous[name] != current
            if not human_owned and current != serialize(value):
                setattr(record, name, value)
                changed = True
    snapshot = {name: serialize(value) for name, value in values.items()}
    if snapshot != previous:
        record.extracted = snapshot
        changed = True
    return changed


def save_extracted(record: models.Model, values: dict, confidence: float) -> None:
    """Apply the extractor's values and confidence; write the row (and a history entry) only on change."""
    changed = apply_extracted(record, values)
    confidence = confidence if record.pk is None else max(record.confidence, confidence)
    if confidence != record.confidence:
        record.confidence = confidence
        changed = True
    if record.pk is None or changed:
        record.save()
