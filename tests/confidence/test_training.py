"""Fitting confidence models (no database): the regularization is chosen from the training records alone."""

import numpy as np

from archive.extraction.scoring import training
from archive.extraction.scoring.features import LABELS
from archive.extraction.scoring.training import Examples


def examples(feature, labels) -> Examples:
    return Examples([{"signal": float(v)} for v in feature], list(labels), [f"file{i % 8}" for i in range(len(labels))])


def test_a_feature_that_tells_right_from_wrong_gets_weak_regularization_and_noise_strong():
    rng = np.random.default_rng(0)
    labels = np.array([1, 0] * 40)
    telling = labels + rng.normal(0, 0.3, len(labels))
    noise = rng.normal(0, 1, len(labels))
    groups = np.array([f"file{i % 8}" for i in range(len(labels))])
    strong_signal = training.choose_regularization(telling.reshape(-1, 1), labels, groups)
    no_signal = training.choose_regularization(noise.reshape(-1, 1), labels, groups)
    assert strong_signal > no_signal
    assert no_signal <= 0.1 <= strong_signal


def test_cross_validation_by_file_ranks_by_a_telling_feature_and_stays_calibrated():
    rng = np.random.default_rng(1)
    labels = rng.integers(0, 2, 120)
    feature = labels + rng.normal(0, 0.5, len(labels))
    y, p = training.out_of_fold("test", examples(feature, labels), names=["signal"])
    figures = training.figures(y, p)
    assert figures["auc"] > 0.85 and figures["ece"] < 0.1
    y, p = training.out_of_fold("test", examples(rng.normal(0, 1, len(labels)), labels), names=["signal"])
    assert training.figures(y, p)["auc"] < 0.7


def test_the_fitted_model_records_the_regularization_it_chose():
    rng = np.random.default_rng(2)
    labels = rng.integers(0, 2, 60)
    rows = examples(labels + rng.normal(0, 0.5, len(labels)), labels)
    model = training.fit_examples("test", rows)
    assert model["features"] == ["signal"] and model["regularization"] in training.REGULARIZATION_GRID
    assert model["coefficients"][0] > 0


def test_a_feature_whose_weight_goes_against_its_meaning_is_left_out_of_the_model():
    # "has_title" should raise confidence; here the records with a title are the wrong ones.
    rng = np.random.default_rng(3)
    labels = rng.integers(0, 2, 80)
    cue = labels + rng.normal(0, 0.5, len(labels))
    title = 1 - labels
    rows = Examples([{"cue_best": float(c), "has_title": float(t)} for c, t in zip(cue, title)], list(labels),
                    [f"file{i % 8}" for i in range(len(labels))])
    model, kept = training.fit_with_meaning(rows.matrix(["cue_best", "has_title"]), labels, ["cue_best", "has_title"])
    assert model["features"] == ["cue_best"] and kept == [0] and model["coefficients"][0] > 0


def test_a_feature_with_no_stated_meaning_keeps_its_weight_whichever_way_it_goes():
    labels = np.array([1, 0] * 30)
    x = np.column_stack([1 - labels + np.linspace(0, 0.1, len(labels))])
    model, kept = training.fit_with_meaning(x, labels, ["participants"])
    assert model["features"] == ["participants"] and model["coefficients"][0] < 0


def test_every_feature_given_a_meaning_is_a_feature_with_words():
    from archive.extraction.scoring.features import EXPECTED_SIGN

    assert set(EXPECTED_SIGN) <= set(LABELS) and set(EXPECTED_SIGN.values()) <= {1, -1}
