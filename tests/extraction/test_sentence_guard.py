"""The sentences stage's guard for text that is not prose: long lines, no full stops, huge bodies."""

import pytest

from archive.extraction.layout.sentences import MAX_BODY_CHARS, MAX_SENTENCE_CHARS, split_sentences
from archive.extraction.records import InputError

CLAUSE = "the delegation discussed trade and transit routes with the ministry "


def test_a_line_longer_than_spacy_reads_at_once_is_split_with_exact_offsets():
    body = ("The ministers met in the capital on Monday. " * 3_000).strip()  # 132,000 characters, one line
    sentences = split_sentences(body)
    assert 3_000 <= len(sentences) <= 3_001  # at most one sentence cut where spaCy's piece ends
    assert all(body[s.start:s.end] == s.text for s in sentences)


def test_a_sentence_with_no_full_stop_is_cut_at_spaces_under_the_cap():
    body = CLAUSE * 200  # 13,600 characters and no sentence end
    sentences = split_sentences(body)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(body[s.start:s.end] == s.text for s in sentences)
    assert " ".join(s.text for s in sentences).split() == body.split()  # no word lost or cut


def test_ordinary_sentences_are_not_cut():
    body = "The talks ended. " + "A long but ordinary sentence, " * 20 + "ends here."
    assert [s.text for s in split_sentences(body)][0] == "The talks ended."
    assert len(split_sentences(body)) == 2


def test_a_body_past_the_limit_is_refused_with_its_length():
    with pytest.raises(InputError, match=r"story too long to extract \([\d,]+ characters, limit"):
        split_sentences("word " * (MAX_BODY_CHARS // 5 + 1))
