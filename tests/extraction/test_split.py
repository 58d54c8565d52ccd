from pathlib import Path

from archive.extraction.layout.clean import clean_text
from archive.extraction.layout.decode import decode_bytes
from archive.extraction.layout.split import split_stories

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

TWO_STORIES = """Kenya and Ghana agree to double trade

Ministers meet in Nairobi on June 2, 2023. (AFP)
Short Url
Updated 02 June 2023
Follow

Kenya and Ghana agree to double trade

  • Deal targets agriculture

NAIROBI: Kenya and Ghana agreed on Friday to double bilateral trade.

Officials said talks would continue.


Floods hit northern Chile after heavy rain

Updated 3 min ago
Follow

Floods hit northern Chile after heavy rain

SANTIAGO: Heavy rain flooded several towns on Sunday.
"""


def _seed(prefix: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return clean_text(decode_bytes(path.read_bytes()))


def test_it_splits_an_appended_story_after_its_layout_block():
    stories = split_stories(TWO_STORIES)
    assert len(stories) == 2
    assert stories[0].startswith("Kenya and Ghana agree")
    assert stories[1].startswith("Floods hit northern Chile")
    assert "Officials said talks would continue." in stories[0]


def test_it_splits_on_a_timestamp_even_when_the_headline_is_not_repeated():
    text = "First story headline here\n\nBody one ends here.\n\nSecond story headline here\nUpdated 1 min ago\n\nBody two."
    assert [s.split("\n")[0] for s in split_stories(text)] == ["First story headline here", "Second story headline here"]


def test_it_keeps_a_single_story_whole():
    text = "Kenya and Ghana agree to double trade\n\nNAIROBI: Kenya and Ghana agreed.\nA subhead in the middle\nMore body."
    assert split_stories(text) == [text]


def test_it_keeps_leading_furniture_with_the_first_story():
    text = "Join our Whatsapp channel\nNAIROBI: Kenya and Ghana agreed.\nKenya, Ghana agree on trade\nMore body."
    assert split_stories(text) == [text]


def test_it_does_not_split_at_a_repeated_quote_in_the_body():
    text = "Headline about a summit\n\nBody.\n\n“We will win”\n\nHe repeated:\n\n“We will win”\n\nEnd."
    assert len(split_stories(text)) == 1


def test_it_finds_two_stories_in_sample_files_with_an_appended_story():
    assert len(split_stories(_seed("000"))) == 2
    assert len(split_stories(_seed("003"))) == 2


def test_it_finds_one_story_in_the_other_sample_files():
    for prefix in ("001", "002", "004"):
        assert len(split_stories(_seed(prefix))) == 1
