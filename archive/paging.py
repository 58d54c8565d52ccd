"""Counting and paging long lists without counting a large table in full: one rule for the admin and the reading pages.

An exact COUNT of a large table (or of 90,000 search matches) is the slowest part of
a page. Lists count at most COUNT_CAP + 1 rows; past the cap they say "more than
COUNT_CAP" and offer the pages up to the cap; filters and search narrow a list to an
exact count.
"""

from __future__ import annotations

import weakref
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import QuerySet

COUNT_CAP = 10_000


def capped_count(rows, cap: int = COUNT_CAP) -> int:
    """How many rows, counting no further than cap + 1 (so `> cap` means "more than cap")."""
    if isinstance(rows, QuerySet):
        return rows.order_by()[: cap + 1].count()
    return len(rows)


class CappedPaginator(Paginator):
    """A paginator whose count stops at the cap: `count` is at most `cap`, `capped` says whether more exist."""

    cap = COUNT_CAP

    @cached_property
    def counted(self) -> int:
        return capped_count(self.object_list, self.cap)

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.cap)

    @property
    def capped(self) -> bool:
        return self.counted > self.cap


def within_cap(queryset: QuerySet, cap: int | None = None) -> QuerySet:
    """The list's first cap + 1 rows, in its order, as a queryset to aggregate over.

    Facets and charts beside a list longer than the cap count these rows (the
    newest, in a list's default order) rather than the whole table, so a page
    costs the same on a million rows as on ten thousand; a list the filters
    narrow to the cap or fewer is counted exactly, as before. The ids are read
    once per list (one query, down the list's order index) and looked up by
    primary key: PostgreSQL would otherwise join them to a scan of the table.
    """
    ids = _FIRST_IDS.get(queryset)
    if ids is None:
        first = queryset.prefetch_related(None).values_list("pk", flat=True)[: (cap or COUNT_CAP) + 1]
        ids = _FIRST_IDS[queryset] = list(first)
    return queryset.model._default_manager.filter(pk__in=ids)


# The first ids of each list being shown, while its queryset lives (a page asks for them several times).
_FIRST_IDS: "weakref.WeakKeyDictionary[QuerySet, list]" = weakref.WeakKeyDictionary()
