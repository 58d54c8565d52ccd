"""The mention index finds the spans a regex per name form would, without compiling one per name."""

from pathlib import Path

import pytest

from archive.extraction.events import mentions
from archive.extraction.events.mentions import ArticleMentions, _regex_spans, _spans_of
from archive.extraction.pipeline import extract_file

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

TEXT = ("Mr Kassym-Jomart Tokayev met Kassym Jomart Tokayev\u2019s aide; TOKAYEV-era rules; Tokayevs; "
        "Abu Dhabi Fund for Development and abu dhabi fund FOR development; Ali  Khan, Ali\nKhan, Ali-Khan, "
        "Alikhan; O'Neill and O\u2019Neill. \u0130stanbul Ali Khan")


@pytest.mark.parametrize("forms,ignore_case", [
    ({"Kassym-Jomart Tokayev", "Tokayev"}, False),
    ({"Abu Dhabi Fund for Development"}, True),
    ({"Ali Khan", "Khan"}, False),
    ({"O'Neill", "O\u2019Neill"}, False),
    ({"tokayev"}, True),
    ({"A", ""}, False),
])
@pytest.mark.parametrize("text", [TEXT, TEXT.replace("\u0130", "I")])  # lower-casing changes offsets, or not
def test_spans_are_those_of_the_regex_search(text, forms, ignore_case):
    assert sorted(_spans_of(text, forms, ignore_case)) == sorted(_regex_spans(text, forms, ignore_case))


def test_the_index_over_the_sample_articles_is_that_of_the_regex_search(monkeypatch):
    articles = [art for path in sorted(SEEDS.iterdir()) for art in extract_file(path.read_bytes(), path.name)]

    def indexes():
        return [(m.persons, m.orgs, m.countries) for m in map(ArticleMentions.build, articles)]

    fast = indexes()
    assert len(fast) >= 5 and any(persons for persons, _, _ in fast)
    monkeypatch.setattr(mentions, "_spans_of", _regex_spans)
    assert indexes() == fast
