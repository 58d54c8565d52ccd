"""Evidence: why a record exists, quoted from an article."""

from django.db import models

from .keys import flat

EVIDENCE_TARGETS = ("person", "organization", "meeting", "agreement")
CONFLICT_TARGETS = ("meeting", "agreement")


def target_filter(target: str, uid, allowed=EVIDENCE_TARGETS) -> dict:
    """Filter for "the record of this type with this uid", refusing types the model cannot point at."""
    if target not in allowed:
        raise ValueError(f"{target!r} is not one of {', '.join(allowed)}")
    return {f"{target}__uid": flat(uid)}


class EvidenceManager(models.Manager):
    def get_by_natural_key(self, article_hash, target, target_uid, start, end):
        return self.get(article__content_hash=flat(article_hash), start=start, end=end,
                        **target_filter(target, target_uid))


class Evidence(models.Model):
    """A sentence of an article that supports one record, with the mention's offsets in the body.

    Exactly one of person / organization / meeting / agreement is set. The
    record's articles are the articles of its evidence.

    Natural key: (article content hash, target type, target uid, start, end), e.g.
    ("9f2c…", "person", "3b8e…", 120, 137); unique by the `evidence_unique_*_span` constraints.
    """

    article = models.ForeignKey("Article", related_name="evidence", on_delete=models.CASCADE)
    person = models.ForeignKey("Person", null=True, blank=True, related_name="evidence", on_delete=models.CASCADE)
    organization = models.ForeignKey(
        "Organization", null=True, blank=True, related_name="evidence", on_delete=models.CASCADE,
    )
    meeting = models.ForeignKey("Meeting", null=True, blank=True, related_name="evidence", on_delete=models.CASCADE)
    agreement = models.ForeignKey(
        "Agreement", null=True, blank=True, related_name="evidence", on_delete=models.CASCADE,
    )
    sentence = models.TextField(help_text="The quoted sentence.")
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    start = models.PositiveIntegerField(help_text="Offset of the mention in the article body.")
    end = models.PositiveIntegerField()
    confidence = models.FloatField(default=0.5)

    objects = EvidenceManager()

    TARGETS = EVIDENCE_TARGETS

    class Meta:
        ordering = ["article", "start"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(person__isnull=False, organization__isnull=True, meeting__isnull=True, agreement__isnull=True)
                    | models.Q(person__isnull=True, organization__isnull=False, meeting__isnull=True, agreement__isnull=True)
                    | models.Q(person__isnull=True, organization__isnull=True, meeting__isnull=False, agreement__isnull=True)
                    | models.Q(person__isnull=True, organization__isnull=True, meeting__isnull=True, agreement__isnull=False)
                ),
                name="evidence_has_exactly_one_target",
            ),
            models.CheckConstraint(condition=models.Q(start__lte=models.F("end")), name="evidence_span_ordered"),
            *[
                models.UniqueConstraint(
                    fields=["article", target, "start", "end"],
                    condition=models.Q(**{f"{target}__isnull": False}),
                    name=f"evidence_unique_{target}_span",
                )
                for target in EVIDENCE_TARGETS
            ],
        ]

    def __str__(self):
        return self.sentence[:80]

    def natural_key(self):
        kind = self.target_type
        return (self.article.content_hash, kind, str(getattr(self, kind).uid), self.start, self.end)

    natural_key.dependencies = [
        "archive.article", "archive.person", "archive.organization", "archive.meeting", "archive.agreement",
    ]

    @property
    def target_type(self) -> str:
        return next(t for t in self.TARGETS if getattr(self, f"{t}_id"))

    @property
    def mention(self) -> str:
        return self.article.body[self.start:self.end]

    @property
    def target(self):
        return getattr(self, self.target_type)


class FieldConflictManager(models.Manager):
    def get_by_natural_key(self, target, target_uid, field, article_hash):
        return self.get(field=field, article__content_hash=flat(article_hash),
                        **target_filter(target, target_uid, CONFLICT_TARGETS))


class FieldConflict(models.Model):
    """Two sources disagree on a field of one record: the first value is kept, a curator decides.

    Natural key: (record type, record uid, field, content hash of the article stating the other value),
    e.g. ("meeting", "3b8e…", "date", "9f2c…"); one conflict per record, field and article.
    """

    meeting = models.ForeignKey("Meeting", null=True, blank=True, related_name="conflicts", on_delete=models.CASCADE)
    agreement = models.ForeignKey(
        "Agreement", null=True, blank=True, related_name="conflicts", on_delete=models.CASCADE,
    )
    field = models.CharField(max_length=50)
    kept_value = models.CharField(max_length=500, blank=True)
    other_value = models.CharField(max_length=500, blank=True)
    article = models.ForeignKey(
        "Article", related_name="conflicts", on_delete=models.CASCADE,
        help_text="The article that states the other value.",
    )
    evidence = models.ForeignKey(Evidence, null=True, blank=True, related_name="+", on_delete=models.SET_NULL)
    resolved = models.BooleanField(default=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FieldConflictManager()

    class Meta:
        ordering = ["resolved", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(meeting__isnull=False, agreement__isnull=True)
                | models.Q(meeting__isnull=True, agreement__isnull=False),
                name="conflict_has_exactly_one_record",
            ),
            *[
                models.UniqueConstraint(
                    fields=[target, "field", "article"], condition=models.Q(**{f"{target}__isnull": False}),
                    name=f"conflict_unique_{target}_field_article",
                )
                for target in CONFLICT_TARGETS
            ],
        ]

    def __str__(self):
        return f"{self.field}: {self.kept_value!r} vs {self.other_value!r}"

    def natural_key(self):
        kind = "meeting" if self.meeting_id else "agreement"
        return (kind, str(getattr(self, kind).uid), self.field, self.article.content_hash)

    natural_key.dependencies = ["archive.meeting", "archive.agreement", "archive.article", "archive.evidence"]
