"""Confidence learned from curators' decisions: stored features, retraining, the queue order it gives."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.html import escape

from archive.curation.confidence import confidence_explained, model_in_force
from archive.curation.queue import QueueFilters, review_queue
from archive.curation.review import record_reject, record_verify
from archive.extraction.scoring import default_model
from archive.extraction.scoring.model import ConfidenceModel
from archive.ingest import ingest_paths
from archive.models import Person, ReviewStatus, TrainedConfidenceModel
from tests import factories

pytestmark = pytest.mark.django_db

STORY = """Ministers agree on rail link
By Staff Reporter
TASHKENT, March 3, 2025 - Foreign Minister Aibek Nurlanov met Prime Minister Sardor Umarov in Tashkent
on Monday. Mr Nurlanov said the two countries would sign a transport agreement in April.
"""


def person_features(**changes) -> dict:
    """An average person of the shipped model's training set, with `changes`."""
    model = default_model().types["person"]
    return {**dict(zip(model.features, model.means)), **changes}


def contrary_feature() -> tuple[str, float, float]:
    """The person feature the shipped model leans on most, with the value it likes and the one it does not."""
    model = default_model().types["person"]
    name, weight, scale = max(zip(model.features, model.coefficients, model.scales), key=lambda f: abs(f[1]))
    mean = model.means[model.features.index(name)]
    liked, disliked = (mean + scale, mean - scale) if weight > 0 else (mean - scale, mean + scale)
    return name, liked, disliked


def decided(count: int, status: str, **features) -> list[Person]:
    user = factories.UserFactory()
    people = [factories.PersonFactory(features=person_features(**features)) for _ in range(count)]
    for person in people:
        if status == ReviewStatus.VERIFIED:
            record_verify(record=person, user=user)
        else:
            record_reject(record=person, user=user, reason="wrong")
    return people


def unreviewed(**features) -> Person:
    values = person_features(**features)
    return factories.PersonFactory(features=values, confidence=model_in_force().probability("person", values))


def queue_order() -> list[int]:
    return [item.record.pk for item in review_queue(filters=QueueFilters(types=("person",))).items]


def train(minimum: int = 5) -> str:
    out = StringIO()
    call_command("train_confidence", minimum=minimum, stdout=out)
    return out.getvalue()


def test_ingest_stores_each_records_features_and_scores_them_with_the_model(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    ingest_paths([tmp_path])
    people = list(Person.objects.all())
    assert people
    for person in people:
        assert person.features["has_title"] == 1.0
        assert person.confidence == default_model().probability("person", person.features)


def test_training_on_decisions_that_contradict_the_model_turns_the_queue_order_round():
    name, liked, disliked = contrary_feature()
    decided(8, ReviewStatus.VERIFIED, **{name: disliked})  # the curators find these right...
    decided(8, ReviewStatus.REJECTED, **{name: liked})  # ...and these wrong
    favoured, doubted = unreviewed(**{name: liked}), unreviewed(**{name: disliked})
    assert queue_order() == [doubted.pk, favoured.pk]  # the shipped model puts `doubted` first

    out = train()

    assert "person: 8 verified, 8 rejected: AUC" in out and "new model in use" in out
    assert "organization: 0 verified, 0 rejected: too few decisions" in out
    assert queue_order() == [favoured.pk, doubted.pk]  # now as the decisions say
    active = TrainedConfidenceModel.objects.active()
    assert active.metrics["person"]["auc"] is not None
    assert set(active.coefficients) == set(default_model().types)  # the other types keep their models
    favoured.refresh_from_db()
    assert favoured.confidence == model_in_force().probability("person", favoured.features)


def test_too_few_decisions_are_refused_and_nothing_is_rescored():
    decided(2, ReviewStatus.VERIFIED)
    decided(1, ReviewStatus.REJECTED)
    waiting = unreviewed()
    before = Person.objects.get(pk=waiting.pk).confidence

    out = train(minimum=5)

    assert "person: 2 verified, 1 rejected: too few decisions to learn from (need 5 verified and 5 rejected)" in out
    assert "the previous model stays in use" in out
    assert not TrainedConfidenceModel.objects.exists()
    assert Person.objects.get(pk=waiting.pk).confidence == before


def test_a_new_model_no_better_than_the_one_in_use_is_not_kept():
    name, liked, disliked = contrary_feature()
    decided(8, ReviewStatus.VERIFIED, **{name: disliked})
    decided(8, ReviewStatus.REJECTED, **{name: liked})
    train()
    first = TrainedConfidenceModel.objects.active()

    out = train()  # the same decisions: the model in use already separates them perfectly

    assert "kept the previous model" in out
    assert TrainedConfidenceModel.objects.active() == first
    assert TrainedConfidenceModel.objects.count() == 1


def test_verified_and_rejected_records_keep_their_confidence_when_the_queue_is_rescored():
    name, liked, disliked = contrary_feature()
    right = decided(8, ReviewStatus.VERIFIED, **{name: disliked})
    decided(8, ReviewStatus.REJECTED, **{name: liked})
    before = Person.objects.get(pk=right[0].pk).confidence
    train()
    assert Person.objects.get(pk=right[0].pk).confidence == before


def test_the_explanation_names_what_lowered_the_confidence_in_words():
    model = ConfidenceModel.from_dict({"types": {"person": {
        "features": ["has_title", "sentences"], "coefficients": [1.5, 0.8], "means": [0.5, 0.7],
        "scales": [0.5, 0.4], "intercept": 1.0,
        "labels": {"has_title": ["no title beside the name", "a title beside the name"],
                   "sentences": ["appears in few sentences", "appears in many sentences"]}}}})
    person = factories.PersonFactory(features={"has_title": 0.0, "sentences": 0.0})
    assert confidence_explained(person, model) == "no title beside the name; appears in few sentences"
    person.features = {"has_title": 1.0, "sentences": 1.4}
    assert confidence_explained(person, model) == ""


def test_the_record_page_shows_the_confidence_and_what_lowered_it(client):
    client.force_login(factories.curator())
    person = factories.PersonFactory(features=person_features(has_title=0.0, one_sentence=1.0))
    expected = confidence_explained(person)
    assert expected
    page = client.get(f"/admin/archive/person/{person.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Lowered by" in html and escape(expected) in html


def constant_model(probability: float) -> dict:
    """A person model that gives every person `probability`, whatever its features."""
    import math

    return {"person": {"features": ["has_title"], "coefficients": [0.0], "means": [0.0], "scales": [1.0],
                       "intercept": math.log(probability / (1 - probability)), "labels": {}}}


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_and_its_worker_processes_score_with_the_archives_active_model(tmp_path, workers):
    TrainedConfidenceModel.objects.create(coefficients=constant_model(0.3141), active=True)
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(STORY.replace("Nurlanov", f"Nurlanov{'ev' * i}"), encoding="utf-8")
    ingest_paths([tmp_path], workers=workers)
    assert set(Person.objects.values_list("confidence", flat=True)) == {0.3141}
