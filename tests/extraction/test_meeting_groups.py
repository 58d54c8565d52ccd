"""Meetings of groups and of shared subjects: summits, "the visiting ministers", "X, who ..., met Y"."""

import datetime

from .event_builders import article, meetings, person

THU = datetime.date(2023, 10, 12)  # a Thursday

MINISTERS = [("Ana Lopez", "Lopez"), ("Piet de Vries", "de Vries"), ("Karl Berg", "Berg"), ("Lena Holm", "Holm")]


def participants(found):
    return [set(m.participants) for m in found]


def test_the_visiting_ministers_are_the_group_the_text_listed_before():
    body = ("Spain's Foreign Minister Ana Lopez, the Dutch Foreign Minister Piet de Vries and Austria's Foreign "
            "Minister Karl Berg took part in the meeting. They discussed ports and railways at length. "
            "The visiting ministers called on Prime Minister Lena Holm in the evening.")
    found = meetings(article(body, MINISTERS, published=THU))
    assert {"Ana Lopez", "Piet de Vries", "Karl Berg", "Lena Holm"} in participants(found)


def test_a_count_that_does_not_fit_the_listed_group_refers_to_nobody():
    body = ("Ana Lopez, Piet de Vries and Karl Berg took part in the meeting. "
            "The seven ministers called on Prime Minister Lena Holm in the evening.")
    found = meetings(article(body, MINISTERS, published=THU))
    assert not any("Lena Holm" in p and "Karl Berg" in p for p in participants(found))


def test_the_subject_before_a_relative_clause_takes_part_in_the_main_verb():
    body = "Lena Holm, who will open the forum on Saturday, received Karl Berg on Thursday."
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
    body = ("On Thursday, the Danish leader held a separate meeting with Karl Berg and later sat down with "
            "Ana Lopez.")
    people = [person(body, "Lena Holm", title="Prime Minister", country="Denmark"), ("Karl Berg",), ("Ana Lopez",)]
    found = meetings(article(body, people, published=THU))
    assert participants(found) == [{"Lena Holm", "Karl Berg"}, {"Lena Holm", "Ana Lopez"}]
    assert all(m.date.value == THU for m in found)


def test_being_met_at_the_airport_is_a_welcome_not_a_meeting():
    body = "On arrival, Ana Lopez was met at the airport by Karl Berg and other officials."
    assert meetings(article(body, MINISTERS, published=THU)) == []


def test_a_summit_told_in_one_sentence_and_its_signatories_in_the_next_is_one_meeting_on_its_day():
    body = ("The leaders of the four states on Tuesday signed a charter at the close of their summit in the "
            "Danish capital. The document bears the signatures of Ana Lopez, Piet de Vries, Karl Berg and "
            "Lena Holm.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {name for name, _ in MINISTERS}
    assert m.date.value == datetime.date(2023, 10, 10)
    assert m.location == "Copenhagen"


def test_talks_on_the_sidelines_of_a_summit_are_at_the_summit_s_place():
    body = ("Ana Lopez, Piet de Vries and Karl Berg took part in the summit in Vienna on Tuesday. "
            "On the sidelines of the summit, Lopez also met Lena Holm.")
    found = meetings(article(body, MINISTERS, published=THU))
    side = next(m for m in found if "Lena Holm" in m.participants)
    assert set(side.participants) == {"Ana Lopez", "Lena Holm"} and side.location == "Vienna"


def test_a_meeting_of_three_told_after_the_dated_summit_sentence_takes_its_day_and_place():
    body = ("The first summit of the four states, held in Vienna on October 10, ended with a joint statement. "
            "Ana Lopez sat down with Piet de Vries, Karl Berg and Lena Holm.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert m.date.value == datetime.date(2023, 10, 10) and m.location == "Vienna"


def test_signing_following_talks_is_a_meeting_of_the_signatories_at_the_venue_s_city():
    body = ("Prime Minister Lena Holm and President Karl Berg on Tuesday signed a joint statement following "
            "talks at the Vienna International Centre.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Lena Holm", "Karl Berg"}
    assert m.date.value == datetime.date(2023, 10, 10) and m.location == "Vienna"


def test_the_two_leaders_after_a_paragraph_break_are_the_pair_named_before_it():
    body = ("Lena Holm and Karl Berg signed a joint statement on Tuesday.\n\n"
            "The two leaders then held talks in Vienna.")
    found = meetings(article(body, MINISTERS, published=THU))
    assert participants(found) == [{"Lena Holm", "Karl Berg"}]


def test_two_people_who_sign_one_text_on_the_sidelines_of_a_forum_met_where_the_forum_was():
    body = ("On the sidelines of a transport forum in Vienna, the two banks signed a memorandum. "
            "It was signed by Ana Lopez and Karl Berg, while the delegation was led by Lena Holm.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Ana Lopez", "Karl Berg"} and m.location == "Vienna"


def test_people_who_joined_a_ceremony_by_video_link_are_one_meeting():
    body = "Ana Lopez, Karl Berg and Lena Holm joined the signing ceremony by video link on Tuesday."
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Ana Lopez", "Karl Berg", "Lena Holm"}
    assert m.date.value == datetime.date(2023, 10, 10)


def test_a_ceremony_attended_by_three_ministers_is_their_meeting_on_its_day():
    body = ("The process began in Vienna on 27 December 2022, when the companies signed a founding agreement "
            "at a ceremony attended by Ana Lopez, Karl Berg and Lena Holm.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert m.date.value == datetime.date(2022, 12, 27) and m.location == "Vienna"


def test_opening_the_meeting_puts_the_speaker_in_it():
    body = ("Ana Lopez and Karl Berg held talks in Vienna on Tuesday. "
            "Opening the meeting, Lena Holm spoke of the rail link.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Ana Lopez", "Karl Berg", "Lena Holm"}


def test_a_participle_meeting_clause_is_a_meeting_of_the_subject():
    body = "On the same day, Lena Holm turned to health, meeting Karl Berg, the head of a drug maker."
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Lena Holm", "Karl Berg"}


def test_concluded_talks_and_signing_after_a_round_of_consultations_are_meetings():
    body = ("Ana Lopez concluded talks with Karl Berg in Vienna on Tuesday. "
            "Piet de Vries and Lena Holm signed a protocol after a round of political consultations.")
    found = meetings(article(body, MINISTERS, published=THU))
    assert participants(found) == [{"Ana Lopez", "Karl Berg"}, {"Piet de Vries", "Lena Holm"}]


def test_was_also_received_by_with_a_leading_day_and_pronoun():
    body = "Karl Berg arrived in Vienna on Monday. On Tuesday he was also received by Lena Holm."
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Karl Berg", "Lena Holm"}
    assert m.date.value == datetime.date(2023, 10, 10)


def test_a_host_receives_a_visitor_whose_title_carries_an_acronym():
    body = "Lena Holm hosted Andean Development Bank (ADB) President Karl Berg on Monday."
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Lena Holm", "Karl Berg"}


def test_a_welcome_at_the_airport_told_before_the_verb_is_no_meeting():
    body = "At Vienna airport Ana Lopez was met by Karl Berg and other officials."
    assert meetings(article(body, MINISTERS, published=THU)) == []


def test_relative_clauses_inside_a_list_of_hosts_do_not_end_the_list():
    body = ("Ana Lopez held talks with Karl Berg, who oversees transport, and Lena Holm, who is in charge of "
            "trade, as well as with Piet de Vries.")
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Ana Lopez", "Karl Berg", "Lena Holm", "Piet de Vries"}


def test_he_and_another_leader_after_a_clause_naming_him():
    body = "During Lena Holm's state visit to Vienna, she and Karl Berg held talks."
    m, = meetings(article(body, MINISTERS, published=THU))
    assert set(m.participants) == {"Lena Holm", "Karl Berg"} and m.location == "Vienna"
