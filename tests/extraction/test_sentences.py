
from archive.extraction.layout.sentences import split_sentences


def _texts(body):
    sentences = split_sentences(body)
    for s in sentences:
        assert body[s.start:s.end] == s.text
    return [s.text for s in sentences]


def test_it_gives_exact_offsets_into_the_body():
    body = "NAIROBI: Kenya agreed.  Ghana agreed too!\n\nWill they? Yes."
    assert _texts(body) == ["NAIROBI: Kenya agreed.", "Ghana agreed too!", "Will they?", "Yes."]


def test_it_treats_paragraph_breaks_as_hard_boundaries():
    assert _texts("A headline-like line without a stop\n\nThe body starts here.") == [
        "A headline-like line without a stop", "The body starts here."]


def test_it_does_not_split_after_titles_and_initials():
    body = "Mr. Smith met Dr. Jones and Lt. Gen. Okafor. John F. Kennedy was quoted."
    assert _texts(body) == ["Mr. Smith met Dr. Jones and Lt. Gen. Okafor.", "John F. Kennedy was quoted."]


def test_it_does_not_split_after_abbreviations_before_numbers_or_lowercase():
    body = "They met at No. 10 in Jan. last year. It went well."
    assert _texts(body) == ["They met at No. 10 in Jan. last year.", "It went well."]


def test_it_does_not_split_inside_acronyms_with_periods():
    assert _texts("The U.S. envoy met the U.N. chief. Talks ended.") == [
        "The U.S. envoy met the U.N. chief.", "Talks ended."]


def test_it_keeps_closing_quotes_with_their_sentence():
    assert _texts("He said: “It is done.” Then he left.") == ["He said: “It is done.”", "Then he left."]


def test_it_still_splits_after_a_sentence_ending_in_a_single_capital():
    assert _texts("They met at point A. Then they left.") == ["They met at point A.", "Then they left."]


def test_it_returns_nothing_for_an_empty_body():
    assert split_sentences("") == [] and split_sentences("\n\n") == []


def test_it_splits_a_long_repeated_body_into_every_sentence_with_exact_offsets():
    body = "\n\n".join(["Mr. Okafor met the minister on Tuesday. They discussed trade and transit routes."] * 15)
    found = split_sentences(body)
    assert len(found) == 30
    assert all(body[s.start:s.end] == s.text for s in found)
    assert found[0].text == "Mr. Okafor met the minister on Tuesday."
