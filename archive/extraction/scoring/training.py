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

from .features import EXPECTED_SIGN, LABELS, MODEL_FEATURES

REGULARIZATION = 0.3  # inverse strength (C) when not chosen: a few hundred examples, a few dozen wrong ones
# Inverse strengths tried, the one chosen by an inner cross-validation on the training records only.
REGULARIZATION_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
INNER_FOLDS = 4
MOST_SELECTED = 10  # features a forward selection may pick
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


def fit(x: np.ndarray, y: np.ndarray, names: list[str], regularization: float = REGULARIZATION) -> dict:
    """A fitted model as the JSON `model.TypeModel` reads."""
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales < 1e-6] = 1.0  # a feature that never varies: left as it is
    regression = LogisticRegression(C=regularization, max_iter=2000)
    regression.fit((x - means) / scales, y)
    return {"features": names, "coefficients": [round(float(w), 6) for w in regression.coef_[0]],
            "means": [round(float(m), 6) for m in means], "scales": [round(float(s), 6) for s in scales],
            "intercept": round(float(regression.intercept_[0]), 6), "regularization": regularization,
            "labels": {name: list(LABELS.get(name, (f"low {name}", f"high {name}"))) for name in names}}


def fit_with_meaning(x: np.ndarray, y: np.ndarray, names: list[str],
                     regularization: float = REGULARIZATION) -> tuple[dict, list[int]]:
    """`fit`, leaving out one at a time (and refitting) the feature whose weight goes most against
    its meaning (`EXPECTED_SIGN`); the model and the columns of `x` it reads."""
    kept = list(range(len(names)))
    while True:
        model = fit(x[:, kept], y, [names[i] for i in kept], regularization)
        against = [(weight * EXPECTED_SIGN[name], column)
                   for column, name, weight in zip(kept, model["features"], model["coefficients"])
                   if weight * EXPECTED_SIGN.get(name, 0) < 0]
        if not against or len(kept) == 1:
            return model, kept
        kept.remove(min(against)[1])


def log_loss(y: np.ndarray, p: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def choose_regularization(x: np.ndarray, y: np.ndarray, groups: np.ndarray | None) -> float:
    """The inverse strength of `REGULARIZATION_GRID` whose out-of-fold log-loss on these records is
    lowest (log-loss rewards ranking and calibration both). Sees only the records it is given."""
    splits = list(_splitter(y, groups, INNER_FOLDS).split(x, y, groups))
    best, best_loss = REGULARIZATION, float("inf")
    for c in REGULARIZATION_GRID:
        p = np.zeros(len(y))
        for train, test in splits:
            p[test] = predict(fit(x[train], y[train], [], c), x[test]) if len(set(y[train])) == 2 else y[train].mean()
        loss = log_loss(y, p)
        if loss < best_loss - 1e-9:
            best, best_loss = c, loss
    return best


def _splitter(y: np.ndarray, groups, folds: int):
    if groups is not None:
        return GroupKFold(min(folds, len(set(groups))))
    # every fold needs records of both kinds
    return StratifiedKFold(max(2, min(folds, int(np.bincount(y).min()))), shuffle=True, random_state=0)


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


def out_of_fold(kind: str, examples: Examples, folds: int = 5, grouped: bool = True,
                names: list[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Each record's probability from a model fitted without its fold (its file's fold, when grouped),
    with the regularization chosen and the features against their meaning left out inside the
    training part only (nested), so the figures are honest about those choices."""
    names = names or feature_names(kind, examples)
    x, y = examples.matrix(names), np.array(examples.labels)
    groups = np.array(examples.groups) if grouped else None
    p = np.zeros(len(y))
    for train, test in _splitter(y, groups, folds).split(x, y, groups):
        if len(set(y[train])) < 2:
            p[test] = y[train].mean()
            continue
        inner_groups = groups[train] if grouped else None
        c = choose_regularization(x[train], y[train], inner_groups)
        model, kept = fit_with_meaning(x[train], y[train], names, c)
        p[test] = predict(model, x[test][:, kept])
    return y, p


def selected_out_of_fold(examples: Examples, folds: int = 5, most: int = MOST_SELECTED) -> tuple[np.ndarray, np.ndarray]:
    """Like `out_of_fold`, but each training part also picks its own features, by forward selection
    from every stored feature: the figure of the whole procedure, free of choices made on the test files."""
    names = sorted({name for row in examples.features for name in row})
    x, y, groups = examples.matrix(names), np.array(examples.labels), np.array(examples.groups)
    p = np.zeros(len(y))
    for train, test in _splitter(y, groups, folds).split(x, y, groups):
        chosen = forward_selection(x[train], y[train], groups[train], most)
        c = choose_regularization(x[train][:, chosen], y[train], groups[train])
        p[test] = predict(fit(x[train][:, chosen], y[train], [], c), x[test][:, chosen])
    return y, p


def forward_selection(x: np.ndarray, y: np.ndarray, groups: np.ndarray, most: int) -> list[int]:
    """Columns added one at a time while each lowers the inner cross-validated log-loss."""
    splits = list(_splitter(y, groups, INNER_FOLDS).split(x, y, groups))
    chosen: list[int] = []
    best = log_loss(y, np.full(len(y), y.mean()))
    while len(chosen) < most:
        trials = [(_inner_loss(x[:, chosen + [j]], y, splits), j) for j in range(x.shape[1])
                  if j not in chosen and x[:, j].std() > 0]
        if not trials or min(trials)[0] >= best - 1e-4:
            break
        best, column = min(trials)
        chosen.append(column)
    return chosen or [int(np.argmax(x.std(axis=0)))]


def _inner_loss(x: np.ndarray, y: np.ndarray, splits) -> float:
    p = np.zeros(len(y))
    for train, test in splits:
        p[test] = predict(fit(x[train], y[train], []), x[test]) if len(set(y[train])) == 2 else y[train].mean()
    return log_loss(y, p)


def figures(y: np.ndarray, p: np.ndarray) -> dict:
    """AUC and calibration error of probabilities `p` for labels `y` (AUC None with one class)."""
    auc = float(roc_auc_score(y, p)) if len(set(y)) == 2 else None
    return {"records": int(len(y)), "wrong": int((y == 0).sum()),
            "auc": round(auc, 3) if auc is not None else None, "ece": round(calibration_error(y, p), 3)}


def cross_validated(kind: str, examples: Examples, folds: int = 5, grouped: bool = True) -> dict:
    return figures(*out_of_fold(kind, examples, folds, grouped))


def fit_examples(kind: str, examples: Examples, grouped: bool = True) -> dict:
    """The model fitted on every record, its regularization chosen by cross-validation on them,
    without the features whose weight went against their meaning."""
    names = feature_names(kind, examples)
    x, y = examples.matrix(names), np.array(examples.labels)
    c = choose_regularization(x, y, np.array(examples.groups) if grouped else None)
    return fit_with_meaning(x, y, names, c)[0]
