"""The review queue: records of all four types in one list, unreviewed first, least confident first.

Each type is read with its own indexed query (review_status, confidence, id) for
only as many rows as the page needs; the four are merged in Python. A page costs
a fixed number of queries whatever the archive's size: per type one for the
page's ids, one capped count, one for the records, one for their evidence.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from archive.models import (
    Agreement, Evidence, Meeting, MeetingParticipant, Organization, Person, ReviewDecision, ReviewStatus,
)
from archive.paging import capped_count

PAGE_SIZE = 50
MAX_PAGE = 200  # pages of PAGE_SIZE: deeper than a curator reads, and every page stays an indexed read
QUEUE_MODELS = {"person": Person, "organization": Organization, "meeting": Meeting, "agreement": Agreement}
STATUSES = ("unreviewed", "unsure", "all", "verified", "rejected")


@dataclass(frozen=True)
class QueueFilters:
    types: tuple[str, ...] = tuple(QUEUE_MODELS)
    status: str = "unreviewed"
    country: str = ""  # ISO code
    article: int | None = None
    published_from: datetime.date | None = None
    published_to: datetime.date | None = None


@dataclass
class QueueItem:
    kind: str
    record: object
    evidence: Evidence | None = None


@dataclass
class QueuePage:
    items: list[QueueItem]
    has_more: bool
    counts: dict[str, int] = field(default_factory=dict)
    number: int = 1


def queue_queryset(kind: str, filters: QueueFilters) -> QuerySet:
    """One type's records matching the filters (tombstones never: their kept record is reviewed)."""
    model = QUEUE_MODELS[kind]
    queryset = model.objects.filter(merged_into__isnull=True)
    if filters.status != "all":
        queryset = queryset.filter(review_status=filters.status)
    if filters.country:
        queryset = queryset.filter(country_condition(kind, filters.country))
    evidence = {}
    if filters.article:
        evidence["article_id"] = filters.article
    if filters.published_from:
        evidence["article__published__gte"] = filters.published_from
    if filters.published_to:
        evidence["article__published__lte"] = filters.published_to
    if evidence:
        queryset = queryset.filter(Exists(Evidence.objects.filter(**{kind: OuterRef("pk")}, **evidence)))
    return queryset


def country_condition(kind: str, code: str) -> Q:
    if kind in ("person", "organization"):
        return Q(country__code=code)
    if kind == "meeting":
        return Q(Exists(MeetingParticipant.objects.filter(meeting=OuterRef("pk"), country__code=code)))
    from archive.models import AgreementParty

    return Q(Exists(AgreementParty.objects.filter(agreement=OuterRef("pk"), country__code=code)))


def rank() -> Case:
    return Case(When(review_status=ReviewStatus.UNREVIEWED, then=Value(0)), default=Value(1),
                output_field=IntegerField())


def review_queue(*, filters: QueueFilters, offset: int = 0, limit: int = 50) -> QueuePage:
    """The page of the queue at `offset`, with capped counts per type."""
    keys = []
    for kind in filters.types:
        queryset = queue_queryset(kind, filters)
        # One status: the (review_status, confidence, id) index gives the order; all: unreviewed first.
        queryset = queryset.annotate(rank=rank() if filters.status == "all" else Value(0))
        rows = queryset.order_by("rank", "confidence", "id").values_list("rank", "confidence", "id")[
            : offset + limit + 1]
        keys += [(r, c, kind, pk) for r, c, pk in rows]
    keys.sort(key=lambda k: (k[0], k[1], k[2], k[3]))
    page_keys = keys[offset: offset + limit]
    items = load_items(page_keys)
    counts = {kind: capped_count(queue_queryset(kind, filters)) for kind in filters.types}
    return QueuePage(items=items, has_more=len(keys) > offset + limit, counts=counts)


def queue_page_at(*, filters: QueueFilters, number: str, one_at_a_time: bool = False) -> QueuePage:
    """Page `number` as the request gives it (anything but a number is page 1), within the first MAX_PAGE
    pages; one record at a time reaches the same rows, one per page."""
    size = 1 if one_at_a_time else PAGE_SIZE
    last = MAX_PAGE * (PAGE_SIZE if one_at_a_time else 1)
    page_number = min(max(int(number) if number.isascii() and number.isdigit() else 1, 1), last)
    page = review_queue(filters=filters, offset=(page_number - 1) * size, limit=size)
    page.number = page_number
    page.has_more = page.has_more and page_number < last
    return page


def load_items(page_keys: list) -> list[QueueItem]:
    by_kind: dict[str, list[int]] = {}
    for _, _, kind, pk in page_keys:
        by_kind.setdefault(kind, []).append(pk)
    records = {}
    evidence_ids = {}
    for kind, ids in by_kind.items():
        queryset = QUEUE_MODELS[kind].objects.filter(pk__in=ids).annotate(
            first_evidence=Subquery(Evidence.objects.filter(**{kind: OuterRef("pk")})
                                    .order_by("-confidence", "id").values("id")[:1]))
        if kind in ("person", "organization"):
            queryset = queryset.select_related("country")
        if kind == "meeting":
            queryset = queryset.prefetch_related("participants")
        for record in queryset:
            records[(kind, record.pk)] = record
            if record.first_evidence:
                evidence_ids[record.first_evidence] = (kind, record.pk)
    evidence = {}
    if evidence_ids:
        for row in Evidence.objects.filter(pk__in=evidence_ids).select_related("article").defer("article__body"):
            evidence[evidence_ids[row.pk]] = row
    return [QueueItem(kind=kind, record=records[(kind, pk)], evidence=evidence.get((kind, pk)))
            for _, _, kind, pk in page_keys if (kind, pk) in records]


def likely_right_threshold() -> float | None:
    """The confidence at or above which an unreviewed record is "likely right" (ARCHIVE_LIKELY_RIGHT); None: off."""
    return getattr(settings, "ARCHIVE_LIKELY_RIGHT", None)


def is_likely_right(record, threshold: float | None) -> bool:
    return (threshold is not None and record.review_status == ReviewStatus.UNREVIEWED
            and record.merged_into_id is None and record.confidence >= threshold)


def queue_records(keys: list[str]) -> list:
    """Records named as "kind:id" (the queue's checkboxes), in that order; unknown keys are skipped."""
    wanted: dict[str, list[int]] = {}
    for key in keys:
        kind, _, pk = key.partition(":")
        if kind in QUEUE_MODELS and pk.isdigit():
            wanted.setdefault(kind, []).append(int(pk))
    found = {}
    for kind, ids in wanted.items():
        for record in QUEUE_MODELS[kind].objects.filter(pk__in=ids):
            found[f"{kind}:{record.pk}"] = record
    return [found[k] for k in keys if k in found]


@dataclass
class TypeProgress:
    kind: str
    total: int
    reviewed: int  # verified or rejected
    unsure: int

    @property
    def percent(self) -> int:
        return round(100 * self.reviewed / self.total) if self.total else 100


@dataclass
class Progress:
    types: list[TypeProgress]
    today: list[tuple[str, int]]  # (curator, decisions today not taken back), most first

    @property
    def reviewed(self) -> int:
        return sum(t.reviewed for t in self.types)

    @property
    def total(self) -> int:
        return sum(t.total for t in self.types)


def review_progress(kinds: tuple[str, ...] = tuple(QUEUE_MODELS)) -> Progress:
    """How much is decided: live records per type by review state, and each curator's decisions since midnight."""
    counts = review_counts(kinds)
    types = []
    for kind in kinds:
        by_status = counts.get(kind, {})
        types.append(TypeProgress(
            kind=kind, total=sum(by_status.values()),
            reviewed=by_status.get(ReviewStatus.VERIFIED, 0) + by_status.get(ReviewStatus.REJECTED, 0),
            unsure=by_status.get(ReviewStatus.UNSURE, 0)))
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    today = (ReviewDecision.objects.filter(decided_at__gte=midnight, undone_at__isnull=True, decided_by__isnull=False)
             .order_by().values_list("decided_by__username").annotate(n=Count("pk")).order_by("-n"))
    return Progress(types=types, today=list(today))


# Folded into one row per (kind, state) once the table holds more signed changes than this.
COUNT_ROWS_KEPT = 500

SUM_COUNTS_SQL = """
SELECT kind, review_status, sum(n), count(*) FROM archive_review_count WHERE kind = ANY(%s) GROUP BY kind, review_status
"""
# One statement: the rows it deletes are those it sums, so a writer's change committed meanwhile is kept.
FOLD_COUNTS_SQL = """
WITH gone AS (DELETE FROM archive_review_count RETURNING kind, review_status, n)
INSERT INTO archive_review_count (kind, review_status, n)
SELECT kind, review_status, sum(n) FROM gone GROUP BY kind, review_status HAVING sum(n) <> 0
"""


def review_counts(kinds: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """{kind: {review state: live records}}. PostgreSQL: the sums of `archive_review_count`, which
    triggers keep exact (migration 0014), one small query whatever the archive's size; SQLite
    (small archives) counts the records, one grouped query per type."""
    if connection.vendor != "postgresql":
        return {kind: dict(QUEUE_MODELS[kind].objects.filter(merged_into__isnull=True).order_by()
                           .values_list("review_status").annotate(n=Count("pk")).values_list("review_status", "n"))
                for kind in kinds}
    counts: dict[str, dict[str, int]] = {kind: {} for kind in kinds}
    rows_kept = 0
    with connection.cursor() as cursor:
        cursor.execute(SUM_COUNTS_SQL, [list(kinds)])
        for kind, status, n, rows in cursor.fetchall():
            rows_kept += rows
            if n:
                counts[kind][status] = int(n)
        if rows_kept > COUNT_ROWS_KEPT:
            cursor.execute(FOLD_COUNTS_SQL)
    return counts
