import datetime
import json
from pathlib import Path

import pytest

from archive.extraction.layout.clean import clean_text
from archive.extraction.layout.decode import decode_bytes
from archive.extraction.layout.metadata import read_metadata
from archive.extraction.layout.split import split_stories

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

STORY = """Kenya and Ghana agree to double trade

Ministers meet in Nairobi on June 2, 2023. (@mfa_kenya/X)
Short Url
Updated 02 June 2023
Follow

Kenya and Ghana agree to double trade

  • Deal targets agriculture and textiles

NAIROBI: Kenya and Ghana agreed on Friday to double bilateral trade.

Officials said talks would continue. –Agencies"""


def _seed_articles(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return [read_metadata(s) for s in split_stories(clean_text(decode_bytes(path.read_bytes())))]


def test_it_reads_the_title_once_and_keeps_it_out_of_the_body():
    meta = read_metadata(STORY)
    assert meta.title == "Kenya and Ghana agree to double trade"
    assert "double trade\n" not in meta.body and not meta.body.startswith("Kenya and Ghana agree")


def test_it_reads_the_publication_date_from_an_updated_line():
    assert read_metadata(STORY).published == datetime.date(2023, 6, 2)


def test_it_leaves_captions_bullets_and_furniture_out_of_the_body():
    meta = read_metadata(STORY)
    assert meta.body == ("NAIROBI: Kenya and Ghana agreed on Friday to double bilateral trade.\n\n"
                         "Officials said talks would continue.")
    assert meta.highlights == ["Deal targets agriculture and textiles"]


def test_it_reads_a_closing_agency_credit_as_the_byline():
    assert read_metadata(STORY).byline == "Agencies"


def test_it_reads_the_dateline():
    assert read_metadata(STORY).dateline == "NAIROBI"


def test_it_reads_dateline_city_and_outlet_from_a_wire_dateline():
    meta = read_metadata("Headline about ports\n\nBy Amina Yusuf\n\nMOMBASA, June 3 (Coast Wire): Cargo rose.")
    assert (meta.dateline, meta.outlet, meta.byline) == ("MOMBASA", "Coast Wire", "Amina Yusuf")
    assert meta.published is None  # a date without year is not a publication date
    assert meta.body == "MOMBASA, June 3 (Coast Wire): Cargo rose."


def test_it_reads_outlet_and_date_from_a_published_in_line():
    meta = read_metadata("Headline about ports\nNAIROBI: Cargo rose.\nPublished in The Herald, March 3rd, 2024")
    assert (meta.outlet, meta.published) == ("The Herald", datetime.date(2024, 3, 3))
    assert meta.body == "NAIROBI: Cargo rose."


def test_it_ignores_a_relative_timestamp():
    assert read_metadata("Headline about ports\nUpdated 9 sec ago\nFollow\n\nCargo rose.").published is None


def test_it_takes_a_headline_in_the_middle_when_the_story_starts_with_its_lede():
    story = "Join our Whatsapp channel\nNAIROBI: Kenya said on Monday it would act.\nKenya, Ghana agree on trade\nMore body."
    meta = read_metadata(story)
    assert meta.title == "Kenya, Ghana agree on trade"
    assert meta.body == "NAIROBI: Kenya said on Monday it would act.\n\nMore body."


def test_it_strips_quotes_wrapping_the_headline():
    assert read_metadata("‘Ports are the future’\n\nBody.").title == "Ports are the future"


def test_it_rejoins_hard_wrapped_lines_of_a_paragraph():
    meta = read_metadata("Headline about ports\n\nCargo rose sharply at the\nport this year, officials\nsaid.\n\nNext paragraph.")
    assert meta.body == "Cargo rose sharply at the port this year, officials said.\n\nNext paragraph."


def test_it_falls_back_to_the_first_sentence_when_there_is_no_headline():
    assert read_metadata("Cargo rose sharply this year. Officials were pleased.").title == "Cargo rose sharply this year."


def test_it_does_not_take_a_body_line_starting_with_by_for_a_byline():
    meta = read_metadata("Headline about ports\n\nBy contrast, imports fell.")
    assert meta.byline is None and meta.body == "By contrast, imports fell."


FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "seed_archive.json"


def _curated_metadata(prefix: str):
    """Title, outlet, date, dateline and byline of each story of one sample, as the curated snapshot has them."""
    rows = [r["fields"] for r in json.loads(FIXTURE.read_text()) if r["model"] == "archive.article"]
    stories = sorted((r for r in rows if r["source_name"].startswith(prefix)), key=lambda r: r["position"])
    return [(r["title"], r["outlet"] or None, datetime.date.fromisoformat(r["published"]) if r["published"] else None,
             r["dateline"] or None, r["byline"] or None) for r in stories]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_it_reads_the_metadata_of_the_sample_files_as_the_curated_snapshot_has_it(prefix):
    got = [(m.title, m.outlet, m.published, m.dateline, m.byline) for m in _seed_articles(prefix)]
    assert got == _curated_metadata(prefix)


def test_sample_bodies_hold_no_furniture():
    for prefix in ("000", "001", "002", "003", "004"):
        for meta in _seed_articles(prefix):
            assert "Follow\n" not in meta.body and "Updated" not in meta.body and "Whatsapp" not in meta.body
            assert "Published in" not in meta.body and "•" not in meta.body and "Agencies" not in meta.body
            assert "\n\n\n" not in meta.body and meta.body == meta.body.strip()


def test_it_takes_an_all_caps_headline_when_there_is_no_other():
    meta = read_metadata("KENYA, GHANA SIGN TRADE DEAL\n\nNAIROBI: The two countries signed a deal.")
    assert meta.title == "KENYA, GHANA SIGN TRADE DEAL"
    assert meta.body == "NAIROBI: The two countries signed a deal."


def test_it_prefers_the_headline_to_a_section_label_above_it():
    meta = read_metadata("MIDDLE EAST\nTalks resume in Doha on ceasefire\n\nDOHA: Talks resumed.")
    assert meta.title == "Talks resume in Doha on ceasefire"


def test_it_keeps_an_all_caps_subhead_inside_the_body():
    meta = read_metadata("Talks resume in Doha\n\nDOHA: Talks resumed.\n\nPORT PLANS\n\nPorts were discussed.")
    assert meta.body == "DOHA: Talks resumed.\n\nPORT PLANS\n\nPorts were discussed."


def test_the_text_stages_read_an_unseen_file_from_another_outlet():
    data = ("Kenya, Ghana sign trade pact\r\n\r\nShort Url\r\nUpdated 14 March 2024\r\nFollow\r\n\r\n"
            "Kenya, Ghana sign trade pact\r\n\r\n"
            "NAIROBI: Kenya\x92s trade minis-try said the Agree-ment, \x93a mil-estone\x94, was signed on Wednesday.\r\n\r\n"
            "Both govern--ments praised the deal. \x96AFP\r\n\r\n\r\n"
            "Storm closes ports in Chile\r\n\r\nUpdated 2 min ago\r\nFollow\r\n\r\n"
            "Storm closes ports in Chile\r\n\r\nSANTIAGO: Ports closed.").encode("latin-1")
    # written with the \\x9x bytes of Windows-1252 curly quotes and dashes
    stories = split_stories(clean_text(decode_bytes(data)))
    first, second = (read_metadata(s) for s in stories)
    assert (first.title, first.published, first.dateline, first.byline) == (
        "Kenya, Ghana sign trade pact", datetime.date(2024, 3, 14), "NAIROBI", "AFP")
    assert first.body == ("NAIROBI: Kenya’s trade ministry said the Agreement, “a milestone”, was signed on Wednesday."
                          "\n\nBoth governments praised the deal.")
    assert (second.title, second.published, second.body) == ("Storm closes ports in Chile", None, "SANTIAGO: Ports closed.")


@pytest.mark.parametrize("lede, outlet", [
    ("BAKU, Oct 2 (Reuters) - Azerbaijan's state energy company signed a deal.", "Reuters"),
    ("TASHKENT, March 14 (UzDaily) -- The presidents held talks on Thursday.", "UzDaily"),
    ("ALMATY — The bank opened a branch in the city.", None),
])
def test_it_reads_datelines_closed_by_dashes(lede, outlet):
    meta = read_metadata(f"Headline of the story here\n\n{lede}\n\nMore text follows here.")
    assert meta.dateline == lede.split(",")[0].split(" ")[0]
    assert meta.outlet == outlet


def test_it_reads_a_wire_reporting_credit_as_the_byline():
    story = "Deal signed in the capital\n\nASTANA: The deal was signed.\n\nReporting by Jane Roe; Editing by John Doe"
    meta = read_metadata(story)
    assert meta.byline == "Jane Roe"
    assert "Reporting by" not in meta.body


def test_it_reads_a_title_case_wire_dateline_with_its_full_date():
    meta = read_metadata("Leaders agree on trade\n\nDushanbe, Aug 21, 2025 (Xinhua) -- The leaders met on Wednesday.")
    assert (meta.dateline, meta.outlet, meta.published) == ("DUSHANBE", "Xinhua", datetime.date(2025, 8, 21))


def test_it_reads_a_published_in_note_after_the_last_sentence():
    meta = read_metadata("Trade pact drafted\n\nLAHORE: Talks ended.\n\nThe writer is a reporter. "
                         "Published in The Evening Star, February 6th, 2025.")
    assert (meta.outlet, meta.published) == ("The Evening Star", datetime.date(2025, 2, 6))
    assert "Published in" not in meta.body
