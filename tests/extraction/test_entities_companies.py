"""Companies without a suffix word, offices by their title, and what is a venue, an event or a portfolio."""

from .entity_helpers import entities, org


def test_an_initialism_that_is_a_party_to_a_deal_is_a_company():
    body = "The utility signed one deal with the Ministry of Energy and another with TPAO on gas storage."
    _, orgs = entities(body)
    assert org(orgs, "TPAO").type == "company"


def test_an_initialism_that_spells_out_a_named_body_stays_that_body():
    body = "The Foreign Office hosted the talks. The FO said a deal was signed with the visitors."
    _, orgs = entities(body)
    assert [o.name for o in orgs] == ["Foreign Office"]


def test_a_single_name_owned_by_a_city_is_a_company_of_that_city():
    body = "The consortium includes Dubai's Emaar, which will build the towers."
    _, orgs = entities(body)
    assert org(orgs, "Emaar").country == "United Arab Emirates"


def test_the_office_of_a_title_is_a_government_body():
    body = "The envoy called on him on Monday, the PM Office said in a press release."
    _, orgs = entities(body, dateline="ISLAMABAD")
    office = org(orgs, "PM Office")
    assert office.type == "government" and office.name == "PM Office"


def test_venues_and_city_events_are_not_organizations():
    body = "Talks were held at the Almaty International Congress Center during the Almaty Investment Forum."
    _, orgs = entities(body)
    assert orgs == []


def test_a_ministers_portfolio_is_not_an_organization():
    body = "Federal Minister for Water and Irrigation Rustam Qodirov spoke."
    people, orgs = entities(body)
    assert orgs == [] and people[0].title == "Federal Minister for Water and Irrigation"


def test_bodies_of_several_states_are_international_but_a_two_state_business_council_is_not():
    body = ("The Inter-Parliamentary Union and the Turkey-Central Asia Secretariat met. "
            "The Pakistan-Central Asia Business Council also met.")
    _, orgs = entities(body)
    assert org(orgs, "Inter-Parliamentary Union").type == "international"
    assert org(orgs, "Turkey-Central Asia Secretariat").type == "international"
    assert org(orgs, "Pakistan-Central Asia Business Council").type == "association"


def test_a_leading_head_reads_through_of_the():
    _, orgs = entities("The memorandum joins Pamir National University and the University of the Arts of Dushanbe.")
    assert org(orgs, "University of the Arts of Dushanbe").type == "other"
