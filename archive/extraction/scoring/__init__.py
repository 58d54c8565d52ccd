"""Confidence of extracted records: features (`features`) and a model over them (`model`).

`score_article` gives every record of an article its features and its confidence under
the model in use. The model in use is the shipped default until ingest sets the
archive's active one with `using_model` (before worker processes fork, so they use it too).
"""

from __future__ import annotations

import contextlib
import functools

from ..records import ExtractedArticle
from .features import article_features
from .model import ConfidenceModel, load_default

_in_use: ConfidenceModel | None = None


@functools.cache
def default_model() -> ConfidenceModel:
    return load_default()


@contextlib.contextmanager
def using_model(model: ConfidenceModel | None):
    """Score with `model` (None: the default) inside the block; worker processes forked in it too."""
    global _in_use
    previous, _in_use = _in_use, model
    try:
        yield
    finally:
        _in_use = previous


def model_in_use() -> ConfidenceModel:
    return _in_use or default_model()


def records_by_type(article: ExtractedArticle) -> dict[str, list]:
    return {"person": article.people, "organization": article.organizations,
            "meeting": article.meetings, "agreement": article.agreements}


def score_article(article: ExtractedArticle) -> None:
    """Set `features` and the confidence (`scored`) of every record of the article."""
    model = model_in_use()
    features = article_features(article)
    for kind, records in records_by_type(article).items():
        for record, values in zip(records, features[kind]):
            record.features = values
            record.scored = model.probability(kind, values)
