"""Where a meeting took place: the city its sentence gives, the visit the lead reports, the dateline."""

import datetime

from .event_builders import article, meetings

THU = datetime.date(2023, 10, 12)
PEOPLE = [("Ana Lopez", "Lopez"), ("Karl Berg", "Berg")]


def test_a_meeting_during_a_visit_to_a_city_is_in_that_city():
    body = "During the state visit to Vienna on Tuesday, Ana Lopez held talks with Karl Berg."
    m, = meetings(article(body, PEOPLE, published=THU, dateline="MADRID"))
    assert m.location == "Vienna"


def test_a_meeting_without_a_place_is_in_the_city_of_the_visit_the_lead_reports():
    body = ("Ana Lopez arrived in Vienna on Monday for a two-day visit. "
            "She held talks with Karl Berg on Tuesday.")
    m, = meetings(article(body, PEOPLE, published=THU, dateline="MADRID"))
    assert m.location == "Vienna"


def test_a_visit_told_as_past_does_not_place_today_s_meeting():
    body = ("Ana Lopez recalled her visit to Vienna last year. "
            "She held talks with Karl Berg on Tuesday.")
    m, = meetings(article(body, PEOPLE, published=THU, dateline="MADRID"))
    assert m.location == "Madrid"


def test_the_foreign_ministers_of_two_countries_are_the_one_foreign_minister_of_each():
    from .event_builders import person
    body = ("The foreign ministers of Spain and Austria held talks in Vienna on Tuesday. "
            "Foreign Minister Ana Lopez and Foreign Minister Karl Berg spoke to the press.")
    people = [person(body, "Ana Lopez", title="Foreign Minister", country="Spain"),
              person(body, "Karl Berg", title="Foreign Minister", country="Austria")]
    found = meetings(article(body, people, published=THU))
    assert [set(m.participants) for m in found][0] == {"Ana Lopez", "Karl Berg"}
    assert found[0].date.value == datetime.date(2023, 10, 10) and found[0].location == "Vienna"


def test_his_counterpart_named_in_apposition_before_a_relative_clause_is_the_same_subject():
    body = ("Ana Lopez and her Austrian counterpart Karl Berg, who is also a poet, signed a protocol "
            "after their consultations.")
    m, = meetings(article(body, PEOPLE, published=THU))
    assert set(m.participants) == {"Ana Lopez", "Karl Berg"}


def test_the_lead_after_a_date_line_dates_the_talks_the_next_sentence_tells():
    body = ("12 October 2023\n"
            "Ana Lopez on Tuesday called for a new rail link to Vienna.\n"
            "She made the remarks while talking to Karl Berg, who called on her at her office.")
    m, = meetings(article(body, PEOPLE, published=THU, dateline="MADRID"))
    assert set(m.participants) == {"Ana Lopez", "Karl Berg"}
    assert m.date.value == datetime.date(2023, 10, 10)


def test_the_two_before_a_meeting_verb_are_the_pair_named_just_before():
    body = ("Ana Lopez and Karl Berg agreed to boost tourism. "
            "The two met here on Friday to talk about trade.")
    found = meetings(article(body, PEOPLE, published=THU, dateline="MADRID"))
    assert [set(m.participants) for m in found] == [{"Ana Lopez", "Karl Berg"}]
    assert found[0].location == "Madrid"


def test_a_meeting_without_a_place_is_at_the_one_city_the_article_s_other_meetings_name():
    body = ("Ana Lopez concluded talks with Karl Berg in Vienna on Tuesday. "
            "That evening she was also received by Lena Holm.")
    found = meetings(article(body, PEOPLE + [("Lena Holm",)], published=THU))
    assert [m.location for m in found] == ["Vienna", "Vienna"]


def test_signatories_take_the_place_the_sentence_before_gives_their_conference():
    body = ("Two banks agreed a credit line at a water conference in Brussels. "
            "The memorandum was signed by Ana Lopez and Karl Berg, while a minister headed the delegation.")
    m, = meetings(article(body, PEOPLE, published=THU, dateline="MADRID"))
    assert m.location == "Brussels"


def test_talks_on_the_sidelines_of_a_forum_named_after_its_city_are_in_that_city():
    body = ("On the sidelines of the Vienna International Energy Forum, Foreign Minister Ana Lopez held talks "
            "with her counterpart Karl Berg.")
    m, = meetings(article(body, [("Ana Lopez",), ("Karl Berg",)], published=datetime.date(2023, 10, 12)))
    assert m.location == "Vienna"


def test_a_summit_of_a_body_named_after_a_city_is_not_in_that_city():
    body = ("On the sidelines of the Shanghai Cooperation Organisation Summit, Foreign Minister Ana Lopez held "
            "talks with her counterpart Karl Berg.")
    m, = meetings(article(body, [("Ana Lopez",), ("Karl Berg",)], published=datetime.date(2023, 10, 12)))
    assert m.location != "Shanghai"


def test_a_signing_told_as_last_year_elsewhere_does_not_move_todays_talks_from_the_dateline():
    body = ("WARSAW: Prime Minister Ana Lopez hosted bank president Karl Berg on Monday to go through new "
            "projects. The two discussed a new substation for the capital. "
            "In January last year, on the sidelines of an investors forum in Brussels, two banks signed a "
            "memorandum. It was signed by Lena Holm and Piet de Vries, the banks' deputy heads.")
    people = [("Ana Lopez", "Lopez"), ("Karl Berg", "Berg"), ("Lena Holm",), ("Piet de Vries",)]
    found = meetings(article(body, people, published=THU, dateline="WARSAW"))
    talks = next(m for m in found if "Ana Lopez" in m.participants)
    assert talks.location == "Warsaw"


def test_talks_the_lead_places_in_a_city_place_the_meeting_told_next():
    body = ("MADRID: Ana Lopez and Karl Berg on Thursday agreed to widen trade during talks in Vienna. "
            "Berg received Lopez and her delegation at the chancellery, where the two held discussions on energy.")
    found = meetings(article(body, PEOPLE, published=THU, dateline="MADRID"))
    assert [m.location for m in found] == ["Vienna"]


def test_talks_in_a_city_told_as_past_do_not_place_todays_meeting():
    body = "MADRID: Ana Lopez recalled her talks in Vienna last year. She held talks with Karl Berg on Tuesday."
    m, = meetings(article(body, PEOPLE, published=THU, dateline="MADRID"))
    assert m.location == "Madrid"
