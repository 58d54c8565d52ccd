"""Agreement states beyond "signed" and "expected", and the signing day from the sentence."""

import datetime

import pytest

from .event_builders import agreements, article

THU = datetime.date(2024, 5, 9)  # a Thursday


def one(body, published=THU):
    found = agreements(article(body, published=published))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("body,status", [
    ("Norway and Iceland initialled a fisheries agreement in Oslo.", "negotiating"),
    ("The parliament of Chile ratified the Pacific Trade Treaty last month.", "in_force"),
    ("The Andean Transit Agreement entered into force in January.", "in_force"),
    ("Peru and Chile are negotiating a free trade agreement on fruit.", "negotiating"),
    ("Officials prepared a draft agreement on water sharing between Peru and Chile.", "negotiating"),
    ("Peru and Chile agreed to sign a memorandum on port fees next year.", "proposed"),
    ("The talks ended with the signing of an agreement on port fees between Peru and Chile.", "signed"),
    ("Officials of Peru and Chile marked the exchange of 14 documents on trade and culture.", "signed"),
    ("Peru works with Chile under an agreement on port fees, the minister said.", "signed"),
    ("Peru invited Chile to Lima for the signing of a port fees agreement.", "proposed"),
    ("The minister pointed to the port fees protocol agreed between Peru and Chile in May.", "signed"),
    ("Officials reviewed the roadmap on port fees agreed upon by Peru and Chile in May.", "signed"),
    ("Officials reviewed the port fees roadmap agreed by both sides in Lima.", "signed"),
    ("Officials prepared a port fees roadmap to be agreed between Peru and Chile next year.", "proposed"),
])
def test_the_state_the_sentence_gives(body, status):
    assert one(body).status == status


def test_an_agreement_which_a_named_person_signed_later_in_the_sentence_is_signed():
    a = one("The ministries then prepared an interdepartmental agreement on grid repairs, which the deputy "
            "minister, Ana Ruiz, later signed on behalf of Peru.")
    assert a.status == "signed"


def test_a_leading_day_dates_a_signing_whose_clause_names_none():
    a = one("On May 3, at a trade fair in Lima, the ministers of Peru and Chile signed a memorandum on port fees.")
    assert a.date.value == datetime.date(2024, 5, 3)


def test_a_document_dated_a_day_is_signed_that_day():
    a = one("A roadmap for the Andes railway, signed by the ministers of Peru and Chile, "
            "bears the date March 3, 2021.")
    assert a.date.value == datetime.date(2021, 3, 3)


def test_a_sentence_with_two_days_gives_no_day_to_a_clause_without_one():
    a = one("On May 1 the ministers met, and after a second round on May 3, officials of Peru and Chile, "
            "in the presence of the press, signed a memorandum on power links.")
    assert a.date is None


# --- "in force since": the state an agreement is in -----------------------------------------------

def test_an_agreement_which_has_been_in_force_since_a_year_is_in_force():
    (a,) = agreements(article("Ties rest on the Partnership Agreement between Chile and Japan, which has been in "
                              "force since 2007, the minister said.", published=datetime.date(2024, 5, 9)))
    assert a.status == "in_force"


def test_an_agreement_in_force_since_a_year_in_an_apposition_is_in_force():
    (a,) = agreements(article("Officials called the Free Trade Agreement between Peru and Korea, in force since "
                              "2011, a model for the region.", published=datetime.date(2024, 5, 9)))
    assert a.status == "in_force"


def test_an_agreement_that_will_be_in_force_once_ratified_is_not_in_force():
    (a,) = agreements(article("The Free Trade Agreement between Peru and Korea will be in force once both "
                              "parliaments ratify it.", published=datetime.date(2024, 5, 9)))
    assert a.status != "in_force"
