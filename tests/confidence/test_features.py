"""Features of extracted records (no database): what the extractor knew, in numbers."""

from archive.extraction.pipeline import extract_text
from archive.extraction.scoring import default_model
from archive.extraction.scoring.features import LABELS, MODEL_FEATURES

STORY = """Ministers agree on rail link
TASHKENT, March 3, 2025 - Foreign Minister Aibek Nurlanov met Sardor Umarov in Tashkent on Monday.
Nurlanov said the two countries would sign a transport agreement in April.
The Ministry of Transport said talks would continue.
"""


def people_by_name(article):
    return {p.name: p for p in article.people}


def test_each_record_gets_its_features_and_a_confidence_from_the_model():
    article, = extract_text(STORY, "story.txt")
    for record in [*article.people, *article.organizations, *article.meetings, *article.agreements]:
        assert record.features and all(isinstance(v, float) for v in record.features.values())
        assert 0.0 < record.confidence < 1.0
    people = people_by_name(article)
    titled, bare = people["Aibek Nurlanov"], people["Sardor Umarov"]
    assert titled.features["has_title"] == 1.0 and bare.features["has_title"] == 0.0
    assert titled.features["sentences"] > bare.features["sentences"]
    assert titled.confidence > bare.confidence


def test_every_feature_a_model_reads_has_words_for_the_record_page():
    for kind, names in MODEL_FEATURES.items():
        assert set(names) <= set(default_model().types[kind].features)
        for name in names:
            low, high = LABELS[name]
            assert low and high and low != high
