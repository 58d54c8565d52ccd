"""Features of extracted records (no database): what the extractor knew, in numbers."""

import datetime

from archive.extraction.pipeline import extract_text
from archive.extraction.records import (
    Evidence, ExtractedAgreement, ExtractedArticle, ExtractedMeeting, ExtractedOrganization, ExtractedPerson, FuzzyDate,
)
from archive.extraction.scoring import default_model
from archive.extraction.scoring.features import (
    LABELS, MODEL_FEATURES, agreement_features, meeting_features, organization_features,
)

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
    # A type's model reads its candidates (MODEL_FEATURES) less those whose weight went against their meaning.
    for kind, names in MODEL_FEATURES.items():
        read = default_model().types[kind].features
        assert read and set(read) <= set(names)
        for name in names:
            low, high = LABELS[name]
            assert low and high and low != high


WATER_STORY = """Ministers sign water accords in Dushanbe
DUSHANBE, May 12, 2025 - Foreign Minister Aibek Nurlanov of Kyrgyzstan met Rustam Saidov, Deputy Head of the Supreme Council, in Dushanbe on Monday.
Kyrgyzstan and Tajikistan signed an Agreement on Water Sharing in Dushanbe on May 12, 2025.
The ministries signed a Memorandum on Fisheries Research.
Officials also praised the Joint Action Programme drawn up by the ministries.
The Tajik Ministry of Energy and Water Resources said the two sides would sign a transit agreement next year.
"""


def water_story():
    article, = extract_text(WATER_STORY, "water.txt")
    return article


def by_start(records, words: str):
    return next(r for r in records if getattr(r, "name", None) == words or getattr(r, "title", "").startswith(words))


def test_a_generic_body_named_only_in_someones_title_scores_below_a_named_ministry():
    article = water_story()
    post = by_start(article.organizations, "Supreme Council")
    ministry = by_start(article.organizations, "Tajik Ministry of Energy and Water Resources")
    assert post.features["generic_post"] == 1.0 and post.features["after_a_title"] == 1.0
    assert ministry.features["generic_post"] == 0.0 and ministry.features["generic_name"] == 0.0
    assert post.confidence < ministry.confidence


def test_a_document_taken_for_an_organization_is_marked_by_its_head_word():
    article = water_story()
    assert by_start(article.organizations, "Joint Action Programme").features["document_head"] == 1.0
    assert by_start(article.organizations, "Tajik Ministry of Energy and Water Resources").features["document_head"] == 0.0


def test_a_signed_agreement_without_the_date_the_story_gives_its_others_scores_lower():
    article = water_story()
    dated = by_start(article.agreements, "Agreement on Water Sharing")
    undated = by_start(article.agreements, "Memorandum on Fisheries Research")
    assert dated.features["date_in_sentences"] == 1.0 and dated.features["undated_among_dated"] == 0.0
    assert dated.features["parties_in_sentences"] == 1.0  # "Kyrgyzstan and Tajikistan signed"
    assert undated.features["undated_among_dated"] == 1.0 and undated.features["parties_in_sentences"] == 0.0
    assert undated.confidence < dated.confidence


def test_a_hope_is_a_hedge_and_the_month_of_may_is_not():
    article = water_story()
    assert by_start(article.agreements, "Transit agreement").features["hedged"] == 1.0  # "would sign"
    assert by_start(article.agreements, "Agreement on Water Sharing").features["hedged"] == 0.0  # "on May 12"


def evidence_of(body: str, name: str) -> Evidence:
    start = body.index(name)
    return Evidence(sentence=body, sentence_start=0, sentence_end=len(body), start=start, end=start + len(name))


def runs_on(body: str, name: str) -> float:
    org = ExtractedOrganization(name=name, type="government", evidence=[evidence_of(body, name)])
    return organization_features(org, body, [])["name_runs_on"]


def test_a_name_cut_short_in_the_text_is_told_from_one_that_stands_whole():
    assert runs_on("Experts of the Aral\u2013Caspian Joint Secretariat met.", "Caspian Joint Secretariat") == 1.0
    assert runs_on("They met at the Directorate for the Building of a Dam.", "Directorate for the Building") == 1.0
    assert runs_on("The Joint Secretariat met on Tuesday.", "Joint Secretariat") == 0.0  # "The", "on Tuesday"
    assert runs_on("He spoke to the Chamber of Kyrgyzstan on Monday.", "Chamber") == 0.0  # its country follows


def agreement_in_story(title: str, kind: str) -> dict:
    body = f"The two countries signed the {title} last week."
    agreement = ExtractedAgreement(title=title, kind=kind, status="signed", evidence=[evidence_of(body, title)])
    article = ExtractedArticle(source_name="a.txt", position=0, title="", body=body, agreements=[agreement])
    return agreement_features(agreement, article)


def test_a_kind_other_than_the_title_names_and_a_title_of_several_kinds_are_marked():
    assert agreement_in_story("Agreement on Green Energy", "other")["kind_differs_from_title"] == 1.0
    assert agreement_in_story("Agreement on Green Energy", "agreement")["kind_differs_from_title"] == 0.0
    several = agreement_in_story("Agreements and memoranda of understanding on trade", "agreement")
    assert several["several_kinds_in_title"] == 1.0 and several["kind_differs_from_title"] == 0.0
    assert agreement_in_story("Agreement on Green Energy", "agreement")["several_kinds_in_title"] == 0.0


def test_the_words_of_a_name_are_the_same_however_often_they_are_asked_for():
    from archive.extraction.scoring.features import words

    first = words("Ministry of Foreign Affairs of the Kyrgyz Republic")
    assert first == {"ministry", "foreign", "affairs", "kyrgyz", "republic"}
    assert words("Ministry of Foreign Affairs of the Kyrgyz Republic") == first and words(None) == frozenset()


def test_no_weight_of_the_shipped_model_goes_against_what_its_feature_means():
    from archive.extraction.scoring.features import EXPECTED_SIGN

    for kind, model in default_model().types.items():
        for name, weight in zip(model.features, model.coefficients):
            assert weight * EXPECTED_SIGN.get(name, 0) >= 0, (kind, name, weight)


def meeting_in_story(sentence: str, participants: dict[str, str | None], location: str | None,
                     date: FuzzyDate | None = None, dateline: str | None = None) -> dict:
    people = [ExtractedPerson(name=name, country=country) for name, country in participants.items()]
    meeting = ExtractedMeeting(participants=list(participants), location=location, date=date,
                               evidence=[evidence_of(sentence, next(iter(participants)))])
    article = ExtractedArticle(source_name="m.txt", position=0, title="", body=sentence, dateline=dateline,
                               people=people, meetings=[meeting])
    return meeting_features(meeting, article)


def test_a_meeting_of_two_countries_whose_place_and_date_are_written_beside_it_is_told_apart():
    written = meeting_in_story("Ilvar Tokbaev met Rasul Nazarzoda in Dushanbe on May 12.",
                               {"Ilvar Tokbaev": "Kyrgyzstan", "Rasul Nazarzoda": "Tajikistan"}, "Dushanbe",
                               FuzzyDate(datetime.date(2025, 5, 12), text="May 12"))
    assert written["sides_of_two_countries"] == 1.0 and written["place_in_sentences"] == 1.0
    assert written["date_in_sentences"] == 1.0 and written["other_city_in_sentences"] == 0.0
    # the place only from the dateline, another city in the sentence, both sides of one country
    elsewhere = meeting_in_story("Rasul Nazarzoda met Davron Sharipov, recalling his visit to Bishkek in July.",
                                 {"Rasul Nazarzoda": "Tajikistan", "Davron Sharipov": "Tajikistan"}, "Dushanbe",
                                 dateline="DUSHANBE")
    assert elsewhere["sides_of_two_countries"] == 0.0 and elsewhere["place_in_sentences"] == 0.0
    assert elsewhere["other_city_in_sentences"] == 1.0 and elsewhere["date_in_sentences"] == 0.0


def test_a_city_that_is_part_of_the_meetings_place_is_not_another_city():
    whole = meeting_in_story("Ilvar Tokbaev arrived in New Delhi for talks.", {"Ilvar Tokbaev": "Kyrgyzstan"}, "Delhi")
    assert whole["other_city_in_sentences"] == 0.0


def test_an_agreement_title_that_is_a_piece_of_its_sentence_is_marked():
    plain = agreement_in_story("Agreement on Water Sharing", "agreement")
    assert plain["pronoun_in_title"] == 0.0 and plain["verb_in_title"] == 0.0
    assert plain["signing_verb_in_sentences"] == 1.0  # "The two countries signed the ..."
    assert agreement_in_story("Agreement between the grid operators on its founding", "agreement")["pronoun_in_title"] == 1.0
    assert agreement_in_story("Agreement on IT Cooperation", "agreement")["pronoun_in_title"] == 0.0
    assert agreement_in_story("Trilateral agreement signed at the forum", "agreement")["verb_in_title"] == 1.0


def agreement_of(sentence: str, title: str, parties: list[str]) -> dict:
    agreement = ExtractedAgreement(title=title, kind="agreement", status="signed", parties=parties,
                                   evidence=[evidence_of(sentence, title)])
    article = ExtractedArticle(source_name="a.txt", position=0, title="", body=sentence, agreements=[agreement])
    return agreement_features(agreement, article)


def test_an_agreement_whose_sentence_names_more_countries_than_its_parties_is_marked():
    sentence = "Kyrgyzstan, Tajikistan and Uzbekistan discussed the Water Accord, which the Kyrgyz side welcomed."
    two = agreement_of(sentence, "Water Accord", ["Kyrgyzstan", "Tajikistan"])
    three = agreement_of(sentence, "Water Accord", ["Kyrgyzstan", "Tajikistan", "Uzbekistan"])
    assert two["countries_beyond_parties"] == 1.0 and three["countries_beyond_parties"] == 0.0
    assert two["signing_verb_in_sentences"] == 0.0  # "discussed"
    bodies = agreement_of(sentence, "Water Accord", ["Kyrgyzstan", "Ministry of Energy"])
    assert bodies["parties_are_countries"] == 0.5 and three["parties_are_countries"] == 1.0


def test_a_common_words_name_met_only_in_a_title_is_marked_even_when_the_lexicon_knows_it():
    body = "Deputy Secretary of the Security Council Rustam Saidov arrived on Monday."
    org = ExtractedOrganization(name="Security Council", type="international",
                                evidence=[evidence_of(body, "Security Council")])
    features = organization_features(org, body, [])
    assert features["known_body"] == 1.0 and features["generic_post"] == 0.0
    assert features["plain_name_post"] == 1.0
    ministry = "The Ministry of Energy of Kyrgyzstan said so."
    own = ExtractedOrganization(name="Ministry of Energy of Kyrgyzstan", type="government",
                                evidence=[evidence_of(ministry, "Ministry of Energy of Kyrgyzstan")])
    assert organization_features(own, ministry, [])["plain_name_post"] == 0.0
