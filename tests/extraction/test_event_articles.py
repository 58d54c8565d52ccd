"""Whole short articles in other outlets' styles (wire, agency, newspaper), written for these
tests, with the meetings and agreements a reader would list."""

import datetime

from .event_builders import events, person, article, org


def test_agency_style_memorandum_signed_by_two_ministers_and_their_talks_before():
    body = ("BAKU, Azerbaijan, May 15. Azerbaijan and Turkmenistan have signed a memorandum on the joint "
            "development of the Dostlug field, the agency reports.\n\n"
            "The document was signed by Azerbaijan's Minister of Energy Elchin Guliyev and Turkmenistan's Deputy "
            "Chairman of the Cabinet of Ministers Batyr Amanov in Ashgabat.\n\n"
            "Prior to the signing, Guliyev met with Amanov to discuss gas supplies to Europe.\n\n"
            "The parties also agreed to create a joint working group on renewable energy.")
    meetings, agreements = events(article(body, [("Elchin Guliyev", "Guliyev"), ("Batyr Amanov", "Amanov")]))
    assert [m.participants for m in meetings] == [["Elchin Guliyev", "Batyr Amanov"]]
    assert meetings[0].topic == "gas supplies to Europe"
    assert [(a.title, a.kind, a.status, a.parties) for a in agreements] == [
        ("Memorandum between Azerbaijan and Turkmenistan on the joint development of the Dostlug field", "mou",
         "signed", ["Azerbaijan", "Turkmenistan"])]  # a working group is not an agreement


def test_cabinet_press_service_style_phone_call_with_a_body_in_a_title():
    body = ("Bishkek, April 3. Chairman of the Cabinet of Ministers of the Kyrgyz Republic Akylbek Japarov held a "
            "telephone conversation with Prime Minister of Uzbekistan Sardor Umarov on April 2, 2024, the press "
            "service reported.\n\nThe parties discussed the implementation of the agreements reached during the "
            "state visit. The heads of government agreed to hold the next meeting of the intergovernmental council "
            "in Tashkent in June.")
    art = article(body, [("Akylbek Japarov",), ("Sardor Umarov",)], [("Cabinet of Ministers",)], dateline="BISHKEK")
    meetings, agreements = events(art)
    assert len(meetings) == 1
    m = meetings[0]
    assert (m.participants, m.organizations, m.location) == (["Akylbek Japarov", "Sardor Umarov"], [], None)
    assert m.date.value == datetime.date(2024, 4, 2)
    assert agreements == []  # "the agreements reached" refers back; a planned meeting is no meeting


def test_wire_style_visit_with_an_old_agreement_a_euro_package_and_a_credit_line_offer():
    body = ("TASHKENT, Nov. 12, 2024 (Xinhua) -- Uzbek President Shavkat Mirziyoyev on Tuesday received a "
            "delegation led by Hungarian Foreign Minister Peter Szijjarto, the presidential press service said.\n\n"
            "During the talks, the sides reviewed progress in implementing the strategic partnership agreement "
            "signed in 2022.\n\nFollowing the meeting, Uzbek and Hungarian companies signed agreements worth 1.1 "
            "billion euros in pharmaceuticals, agriculture and water management.\n\n"
            "Szijjarto said Hungary's export bank was ready to open a credit line for the Tashkent metro.")
    people = [person(body, "Shavkat Mirziyoyev", country="Uzbekistan"),
              person(body, "Peter Szijjarto", "Szijjarto", country="Hungary")]
    meetings, agreements = events(article(body, people, published=datetime.date(2024, 11, 12), dateline="TASHKENT"))
    assert [(m.participants, m.date.value, m.location) for m in meetings] == [
        (["Shavkat Mirziyoyev", "Peter Szijjarto"], datetime.date(2024, 11, 12), "Tashkent")]
    assert len(agreements) == 3
    strategic = next(a for a in agreements if "strategic" in a.title.lower())
    assert strategic.date.value.year == 2022
    package = next(a for a in agreements if a.amount)
    assert (package.amount, package.currency, package.value_usd, package.status) == (1.1e9, "EUR", None, "signed")
    assert package.sectors == ["pharmaceuticals", "agriculture", "water management"]
    offer = next(a for a in agreements if a.status == "proposed")
    assert offer.title == "Hungary proposal to open a credit line for the Tashkent metro"


def test_newspaper_style_seminar_a_courtesy_call_and_a_pipeline_framework_to_be_signed():
    body = ("ISLAMABAD: Federal Minister for Maritime Affairs Qaiser Ahmed Sheikh on Monday called on the "
            "international community to invest in Gwadar port.\n\n"
            "Speaking at a seminar organised by the Margalla Policy Research Institute (MPRI), he said Pakistan "
            "and Turkmenistan would sign a framework agreement on the Trans-Pamir gas pipeline in the coming "
            "months.\n\nLater, the minister met Turkmen Ambassador Atadjan Movlamov at the ministry.")
    people = [person(body, "Qaiser Ahmed Sheikh", title="Federal Minister for Maritime Affairs", country="Pakistan"),
              person(body, "Atadjan Movlamov", title="Ambassador", country="Turkmenistan")]
    orgs = [org(body, "Margalla Policy Research Institute", "MPRI", "think_tank")]
    meetings, agreements = events(article(body, people, orgs, published=datetime.date(2024, 3, 12),
                                          dateline="ISLAMABAD"))
    seminar, call = meetings
    assert (seminar.participants, seminar.organizations) == (["Qaiser Ahmed Sheikh"],
                                                             ["Margalla Policy Research Institute"])
    assert (call.participants, call.date, call.location) == (["Qaiser Ahmed Sheikh", "Atadjan Movlamov"], None,
                                                             "Islamabad")
    assert [(a.title, a.kind, a.status, a.parties, a.date) for a in agreements] == [
        ("Framework agreement between Pakistan and Turkmenistan on the Trans-Pamir gas pipeline", "agreement",
         "proposed", ["Pakistan", "Turkmenistan"], None)]
