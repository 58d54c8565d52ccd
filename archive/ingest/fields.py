"""The curation rule in one place: how extracted values reach a record's fields.

Every value the extractor gives is first fitted to its column (`fit_value`): text
past a field's `max_length` is cut there, a number its column cannot hold is left
out. Rows are fitted the same way before they are saved (`fit_rows`).

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


INTEGER_RANGE = (-(2**31), 2**31 - 1)  # what an integer column holds on every database


def fit_value(field: models.Field, value):
    """`value` as `field` can store it: text cut to its length, a number it cannot hold dropped."""
    if isinstance(value, str) and getattr(field, "max_length", None) and len(value) > field.max_length:
        return value[:field.max_length]
    if isinstance(field, models.DecimalField) and isinstance(value, Decimal):
        whole_digits = len(str(abs(int(value))).lstrip("0"))
        return value if whole_digits <= field.max_digits - field.decimal_places else None
    if isinstance(field, models.IntegerField) and not isinstance(field, models.AutoField) and isinstance(value, int):
        low = 0 if isinstance(field, models.PositiveIntegerField) else INTEGER_RANGE[0]
        return value if low <= value <= INTEGER_RANGE[1] else None
    return value


def fitted(model: type[models.Model], values: dict) -> dict:
    return {name: fit_value(model._meta.get_field(name), value) for name, value in values.items()}


def fit_rows(rows):
    """The rows with every field value fitted to its column; returns them, for `bulk_create`."""
    for row in rows:
        for field in row._meta.concrete_fields:
            value = getattr(row, field.attname)
            fit = fit_value(field, value)
            if fit is not value:
                setattr(row, field.attname, fit)
    return rows


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


def apply_record_values(record: models.Model, values: dict, confidence: float,
                        features: dict | None = None) -> bool:
    """The one place the extractor's values and confidence reach a record (in memory); returns
    whether the row must be written. A new record takes the confidence; a known one keeps the higher,
    and the features that confidence was computed from; a decided record keeps the features it was
    decided on (they are its training example)."""
    known = record.pk is not None or bool(record.extracted)  # saved, or already given values by this article
    changed = apply_extracted(record, fitted(type(record), values))
    rising = not known or (not record.is_locked and confidence >= record.confidence)
    if features and rising and features != record.features:
        record.features = features
        changed = True
    confidence = max(record.confidence, confidence) if known else confidence
    if confidence != record.confidence:
        record.confidence = confidence
        changed = True
    return record.pk is None or changed


# An agreement's latest source date (`events.latest_source_date`), annotated on the candidates read.
LATEST_SOURCE = models.Max("status_changes__article__published")


def is_newest_source(published: datetime.date | None, source_dates) -> bool:
    """Whether an article published on `published` speaks for a record's latest state (its title, an
    agreement's status): it is at least as recent as every dated source before it. An undated
    article never outranks a dated one; one rule for people and agreements."""
    return published is not None and all(published >= d for d in source_dates if d is not None)
