"""A person's country comes from their own title, possessive, "of <country>" or principal, not a neighbour's."""

from .entity_helpers import entities, person


def test_of_a_country_after_the_name_gives_that_persons_country_only():
    body = ("The summit brought together Nurlan Zhumabekov of Kazakhstan, Rustam Qodirov of Uzbekistan "
            "and Daler Saidzoda of Tajikistan.")
    people, _ = entities(body, dateline="BEIJING")
    assert person(people, "Nurlan Zhumabekov").country == "Kazakhstan"
    assert person(people, "Rustam Qodirov").country == "Uzbekistan"
    assert person(people, "Daler Saidzoda").country == "Tajikistan"


def test_a_possessive_in_the_apposition_beats_the_country_the_envoy_is_posted_to():
    body = "At the airport he was met by Rustam Qodirov, Uzbekistan's ambassador to China, and others."
    people, _ = entities(body, dateline="BEIJING")
    assert person(people, "Rustam Qodirov").country == "Uzbekistan"


def test_an_apposition_that_is_not_a_title_gives_no_country():
    body = ("The talks were hosted by the Minister of Trade, Rustam Qodirov, which was also attended by "
            "a deputy minister of Georgia.")
    people, _ = entities(body, dateline="TASHKENT")
    assert person(people, "Rustam Qodirov").country == "Uzbekistan"


def test_an_aide_acts_for_the_country_of_the_person_they_serve():
    body = ("Kazakh President Nurlan Zhumabekov arrived in Tashkent. Zhumabekov's press secretary, "
            "Aidos Karimov, said the talks would last two days.")
    people, _ = entities(body, dateline="TASHKENT")
    assert person(people, "Aidos Karimov").country == "Kazakhstan"


def test_without_a_dateline_the_hosts_are_of_the_city_the_lede_visit_goes_to():
    body = ("Twelve contracts were signed during a three-day trip to Ashgabat by Kazakhstan's Prime Minister "
            "Nurlan Zhumabekov. He was welcomed by Rustam Qodirov, the deputy chairman for economic affairs, "
            "and other officials. Kazakh officials said the talks went well, Kazakh media reported.")
    people, _ = entities(body)
    assert person(people, "Rustam Qodirov").country == "Turkmenistan"
    assert person(people, "Nurlan Zhumabekov").country == "Kazakhstan"


def test_an_official_of_the_european_union_acts_for_the_union_not_the_host():
    body = ("ALMATY - European Commission President Greta Lindqvist held talks with Kazakh President "
            "Arman Seitkali on Monday, and EU trade commissioner Pieter Jansen joined them later.")
    people, _ = entities(body, dateline="ALMATY")
    assert person(people, "Greta Lindqvist").country == "European Union"
    assert person(people, "Pieter Jansen").country == "European Union"
    assert person(people, "Arman Seitkali").country == "Kazakhstan"


def test_a_citys_possessive_in_an_apposition_gives_that_citys_country():
    body = ("BEIJING: The minister was met by Chinese officials. His delegation includes Ahmad Qureshi, "
            "Islamabad's trade envoy for Iran.")
    people, _ = entities(body, "BEIJING")
    qureshi = person(people, "Ahmad Qureshi")
    assert (qureshi.title, qureshi.country) == ("trade envoy for Iran", "Pakistan")


def test_a_two_word_countrys_possessive_before_a_title_gives_that_country():
    body = "BAKU: Saudi Arabia's Energy Minister Faisal Khalid and Azerbaijani officials signed the accord."
    people, _ = entities(body, "BAKU")
    khalid = person(people, "Faisal Khalid")
    assert (khalid.title, khalid.country) == ("Energy Minister", "Saudi Arabia")
