"""What curators decide beyond one record's fields: merges (undoable) and duplicate judgements.

Both refer to the four reviewable record types (person, organization, meeting,
agreement) through a content type and two ids, so one table serves all four.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

CURATED_MODELS = ("person", "organization", "meeting", "agreement")


class MergeRecord(models.Model):
    """One merge: `merged` became a tombstone pointing at `kept`, and what moved is listed so undo restores it.

    `changes` holds, in order: rows whose foreign key was moved (model, pk, field),
    rows deleted because the kept record already had their twin (serialized in
    full, so undo recreates them with their ids), rows created for the kept record
    (aliases from the merged names, sector links) and both records' previous
    values of `merged_into` and `is_curated`.
    """

    content_type = models.ForeignKey(
        ContentType, related_name="+",
        # The record types are fixed; losing one would orphan its merges.
        on_delete=models.PROTECT,
    )
    kept_id = models.BigIntegerField(db_index=True, help_text="The record that stands for both now.")
    merged_id = models.BigIntegerField(db_index=True, help_text="The record that became a tombstone.")
    kept = GenericForeignKey("content_type", "kept_id")
    merged = GenericForeignKey("content_type", "merged_id")
    kept_label = models.CharField(max_length=500, help_text="The kept record as it read at the merge.")
    merged_label = models.CharField(max_length=500, help_text="The merged record as it read at the merge.")
    changes = models.JSONField(default=dict, help_text="Everything the merge changed, for undo.")
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+",
        # The merge stays recorded when the curator's account goes.
        on_delete=models.SET_NULL,
    )
    merged_at = models.DateTimeField(auto_now_add=True, db_index=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL,
    )
    undone_at = models.DateTimeField(null=True, blank=True, help_text="Set when the merge was undone.")

    class Meta:
        ordering = ["-merged_at", "-id"]
        permissions = [
            ("merge_records", "Can merge duplicate records and undo merges"),
            ("review_records", "Can verify and reject records"),
        ]

    def __str__(self):
        state = " (undone)" if self.undone_at else ""
        return f"{self.merged_label} → {self.kept_label}{state}"


class Verdict(models.TextChoices):
    PENDING = "pending", "not judged yet"
    SAME = "same", "same"
    NOT_SAME = "not_same", "not the same"
    UNSURE = "unsure", "unsure"


class DuplicateDecision(models.Model):
    """A pair of records that may be one: suggested by the archive, judged by a curator.

    The pair is unordered: `low_id` < `high_id`, unique per record type. A
    "not the same" verdict is kept for good: the pair is never suggested again,
    ingest never folds one into the other, and a merge of the two is refused
    until a curator changes the verdict.
    """

    content_type = models.ForeignKey(ContentType, related_name="+", on_delete=models.PROTECT)
    low_id = models.BigIntegerField(help_text="The lower id of the pair.")
    high_id = models.BigIntegerField(db_index=True, help_text="The higher id of the pair.")
    low = GenericForeignKey("content_type", "low_id")
    high = GenericForeignKey("content_type", "high_id")
    score = models.FloatField(default=0, db_index=True, help_text="How alike the two look, 0 to 1.")
    reasons = models.CharField(max_length=300, blank=True, help_text="Why they were suggested.")
    verdict = models.CharField(max_length=10, choices=Verdict.choices, default=Verdict.PENDING, db_index=True)
    note = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL,
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["verdict", "-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "low_id", "high_id"], name="duplicate_pair_unique"),
            models.CheckConstraint(condition=models.Q(low_id__lt=models.F("high_id")), name="duplicate_pair_ordered"),
        ]
        indexes = [models.Index(fields=["verdict", "-score"], name="duplicate_queue")]

    def __str__(self):
        return f"{self.content_type.model} {self.low_id} / {self.high_id}: {self.get_verdict_display()}"


class RejectReason(models.TextChoices):
    """The short list a curator picks from when rejecting: what the extractor got wrong."""

    NOT_PERSON = "not_person", "not a person"
    NOT_ORGANIZATION = "not_organization", "not an organization"
    WRONG_COUNTRY = "wrong_country", "wrong country"
    NOT_MEETING = "not_meeting", "not a meeting"
    DUPLICATE = "duplicate", "duplicate"
    OTHER = "other", "other"
    PLACE = "place", "a place"  # set by "this is a place" (archive.curation.convert)


class ReviewDecision(models.Model):
    """One curator's decision on one record (verified, rejected, unsure), kept so it can be counted and undone.

    Decisions taken together (one key press on a selection, one list action) share a
    `batch`; undo takes back the curator's latest batch whole, restoring each record's
    review state from `previous` (status, reviewer, time, note before the decision).
    """

    content_type = models.ForeignKey(ContentType, related_name="+", on_delete=models.PROTECT)
    record_id = models.BigIntegerField(help_text="The record decided on.")
    record = GenericForeignKey("content_type", "record_id")
    decision = models.CharField(max_length=10, help_text="The review state the decision set.")
    reason = models.CharField(max_length=20, choices=RejectReason.choices, blank=True,
                              help_text="Why a record was rejected, from the short list.")
    note = models.TextField(blank=True)
    batch = models.UUIDField(db_index=True, help_text="Decisions taken in one step, undone together.")
    previous = models.JSONField(default=dict, help_text="The record's review state before, for undo.")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+",
        # The decision stays counted when the curator's account goes.
        on_delete=models.SET_NULL,
    )
    decided_at = models.DateTimeField(db_index=True)
    undone_at = models.DateTimeField(null=True, blank=True, help_text="Set when the curator took it back.")

    class Meta:
        ordering = ["-decided_at", "-id"]
        indexes = [
            models.Index(fields=["decided_by", "-decided_at"], name="review_decision_by_curator"),
            models.Index(fields=["content_type", "record_id"], name="review_decision_record"),
        ]

    def __str__(self):
        return f"{self.content_type.model} #{self.record_id}: {self.decision}"


class ConversionKind(models.TextChoices):
    """What a curator says a person or organization really is."""

    ORGANIZATION = "organization", "an organization"
    PERSON = "person", "a person"
    PLACE = "place", "a place"


class ConversionRecord(models.Model):
    """One "this is a place / an organization / a person": what moved, so undo restores it exactly.

    The converted record stays, rejected, with its own names, so ingest resolves
    them to it and skips it (see `archive.curation.convert`). `changes` holds the
    rows moved (their fields before and after), rows deleted (serialized in full),
    rows created, meetings given a location, and both records' earlier state.
    """

    content_type = models.ForeignKey(ContentType, related_name="+", on_delete=models.PROTECT,
                                     help_text="The converted record's type.")
    record_id = models.BigIntegerField(help_text="The converted record.")
    record = GenericForeignKey("content_type", "record_id")
    record_label = models.CharField(max_length=500, help_text="The converted record as it read then.")
    into = models.CharField(max_length=12, choices=ConversionKind.choices)
    target_type = models.ForeignKey(ContentType, null=True, blank=True, related_name="+",
                                    on_delete=models.PROTECT, help_text="The new record's type (none for a place).")
    target_id = models.BigIntegerField(null=True, blank=True, help_text="The record of the right kind.")
    target = GenericForeignKey("target_type", "target_id")
    target_label = models.CharField(max_length=500, blank=True)
    changes = models.JSONField(default=dict, help_text="Everything the conversion changed, for undo.")
    converted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+",
        # The conversion stays recorded when the curator's account goes.
        on_delete=models.SET_NULL,
    )
    converted_at = models.DateTimeField(auto_now_add=True, db_index=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL,
    )
    undone_at = models.DateTimeField(null=True, blank=True, help_text="Set when the conversion was undone.")

    class Meta:
        ordering = ["-converted_at", "-id"]
        indexes = [models.Index(fields=["content_type", "record_id"], name="conversion_record")]

    def __str__(self):
        into = self.target_label or ConversionKind(self.into).label
        state = " (undone)" if self.undone_at else ""
        return f"{self.record_label} → {into}{state}"
