"""Agreements read from hand-written articles about other countries and deals than the samples."""

import datetime
from pathlib import Path

import pytest

from archive.extraction.pipeline import extract_file

from .event_builders import agreements, article, person

THU = datetime.date(2024, 5, 9)  # a Thursday


def one(body, people=(), orgs=(), published=THU):
    found = agreements(article(body, people, orgs, published))
    assert len(found) == 1, found
    return found[0]


# --- named agreements and their status ----------------------------------------------------------

def test_a_signed_named_agreement_has_its_parties_and_the_signing_day():
    a = one("TASHKENT: Uzbekistan and Turkey signed the Transit Freight Agreement on Tuesday, officials said.")
    assert (a.title, a.kind, a.status) == ("Transit Freight Agreement", "agreement", "signed")
    assert a.parties == ["Uzbekistan", "Turkey"]
    assert a.date.value == datetime.date(2024, 5, 7)


def test_expected_to_be_signed_is_proposed_and_the_hyphenated_name_gives_the_parties():
    a = one("The Uzbekistan-Turkmenistan Free Trade Agreement is expected to be signed in November.")
    assert a.status == "proposed"
    assert a.parties == ["Uzbekistan", "Turkmenistan"]
    assert a.date.value == datetime.date(2024, 11, 1)


def test_came_into_force_is_in_force_and_a_treaty_is_a_treaty():
    a = one("The Trans-Caspian Transport Treaty came into force last year.")
    assert (a.kind, a.status) == ("treaty", "in_force")


def test_an_adopted_declaration_is_signed():
    a = one("The leaders adopted the Samarkand Declaration at the end of the summit.")
    assert (a.title, a.kind, a.status) == ("Samarkand Declaration", "declaration", "signed")


def test_an_action_plan_named_with_its_years_and_mentioned_again_is_one_agreement():
    a = one("The ministers signed the Joint Action Plan on Digital Cooperation 2024-2026. "
            "The Joint Action Plan sets out forty steps.")
    assert (a.title, a.kind) == ("Joint Action Plan on Digital Cooperation 2024-2026", "action_plan")
    assert len(a.evidence) == 2


# --- described agreements -----------------------------------------------------------------------

def test_negotiating_a_described_agreement_between_two_countries():
    a = one("The two sides are negotiating a visa waiver agreement between Kyrgyzstan and Tajikistan.")
    assert a.status == "negotiating"
    assert a.parties == ["Kyrgyzstan", "Tajikistan"]
    assert a.title.startswith("Visa waiver agreement")


def test_a_package_of_mous_is_one_record_with_count_and_sectors():
    a = one("During the visit, Azerbaijan and Uzbekistan signed 37 MoUs covering trade, mining, energy and agriculture.")
    assert (a.kind, a.status, a.count) == ("mou", "signed", 37)
    assert a.sectors == ["trade", "mining", "energy", "agriculture"]


def test_agreements_worth_over_an_amount_in_dollars_have_that_value():
    a = one("Companies from Kazakhstan and China inked deals worth over $1.5bn on Thursday.")
    assert a.value_usd == 1.5e9
    assert a.date.value == THU


def test_an_amount_in_another_currency_is_kept_as_amount_and_currency():
    a = one("The provincial government signed a Rs 5 billion agreement with a Chinese firm to build a power plant.")
    assert a.value_usd is None
    assert (a.amount, a.currency) == (5e9, "PKR")


def test_mous_under_consideration_are_negotiating():
    a = one("The ministry said memorandums of understanding on education and culture were under consideration.")
    assert (a.kind, a.status) == ("mou", "negotiating")
    assert a.title == "Memorandums of understanding on education and culture"


def test_mous_to_finalise_are_one_negotiating_record():
    a = one("He said Tashkent was ready to send a team to Baku to finalise memorandums of understanding and "
            "agreements ahead of the president's visit.")
    assert (a.kind, a.status) == ("mou", "negotiating")
    assert "to be finalised" in a.title


# --- proposals ---------------------------------------------------------------------------------

def test_readiness_to_finance_a_project_is_a_proposal_by_that_country():
    a = one("Turkmenistan has expressed its readiness to finance the construction of a power line to Afghanistan.")
    assert (a.kind, a.status) == ("other", "proposed")
    assert a.title == "Turkmenistan proposal to finance the construction of a power line to Afghanistan"
    assert a.parties[0] == "Turkmenistan"


def test_proposed_creating_a_consortium_is_a_proposed_agreement():
    a = one("The Uzbek side proposed creating a joint shipping consortium with Azerbaijani operators.")
    assert (a.title, a.kind, a.status) == ("Joint shipping consortium with Azerbaijani operators", "other", "proposed")


def test_a_partnership_between_two_named_associations():
    body = "It was agreed to link the Tajik Cotton Association with the Turkish Textile Union to formalise this partnership."
    a = one(body, orgs=[("Tajik Cotton Association",), ("Turkish Textile Union",)])
    assert a.title == "Partnership between Tajik Cotton Association and Turkish Textile Union"
    assert a.parties == ["Tajik Cotton Association", "Turkish Textile Union"]


# --- what is not an agreement -------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Bilateral trade between Turkey and Azerbaijan stands at $7 billion.",
    "The ministers agreed that practical steps were needed to raise trade to $15bn.",
    "The visit of the president is expected to yield significant agreements in energy.",
    "The meeting addressed pending matters concerning trade agreements.",
    "Relations are rooted in a growing strategic partnership, with Turkey offering ports.",
    "The plan would serve as a tool for the implementation of the agreements reached.",
    "Turkey offered to send a delegation to Baku next month.",
])
def test_goals_volumes_hopes_and_references_are_not_agreements(body):
    assert agreements(article(body)) == []


def test_trade_volume_in_the_same_sentence_is_not_the_agreement_value():
    a = one("Trade stands at $239 million and the two countries signed a transit agreement.")
    assert a.value_usd is None


# --- dates from meetings ------------------------------------------------------------------------

def test_an_agreement_signed_right_after_dated_talks_takes_their_date():
    body = ("Foreign Minister Davron Karimbekov held talks with Chinese Foreign Minister Li Weiming on Monday. "
            "The two ministers signed a memorandum of understanding on green energy.")
    people = [person(body, "Davron Karimbekov", country="Uzbekistan", title="Foreign Minister"),
              person(body, "Li Weiming", country="China", title="Foreign Minister")]
    a = one(body, people)
    assert a.date.value == datetime.date(2024, 5, 6)
    assert set(a.parties) == {"Uzbekistan", "China"}


# --- regression on the samples -----------------------------------------------------------------

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_agreements(name):
    return [a for art in extract_file((SEEDS / name).read_bytes(), name) for a in art.agreements]


def test_dawn_sample_has_five_agreements_with_their_statuses():
    found = {a.title: a.status for a in seed_agreements("004_8f5cf43f1953043f.txt")}
    assert found["Action Plan of Cooperation 2025-26"] == "signed"
    assert found["Pakistan-Kazakhstan Transit Trade Agreement"] == "proposed"
    assert len(found) == 5


def test_alliance_sample_has_one_signed_package_worth_two_hundred_million():
    (a,) = seed_agreements("002_aee69fe055a80300.txt")
    assert (a.status, a.value_usd) == ("signed", 2e8)


# --- packages, inherited status, proposals of joint bodies, parties, titles -------------------------

def test_a_counted_package_is_one_signed_record_with_its_total_value_and_its_specific_item_is_signed():
    body = ("After the talks, the delegations signed nine documents, including an agreement on the joint "
            "operation of the Khorgos dry port and memoranda of understanding in health and education, worth "
            "a total of $800 million.")
    found = agreements(article(body))
    titles = {a.title: a for a in found}
    assert len(found) == 2, found
    package = titles["nine documents"]
    assert (package.kind, package.status, package.count, package.value_usd) == ("agreement", "signed", 9, 800e6)
    item = next(a for a in found if a is not package)
    assert item.title.startswith("Agreement on the joint operation of the Khorgos dry port")
    assert (item.kind, item.status, item.value_usd) == ("agreement", "signed", None)


def test_a_package_with_sectors_and_among_them_a_treaty_awaiting_ratification_which_is_signed():
    body = ("BAKU: Vice President Nuriddin Qodiri and Prime Minister Ali Asadov held talks on Monday. "
            "The sides signed 11 cooperation documents covering transport, culture and agriculture. "
            "Among them was a Treaty on Lasting Friendship, which is still awaiting ratification.")
    found = agreements(article(body, [("Nuriddin Qodiri",), ("Ali Asadov",)], published=THU))
    package = next(a for a in found if a.count == 11)
    assert package.title == "11 cooperation documents covering transport, culture and agriculture"
    assert package.status == "signed" and package.date.value == datetime.date(2024, 5, 6)
    treaty = next(a for a in found if a.kind == "treaty")
    assert (treaty.title, treaty.status) == ("Treaty on Lasting Friendship", "signed")
    assert treaty.date.value == datetime.date(2024, 5, 6)


def test_documents_neither_counted_nor_signed_are_not_an_agreement():
    assert agreements(article("Officials reviewed documents on customs procedures.")) == []


def test_an_accord_signed_years_ago_that_has_since_entered_into_force_is_in_force():
    a = one("An earlier protocol on gas swaps, signed in 2021, entered into force in March, the ministry said.")
    assert (a.kind, a.status) == ("agreement", "in_force")
    assert a.title.startswith("Protocol on gas swaps")
    assert a.date.value.year == 2021


def test_proposing_a_joint_body_is_a_proposal_named_after_the_body():
    body = ("TASHKENT: President Almaz Tokonov proposed setting up a joint venture fund for mining projects. "
            "Turkmenistan's Minister Serdar Annayev suggested a joint airline for the region.")
    found = agreements(article(body, [("Almaz Tokonov",), ("Serdar Annayev",)]))
    titles = sorted(a.title for a in found)
    assert titles == ["Joint airline for the region", "Joint venture fund for mining projects"]
    assert all((a.kind, a.status) == ("other", "proposed") for a in found)


def test_two_bodies_agreeing_to_establish_a_joint_body_are_its_parties():
    body = ("The Kazakh Export Agency and the Georgian Railway Company agreed to establish a joint logistics "
            "centre in Poti.")
    a = one(body, orgs=[("Kazakh Export Agency", None, "agency"), ("Georgian Railway Company", None, "company")])
    assert (a.title, a.status) == ("Joint logistics centre in Poti", "proposed")
    assert a.parties == ["Kazakh Export Agency", "Georgian Railway Company"]


def test_readiness_to_give_support_or_invest_in_unnamed_projects_is_not_an_agreement():
    body = ("Minister Bolot Usenov said Kyrgyzstan was ready to provide every possible assistance to investors. "
            "He added that the bank was ready to invest up to $300 million in renewable projects in the region.")
    assert agreements(article(body, [("Bolot Usenov",)])) == []


def test_readiness_to_finance_a_named_project_is_a_proposal():
    a = one("Qatar is ready to finance the construction of the Rogun dam, the minister said.")
    assert a.status == "proposed" and "Rogun" in a.title


def test_two_companies_that_sign_are_the_parties_and_the_title_names_them_without_the_weekday():
    body = ("MOSCOW (TASS) - Russia's state nuclear corporation Rosatom and Uzbekistan's UzAtom signed a "
            "memorandum of understanding on Tuesday to build a small nuclear plant in Jizzakh.")
    a = one(body, orgs=[("Rosatom", None, "company"), ("TASS", None, "media")])
    assert a.parties == ["Rosatom", "UzAtom"]
    assert a.title == ("Memorandum of understanding between Rosatom and UzAtom to build a small nuclear plant in "
                       "Jizzakh")
    assert a.date.value == datetime.date(2024, 5, 7)


def test_an_international_body_and_a_country_are_both_parties():
    a = one("The Asian Development Bank and Tajikistan signed a grant agreement for school repairs.",
            orgs=[("Asian Development Bank", "ADB", "international")])
    assert a.parties == ["Asian Development Bank", "Tajikistan"]


def test_a_partnership_the_next_sentence_calls_the_memorandum_is_a_memorandum_and_keeps_its_listed_topics():
    body = ("The European Union and Uzbekistan signed a partnership on critical raw materials, copper and "
            "rare earths on May 2, 2024. The memorandum was signed by Ilse Vandermeer and Sherzod Tursunov.")
    a = one(body, [("Ilse Vandermeer",), ("Sherzod Tursunov",)], [("European Union", "EU", "international")])
    assert a.title == "Partnership between European Union and Uzbekistan on critical raw materials, copper and rare earths"
    assert a.parties == ["European Union", "Uzbekistan"]
    assert (a.kind, a.status) == ("mou", "signed")
    assert a.date.value == datetime.date(2024, 5, 2)


def test_a_framework_agreement_is_an_agreement_and_a_negotiated_one_has_no_date():
    body = ("The two sides held talks on Monday. Officials said they are negotiating a framework agreement on "
            "power exports, with a new round planned for Wednesday.")
    a = one(body)
    assert (a.kind, a.status, a.date) == ("agreement", "negotiating", None)


def test_a_roadmap_to_be_agreed_for_stated_years_is_a_proposed_action_plan_but_a_figurative_one_is_not():
    body = ("The ministers signed the Charter of Cooperation, establishing a roadmap for closer ties in trade. "
            "A roadmap for 2025-2027 is to be agreed by the two governments next year.")
    found = agreements(article(body))
    roadmap = [a for a in found if a.kind == "action_plan"]
    assert len(roadmap) == 1 and roadmap[0].title.startswith("Roadmap for 2025-2027")
    assert roadmap[0].status == "proposed"


def test_a_partnership_is_between_the_bodies_the_sentence_links_not_any_two_it_names():
    body = ("The Asian Development Bank and Mongolia signed a partnership on urban water supply during a visit "
            "by World Bank officials.")
    a = one(body, orgs=[("Asian Development Bank", "ADB", "international"), ("World Bank", None, "international")])
    assert a.parties == ["Asian Development Bank", "Mongolia"]
    assert a.title == "Partnership between Asian Development Bank and Mongolia on urban water supply"


def test_a_described_title_stops_before_a_clause_of_circumstance():
    found = one("Georgia and Armenia signed five agreements worth over $40 million on Monday as the "
                "Georgian prime minister hosted his Armenian counterpart in Tbilisi.")
    assert found.title == "five agreements worth over $40 million"
    assert found.value_usd == 40_000_000


# --- dates of another document of the same signing ---------------------------------------------

def test_a_document_the_sides_also_signed_takes_the_day_of_the_signing_just_told():
    body = ("LIMA: Chile and Peru on Tuesday signed the Pacific Fisheries Treaty at the foreign ministry. "
            "The text commits both navies to joint patrols. "
            "The ministers also signed a memorandum of understanding on port security.")
    found = {a.kind: a for a in agreements(article(body, published=THU))}
    assert found["treaty"].date.value == datetime.date(2024, 5, 7)
    assert found["mou"].date.value == datetime.date(2024, 5, 7)


def test_a_document_signed_on_the_same_day_takes_the_day_of_the_meeting_told_before():
    body = ("When President Kofi Mensah and President Eyadema Lasso met in Accra on March 3, they signed a "
            "Border Demarcation Agreement. On the same day, the trade ministers of Ghana and Togo signed a "
            "customs protocol.")
    people = [person(body, "Kofi Mensah", country="Ghana", title="President"),
              person(body, "Eyadema Lasso", country="Togo", title="President")]
    found = agreements(article(body, people, published=THU))
    protocol = next(a for a in found if "protocol" in a.title.lower())
    assert protocol.status == "signed"
    assert protocol.date.value == datetime.date(2024, 3, 3)


def test_an_also_signed_document_with_a_time_of_its_own_does_not_take_the_signing_day():
    body = ("Norway and Iceland signed a Fisheries Agreement on Monday. "
            "Norway also signed a shipping agreement with Denmark in 2019.")
    found = agreements(article(body, published=THU))
    shipping = next(a for a in found if "shipping" in a.title.lower())
    assert shipping.date is None or shipping.date.value.year == 2019


def test_the_sides_also_exchanging_notes_is_dated_by_the_signing_before():
    body = ("The foreign ministers of Chile and Argentina on Monday signed a consular cooperation programme. "
            "The sides also exchanged notes verbales on mutual support for candidacies.")
    found = agreements(article(body, published=THU))
    notes = next(a for a in found if "notes" in a.title.lower())
    assert notes.date.value == datetime.date(2024, 5, 6)


# --- "an agreement among X": which agreement it is ---------------------------------------------

def test_an_agreement_among_named_parties_is_a_proposed_agreement():
    (a,) = agreements(article("The next step is an agreement among the three grid operators on tariffs.",
                              published=THU))
    assert (a.kind, a.status) == ("agreement", "proposed")
    assert a.title.startswith("Agreement among the three grid operators")


def test_a_shareholders_agreement_among_companies_named_as_a_milestone_is_proposed():
    found = agreements(article("The minister said the next milestone would be a shareholders' agreement among "
                               "the two state power firms.", published=THU))
    assert [(a.kind, a.status) for a in found] == [("agreement", "proposed")]


def test_agreements_among_them_a_deal_is_not_an_agreement_among_parties():
    found = agreements(article("The ministers discussed agreements among them a transit deal.", published=THU))
    assert not any(a.title.lower().startswith("agreements among") for a in found)


@pytest.mark.parametrize("body, day", [
    ("ASTANA: Kazakhstan and Uzbekistan signed a water-sharing treaty, which experts drafted in January, on Monday.",
     datetime.date(2024, 5, 6)),
    ("ASTANA: Kazakhstan and Uzbekistan signed a transit agreement, which their experts had drafted in January.",
     None),
])
def test_a_date_in_a_relative_clause_tells_the_texts_history_not_its_signing(body, day):
    a = one(body)
    assert a.status == "signed"
    assert (a.date.value if a.date else None) == day


def test_a_relative_clause_with_the_signing_in_it_dates_the_signing():
    a = one("ASTANA: Kazakhstan and Uzbekistan have a transit agreement, which they signed on Monday.")
    assert a.date.value == datetime.date(2024, 5, 6)
