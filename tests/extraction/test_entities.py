"""Entities on hand-made articles in several styles, and on the project's sample files."""

from pathlib import Path

import pytest

from archive.extraction.entities.names import normalize
from archive.extraction.pipeline import extract_file
from tests.extraction.entity_helpers import entities, org, person

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

ENERGY_DEAL = """\
TASHKENT, March 3 (Reuters) - Uzbekistan and Turkmenistan signed a gas supply agreement on Monday \
during a visit by Turkmen President Serdar Berdimuhamedov to Tashkent, Uzbek President Shavkat \
Mirziyoyev's office said.

Under the deal, state energy company Uzbekneftegaz will buy up to 2 billion cubic metres of gas a \
year, Energy Minister Jurabek Mirzamahmudov told reporters.

"This agreement strengthens our energy security," Mirziyoyev said. The Asian Development Bank (ADB) \
will finance a new pipeline, according to the Ministry of Energy of Uzbekistan.

Berdimuhamedov also met executives of the Chinese firm CNPC. Talks between Shavkat Mirziyoyev and \
Serdar Berdimuhamedov focused on the Trans-Caspian Gas Pipeline."""

ROAD_CONTRACT = """\
BISHKEK: China Road and Bridge Corporation (CRBC) has signed a $300 million contract with \
Kyrgyzstan's Ministry of Transport and Communications to build a highway, the ministry said on Thursday.

Kyrgyz Transport Minister Tilek Tekebayev and CRBC chairman Wang Tongzhou attended the ceremony in \
Bishkek.

Tekebayev said the road would link Bishkek with the Chinese border. Dr. Aigul Osmonova, an economist, \
said the project was long overdue.

"We welcome Chinese investment," said Edil Baisalov, Deputy Chairman of the Cabinet. The Eurasian \
Development Bank and the World Bank were not involved."""

WIRE_STYLE = """\
BAKU (AFP) — Azerbaijan's Foreign Minister Jeyhun Bayramov held talks with his Iranian counterpart \
in Baku on Friday, the Azerbaijani foreign ministry said.

The Caspian Offshore Petroleum Company (COPCO) and Iran's National Iranian Gas Company signed \
a swap deal. COPCO will deliver the gas via Armenia's border, the ministry said.

Meanwhile, Both sides welcomed the work of the Organization of Turkic States. Mr Bayramov later met \
Rauf Aliyarov, an adviser, and Ms. Leyla Abdullayeva, the ministry spokesperson, at the Foreign Ministry."""


def test_presidents_get_title_and_country_from_their_demonym():
    people, _ = entities(ENERGY_DEAL, "TASHKENT")
    assert person(people, "Serdar Berdimuhamedov").title == "President"
    assert person(people, "Serdar Berdimuhamedov").country == "Turkmenistan"
    assert person(people, "Shavkat Mirziyoyev").country == "Uzbekistan"


def test_surname_mentions_join_the_full_name_with_their_evidence():
    people, _ = entities(ENERGY_DEAL, "TASHKENT")
    mirziyoyev = person(people, "Shavkat Mirziyoyev")
    assert "Mirziyoyev" in mirziyoyev.aliases
    assert len(mirziyoyev.evidence) == 3
    assert len(people) == 3


def test_a_minister_without_a_country_acts_for_the_dateline_country():
    people, _ = entities(ENERGY_DEAL, "TASHKENT")
    minister = person(people, "Jurabek Mirzamahmudov")
    assert (minister.title, minister.country) == ("Energy Minister", "Uzbekistan")


def test_evidence_offsets_point_at_the_mention_in_the_body():
    people, orgs = entities(ENERGY_DEAL, "TASHKENT")
    for record in [*people, *orgs]:
        for ev in record.evidence:
            assert ENERGY_DEAL[ev.sentence_start:ev.sentence_end] == ev.sentence
            assert ev.sentence_start <= ev.start < ev.end <= ev.sentence_end
            assert 0 < ev.confidence <= 1


def test_companies_named_after_a_generic_noun_take_the_demonym_before_it():
    _, orgs = entities(ENERGY_DEAL, "TASHKENT")
    cnpc = org(orgs, "CNPC")
    assert (cnpc.type, cnpc.country, cnpc.acronym) == ("company", "China", "CNPC")
    assert org(orgs, "Uzbekneftegaz").type == "company"


def test_known_bodies_and_ministries_are_organizations_but_pipelines_are_not():
    _, orgs = entities(ENERGY_DEAL, "TASHKENT")
    assert org(orgs, "Asian Development Bank").acronym == "ADB"
    assert org(orgs, "Ministry of Energy of Uzbekistan").country == "Uzbekistan"
    assert org(orgs, "Reuters").type == "media"
    assert not any("Pipeline" in o.name for o in orgs)


def test_a_company_name_with_and_stays_whole_and_takes_its_acronym():
    _, orgs = entities(ROAD_CONTRACT, "BISHKEK")
    crbc = org(orgs, "China Road and Bridge Corporation")
    assert (crbc.acronym, crbc.type, crbc.country) == ("CRBC", "company", "China")


def test_a_ministry_after_a_country_possessive_belongs_to_that_country():
    _, orgs = entities(ROAD_CONTRACT, "BISHKEK")
    assert org(orgs, "Ministry of Transport and Communications").country == "Kyrgyzstan"


def test_a_title_after_an_organization_links_the_person_to_it():
    people, _ = entities(ROAD_CONTRACT, "BISHKEK")
    wang = person(people, "Wang Tongzhou")
    assert (wang.title, wang.organization, wang.country) == ("chairman", "China Road and Bridge Corporation", "China")


def test_appositive_titles_and_inverted_said_are_read():
    people, _ = entities(ROAD_CONTRACT, "BISHKEK")
    assert person(people, "Edil Baisalov").title == "Deputy Chairman of the Cabinet"
    assert person(people, "Aigul Osmonova").title == "economist"
    assert "Dr Aigul Osmonova" in person(people, "Aigul Osmonova").aliases


def test_wire_style_dateline_with_agency_and_honorifics_with_dots():
    people, orgs = entities(WIRE_STYLE, "BAKU")
    bayramov = person(people, "Jeyhun Bayramov")
    assert (bayramov.title, bayramov.country) == ("Foreign Minister", "Azerbaijan")
    assert "Mr Bayramov" in bayramov.aliases
    assert person(people, "Leyla Abdullayeva").title == "ministry spokesperson"
    assert org(orgs, "AFP").type == "media"


def test_demonym_foreign_ministry_is_one_body_with_its_capitalized_form():
    _, orgs = entities(WIRE_STYLE, "BAKU")
    ministry = org(orgs, "Azerbaijani Foreign Ministry")
    assert (ministry.type, ministry.country) == ("government", "Azerbaijan")
    assert len(ministry.evidence) == 2


def test_parenthesized_acronyms_and_later_bare_uses_merge():
    _, orgs = entities(WIRE_STYLE, "BAKU")
    copco = org(orgs, "COPCO")
    assert copco.name == "Caspian Offshore Petroleum Company"
    assert len(copco.evidence) >= 2


def test_countries_generic_phrases_and_sentence_openers_are_not_entities():
    people, orgs = entities(WIRE_STYLE, "BAKU")
    names = {normalize(x.name) for x in [*people, *orgs]}
    assert not names & {"azerbaijan", "armenia", "meanwhile", "both", "both sides"}
    assert org(orgs, "Organization of Turkic States").type == "international"


def test_two_people_sharing_a_surname_stay_apart_and_a_bare_surname_goes_to_the_latest():
    body = ("Prime Minister Ali Karimov met former Prime Minister Rustam Karimov in Dushanbe. "
            "Karimov said the talks were useful.")
    people, _ = entities(body, "DUSHANBE")
    assert len(people) == 2
    assert person(people, "Rustam Karimov").aliases == ["Karimov"]
    assert person(people, "Rustam Karimov").title == "former Prime Minister"


def test_a_surname_with_title_but_no_full_name_is_still_a_person():
    people, _ = entities("Kyrgyz President Japarov arrived in Tashkent on Monday.", None)
    assert person(people, "Japarov").country == "Kyrgyzstan"


def test_a_human_byline_is_a_person_and_a_desk_byline_is_not():
    body = "ASTANA: The Senate approved the treaty on Monday."
    assert [p.name for p in entities(body, "ASTANA", "Aliya Nurlanova")[0]] == ["Aliya Nurlanova"]
    assert entities(body, "ASTANA", "Agencies")[0] == []


def test_title_case_headline_lines_do_not_make_people():
    body = "Kyrgyz Envoy Calls For Closer Ties With Pakistan\n\nThe envoy spoke on Monday."
    assert entities(body, "ISLAMABAD")[0] == []


@pytest.fixture(scope="module")
def seed_articles():
    return {p.name[:3]: extract_file(p.read_bytes(), p.name) for p in sorted(SEEDS.glob("*.txt"))}


def test_seed_hyphenation_noise_and_possessive_titles(seed_articles):
    article = seed_articles["004"][0]
    nurtleu = person(article.people, "Murat Nurtleu")
    assert nurtleu.title == "Deputy Prime Minister and Foreign Minister"
    assert nurtleu.country == "Kazakhstan"
    assert "Mr Nurtleu" in nurtleu.aliases
    assert person(article.people, "Arman Shakkaliyev").title == "Minister of Trade and Integration"


def test_seed_two_sharifs_keep_their_own_mentions(seed_articles):
    article = seed_articles["004"][0]
    assert "Shehbaz" in person(article.people, "Shehbaz Sharif").aliases
    assert person(article.people, "Nawaz Sharif").title == "former Prime Minister"


def test_seed_foreign_office_and_fo_are_one_body_apart_from_the_kazakh_ministry(seed_articles):
    orgs = seed_articles["004"][0].organizations
    assert org(orgs, "Foreign Office").acronym == "FO"
    assert org(orgs, "Kazakh Foreign Ministry").country == "Kazakhstan"
    assert org(orgs, "National Aerospace Science and Technology Park").country == "Pakistan"


def test_seed_taliban_variants_are_told_apart_by_country(seed_articles):
    orgs = seed_articles["003"][1].organizations
    assert org(orgs, "Afghan Taliban").country == "Afghanistan"
    assert org(orgs, "Pakistani Taliban").country == "Pakistan"
    assert not any(o.name == "United States" for o in orgs)


def test_seed_no_person_twice_in_an_article(seed_articles):
    for articles in seed_articles.values():
        for article in articles:
            keys = [normalize(p.name) for p in article.people]
            assert len(keys) == len(set(keys))


def test_and_before_a_place_starts_a_new_name_and_lowercase_titles_follow_an_organization():
    body = ("Air Astana and Pakistan International Airlines (PIA) will fly the route. "
            "Silk Road Group chief executive Aidos Zhumabekov and Eurasian Economic Union officials attended.")
    people, orgs = entities(body, "ASTANA")
    assert org(orgs, "PIA").name == "Pakistan International Airlines"
    assert org(orgs, "Eurasian Economic Union").type == "international"
    aidos = person(people, "Aidos Zhumabekov")
    assert (aidos.title, aidos.organization) == ("chief executive", "Silk Road Group")


def test_an_initial_without_its_full_stop_after_a_title_starts_the_name():
    from .entity_helpers import entities, person

    body = ("NEW DELHI: External Affairs Minister R Mehtani hosted the talks on Friday. Mehtani said trade "
            "would grow. Plan B Kazakhstan was not discussed.")
    people, _ = entities(body, "NEW DELHI")
    mehtani = person(people, "R Mehtani")
    assert (mehtani.title, mehtani.country) == ("External Affairs Minister", "India")
    assert [p.name for p in people] == ["R Mehtani"]
