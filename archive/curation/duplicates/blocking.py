"""What every record type's search for duplicates shares: the records compared, blocks of candidates, the score.

Blocking: records are compared only within a block of records that share a key
(a spelling-independent name key, two participants, a party and a title word);
a block larger than `MAX_BLOCK` is a key too common to tell anything and is skipped,
so a pass costs about the number of records, never the square of it.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from django.db import models

from archive.models import Evidence, ReviewStatus
from archive.models.base import Reviewable

MAX_BLOCK = 200  # records sharing one key beyond this are too common a key to compare pairwise
SIMILARITY_WEIGHT = 0.6
SHARED_WEIGHT = 0.1


def live(model: type[Reviewable]) -> models.QuerySet:
    return model.objects.filter(merged_into__isnull=True).exclude(review_status=ReviewStatus.REJECTED)


def records_among(model: type[Reviewable], among: list[int] | None) -> models.QuerySet:
    return live(model) if among is None else live(model).filter(pk__in=among)


def pairs_in_blocks(blocks: dict) -> set[tuple[int, int]]:
    """Every pair within a block; a block larger than `MAX_BLOCK` is a key too common to tell anything."""
    pairs = set()
    for ids in blocks.values():
        ids = sorted(set(ids))
        if 1 < len(ids) <= MAX_BLOCK:
            pairs.update(itertools.combinations(ids, 2))
    return pairs


def anchored(anchor: int, ids) -> set[tuple[int, int]]:
    """The anchor paired with each of the candidates a look-up found for it: all compared, no blocking."""
    return {pair_of(anchor, other) for other in ids if other != anchor}


def pair_of(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def linked_sets(queryset: models.QuerySet, owner: str, *fields: str) -> dict[int, set]:
    """For each owner id, the set of "field:value" of its linked rows (one query)."""
    found = defaultdict(set)
    for owner_id, *values in queryset.values_list(owner, *fields):
        found[owner_id].update(f"{field}:{value}" for field, value in zip(fields, values) if value)
    return found


def articles_of(field: str, ids: set) -> dict[int, set]:
    found = defaultdict(set)
    for record_id, article_id in Evidence.objects.filter(**{f"{field}__in": ids}).values_list(field, "article_id"):
        found[record_id].add(article_id)
    return found


def contradicts(a, b) -> bool:
    return bool(a) and bool(b) and a != b


def scored(similarity: float, reason: str, shared: dict) -> tuple[float, list[str]]:
    """`SIMILARITY_WEIGHT` of the name or title similarity, plus `SHARED_WEIGHT` for each thing both share
    (a count shows in the reason)."""
    reasons = [reason]
    score = SIMILARITY_WEIGHT * similarity
    for what, value in shared.items():
        if value:
            score += SHARED_WEIGHT
            reasons.append(f"{value} {what}" if value is not True and isinstance(value, int) else what)
    return min(score, 1.0), reasons
