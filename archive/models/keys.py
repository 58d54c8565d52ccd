"""Helpers for natural keys: the identities fixtures use instead of primary keys.

Every model of the archive has `natural_key()` and a manager `get_by_natural_key()`,
so `dumpdata --natural-foreign --natural-primary` writes no database ids and a
fixture loads into any database (empty, or holding the same records) without
duplicates. A key that spans a foreign key is written flat, with the referenced
record's own key inlined: a person alias is `(person uid, normalized)`.
"""

from __future__ import annotations


def flat(part):
    """One key part as a plain value.

    Keys are written flat, but a key part that is itself a record's key may also
    arrive as a one-element list (`["<uid>"]`) from a hand-written fixture; both
    mean the same record.
    """
    if isinstance(part, (list, tuple)):
        (part,) = part
    return part


def optional_link(field: str, lookup: str, part) -> dict:
    """Filter for an optional link in a key: None means "not linked", else the linked record's key."""
    part = flat(part)
    return {f"{field}__isnull": True} if part is None else {f"{field}__{lookup}": part}


def key_of(record) -> str | None:
    """The one-part natural key of an optional linked record (uid or content hash), or None."""
    return None if record is None else record.natural_key()[0]
