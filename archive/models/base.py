"""Abstract bases shared by the archive's records: timestamps, review state, fuzzy dates."""

import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


# The largest id a record's column holds (BigAutoField): pages and filters treat a larger one as not found.
MAX_ID = 2**63 - 1


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the row was first written.")
    updated_at = models.DateTimeField(auto_now=True, help_text="When the row was last written.")

    class Meta:
        abstract = True


class DatePrecision(models.TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"


def fuzzy_date_fields(label: str):
    """The three fields of a date as precise as its source: value, precision, the text it came from.

    "in November 2025" is stored as 2025-11-01 with precision "month", never as a day.
    """
    return (
        models.DateField(null=True, blank=True, db_index=True, help_text=f"{label}; see its precision."),
        models.CharField(
            max_length=5, choices=DatePrecision.choices, blank=True,
            help_text="How much of the date the text gave: day, month or year.",
        ),
        models.CharField(max_length=200, blank=True, help_text="The words the date was read from."),
    )


class ReviewStatus(models.TextChoices):
    UNREVIEWED = "unreviewed", "unreviewed"
    VERIFIED = "verified", "verified"
    REJECTED = "rejected", "rejected"
    UNSURE = "unsure", "unsure"  # a curator looked and could not decide: set aside for a second look


class ReviewableQuerySet(models.QuerySet):
    def live(self):
        """Records a reader may see: neither rejected nor merged into another."""
        return self.exclude(review_status=ReviewStatus.REJECTED).filter(merged_into__isnull=True)


class ReviewableManager(models.Manager.from_queryset(ReviewableQuerySet)):
    def get_by_natural_key(self, uid):
        return self.get(uid=uid)


class LinkSnapshot(models.Model):
    """What every version of a record keeps besides its fields: its links then (see archive.curation.history)."""

    links = models.JSONField(default=dict, blank=True,
                             help_text="The record's aliases, roles, participants, parties... in this version.")

    class Meta:
        abstract = True


class Reviewable(TimeStamped):
    """A record the extractor proposes and a curator decides on.

    Curation rule (enforced by `archive.ingest`): once a record is verified or
    edited by a person (`is_curated`), ingest never changes its fields again; it
    may only add evidence and links. A rejected record is never re-created, and
    a record merged into another resolves to the kept one. `extracted` keeps the
    extractor's own latest values beside the curated ones, so both stay visible.
    """

    uid = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False,
        help_text="Stable identity across databases; the natural key used by fixtures.",
    )
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.UNREVIEWED, db_index=True,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+",
        # A curator's account may go; the decision they made stays.
        on_delete=models.SET_NULL,
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True, help_text="Why it was verified or rejected.")
    is_curated = models.BooleanField(
        "edited by a person", default=False, db_index=True,
        help_text="A person edited this record; ingest will not overwrite its fields.",
    )
    extracted = models.JSONField(
        "extractor's values", default=dict, blank=True,
        help_text="The extractor's own latest values for this record's fields.",
    )
    confidence = models.FloatField(
        default=0.5, db_index=True, help_text="The extractor's confidence, 0 to 1.",
    )
    features = models.JSONField(
        "confidence features", default=dict, blank=True,
        help_text="What the extractor knew of the record, as the confidence model reads it "
                  "(archive.extraction.scoring.features).",
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, related_name="merged_records",
        # A tombstone must keep pointing at the record it was merged into.
        on_delete=models.PROTECT,
        help_text="Set when a curator merged this record into another; it stays as a tombstone.",
    )

    objects = ReviewableManager()
    # Who changed what and when, for every concrete record; curators can revert.
    history = HistoricalRecords(inherit=True, bases=[LinkSnapshot])

    class Meta:
        abstract = True

    def natural_key(self):
        return (str(self.uid),)

    @property
    def is_locked(self) -> bool:
        """Whether a person's decision protects this record's fields from ingest."""
        return self.is_curated or self.review_status != ReviewStatus.UNREVIEWED

    def resolved(self):
        """Follow merges to the record that stands for this one now."""
        record = self
        while record.merged_into_id is not None:
            record = record.merged_into
        return record
