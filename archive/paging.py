"""Counting and paging long lists without counting a large table in full: one rule for the admin and the reading pages.

An exact COUNT of a large table (or of 90,000 search matches) is the slowest part of
a page. Lists count at most COUNT_CAP + 1 rows; past the cap they say "more than
COUNT_CAP" and offer the pages up to the cap; filters and search narrow a list to an
exact count. The admin's changelists and the reading pages' lists both page with
`CappedPaginator`; the review queue counts with `capped_count`.
"""

from __future__ import annotations

from functools import cached_property

from django.contrib.postgres.expressions import ArraySubquery
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import BooleanField, F, Func, Q, QuerySet, Value

COUNT_CAP = 10_000


def capped_count(rows, cap: int = COUNT_CAP) -> int:
    """How many rows, counting no further than cap + 1 (so `> cap` means "more than cap")."""
    if isinstance(rows, QuerySet):
        return rows.order_by()[: cap + 1].count()
    return len(rows)


class CappedPaginator(Paginator):
    """A paginator whose count stops at the cap: `count` is at most `cap`, `capped` says whether more exist.

    A caller that has already counted the rows, no further than cap + 1 (a text search counts
    its matches as it orders them), passes the number as `known_count`: nothing is counted
    again, and the cap applies to it as to any count. A reading list that has read the ids of
    its first cap + 1 rows (`first_rows`, for its facets) passes them as `known_ids`, with `rows`,
    the list's queryset before filters: they are counted, and a page within them is fetched by id.
    """

    cap = COUNT_CAP

    def __init__(self, object_list, per_page, *args, known_count: int | None = None,
                 known_ids: list | None = None, rows: QuerySet | None = None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.known_ids, self.rows = known_ids, rows
        self.known_count = len(known_ids) if known_ids is not None and known_count is None else known_count

    def page(self, number):
        """A page inside `known_ids` (the list's first rows, already read in its order) is fetched by id
        from `rows` (the list's unfiltered queryset, with its related rows) and put in that order:
        the filters and the sort are not worked out over every match a second time."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if self.known_ids is not None and self.rows is not None and top <= len(self.known_ids):
            return self._get_page(in_order(self.rows, self.known_ids[bottom:top]), number, self)
        return self._get_page(self.object_list[bottom:top], number, self)

    @cached_property
    def counted(self) -> int:
        if self.known_count is not None:
            return self.known_count
        return capped_count(self.object_list, self.cap)

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.cap)

    @property
    def capped(self) -> bool:
        return self.counted > self.cap


def first_rows(queryset: QuerySet, fields: tuple[str, ...], cap: int | None = None) -> list[dict]:
    """The list's first cap + 1 rows, in its order, as {"pk": ..., field: ...}: one query.

    What a page counts beside a long list (its facets, the meetings' timeline, the
    paginator's "more than") is counted in Python from these few columns, so the
    filtered, ordered list is found once per page rather than once per count.
    """
    return list(queryset.prefetch_related(None).values("pk", *fields)[: (cap or COUNT_CAP) + 1])


def first_ids(queryset: QuerySet, cap: int | None = None) -> list:
    """The ids of the list's first cap + 1 rows, in its order: one query."""
    return list(queryset.prefetch_related(None).values_list("pk", flat=True)[: (cap or COUNT_CAP) + 1])


def among(rows: QuerySet, ids: list[int], key: str) -> QuerySet:
    """The `rows` whose `key` is one of `ids` (at most cap + 1 of them): on PostgreSQL one array
    parameter, `key = ANY(%s)`, looked up by key's index; elsewhere `IN (...)`."""
    if connections[rows.db].vendor == "postgresql":
        # One array literal ('{1,2,...}'), not ARRAY[1,2,...]: 10,001 constants took 20 ms to plan.
        literal = "{" + ",".join(str(int(pk)) for pk in ids) + "}"
        return rows.filter(Func(F(key), Value(literal), arg_joiner=" = ANY(", template="%(expressions)s::bigint[])",
                                output_field=BooleanField()))
    return rows.filter(**{f"{key}__in": ids})


def in_order(rows: QuerySet, ids: list) -> list:
    """The `rows` with these ids, in the order of `ids` (one query, and one per prefetched relation)."""
    found = {row.pk: row for row in rows.filter(pk__in=ids)} if ids else {}
    return [found[pk] for pk in ids if pk in found]


def among_subquery(key: str, subquery: QuerySet) -> Q:
    """`key IN (subquery)`; on PostgreSQL `key = ANY(ARRAY(subquery))`: the subquery (a name
    search's `... UNION ...`) runs once, before the list is planned, and the list looks up its
    matches by `key`'s index. As `IN (...)` PostgreSQL hashed the matches and read the whole
    list against them (160,000 unreviewed people, 108,000 meetings with a participant from the
    country) to keep a few thousand."""
    if connections[subquery.db].vendor == "postgresql":
        return Q(Func(F(key), ArraySubquery(subquery), arg_joiner=" = ANY(", template="%(expressions)s)",
                      output_field=BooleanField()))
    return Q(**{f"{key}__in": subquery})
