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
