"""The events stage's mention index finds the same spans as `mentions`, without a regex per name."""

from pathlib import Path

import pytest

from archive.extraction.event_mentions import EventMentions, find_spans
from archive.extraction.mentions import ArticleMentions, _spans_of
from archive.extraction.pipeline import extract_file

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
def test_spans_are_those_of_the_regex_search(forms, ignore_case):
    assert sorted(find_spans(TEXT, forms, ignore_case)) == sorted(_spans_of(TEXT, forms, ignore_case))


def test_the_index_over_the_sample_articles_is_the_same():
    for path in sorted(Path("seeds").iterdir()):
        for art in extract_file(path.read_bytes(), path.name):
            fast, slow = EventMentions.build(art), ArticleMentions.build(art)
            assert (fast.persons, fast.orgs, fast.countries) == (slow.persons, slow.orgs, slow.countries)
