"""Organizations read from a title's "of", from a generic noun, and the region's state bodies."""

from .entity_helpers import entities, org


def test_the_body_after_a_title_and_of_is_an_organization_not_a_person():
    body = "Rustam Qodirov, the director of Uzgidroenergo, said the plant would open in May."
    people, orgs = entities(body)
    assert [p.name for p in people] == ["Rustam Qodirov"]
    assert org(orgs, "Uzgidroenergo")


def test_a_country_a_portfolio_or_a_place_after_of_is_not_a_body():
    body = ("President of Uzbekistan Rustam Qodirov met the Minister of Foreign Affairs and the Governor of "
            "Punjab in Lahore.")
    _, orgs = entities(body)
    assert {o.name for o in orgs} & {"Uzbekistan", "Foreign Affairs", "Punjab"} == set()


def test_a_demonym_and_a_name_after_a_generic_noun_are_a_body_of_that_country():
    body = "Rustam Qodirov, head of the national carrier Tajik Havo Yullari, said flights would resume."
    people, orgs = entities(body)
    carrier = org(orgs, "Tajik Havo Yullari")
    assert carrier.country == "Tajikistan" and carrier.type == "company"
    assert [p.name for p in people] == ["Rustam Qodirov"]


def test_parliaments_of_the_region_are_government_bodies_of_their_country():
    body = "The Jogorku Kenesh and the Majlisi Oli ratified the border treaty on Tuesday."
    _, orgs = entities(body)
    assert org(orgs, "Jogorku Kenesh").country == "Kyrgyzstan"
    assert org(orgs, "Majlisi Oli").type == "government"


def test_an_initialism_spelled_out_in_brackets_is_one_body_with_its_acronym():
    body = "TGHC JSC (Tajik Grid Holding Company) signed the deal. TGHC will build the line."
    _, orgs = entities(body)
    grid = org(orgs, "Tajik Grid Holding Company")
    assert grid.acronym == "TGHC" and len(orgs) == 1


def test_a_company_with_and_without_its_legal_form_is_one_body():
    body = "Rustam Qodirov, director of Uzgidroenergo, spoke. Uzgidroenergo JSC will build the plant."
    _, orgs = entities(body)
    assert [o.name for o in orgs] == ["Uzgidroenergo JSC"]


def test_a_press_service_is_named_by_whom_it_speaks_for():
    body = "The talks were constructive, the press service of the President of Kyrgyzstan reported."
    _, orgs = entities(body)
    service = org(orgs, "press service of the President of Kyrgyzstan")
    assert service.type == "government" and service.country == "Kyrgyzstan"


def test_outlets_cited_as_sources_are_media():
    body = ("The two firms set up a venture in Baku, Caspian Wire reports.\n\nThe minister told Akhbor.tj "
            "the line would open in May.\n\n\u00a9 Steppe Daily")
    _, orgs = entities(body)
    assert org(orgs, "Caspian Wire").type == "media"
    assert org(orgs, "Akhbor.tj").country == "Tajikistan"
    assert org(orgs, "Steppe Daily").type == "media"


def test_a_company_after_a_country_name_is_a_body_but_a_president_after_it_is_a_person():
    body = "The accord was signed by the head of Turkmenistan Railway and the President of Uzbekistan Rustam Qodirov."
    people, orgs = entities(body)
    assert org(orgs, "Turkmenistan Railway").country == "Turkmenistan"
    assert [p.name for p in people] == ["Rustam Qodirov"]


def test_the_chairman_of_a_companys_board_works_for_the_company():
    body = "Chairman of the Board of Uzbekiston Havo Yollari JSC Rustam Qodirov attended the ceremony."
    people, orgs = entities(body)
    assert [o.name for o in orgs] == ["Uzbekiston Havo Yollari JSC"]
    chairman = people[0]
    assert chairman.country == "Uzbekistan" and chairman.title == "Chairman of the Board of Uzbekiston Havo Yollari JSC"


def test_a_body_named_for_its_country_keeps_of_and_the_country_in_its_name():
    body = "Kazakh Grid JSC and National Power Lines of Tajikistan JSC approved the charter."
    _, orgs = entities(body)
    assert org(orgs, "National Power Lines of Tajikistan JSC").country == "Tajikistan"


def test_a_long_run_after_a_generic_noun_is_the_body_then_the_person_it_names():
    body = "The deal was signed by the head of the state enterprise Tajik Havo Yullari Rustam Qodirov on Monday."
    people, orgs = entities(body)
    assert org(orgs, "Tajik Havo Yullari").country == "Tajikistan"
    assert [p.name for p in people] == ["Rustam Qodirov"]


def test_a_generic_head_or_a_common_word_after_a_title_is_not_a_body():
    _, orgs = entities("The Speaker of Parliament and the director of Marketing spoke.")
    assert orgs == []
