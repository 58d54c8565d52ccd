"""The entity tokenizer: offsets, possessives, prefixes, initials and line starts."""

from archive.extraction.entities.tokens import Doc, tokenize
from archive.extraction.layout.sentences import split_sentences


def test_tokens_keep_exact_offsets_and_split_possessives_and_prefixes():
    text = "Kazakhstan\u2019s non-NATO ally, the U.S., paid $1,200.50 to Kassym-Jomart (AFP)."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["Kazakhstan", "non", "NATO", "ally", ",", "the", "U.S.", ",", "paid", "$",
                                        "1,200.50", "to", "Kassym-Jomart", "(", "AFP", ")", "."]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert tokens[0].possessive and tokens[0].country == "Kazakhstan"
    assert [t.i for t in tokens] == list(range(len(tokens)))


def test_a_word_after_a_line_break_or_a_sentence_start_is_sentence_initial():
    body = "Talks ended.\n\nOfficials said so. Trade grew in (Almaty)\nToday it fell."
    doc = Doc(body, split_sentences(body))
    initial = [t.text for t in doc.tokens if t.sentence_initial]
    assert initial == ["Talks", "Officials", "Trade", "Today"]
    assert [t.text for t in doc.caps] == ["Talks", "Officials", "Trade", "Almaty", "Today"]


def test_a_line_that_ends_in_a_comma_or_holds_a_semicolon_is_not_a_headline():
    from archive.extraction.entities.tokens import Doc
    from archive.extraction.layout.sentences import split_sentences

    body = ("Taking part were\n\nSpeaker of the Grand Kurultai Of Kyrgyzstan; Rustam Qodirov, Chairman Of The "
            "Senate;\n\nand others.\n\nTashkent Hosts Regional Speakers Forum")
    doc = Doc(body, split_sentences(body))
    flagged = {t.text for t in doc.tokens if t.headline}
    assert "Qodirov" not in flagged and "Hosts" in flagged


def test_an_en_dash_joining_two_names_is_read_as_a_hyphen():
    from .entity_helpers import entities

    body = ("ASTANA: A permanent China\u2013Central Asia Secretariat was set up last year. "
            "President Kassym\u2013Jomart Tokayev spoke. Trade rose in 2019\u20132024.")
    people, orgs = entities(body, "ASTANA")
    assert [(o.name, o.type) for o in orgs] == [("China-Central Asia Secretariat", "international")]
    assert [p.name for p in people] == ["Kassym-Jomart Tokayev"]
