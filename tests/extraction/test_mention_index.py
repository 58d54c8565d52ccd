"""The mention index's bisection gives what a scan of every mention gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from archive.extraction.events.mentions import Mention, _keep_longest, _within

spans = st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)), max_size=60)


def mentions_of(pairs):
    return [Mention(start, start + length, f"m{i}", "person") for i, (start, length) in enumerate(pairs)]


def longest_by_scanning(mentions):
    kept = []
    for m in sorted(mentions, key=lambda x: (-(x.end - x.start), x.start)):
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda x: x.start)


@settings(max_examples=200, deadline=None)
@given(spans)
def test_the_longest_of_overlapping_mentions_are_kept_in_text_order(pairs):
    mentions = mentions_of(pairs)
    assert _keep_longest(mentions) == longest_by_scanning(mentions)


@settings(max_examples=200, deadline=None)
@given(spans, st.integers(0, 340), st.integers(0, 340))
def test_the_mentions_inside_a_stretch_are_those_a_scan_finds(pairs, start, end):
    kept = _keep_longest(mentions_of(pairs))
    assert _within(kept, start, end) == [m for m in kept if start <= m.start and m.end <= end]


def test_a_mention_that_overlaps_a_kept_one_is_dropped_for_the_longer():
    short, long_ = Mention(5, 10, "Tursun", "person"), Mention(0, 10, "Arman Tursun", "person")
    assert _keep_longest([short, long_]) == [long_]
