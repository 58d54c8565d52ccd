"""Spans that read like names but are places, pieces of longer names, modifiers, glosses or page furniture."""

from archive.extraction.entities import places

from .entity_helpers import entities


def names_of(body: str, **kwargs) -> set[str]:
    people, _ = entities(body, **kwargs)
    return {p.name for p in people}


def test_cities_and_provinces_from_the_gazetteers_are_places():
    assert places.is_place("Abu Dhabi") and places.is_place("Khyber-Pakhtunkhwa") and places.is_place("Sindh")
    assert not places.is_place("Nurlan Zhumabekov")


def test_a_city_before_a_possessive_is_not_a_person():
    body = "The utility signed a deal with Abu Dhabi's state energy firm on Monday, Nurlan Zhumabekov said."
    assert names_of(body) == {"Nurlan Zhumabekov"}


def test_the_first_words_of_a_longer_capitalized_name_are_not_a_person():
    body = "The road runs through the Zarafshan Oblast Autonomous Region, Nurlan Zhumabekov said."
    assert "Zarafshan Oblast" not in names_of(body)


def test_a_name_that_modifies_a_common_noun_is_a_programme():
    body = "The bloc will launch a Silver Bridge investment package next year, Minister Nurlan Zhumabekov said."
    assert names_of(body) == {"Nurlan Zhumabekov"}


def test_a_gloss_in_brackets_after_a_building_is_not_a_person():
    body = "Talks were held at the House of Friendship (Dusti Khona), where Nurlan Zhumabekov spoke."
    assert "Dusti Khona" not in names_of(body)


def test_cookie_banner_buttons_are_not_a_person():
    body = "We use cookies. Read our Cookie Policy. Accept Manage preferences\n\nMinister Nurlan Zhumabekov spoke."
    assert names_of(body) == {"Nurlan Zhumabekov"}


def test_a_residence_after_a_title_abbreviation_is_not_a_person():
    body = "The envoy called on him at the PM House in the capital, Minister Nurlan Zhumabekov said."
    assert "House" not in names_of(body)


def test_a_name_broken_by_a_hyphen_at_a_line_end_is_read_whole():
    body = "The summit brought together Nurlan Zhuma-\nbekov of Kazakhstan and Rustam Qodirov of Uzbekistan."
    assert "Nurlan Zhumabekov" in names_of(body)


def test_a_surname_with_two_particles_keeps_its_given_name():
    body = "Commission President Greta van der Berg met the ministers. Van der Berg said the talks went well."
    people, _ = entities(body)
    assert [p.name for p in people] == ["Greta van der Berg"]


def test_a_patronymic_suffix_closes_the_name():
    body = "Taking part were Nurlan Asanbek uulu, Speaker of the Jogorku Kenesh, and others. Asanbek uulu spoke."
    people, _ = entities(body, dateline="BISHKEK")
    assert [p.name for p in people] == ["Nurlan Asanbek uulu"]
