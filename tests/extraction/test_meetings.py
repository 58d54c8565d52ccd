"""Meetings read from hand-written articles about other countries and people than the samples."""

import datetime
from pathlib import Path

import pytest

from archive.extraction.pipeline import extract_file
from archive.extraction.records import ExtractedMeeting

from .event_builders import article, meetings, person

WED = datetime.date(2024, 3, 6)  # a Wednesday


def one(body, people, orgs=(), published=WED, dateline=None):
    found = meetings(article(body, people, orgs, published, dateline))
    assert len(found) == 1, found
    return found[0]


# --- phrasings ------------------------------------------------------------------------------

def test_x_met_y_is_a_meeting_of_both_with_the_weekday_resolved_against_publication():
    m = one("TASHKENT: Uzbek Foreign Minister Farrukh Alimov met Turkish Ambassador Ahmet Yilmaz on Monday "
            "to discuss transport links.", [("Farrukh Alimov",), ("Ahmet Yilmaz",)], dateline="TASHKENT")
    assert m.participants == ["Farrukh Alimov", "Ahmet Yilmaz"]
    assert m.date.value == datetime.date(2024, 3, 4)
    assert m.location == "Tashkent"
    assert m.topic == "transport links"


def test_held_a_meeting_with_takes_an_absolute_date_and_the_city_in_the_text():
    m = one("Kyrgyz Economy Minister Daniyar Amangeldiev held a meeting with Chinese Vice Minister Li Fei "
            "in Bishkek on March 3, 2024.", [("Daniyar Amangeldiev",), ("Li Fei",)], published=None)
    assert m.date.value == datetime.date(2024, 3, 3)
    assert m.location == "Bishkek"


def test_talks_co_chaired_by_two_ministers_are_one_meeting_with_their_purpose_as_topic():
    m = one("Talks co-chaired by Foreign Minister Ararat Mirzoyan and Iranian Foreign Minister Abbas Araghchi "
            "were held in Yerevan to review transit cooperation.", [("Ararat Mirzoyan",), ("Abbas Araghchi",)])
    assert set(m.participants) == {"Ararat Mirzoyan", "Abbas Araghchi"}
    assert m.topic == "transit cooperation"


def test_received_a_visitor_is_a_meeting_but_received_a_letter_is_not():
    body = ("BAKU: President Ilham Aliyev received Georgian Prime Minister Irakli Kobakhidze on Thursday. "
            "Aliyev also received a letter from Emmanuel Macron.")
    found = meetings(article(body, [("Ilham Aliyev", "Aliyev"), ("Irakli Kobakhidze",), ("Emmanuel Macron",)],
                             published=datetime.date(2024, 5, 10), dateline="BAKU"))
    assert [m.participants for m in found] == [["Ilham Aliyev", "Irakli Kobakhidze"]]
    assert found[0].date.value == datetime.date(2024, 5, 9)


def test_called_on_a_minister_is_a_meeting_but_called_on_someone_to_act_is_not():
    body = ("Ambassador Tom Hardy called on Minister Ayesha Raza at her office in Lahore. "
            "Human rights groups called on Ayesha Raza to release the detainees.")
    found = meetings(article(body, [("Tom Hardy",), ("Ayesha Raza",)]))
    assert len(found) == 1 and found[0].participants == ["Tom Hardy", "Ayesha Raza"]
    assert found[0].location == "Lahore"


def test_discussed_something_with_someone_gives_the_topic():
    m = one("Foreign Minister Jamshed Nurov discussed water sharing and border security with "
            "Jeenbek Kulubaev on Wednesday.", [("Jamshed Nurov",), ("Jeenbek Kulubaev",)])
    assert m.topic == "water sharing and border security"
    assert m.date.value == WED  # the publication day itself, not a week earlier


def test_a_phone_call_has_no_location_from_the_dateline():
    m = one("US Special Envoy Kate Moore spoke with Afghan Deputy Minister Karim Zia by telephone on Friday.",
            [("Kate Moore",), ("Karim Zia",)], dateline="WASHINGTON")
    assert m.location is None
    assert m.date.value == datetime.date(2024, 3, 1)


@pytest.mark.parametrize("phrase", ["in a meeting with", "during a meeting with", "during separate talks with"])
def test_a_statement_made_in_a_meeting_with_someone_is_that_meeting(phrase):
    m = one(f"Minister Sadyr Japarov, {phrase} Ambassador Lu Wei, praised the new rail link.",
            [("Sadyr Japarov",), ("Lu Wei",)])
    assert m.participants == ["Sadyr Japarov", "Lu Wei"]


def test_the_visiting_delegation_stands_for_its_named_head_and_an_organization_takes_part():
    body = ("DHAKA: Minister Hasan Mahmud led a six-member delegation to Kathmandu. The visiting Bangladeshi "
            "delegation met the Nepal Electricity Authority on Tuesday.")
    m = one(body, [person(body, "Hasan Mahmud", country="Bangladesh")], [("Nepal Electricity Authority",)],
            dateline="KATHMANDU")
    assert m.participants == ["Hasan Mahmud"]
    assert m.organizations == ["Nepal Electricity Authority"]


def test_a_briefing_of_his_delegation_is_a_meeting_with_the_briefing_body():
    body = ("Minister Hasan Mahmud arrived in Kathmandu on Monday. Officials of the Ministry of Energy "
            "briefed his delegation on hydropower projects.")
    m = one(body, [("Hasan Mahmud",)], [("Ministry of Energy",)])
    assert m.participants == ["Hasan Mahmud"]
    assert m.organizations == ["Ministry of Energy"]
    assert m.topic == "hydropower projects"


def test_one_sentence_listing_several_counterparts_is_one_meeting_and_sidelines_city_is_kept():
    m = one("Prime Minister Li Qiang met with Mongolian President Ukhnaagiin Khurelsukh, Vietnamese President "
            "To Lam and Lao President Thongloun Sisoulith on the sidelines of the summit in Samarkand.",
            [("Li Qiang",), ("Ukhnaagiin Khurelsukh",), ("To Lam",), ("Thongloun Sisoulith",)], dateline="BEIJING")
    assert len(m.participants) == 4
    assert m.location == "Samarkand"


def test_a_sidelines_meeting_in_another_country_does_not_take_the_dateline_city():
    m = one("Premier Ali Asadov and the Kazakh president held brief talks on the sidelines of the summit in China.",
            [("Ali Asadov",), person("", "Kassym-Jomart Tokayev", title="President", country="Kazakhstan")],
            dateline="BAKU")
    assert m.participants == ["Ali Asadov", "Kassym-Jomart Tokayev"]
    assert m.location is None and m.date is None


def test_speaking_at_a_hosted_seminar_is_an_event_with_the_host():
    m = one("Speaking at a seminar organised by the Institute of Strategic Studies, Ambassador Zhang Heqing "
            "said trade was growing.", [("Zhang Heqing",)], [("Institute of Strategic Studies",)], dateline="ISLAMABAD")
    assert m.participants == ["Zhang Heqing"]
    assert m.organizations == ["Institute of Strategic Studies"]
    assert m.location == "Islamabad"


def test_his_counterpart_is_resolved_from_an_apposition_elsewhere_in_the_article():
    body = ("Minister Dovlet Orazov held meetings with his counterpart, Murat Bakhtiyar, in Astana. "
            "Later, Orazov spoke during a meeting with his Kazakh counterpart about gas.")
    found = meetings(article(body, [("Dovlet Orazov", "Orazov"), ("Murat Bakhtiyar",)]))
    later = [m for m in found if any(e.sentence.startswith("Later") for e in m.evidence)]
    assert len(later) == 1 and set(later[0].participants) == {"Dovlet Orazov", "Murat Bakhtiyar"}


def test_the_two_foreign_ministers_are_the_people_the_text_lists_as_both_foreign_ministers():
    body = ("Both foreign ministers - Mr Alimov and Turkey's Hakan Fidan - agreed to meet often. "
            "After the talks between the delegations, the two foreign ministers signed a protocol.")
    found = meetings(article(body, [("Farrukh Alimov", "Mr Alimov"), ("Hakan Fidan",)]))
    assert [set(m.participants) for m in found] == [{"Farrukh Alimov", "Hakan Fidan"}]


# --- what is not a meeting ------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Commerce Minister Piyush Goyal will meet Ulugbek Rasulov next week.",
    "Commerce Minister Piyush Goyal is scheduled to hold talks with Ulugbek Rasulov.",
    "Piyush Goyal ruled out any talks with Ulugbek Rasulov.",
    "Piyush Goyal visited the museum with Ulugbek Rasulov's family.",
    "Piyush Goyal said the two countries will cooperate on energy.",
])
def test_planned_denied_or_vague_encounters_are_not_meetings(sentence):
    assert meetings(article(sentence, [("Piyush Goyal",), ("Ulugbek Rasulov",)])) == []


@pytest.mark.parametrize("sentence", [
    "Marat Ospanov said the utility was in active talks with Aida Sarieva about the plant.",
    "Marat Ospanov has been in talks with Aida Sarieva over the dam since spring.",
])
def test_being_in_talks_is_a_negotiation_under_way_not_a_meeting(sentence):
    assert meetings(article(sentence, [("Marat Ospanov",), ("Aida Sarieva",)])) == []


@pytest.mark.parametrize("sentence", [
    "In talks with Aida Sarieva in Bishkek on Monday, Marat Ospanov stressed water sharing.",
    "Marat Ospanov was in a meeting with Aida Sarieva on Monday when the news broke.",
])
def test_talks_told_as_an_occasion_stay_a_meeting(sentence):
    m = one(sentence, [("Marat Ospanov",), ("Aida Sarieva",)])
    assert set(m.participants) == {"Marat Ospanov", "Aida Sarieva"}


def test_a_meeting_without_a_named_person_is_not_listed():
    assert meetings(article("Officials met envoys of two Gulf states in Doha on Monday.", [])) == []


def test_a_spokesperson_reporting_a_meeting_is_not_a_participant():
    m = one("Foreign Office spokesperson Mumtaz Baloch said Minister Omar Ayub met Iranian envoy Reza Amiri.",
            [("Mumtaz Baloch",), ("Omar Ayub",), ("Reza Amiri",)])
    assert m.participants == ["Omar Ayub", "Reza Amiri"]


# --- dates -----------------------------------------------------------------------------------

def test_earlier_this_week_gives_no_day():
    m = one("Earlier this week, Deputy Minister Olena Koval met Polish envoy Marek Nowak.",
            [("Olena Koval",), ("Marek Nowak",)])
    assert m.date is None


def test_a_relative_day_without_a_publication_date_stays_unknown():
    m = one("Olena Koval met Marek Nowak on Saturday afternoon.", [("Olena Koval",), ("Marek Nowak",)], published=None)
    assert m.date is None


def test_saturday_afternoon_resolves_to_the_saturday_before_publication():
    m = one("Olena Koval met Marek Nowak on Saturday afternoon.", [("Olena Koval",), ("Marek Nowak",)])
    assert m.date.value == datetime.date(2024, 3, 2)


def test_the_day_of_arrival_does_not_date_the_talks():
    m = one("Turkmen Minister Dovlet Orazov arrived in Astana on Monday and held talks with Murat Bakhtiyar.",
            [("Dovlet Orazov",), ("Murat Bakhtiyar",)])
    assert m.date is None


def test_the_main_talks_of_a_visit_take_the_day_of_the_lead():
    body = ("ASTANA: Turkmen Foreign Minister Dovlet Orazov said on Tuesday that gas exports would grow. "
            "Orazov also met business leaders. "
            "Bilateral talks between Orazov and Murat Bakhtiyar were held at the ministry.")
    found = meetings(article(body, [("Dovlet Orazov", "Orazov"), ("Murat Bakhtiyar",)], published=WED))
    talks = next(m for m in found if len(m.participants) == 2)
    assert talks.date.value == datetime.date(2024, 3, 5)
    assert next(m for m in found if len(m.participants) == 1).date is None


# --- one meeting told in several sentences ---------------------------------------------------

def test_sentences_about_the_meeting_just_told_are_its_evidence_and_topic():
    body = ("Minister Aigerim Tazhi held a meeting with Ambassador Lu Wei. During the meeting, the envoy praised "
            "the new corridor. The meeting also addressed customs delays at the border.")
    m = one(body, [("Aigerim Tazhi",), ("Lu Wei",)])
    assert len(m.evidence) == 3
    assert m.topic == "customs delays at the border"


def test_a_person_present_during_the_talks_joins_the_meeting():
    body = "Aigerim Tazhi held talks with Lu Wei. Deputy Minister Kanat Bozumbayev was present during the talks."
    m = one(body, [("Aigerim Tazhi",), ("Lu Wei",), ("Kanat Bozumbayev",)])
    assert m.participants == ["Aigerim Tazhi", "Lu Wei", "Kanat Bozumbayev"]


def test_he_continuing_a_one_person_meeting_in_the_next_sentence_is_the_same_meeting():
    body = ("Mr Tazhi echoed the point in meetings with business leaders. He held discussions with the "
            "Railway Company on freight tariffs.")
    m = one(body, [("Aigerim Tazhi", "Mr Tazhi")], [("Railway Company",)])
    assert m.organizations == ["Railway Company"]
    assert len(m.evidence) == 2


def test_coordinated_meetings_in_one_sentence_are_separate():
    body = ("Before the main talks, Mr Tazhi's delegation met with the ministers of energy and trade, and "
            "attended a session of the business council.")
    found = meetings(article(body, [("Aigerim Tazhi", "Mr Tazhi")]))
    assert [m.participants for m in found] == [["Aigerim Tazhi"], ["Aigerim Tazhi"]]


# --- regression on the samples -----------------------------------------------------------------

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_meetings(name):
    articles = extract_file((SEEDS / name).read_bytes(), name)
    return [m for a in articles for m in a.meetings]


def test_dawn_sample_has_the_foreign_ministers_talks_on_the_day_before_publication():
    found = seed_meetings("004_8f5cf43f1953043f.txt")
    talks = [m for m in found if {"Murat Nurtleu", "Ishaq Dar"} <= set(m.participants)]
    assert len(talks) == 1 and talks[0].date.value == datetime.date(2025, 9, 9)
    assert len(found) == 7


def test_call_sample_is_a_meeting_without_location():
    found = seed_meetings("003_e7895eea17daa7ad.txt")
    call = next(m for m in found if "Allison Hooker" in m.participants)
    assert call.location is None and call.date is None


@pytest.mark.parametrize("sentence", [
    "Sadyr Japarov told reporters after meeting Lu Wei that the railway would be built.",
    "Sadyr Japarov's meeting with Lu Wei lasted two hours.",
    "Sadyr Japarov hosted a dinner in honour of Lu Wei at the state residence.",
    "Sadyr Japarov paid a courtesy call on Lu Wei.",
    "Lu Wei was received by Sadyr Japarov at the Ala-Archa residence.",
    "In a telephone conversation with Lu Wei, Sadyr Japarov thanked China for its support.",
])
def test_other_common_phrasings_are_meetings_of_both(sentence):
    m = one(sentence, [("Sadyr Japarov",), ("Lu Wei",)])
    assert set(m.participants) == {"Sadyr Japarov", "Lu Wei"}


# --- phrasings from other outlets' styles -------------------------------------------------------

def test_received_a_delegation_of_a_company_led_by_its_head_is_a_meeting_with_the_head_and_the_company():
    body = ("ASHGABAT: Deputy Chairman Batyr Amanov received a delegation of the Korea Gas Corporation (KOGAS) "
            "led by its president Choi Yeon-hye on Friday.")
    m = one(body, [("Batyr Amanov",), ("Choi Yeon-hye",)], [("Korea Gas Corporation", "KOGAS", "company")],
            dateline="ASHGABAT")
    assert m.participants == ["Batyr Amanov", "Choi Yeon-hye"]
    assert m.organizations == ["Korea Gas Corporation"]
    assert m.date.value == datetime.date(2024, 3, 1)


def test_a_relative_who_met_clause_takes_the_people_it_is_about():
    body = ("The agreement was witnessed by Georgian Prime Minister Irakli Kobakhidze and Armenian Prime Minister "
            "Nikol Pashinyan, who met earlier in Tbilisi for talks on border trade.")
    m = one(body, [("Irakli Kobakhidze",), ("Nikol Pashinyan",)])
    assert set(m.participants) == {"Irakli Kobakhidze", "Nikol Pashinyan"}
    assert m.location == "Tbilisi"
    assert m.date is None  # "earlier": not the day of the report


def test_the_two_leaders_are_the_two_people_of_the_sentence_before_and_take_the_lead_day():
    body = ("BAKU: Azerbaijani President Ilham Aliyev and visiting Uzbek President Shavkat Mirziyoyev on Tuesday "
            "pledged to double trade. The two leaders held restricted-format talks, followed by an expanded "
            "meeting of the delegations.")
    m = one(body, [("Ilham Aliyev",), ("Shavkat Mirziyoyev",)], dateline="BAKU")
    assert set(m.participants) == {"Ilham Aliyev", "Shavkat Mirziyoyev"}
    assert m.date.value == datetime.date(2024, 3, 5)


def test_the_two_sides_with_no_pair_named_before_is_nobody():
    body = "Officials said trade was growing. The two sides held talks on transit."
    assert meetings(article(body, [], published=WED)) == []


def test_a_courtesy_call_to_discuss_is_a_meeting_but_calling_on_someone_to_act_is_not():
    body = ("Energy Minister Serik Zhumabayev called on Minister of Water Resources Nurzhan Nurzhigitov to "
            "review irrigation plans. Farmers called on Nurzhan Nurzhigitov to release more water.")
    found = meetings(article(body, [("Serik Zhumabayev",), ("Nurzhan Nurzhigitov",)], published=WED))
    assert [m.participants for m in found] == [["Serik Zhumabayev", "Nurzhan Nurzhigitov"]]
    assert found[0].topic == "irrigation plans"


def test_the_heads_of_both_sides_of_a_negotiation_round_met():
    body = ("ASTANA: The fourth round of consultations on visa rules took place in Astana. The Kazakh side was "
            "headed by Deputy Foreign Minister Roman Vassilenko, while the Indian delegation was led by "
            "Joint Secretary Anurag Bhushan.")
    m = one(body, [("Roman Vassilenko",), ("Anurag Bhushan",)], dateline="ASTANA")
    assert m.participants == ["Roman Vassilenko", "Anurag Bhushan"]
    assert m.location == "Astana"


def test_one_delegation_head_alone_is_not_a_meeting():
    body = "The Kazakh side was headed by Deputy Foreign Minister Roman Vassilenko at the consultations."
    assert meetings(article(body, [("Roman Vassilenko",)], published=WED)) == []


def test_a_wire_dateline_date_does_not_date_the_talks_but_the_weekday_does():
    body = ("Ankara, March 6, 2024 (Anadolu) -- Turkish Foreign Minister Hakan Fidan and Kyrgyz Foreign Minister "
            "Jeenbek Kulubaev on Monday signed a visa deal. The two ministers held bilateral talks at the "
            "ministry.")
    m = one(body, [("Hakan Fidan",), ("Jeenbek Kulubaev",)])
    assert m.date.value == datetime.date(2024, 3, 4)


def test_a_meeting_a_lead_person_also_held_takes_the_day_of_the_lead_signing():
    body = ("BISHKEK: Kyrgyzstan and Japan signed a loan agreement on March 4, 2024, during a visit by Japanese "
            "Deputy Minister Kenji Tanaka. Tanaka also held a meeting with Kyrgyz Economy Minister Daniyar "
            "Amangeldiev to discuss mining.")
    found = meetings(article(body, [("Kenji Tanaka", "Tanaka"), ("Daniyar Amangeldiev",)], published=None))
    assert [m.participants for m in found] == [["Kenji Tanaka", "Daniyar Amangeldiev"]]
    assert found[0].date.value == datetime.date(2024, 3, 4)


# --- a meeting told again by some of its people -------------------------------------------------

def two_of_the_meeting(meeting: str, told_again: str) -> list[ExtractedMeeting]:
    """The meetings of Salas and Mora in a visit's story whose Monday `meeting` they both attended."""
    body = ("QUITO: Peruvian Trade Minister Elena Salas arrived on Sunday for a three-day visit. "
            + meeting + " " + told_again)
    found = meetings(article(body, [("Elena Salas", "Salas"), ("Pablo Ortega",), ("Ines Mora", "Mora")],
                             published=WED, dateline="QUITO"))
    return [m for m in found if set(m.participants) == {"Elena Salas", "Ines Mora"}]


def test_talks_of_two_of_a_meeting_told_just_before_take_its_day():
    pair = two_of_the_meeting("On Monday, Salas met separately with Ecuador's energy minister Pablo Ortega and "
                              "with Foreign Minister Ines Mora.",
                              "Mora and Salas discussed border crossings and fisheries, officials said.")[0]
    assert pair.date.value == datetime.date(2024, 3, 4)


def test_two_of_a_meeting_who_met_at_another_time_keep_no_day_of_it():
    earlier = two_of_the_meeting("On Monday, Salas met Ecuador's energy minister Pablo Ortega and Foreign Minister "
                                 "Ines Mora.", "Mora and Salas had previously met in Lima to discuss fisheries.")
    assert earlier and all(m.date is None for m in earlier)


# --- "on the eve of" a dated occasion ---------------------------------------------------------

def test_talks_on_the_eve_of_a_dated_summit_are_the_day_before_it():
    body = ("HELSINKI: The Nordic summit, held in Helsinki on March 5, ended with a joint statement on Arctic shipping. "
            "Prime Minister Sanna Virta, who held talks with Premier Jonas Dahl on the eve of the summit, "
            "spoke of closer grid links.")
    found = meetings(article(body, [("Sanna Virta",), ("Jonas Dahl",)], published=WED, dateline="HELSINKI"))
    pair = next(m for m in found if set(m.participants) == {"Sanna Virta", "Jonas Dahl"})
    assert pair.date.value == datetime.date(2024, 3, 4)
    assert pair.topic is None  # "talks ... on the eve of the summit" says when, not what


def test_on_the_eve_of_an_occasion_the_story_does_not_date_gives_no_day():
    body = ("Prime Minister Sanna Virta held talks with Premier Jonas Dahl on the eve of the election, "
            "officials said.")
    m = one(body, [("Sanna Virta",), ("Jonas Dahl",)])
    assert m.date is None


# --- "then": the next encounter of the day just told -----------------------------------------------

def talks_then_held(then: str, between: str = "") -> ExtractedMeeting:
    """The meeting of a visit's story told as what its delegation did next (`then`), perhaps after `between`."""
    body = ("LIMA: Peruvian Trade Minister Elena Salas arrived on Sunday for a three-day visit. "
            "On Monday she held talks with Foreign Minister Ines Mora. " + between +
            "The Peruvian delegation then held talks with energy minister Pablo Ortega and Rosa Vidal" + then)
    people = [("Elena Salas", "Salas"), ("Ines Mora", "Mora"), ("Pablo Ortega",), ("Rosa Vidal",)]
    found = meetings(article(body, people, published=WED, dateline="LIMA"))
    return next(m for m in found if "Pablo Ortega" in m.participants)


def test_talks_the_delegation_then_held_are_on_the_day_of_the_meeting_before():
    assert talks_then_held(".").date.value == datetime.date(2024, 3, 4)


def test_talks_then_held_on_a_day_of_their_own_keep_it():
    assert talks_then_held(" on Tuesday.").date.value == datetime.date(2024, 3, 5)


def test_talks_then_held_after_another_day_was_told_do_not_take_the_earlier_meeting_s_day():
    later = talks_then_held(".", between="A trade fair opens in the port of Callao on Friday. ")
    assert later.date is None or later.date.value != datetime.date(2024, 3, 4)


def test_a_leader_someone_attends_or_meets_on_behalf_of_is_not_a_participant():
    envoy = one("BISHKEK: Vice Premier Li Wenhao met Prime Minister Adylbek Kasymov on Monday as the personal "
                "representative of Chinese leader Zhou Ming.", [("Li Wenhao",), ("Adylbek Kasymov",), ("Zhou Ming",)],
                dateline="BISHKEK")
    assert envoy.participants == ["Li Wenhao", "Adylbek Kasymov"]
    behalf = one("BISHKEK: Vice Premier Li Wenhao met Prime Minister Adylbek Kasymov on behalf of President Zhou Ming.",
                 [("Li Wenhao",), ("Adylbek Kasymov",), ("Zhou Ming",)], dateline="BISHKEK")
    assert behalf.participants == ["Li Wenhao", "Adylbek Kasymov"]
