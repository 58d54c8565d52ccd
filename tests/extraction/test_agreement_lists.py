"""Agreements told in lists and counts: numbered items, counts that sum up what follows, names
that a body's name was taken for. Written from sentences of the tests' own."""

import datetime

from archive.extraction.events.agreement_cues import generic_agreements

from .event_builders import agreements, article, org


def titles(body, orgs=()):
    return [a.title for a in agreements(article(body, orgs=orgs))]


def test_a_named_title_runs_on_through_of_the_before_a_capitalized_word():
    body = ("The ministers signed the following documents:\n"
            "1. Protocol on the Review and Renewal of the Customs and Transit Framework between Armenia and Georgia.")
    assert titles(body) == ["Protocol on the Review and Renewal of the Customs and Transit Framework"]


def test_and_the_does_not_carry_a_named_title_into_the_next_phrase():
    body = "Georgia and Armenia signed the Treaty on Friendship and the Georgian people welcomed it."
    assert titles(body) == ["Treaty on Friendship"]


def test_a_document_name_stays_an_agreement_when_it_was_also_taken_for_a_body():
    body = ("Georgia and Armenia signed two texts on Monday.\n\n"
            "Memorandum on Cultural Exchange between the Ministry of Culture of Georgia and Armenia for 2026-2027.")
    found = agreements(article(body, orgs=[org(body, "Memorandum on Cultural Exchange", type="other")]))
    assert [a.title for a in found] == ["Memorandum on Cultural Exchange"]
    assert found[0].kind == "mou"


def test_a_count_of_documents_the_article_then_tells_one_by_one_is_no_agreement_of_its_own():
    body = ("Georgia and Armenia signed two documents on Monday. "
            "The first is a transit agreement between the railways, signed by the two ministers. "
            "The second is a protocol on customs cooperation, which the ministers also signed.")
    assert "two documents" not in titles(body)
    assert len(titles(body)) == 2


def test_a_count_larger_than_what_the_article_tells_stays_as_the_record_of_the_rest():
    body = ("Georgia and Armenia signed nine documents on Monday. "
            "Among them was a transit agreement between the railways.")
    assert any(t.startswith("nine documents") for t in titles(body))


def test_a_count_before_an_adjective_still_counts_the_documents():
    body = ("Georgia and Armenia signed a transit agreement and a customs protocol on Monday. "
            "The minister wrote that he had signed two important documents with his colleague.")
    found = titles(body)
    assert len(found) == 2 and not any("documents" in t for t in found), found


def test_the_parts_of_a_package_in_an_aside_are_not_agreements_of_their_own():
    body = ("Officials said 20 agreements had been signed \u2014 energy deals worth $2.3 billion and "
            "farm contracts worth $0.9 billion \u2014 covering power and grain.")
    found = titles(body)
    assert len(found) == 1 and found[0].startswith("20 agreements"), found


def test_a_sentence_breaking_down_the_package_total_adds_no_agreement():
    body = ("Georgia and Armenia signed 20 agreements worth $3.2 billion on Monday. "
            "Of this sum, $2.3 billion went to energy deals and $0.9 billion to farm contracts.")
    found = titles(body)
    assert len(found) == 1 and found[0].startswith("20 agreements"), found


def test_the_end_of_an_amount_is_not_a_count_of_documents():
    text = "They signed energy deals worth $2.4 billion and farm contracts worth $0.9 billion."
    assert [f.count for f in generic_agreements(text, [])] == [None, None]


def test_the_second_of_the_counted_documents_takes_the_signing_of_the_count():
    body = ("Georgia and Armenia have signed two documents on the new bridge. "
            "Work on it will start in spring. Engineers from both sides drew the plans. "
            "The first is a transit protocol for the bridge, which the ministers signed in March. "
            "The second document fixes the main terms of later contracts for steel deliveries.")
    found = {a.title: a.status for a in agreements(article(body))}
    assert found["Main terms of later contracts for steel deliveries"] == "signed"


def test_one_and_another_after_a_count_tell_each_counted_agreement_by_its_partner():
    body = ("A Chilean miner also signed two separate contracts: one with Peru's Ministry of Mines on copper "
            "smelting with a capacity of up to 90,000 tonnes, and another with Bolivia on lithium brine "
            "extraction of up to 40,000 tonnes a year. Peru and Chile also adopted a fisheries protocol.")
    found = {a.title: (a.kind, a.status) for a in agreements(article(body))}
    assert found["Contract with Peru's Ministry of Mines on copper smelting"] == ("agreement", "signed")
    assert found["Contract with Bolivia on lithium brine extraction"] == ("agreement", "signed")


def test_the_documents_were_signed_on_a_day_dates_the_package_just_told_and_its_items():
    body = ("Chile and Peru have signed two documents that widen their fisheries pact. "
            "The documents were signed in Lima on 4 March during a regional ocean forum. "
            "The first is a memorandum on port security. "
            "The second is a protocol on research vessels.")
    found = agreements(article(body, published=datetime.date(2024, 5, 9)))
    dated = {a.title: a.date.value for a in found if a.date}
    assert dated.get("Memorandum on port security") == datetime.date(2024, 3, 4)
    assert dated.get("Protocol on research vessels") == datetime.date(2024, 3, 4)


def test_documents_drafted_on_a_day_do_not_date_a_package_still_to_be_signed():
    body = ("Chile and Peru will sign two documents on fisheries in June. "
            "The documents were drafted in Lima on 4 March.")
    found = agreements(article(body, published=datetime.date(2024, 5, 9)))
    package = next(a for a in found if a.count == 2)
    assert package.status == "proposed"
    assert package.date is None or package.date.value != datetime.date(2024, 3, 4)
