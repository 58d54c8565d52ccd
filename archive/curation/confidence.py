"""Confidence learned from curators' decisions: the active model, retraining it, re-scoring the queue.

A verified record is the extractor right, a rejected one the extractor wrong; each keeps
the features it was scored from (`Reviewable.features`). `confidence_train` fits a new
model per record type once there are enough decisions of both kinds, measures it by
cross-validation on them, keeps the previous type model where the new one is no
better, and re-scores the unreviewed records so the review queue follows the decisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from archive.extraction.scoring import default_model
from archive.extraction.scoring.model import ConfidenceModel, TypeModel
from archive.models import Agreement, Meeting, Organization, Person, ReviewStatus, TrainedConfidenceModel

MODELS = {"person": Person, "organization": Organization, "meeting": Meeting, "agreement": Agreement}
MINIMUM_DECISIONS = 20  # of each kind (verified and rejected) per record type
RESCORE_BATCH = 1000


def active_model() -> ConfidenceModel | None:
    """The archive's active trained model, or None (the shipped default scores then)."""
    row = TrainedConfidenceModel.objects.active()
    return model_from_row(row) if row else None


def model_from_row(row: TrainedConfidenceModel) -> ConfidenceModel:
    return ConfidenceModel.from_dict({"types": row.coefficients, "source": row.source, "metrics": row.metrics})


def model_in_force() -> ConfidenceModel:
    return active_model() or default_model()


def kind_of(record) -> str:
    return type(record)._meta.model_name


def confidence_explained(record, model: ConfidenceModel | None = None) -> str:
    """The features that lowered the record's confidence, in words ("no title beside the name; ...")."""
    reasons = (model or model_in_force()).lowering(kind_of(record), record.features or {})
    return "; ".join(reasons)


@dataclass
class TypeOutcome:
    kind: str
    verified: int
    rejected: int
    new: dict | None = None  # cross-validated figures of the new model
    previous_auc: float | None = None  # the previous model's AUC on the same decisions
    kept_previous: bool = True
    reason: str = ""

    def line(self) -> str:
        head = f"{self.kind}: {self.verified} verified, {self.rejected} rejected"
        if self.new is None:
            return f"{head}: {self.reason}"
        figures = f"AUC {_shown(self.new['auc'])}, calibration error {self.new['ece']:.3f} (5-fold)"
        verdict = "kept the previous model" if self.kept_previous else "new model in use"
        return f"{head}: {figures}; previous AUC {_shown(self.previous_auc)}: {verdict}"


@dataclass
class TrainingReport:
    outcomes: list[TypeOutcome] = field(default_factory=list)
    saved: TrainedConfidenceModel | None = None
    rescored: int = 0

    def lines(self) -> list[str]:
        lines = [outcome.line() for outcome in self.outcomes]
        if self.saved:
            lines.append(f"re-scored {self.rescored} unreviewed record(s) with the new model")
        else:
            lines.append("no type improved: the previous model stays in use")
        return lines


def _shown(auc: float | None) -> str:
    return "n/a" if auc is None else f"{auc:.3f}"


def decisions(kind: str):
    """(Examples of the type's curator decisions, verified count, rejected count)."""
    from archive.extraction.scoring.training import Examples

    rows = (MODELS[kind].objects.filter(merged_into__isnull=True,
                                        review_status__in=[ReviewStatus.VERIFIED, ReviewStatus.REJECTED])
            .exclude(features={}).order_by("id").values_list("id", "features", "review_status"))
    examples = Examples([], [], [])
    for pk, features, status in rows:
        examples.features.append(features)
        examples.labels.append(int(status == ReviewStatus.VERIFIED))
        examples.groups.append(str(pk))
    return examples, examples.labels.count(1), examples.labels.count(0)


def confidence_train(*, minimum: int = MINIMUM_DECISIONS) -> TrainingReport:
    """Retrain from the curators' decisions; see the module docstring. Needs scikit-learn."""
    from archive.extraction.scoring import training

    previous = model_in_force()
    report, types, improved = TrainingReport(), {}, False
    for kind in MODELS:
        examples, verified, rejected = decisions(kind)
        outcome = TypeOutcome(kind, verified, rejected)
        report.outcomes.append(outcome)
        if previous.types.get(kind):
            types[kind] = previous_dict(previous.types[kind])
        if min(verified, rejected) < minimum:
            outcome.reason = f"too few decisions to learn from (need {minimum} verified and {minimum} rejected)"
            continue
        outcome.new = training.cross_validated(kind, examples, grouped=False)
        outcome.previous_auc = previous_auc(previous, kind, examples, training)
        if outcome.previous_auc is None or (outcome.new["auc"] or 0) > outcome.previous_auc:
            types[kind] = training.fit_examples(kind, examples, grouped=False)
            outcome.kept_previous, improved = False, True
    if improved:
        with transaction.atomic():
            report.saved = activate(types, report)
            report.rescored = rescore_unreviewed(model_from_row(report.saved))
    return report


def previous_auc(previous: ConfidenceModel, kind: str, examples, training) -> float | None:
    import numpy as np

    if not previous.types.get(kind):
        return None
    probabilities = np.array([previous.probability(kind, row) for row in examples.features])
    return training.figures(np.array(examples.labels), probabilities)["auc"]


def previous_dict(model: TypeModel) -> dict:
    return {"features": list(model.features), "coefficients": list(model.coefficients), "means": list(model.means),
            "scales": list(model.scales), "intercept": model.intercept,
            "labels": {name: list(words) for name, words in model.labels.items()}}


def activate(types: dict, report: TrainingReport) -> TrainedConfidenceModel:
    metrics = {o.kind: {"verified": o.verified, "rejected": o.rejected, **(o.new or {}),
                        "previous_auc": o.previous_auc, "kept_previous": o.kept_previous} for o in report.outcomes}
    TrainedConfidenceModel.objects.filter(active=True).update(active=False)
    return TrainedConfidenceModel.objects.create(coefficients=types, metrics=metrics, active=True,
                                                 source="curators' verified and rejected records")


def rescore_unreviewed(model: ConfidenceModel) -> int:
    """Give every unreviewed record the model's confidence for its stored features; returns how many changed."""
    changed = 0
    for kind, record_model in MODELS.items():
        batch = []
        rows = (record_model.objects.filter(review_status=ReviewStatus.UNREVIEWED, merged_into__isnull=True)
                .exclude(features={}).only("id", "features", "confidence").order_by("id"))
        for record in rows.iterator(chunk_size=RESCORE_BATCH):
            confidence = model.probability(kind, record.features)
            if confidence is not None and confidence != record.confidence:
                record.confidence = confidence
                batch.append(record)
            if len(batch) >= RESCORE_BATCH:
                changed += _save_confidences(record_model, batch)
        changed += _save_confidences(record_model, batch)
    return changed


def _save_confidences(record_model, batch: list) -> int:
    record_model.objects.bulk_update(batch, ["confidence"])
    count = len(batch)
    batch.clear()
    return count
