"""A trained confidence model as plain data: a logistic regression per record type.

The model is JSON (`default_model.json` ships with the project, `manage.py
train_confidence` stores retrained ones in the database): per type, the features it
reads with their means and scales, a coefficient each, an intercept, and words for
each feature. Scoring is a dot product; nothing here needs scikit-learn.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL_PATH = Path(__file__).with_name("default_model.json")
RECORD_TYPES = ("person", "organization", "meeting", "agreement")


@dataclass(frozen=True)
class TypeModel:
    """Logistic regression over standardized features: p = 1 / (1 + exp(-(b + sum w (x - mean) / scale)))."""

    features: tuple[str, ...]
    coefficients: tuple[float, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    intercept: float
    labels: dict[str, tuple[str, str]]  # feature -> (words when low, words when high)

    @classmethod
    def from_dict(cls, data: dict) -> TypeModel:
        return cls(tuple(data["features"]), tuple(data["coefficients"]), tuple(data["means"]),
                   tuple(data["scales"]), float(data["intercept"]),
                   {name: tuple(words) for name, words in data.get("labels", {}).items()})

    def contributions(self, features: dict[str, float]) -> list[tuple[str, float]]:
        """Each feature's push on the log-odds, against an average record of the training set."""
        return [(name, weight * (features.get(name, mean) - mean) / scale)
                for name, weight, mean, scale in zip(self.features, self.coefficients, self.means, self.scales)]

    def probability(self, features: dict[str, float]) -> float:
        logit = self.intercept + sum(push for _, push in self.contributions(features))
        return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit)))), 4)

    def lowering(self, features: dict[str, float], limit: int = 3, least: float = 0.1) -> list[str]:
        """In words, the features that lowered this record's confidence most, strongest first."""
        pushes = sorted((push, name) for name, push in self.contributions(features) if push <= -least)
        return [self.describe(name, features.get(name, 0.0)) for _, name in pushes[:limit]]

    def describe(self, name: str, value: float) -> str:
        low, high = self.labels.get(name, (f"low {name}", f"high {name}"))
        mean = self.means[self.features.index(name)]
        return low if value < mean else high


@dataclass(frozen=True)
class ConfidenceModel:
    """One `TypeModel` per record type, with where it came from and how well it did."""

    types: dict[str, TypeModel]
    source: str = ""
    metrics: dict | None = None

    @classmethod
    def from_dict(cls, data: dict) -> ConfidenceModel:
        return cls({kind: TypeModel.from_dict(model) for kind, model in data["types"].items()},
                   data.get("source", ""), data.get("metrics"))

    def probability(self, kind: str, features: dict[str, float]) -> float | None:
        model = self.types.get(kind)
        return model.probability(features) if model and features else None

    def lowering(self, kind: str, features: dict[str, float]) -> list[str]:
        model = self.types.get(kind)
        return model.lowering(features) if model and features else []


def load_default() -> ConfidenceModel:
    return ConfidenceModel.from_dict(json.loads(DEFAULT_MODEL_PATH.read_text(encoding="utf-8")))
