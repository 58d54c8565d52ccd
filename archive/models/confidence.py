"""Trained confidence models: the active one scores what ingest extracts (see archive.curation.confidence)."""

from django.db import models


class ConfidenceModelQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True).order_by("-trained_at", "-id").first()


class TrainedConfidenceModel(models.Model):
    """A logistic regression per record type, as JSON (archive.extraction.scoring.model reads it)."""

    coefficients = models.JSONField(help_text="Per record type: features, means, scales, coefficients, intercept, labels.")
    metrics = models.JSONField(default=dict, blank=True,
                               help_text="Per record type: records, wrong ones, AUC and calibration error held out.")
    source = models.CharField(max_length=200, blank=True, help_text="What it learned from.")
    trained_at = models.DateTimeField(auto_now_add=True)
    active = models.BooleanField(default=False, db_index=True, help_text="The model ingest scores with.")

    objects = ConfidenceModelQuerySet.as_manager()

    class Meta:
        ordering = ["-trained_at", "-id"]

    def __str__(self):
        return f"confidence model of {self.trained_at:%Y-%m-%d %H:%M}" + (" (active)" if self.active else "")
