"""Fitting confidence models: logistic regression over the features, judged by cross-validation.

Used by the script that trains the shipped default from the development set's gold
(`scripts/train_default_confidence`) and by `manage.py train_confidence`, which learns
from curators' decisions. Needs scikit-learn; ingest never imports this module.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold, StratifiedKFold

from .features import LABELS, MODEL_FEATURES

REGULARIZATION = 0.3  # inverse strength (C): a few hundred examples, a few dozen wrong ones
CALIBRATION_BINS = 10


@dataclass
class Examples:
    """Labelled records of one type: feature dicts, right (1) or wrong (0), and their group (file)."""

    features: list[dict[str, float]]
    labels: list[int]
    groups: list[str]

    @property
    def wrong(self) -> int:
        return self.labels.count(0)

    def matrix(self, names: list[str]) -> np.ndarray:
        return np.array([[row.get(name, 0.0) for name in names] for row in self.features], dtype=float)


def feature_names(kind: str, examples: Examples) -> list[str]:
    """The features the type's model reads (`MODEL_FEATURES`), or all those the examples have."""
    return list(MODEL_FEATURES.get(kind) or sorted({name for row in examples.features for name in row}))


def fit(x: np.ndarray, y: np.ndarray, names: list[str]) -> dict:
    """A fitted model as the JSON `model.TypeModel` reads."""
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales < 1e-6] = 1.0  # a feature that never varies: left as it is
    regression = LogisticRegression(C=REGULARIZATION, max_iter=2000)
    regression.fit((x - means) / scales, y)
    return {"features": names, "coefficients": [round(float(w), 6) for w in regression.coef_[0]],
            "means": [round(float(m), 6) for m in means], "scales": [round(float(s), 6) for s in scales],
            "intercept": round(float(regression.intercept_[0]), 6),
            "labels": {name: list(LABELS.get(name, (f"low {name}", f"high {name}"))) for name in names}}


def predict(model: dict, x: np.ndarray) -> np.ndarray:
    z = (x - np.array(model["means"])) / np.array(model["scales"])
    return 1.0 / (1.0 + np.exp(-(z @ np.array(model["coefficients"]) + model["intercept"])))


def calibration_error(y: np.ndarray, p: np.ndarray, bins: int = CALIBRATION_BINS) -> float:
    """Expected calibration error: |mean predicted - share right| per equal-width bin, weighted by size."""
    edges = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        inside = edges == b
        if inside.any():
            total += inside.sum() * abs(p[inside].mean() - y[inside].mean())
    return float(total / len(y))


def out_of_fold(kind: str, examples: Examples, folds: int = 5, grouped: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Each record's probability from a model fitted without its fold (its file's fold, when grouped)."""
    names = feature_names(kind, examples)
    x, y = examples.matrix(names), np.array(examples.labels)
    p = np.zeros(len(y))
    if grouped:
        splitter = GroupKFold(min(folds, len(set(examples.groups))))
    else:  # every fold needs records of both kinds
        splitter = StratifiedKFold(max(2, min(folds, int(np.bincount(y).min()))), shuffle=True, random_state=0)
    for train, test in splitter.split(x, y, examples.groups if grouped else None):
        if len(set(y[train])) < 2:
            p[test] = y[train].mean()
            continue
        p[test] = predict(fit(x[train], y[train], names), x[test])
    return y, p


def figures(y: np.ndarray, p: np.ndarray) -> dict:
    """AUC and calibration error of probabilities `p` for labels `y` (AUC None with one class)."""
    auc = float(roc_auc_score(y, p)) if len(set(y)) == 2 else None
    return {"records": int(len(y)), "wrong": int((y == 0).sum()),
            "auc": round(auc, 3) if auc is not None else None, "ece": round(calibration_error(y, p), 3)}


def cross_validated(kind: str, examples: Examples, folds: int = 5, grouped: bool = True) -> dict:
    return figures(*out_of_fold(kind, examples, folds, grouped))


def fit_examples(kind: str, examples: Examples) -> dict:
    names = feature_names(kind, examples)
    return fit(examples.matrix(names), np.array(examples.labels), names)
