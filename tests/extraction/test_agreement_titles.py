"""Agreement titles as whole phrases, and what only looks like an agreement."""

import datetime

from .event_builders import agreements, article

THU = datetime.date(2024, 5, 9)


def found(body, orgs=()):
    return agreements(article(body, orgs=orgs, published=THU))


def test_a_title_ends_before_a_dash_that_opens_an_aside():
    a, = found("Peru and Chile signed deals worth $40 million -- covering fishing and ports -- on Monday.")
    assert a.title == "Deals between Peru and Chile worth $40 million"


def test_a_title_does_not_end_on_a_dangling_word():
    a, = found("Andes Ports and the Pacific Bank signed an agreement under which a new quay is to be built.",
               orgs=[("Andes Ports", None, "company"), ("Pacific Bank", None, "company")])
    assert not a.title.endswith("under")
    assert a.title == "Agreement between Andes Ports and Pacific Bank"


def test_such_a_treaty_names_a_kind_not_an_agreement():
    assert found("Officials said Chile had never signed such a treaty with its neighbours.") == []


def test_a_tally_of_joint_ventures_is_not_an_agreement():
    assert found("Trade grew in 2024, and the number of trade deals now stands at 45.") == []


def test_a_company_named_consortium_is_not_an_agreement():
    body = "Peru and Chile export copper through the Andes Pipeline Consortium, officials said."
    assert found(body, orgs=[("Andes Pipeline Consortium", None, "company")]) == []


def test_a_programme_of_cooperation_is_an_action_plan():
    a, = found("The ministers of Peru and Chile signed a programme of cooperation for 2027-2029.")
    assert (a.kind, a.status) == ("action_plan", "signed")
    assert a.title.lower().startswith("programme of cooperation")


def test_the_other_documents_refer_to_documents_the_text_lists():
    assert found("Officials of Peru and Chile then signed the other documents prepared for the trip.") == []


def test_a_count_told_again_beside_the_documents_it_counts_is_one_agreement_with_the_fuller_title():
    body = ("Peru and Chile signed 14 documents with a value of $90 million. "
            "Officials said 14 trade and fisheries agreements were among the texts signed.")
    a, = found(body)
    assert (a.title, a.count, a.value_usd, a.kind) == ("14 trade and fisheries agreements", 14, 90e6, "agreement")


def test_the_same_named_agreement_with_other_stated_parties_is_another_agreement():
    body = ("The Fisheries Partnership Agreement between Peru and the EU is in force. "
            "Chile hopes to sign a Fisheries Partnership Agreement between the EU and Chile next year.")
    found_ = found(body, orgs=[("European Union", "EU", "international")])
    assert sorted((sorted(a.parties), a.status) for a in found_) == [
        (["Chile", "European Union"], "proposed"), (["European Union", "Peru"], "in_force")]


def test_the_following_documents_introduce_a_list_whose_items_are_the_signed_agreements():
    body = ("After the talks on Tuesday, the ministers of Peru and Chile signed the following texts:\n"
            "1. Protocol on Border Crossings between Peru and Chile;\n"
            "2. Memorandum on Fisheries Research.")
    found_ = found(body)
    assert all(not a.title.lower().startswith(("documents", "the following")) for a in found_)
    items = {a.title: a for a in found_}
    assert items["Protocol on Border Crossings"].status == "signed"
    assert items["Memorandum on Fisheries Research"].status == "signed"


def test_notes_verbales_exchanged_are_an_exchange_of_notes():
    a, = found("Peru and Chile exchanged notes verbales on a visa waiver for diplomats.")
    assert a.title.startswith("Exchange of notes verbales") and a.status == "signed"


def test_a_joint_statement_issued_is_a_signed_declaration_not_dated_by_an_event_it_condemns():
    a, = found("Peru and Chile issued a joint statement after the forum that condemned the May 2 attack on a "
               "border post.")
    assert (a.kind, a.status, a.date) == ("declaration", "signed", None)


def test_items_among_the_documents_a_sentence_says_were_signed_are_signed():
    body = ("Officials of Peru and Chile also signed the other documents prepared for the trip. "
            "Among them are four agreements on border trade.")
    a, = found(body)
    assert a.status == "signed" and a.count == 4


def test_a_described_title_stops_before_a_second_coordinated_agreement():
    body = ("The ministers of Peru and Chile signed a cooperation programme for 2027-2029 and a protocol on "
            "customs data.")
    titles = sorted(a.title for a in found(body))
    assert not any("protocol" in t.lower() and "programme" in t.lower() for t in titles)


def test_an_agreement_between_parties_on_a_named_subject_is_named_by_head_and_subject():
    a, = found("Peru and Chile marked the occasion with the signing of an Agreement between their ministries on "
               "Joint Research in Fisheries.")
    assert (a.title, a.kind, a.status) == ("Agreement on Joint Research in Fisheries", "agreement", "signed")


def test_a_participle_saying_what_the_document_does_belongs_to_its_title():
    a, = found("Peru and Chile signed a protocol extending their 2015 fisheries accord to river ports.")
    assert a.title == "Protocol between Peru and Chile extending their 2015 fisheries accord to river ports"


def test_between_the_four_states_names_no_party_and_stays_out_of_the_title():
    body = "Work on the canal began after an interministerial accord between the four states was signed in May."
    assert [a.title for a in agreements(article(body))] == ["Interministerial accord"]


def test_the_topics_a_counted_package_covers_are_not_its_title():
    body = ("Georgia and Armenia announced 14 cooperation documents on water use, mountain tourism, "
            "customs procedures and road safety.")
    assert [a.title for a in agreements(article(body))] == ["14 cooperation documents"]


def test_a_noun_that_describes_what_was_told_is_no_new_agreement():
    body = ("Georgia and Armenia signed a transit agreement on Monday. "
            "The minister hailed it as the first transit contract of its kind in the region.")
    assert len(found(body)) == 1 and "contract" not in found(body)[0].title


def test_the_terms_of_contracts_to_come_are_the_document():
    body = "The second text fixes the main terms of later contracts for delivering grain to the mills."
    assert [a.title for a in found(body)] == ["Main terms of later contracts for delivering grain to the mills"]


def test_a_title_opening_with_agreement_on_is_an_agreement_whatever_its_subject_names():
    found = agreements(article("Bolivia and Chile signed the Agreement on Strategic Partnership in Lithium Mining.",
                               published=datetime.date(2024, 5, 9)))
    assert [(a.kind, a.status) for a in found] == [("agreement", "signed")]


def test_a_title_opening_with_treaty_of_is_a_treaty_and_a_partnership_agreement_an_agreement():
    found = agreements(article("Peru and Chile signed the Treaty of Partnership in Pacific Fisheries and the "
                               "Comprehensive Strategic Partnership Agreement.", published=datetime.date(2024, 5, 9)))
    assert sorted(a.kind for a in found) == ["agreement", "treaty"]
