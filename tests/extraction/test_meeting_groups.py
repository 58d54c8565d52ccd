"""Meetings of groups and of shared subjects: summits, "the visiting ministers", "X, who ..., met Y"."""

import datetime

import pytest

from .event_builders import article, meetings, person

THU = datetime.date(2023, 10, 12)  # a Thursday

MINISTERS = [("Ana Lopez", "Lopez"), ("Piet de Vries", "de Vries"), ("Karl Berg", "Berg"), ("Lena Holm", "Holm")]


def participants(found):
    return [set(m.participants) for m in found]


def test_the_visiting_ministers_are_the_group_the_text_listed_before():
    body = ("Spain's Foreign Minister Ana Lopez, the Dutch Foreign Minister Piet de Vries and Austria's Foreign "
            "Minister Karl Berg took part in the meeting. They discussed ports and railways at length. "
            "Later the visiting ministers called on Prime Minister Lena Holm at her residence.")
    found = meetings(article(body, MINISTERS, published=THU))
    assert {"Ana Lopez", "Piet de Vries", "Karl Berg", "Lena Holm"} in participants(found)


def test_a_count_that_does_not_fit_the_listed_group_refers_to_nobody():
    body = ("Ana Lopez, Piet de Vries and Karl Berg took part in the meeting. "
            "Later the seven ministers called on Prime Minister Lena Holm at her residence.")
    found = meetings(article(body, MINISTERS, published=THU))
    assert not any("Lena Holm" in p and "Karl Berg" in p for p in participants(found))


def test_the_subject_before_a_relative_clause_takes_part_in_the_main_verb():
    body = "Lena Holm, who flies to Oslo on Saturday, received Karl Berg on Thursday."
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Lena Holm", "Karl Berg"}
    assert m.date.value == THU


def test_a_possessive_weekday_dates_another_occasion_not_the_meeting():
    body = "Lena Holm, who chaired Monday's session, received Karl Berg."
    m, = meetings(article(body, MINISTERS, published=THU))
    assert m.date is None


def test_a_name_particle_between_the_verb_and_the_name_keeps_the_object():
    body = "Lena Holm received de Vries at her office on Thursday."
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Lena Holm", "Piet de Vries"}


def test_two_verbs_joined_by_and_later_are_two_meetings_dated_by_their_shared_subject():
    body = "On Thursday, the Danish leader held a meeting with Karl Berg and then received Ana Lopez."
    people = [person(body, "Lena Holm", title="Prime Minister", country="Denmark"), ("Karl Berg",), ("Ana Lopez",)]
    found = meetings(article(body, people, published=THU))
    assert participants(found) == [{"Lena Holm", "Karl Berg"}, {"Lena Holm", "Ana Lopez"}]
    assert all(m.date.value == THU for m in found)


def test_being_met_at_the_airport_is_a_welcome_not_a_meeting():
    body = "Ana Lopez was met at the airport by Karl Berg when she landed."
    assert meetings(article(body, MINISTERS, published=THU)) == []


def test_a_summit_told_in_one_sentence_and_its_signatories_in_the_next_is_one_meeting_on_its_day():
    body = ("The four states held a summit in the Danish capital on Tuesday. "
            "Its charter was signed by Ana Lopez, Piet de Vries, Karl Berg and Lena Holm.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {name for name, _ in MINISTERS}
    assert m.date.value == datetime.date(2023, 10, 10)
    assert m.location == "Copenhagen"


def test_talks_on_the_sidelines_of_a_summit_are_at_the_summit_s_place():
    body = ("Ana Lopez, Piet de Vries and Karl Berg took part in the summit in Vienna on Tuesday. "
            "Lopez held separate talks with Lena Holm on the sidelines.")
    found = meetings(article(body, MINISTERS, published=THU))
    side = next(m for m in found if "Lena Holm" in m.participants)
    assert set(side.participants) == {"Ana Lopez", "Lena Holm"} and side.location == "Vienna"


def test_a_meeting_of_three_told_after_the_dated_summit_sentence_takes_its_day_and_place():
    body = ("The founding summit of the four states took place in Vienna on October 10. "
            "Ana Lopez sat down with Piet de Vries, Karl Berg and Lena Holm.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert m.date.value == datetime.date(2023, 10, 10) and m.location == "Vienna"


@pytest.mark.parametrize("body, people, day", [
    pytest.param("Lena Holm and Karl Berg signed a trade protocol on Tuesday following talks at the Vienna City Hall.",
                 {"Lena Holm", "Karl Berg"}, datetime.date(2023, 10, 10), id="after talks at a venue of the city"),
    pytest.param("On September 20, Transport Minister Ana Lopez and Karl Berg, chairman of the rail company, "
                 "signed an investment agreement in Vienna covering the new line.",
                 {"Ana Lopez", "Karl Berg"}, datetime.date(2023, 9, 20), id="the subject of a signing in a city"),
])
def test_people_who_sign_a_text_together_met_on_its_day_in_its_city(body, people, day):
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == people
    assert m.date.value == day and m.location == "Vienna"


def test_the_two_leaders_after_a_paragraph_break_are_the_pair_named_before_it():
    body = ("Lena Holm and Karl Berg signed a joint statement on Tuesday.\n\n"
            "The two leaders then held talks in Vienna.")
    found = meetings(article(body, MINISTERS, published=THU))
    assert participants(found) == [{"Lena Holm", "Karl Berg"}]


def test_two_people_who_sign_one_text_at_a_conference_met_where_it_was():
    body = ("Two banks agreed a credit line at a water conference in Vienna. "
            "The memorandum was signed by Ana Lopez and Karl Berg, while Lena Holm headed the delegation.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Ana Lopez", "Karl Berg"} and m.location == "Vienna"


def test_a_ceremony_attended_by_three_ministers_is_their_meeting_on_its_day():
    body = ("The firms set up a venture in Vienna on 3 March 2022 at a ceremony attended by Ana Lopez, Karl Berg "
            "and Lena Holm.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert m.date.value == datetime.date(2022, 3, 3) and m.location == "Vienna"


def test_chairing_the_session_puts_the_speaker_in_the_meeting():
    body = ("Ana Lopez and Karl Berg held talks in Vienna on Tuesday. "
            "Chairing the session, Lena Holm spoke of the rail link.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Ana Lopez", "Karl Berg", "Lena Holm"}


def test_a_participle_meeting_clause_is_a_meeting_of_the_subject():
    body = "Lena Holm then visited a hospital, meeting Karl Berg, its director."
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Lena Holm", "Karl Berg"}


def test_concluded_talks_and_signing_after_consultations_are_meetings():
    body = ("Ana Lopez concluded talks with Karl Berg in Vienna on Tuesday. "
            "Piet de Vries and Lena Holm signed a protocol after two rounds of consultations.")
    found = meetings(article(body, MINISTERS, published=THU))
    assert participants(found) == [{"Ana Lopez", "Karl Berg"}, {"Piet de Vries", "Lena Holm"}]


def test_was_also_received_by_with_a_leading_day_and_pronoun():
    body = "Karl Berg flew to Vienna on Monday. On Tuesday he was also received by Lena Holm at the chancellery."
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Karl Berg", "Lena Holm"}
    assert m.date.value == datetime.date(2023, 10, 10)


def test_a_host_receives_a_visitor_whose_title_carries_an_acronym():
    body = "Lena Holm hosted Andean Development Bank (ADB) President Karl Berg on Monday."
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Lena Holm", "Karl Berg"}


def test_a_welcome_at_the_airport_told_before_the_verb_is_no_meeting():
    body = "At the Vienna airport Ana Lopez was met by Karl Berg."
    assert meetings(article(body, MINISTERS, published=THU)) == []


def test_relative_clauses_inside_a_list_of_hosts_do_not_end_the_list():
    body = ("Ana Lopez held talks with Karl Berg, who runs the ports, and Lena Holm, who heads the treasury, "
            "as well as with Piet de Vries.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Ana Lopez", "Karl Berg", "Lena Holm", "Piet de Vries"}


def test_he_and_another_leader_after_a_clause_naming_him():
    body = "Lena Holm arrived in Vienna. After touring the port in Vienna, she and Karl Berg held talks."
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Lena Holm", "Karl Berg"} and m.location == "Vienna"


@pytest.mark.parametrize("body, people, day", [
    pytest.param("Ana Lopez, Karl Berg and Lena Holm joined the ceremony online on Tuesday.",
                 {"Ana Lopez", "Karl Berg", "Lena Holm"}, datetime.date(2023, 10, 10), id="joined online on a day"),
    pytest.param("The port treaty gained force on May 2, when the accord between the three states was signed in "
                 "Lisbon. Ana Lopez, Karl Berg and Lena Holm joined that signing ceremony by video link.",
                 {"Ana Lopez", "Karl Berg", "Lena Holm"}, datetime.date(2023, 5, 2),
                 id="joined the signing the sentence before dates"),
    pytest.param("The two documents were signed in Oslo on 14 September during the energy forum. "
                 "Ana Lopez and Karl Berg put their names to both texts at a ceremony on the forum's sidelines.",
                 {"Ana Lopez", "Karl Berg"}, datetime.date(2023, 9, 14),
                 id="two signatories at the ceremony of the documents just dated"),
])
def test_the_people_of_a_ceremony_are_one_meeting_on_its_day(body, people, day):
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == people
    assert m.date.value == day


def test_signatories_whose_sentence_before_tells_another_time_of_day_keep_none():
    body = ("The two banks signed drafts in Oslo on 14 September and on 20 September. "
            "Ana Lopez and Karl Berg put their names to both texts at a ceremony.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert m.date is None


def test_ministers_named_as_signing_a_memorandum_together_met_on_its_day_and_at_its_place():
    body = ("On May 1, on the sidelines of an investment forum in Vienna, energy ministers Ana Lopez of Spain, "
            "Karl Berg of Austria and Lena Holm of Sweden signed a memorandum on linking their grids.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Ana Lopez", "Karl Berg", "Lena Holm"}
    assert m.date.value == datetime.date(2023, 5, 1) and m.location == "Vienna"


def test_people_who_signed_earlier_in_a_relative_clause_or_alone_did_not_meet():
    body = ("Ana Lopez, who with Karl Berg signed a transit accord in 2019, now leads the port authority. "
            "Lena Holm signed a decree on tariffs on Monday.")
    assert meetings(article(body, MINISTERS, published=THU)) == []
