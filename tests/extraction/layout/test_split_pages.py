from archive.extraction.layout.split import split_page, split_stories

PROSE = ("The ministers of the two countries met in the capital on Monday and agreed to build "
         "a new railway line through the mountains by the end of the decade, officials said.")

DIGEST = f"""Silk Road Weekly | Issue 9 | Monday, 3 March 2031

IN THIS ISSUE
1. Railway deal signed
2. Ministers meet

* * *

RAILWAY DEAL SIGNED IN THE CAPITAL

{PROSE}

* * *

MINISTERS MEET ON WATER SHARING

{PROSE}

* * *

© 2031 Silk Road Weekly
"""


def test_a_digest_splits_at_its_rules_into_its_stories():
    page = split_page(DIGEST)
    assert [story.split("\n")[0] for story in page.stories] == [
        "RAILWAY DEAL SIGNED IN THE CAPITAL", "MINISTERS MEET ON WATER SHARING"]
    assert page.digest


def test_a_digest_keeps_its_masthead_as_header_and_copyright_as_trailer():
    page = split_page(DIGEST)
    assert page.header.startswith("Silk Road Weekly | Issue 9") and "IN THIS ISSUE" in page.header
    assert page.trailer == "© 2031 Silk Road Weekly"


def test_a_section_break_inside_one_story_does_not_split_it():
    text = f"Ministers agree on new railway\n\n{PROSE}\n\n***\n\n{PROSE}"
    page = split_page(text)
    assert len(page.stories) == 1 and page.stories[0].count(PROSE) == 2


def test_a_story_after_a_related_marker_is_a_story_of_its_own():
    text = f"Ministers agree on new railway\n\n{PROSE}\n\nRelated\n\nGovernor meets envoy on tourism\n\nKARACHI - {PROSE}"
    stories = split_stories(text)
    assert len(stories) == 2 and stories[1].startswith("Governor meets envoy on tourism")


def test_a_dated_story_after_a_related_marker_is_a_story_of_its_own():
    text = f"Ministers agree on new railway\n\n{PROSE}\n\nRead also\nGovernor meets envoy\nMarch 3, 2031\n\n{PROSE}"
    assert len(split_stories(text)) == 2


def test_a_link_inserted_mid_story_does_not_split_it():
    text = f"Ministers agree on new railway\n\n{PROSE}\n\nRead more\nGovernor meets envoy on tourism\n\n{PROSE}"
    assert len(split_stories(text)) == 1


def test_a_list_of_related_links_is_no_story():
    text = f"Ministers agree on new railway\n\n{PROSE}\n\nRead also\nGovernor meets envoy on tourism\nEnvoy visits the port"
    assert len(split_stories(text)) == 1


def test_a_headline_printed_twice_is_one_story():
    text = f"RAILWAY DEAL SIGNED IN THE CAPITAL\nRAILWAY DEAL SIGNED IN THE CAPITAL\n\n{PROSE}"
    assert len(split_stories(text)) == 1


def test_capital_headlines_split_a_digest_that_has_no_rules():
    text = f"RAILWAY DEAL SIGNED IN THE CAPITAL\n\n{PROSE}\n\nMINISTERS MEET ON WATER SHARING\n\n{PROSE}"
    stories = split_stories(text)
    assert [story.split("\n")[0] for story in stories] == [
        "RAILWAY DEAL SIGNED IN THE CAPITAL", "MINISTERS MEET ON WATER SHARING"]


def test_a_capital_subheading_inside_a_story_with_an_ordinary_headline_does_not_split_it():
    text = f"Ministers agree on new railway\n\n{PROSE}\n\nWHAT THE DEAL MEANS FOR TRADE\n\n{PROSE}"
    assert len(split_stories(text)) == 1
