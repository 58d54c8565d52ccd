"""Who a person acts for, read from the words around the name, and organization names with lists.

Hand-made sentences with invented names, each for one general rule.
"""

from tests.extraction.entity_helpers import entities, org, person


def test_a_capitalized_place_after_the_is_not_a_person():
    body = ("DUSHANBE: Engineers will lay a cable under the Vakhsh Valley and along the Panj River bank. "
            "Trucks will cross the Pamir Plateau. Energy Minister Daler Juma inspected the site.")
    people, _ = entities(body, "DUSHANBE")
    assert [p.name for p in people] == ["Daler Juma"]


def test_a_counterpart_takes_the_demonym_before_it_and_the_title_of_the_other_side():
    body = ("ASTANA: Trade Minister Nurlan Sapargali met his Kyrgyz counterpart Bakyt Sydykov on Friday. "
            "Shakkaliyev said exports had grown.")
    people, _ = entities(body, "ASTANA")
    guest = person(people, "Bakyt Sydykov")
    assert (guest.title, guest.country) == ("Trade Minister", "Kyrgyzstan")
    host = person(people, "Nurlan Sapargali")
    assert (host.title, host.country) == ("Trade Minister", "Kazakhstan")


def test_a_counterpart_with_a_title_of_his_own_keeps_it():
    body = "ISLAMABAD: Interior Minister Ali Raza held talks with his Iranian counterpart, Deputy Minister Reza Karimi."
    people, _ = entities(body, "ISLAMABAD")
    assert (person(people, "Reza Karimi").title, person(people, "Reza Karimi").country) == ("Deputy Minister", "Iran")
    assert person(people, "Ali Raza").country == "Pakistan"


def test_a_title_with_a_portfolio_list_is_read_whole_and_the_delegation_gives_the_country():
    body = ("ISLAMABAD: The talks were held on Monday. The Tajik delegation was headed by First Deputy Minister "
            "of Energy, Water Resources and Irrigation Jamshed Nurov, officials said.")
    people, _ = entities(body, "ISLAMABAD")
    nurov = person(people, "Jamshed Nurov")
    assert nurov.title == "First Deputy Minister of Energy, Water Resources and Irrigation"
    assert nurov.country == "Tajikistan"


def test_a_delegation_from_a_country_led_by_someone_gives_that_country():
    body = "TASHKENT: A delegation from Azerbaijan led by Deputy Minister Elnur Ganiyev arrived on Sunday."
    people, _ = entities(body, "TASHKENT")
    assert person(people, "Elnur Ganiyev").country == "Azerbaijan"


def test_an_organization_name_with_a_portfolio_list_is_not_cut_at_the_comma():
    body = ("BISHKEK: The Ministry of Economy, Labour and Social Protection and the Kazakh Ministry of Trade, "
            "Integration and Investment signed a plan. The Ministry of Energy, Kazakhstan and China also spoke.")
    _, orgs = entities(body, "BISHKEK")
    assert org(orgs, "Ministry of Economy, Labour and Social Protection").type == "government"
    assert org(orgs, "Kazakh Ministry of Trade, Integration and Investment").country == "Kazakhstan"
    assert org(orgs, "Ministry of Energy")
    assert not any("Kazakhstan and China" in o.name for o in orgs)


def test_a_visitor_to_the_home_country_takes_the_other_country_of_a_bilateral_story():
    body = ("ISLAMABAD: Pakistan and Turkmenistan reviewed the gas pipeline on Tuesday. "
            "The talks prepared the visit of President Serdar Orazov to Islamabad next month. "
            "Prime Minister Kamran Butt chaired the meeting.")
    people, _ = entities(body, "ISLAMABAD", title="Pakistan, Turkmenistan review pipeline")
    assert person(people, "Serdar Orazov").country == "Turkmenistan"
    assert person(people, "Kamran Butt").country == "Pakistan"


def test_a_visitor_in_a_story_with_several_foreign_countries_gets_no_country():
    body = ("ISLAMABAD: Officials from Iran, China and Qatar attended. "
            "They prepared the visit of President Omar Farid to Islamabad next month.")
    people, _ = entities(body, "ISLAMABAD", title="Regional officials meet")
    assert person(people, "Omar Farid").country is None


def test_a_person_titled_by_an_international_body_belongs_to_it_and_to_no_host_country():
    body = ("ASTANA: European Commission Vice-President Anna Kowalska and Asian Development Bank President "
            "Kenji Sato met Kazakh officials. Kowalska said the talks went well.")
    people, orgs = entities(body, "ASTANA")
    anna = person(people, "Anna Kowalska")
    # The European Union acts as a state: its institutions' officials act for it, not for the host.
    assert (anna.title, anna.organization, anna.country) == ("Vice-President", "European Commission", "European Union")
    assert person(people, "Kenji Sato").organization == "Asian Development Bank"
    assert person(people, "Kenji Sato").country is None
    assert org(orgs, "European Commission").type == "international"


def test_an_organization_before_a_title_links_the_person_even_when_the_head_is_not_known():
    body = "KARACHI: Ormara Harbour Authority Chairman Imran Shah and Planning Commission Member Sara Naz spoke."
    people, orgs = entities(body, "KARACHI")
    assert person(people, "Imran Shah").organization == "Ormara Harbour Authority"
    assert person(people, "Sara Naz").organization == "Planning Commission"
    assert not any("Imran" in o.name for o in orgs)


def test_a_portfolio_before_a_title_is_not_an_organization():
    body = "LAHORE: Railways Minister Saad Malik and Customs Chief Asif Noor visited the depot."
    people, orgs = entities(body, "LAHORE")
    assert person(people, "Saad Malik").title == "Railways Minister"
    assert not orgs


def test_cabinets_and_chambers_are_organizations_but_press_services_are_not():
    body = ("TASHKENT: The Cabinet of Ministers approved the plan, the Press Service of the President said. "
            "The Chamber of Commerce and Industry of Tajikistan welcomed it, the presidential press office added.")
    _, orgs = entities(body, "TASHKENT")
    assert org(orgs, "Cabinet of Ministers").type == "government"
    assert org(orgs, "Cabinet of Ministers").country == "Uzbekistan"
    assert org(orgs, "Chamber of Commerce and Industry of Tajikistan").type == "association"
    assert not any("Press" in o.name for o in orgs)


def test_camel_case_companies_after_a_possessive_or_signing_are_companies_but_surnames_are_not():
    body = ("ASHGABAT: Turkmenistan's TurkmenGaz and China's PetroChina signed a supply contract. "
            "GazProm also signed. Ambassador Ewan McLeod and General Hugh MacKenzie attended. "
            "TurkmenGaz said deliveries start in May.")
    people, orgs = entities(body, "ASHGABAT")
    turkmengaz = org(orgs, "TurkmenGaz")
    assert (turkmengaz.type, turkmengaz.country, len(turkmengaz.evidence)) == ("company", "Turkmenistan", 2)
    assert (org(orgs, "PetroChina").type, org(orgs, "PetroChina").country) == ("company", "China")
    assert org(orgs, "GazProm").type == "company"
    assert {"Ewan McLeod", "Hugh MacKenzie"} <= {p.name for p in people}
    assert not any(o.name in ("McLeod", "MacKenzie") for o in orgs)


def test_a_chairman_led_by_its_organization_takes_its_country():
    body = ("ASTANA: Kazakh Prime Minister Olzhas Bek received a delegation of the Korea Electric Power "
            "Corporation (KEPCO) led by its president Choi Jisung on Monday.")
    people, _ = entities(body, "ASTANA")
    kim = person(people, "Choi Jisung")
    assert (kim.title, kim.organization, kim.country) == ("president", "Korea Electric Power Corporation",
                                                          "South Korea")


def test_an_organization_name_stops_before_a_title_and_a_person_it_runs_into():
    body = ("BAKU: Deputy Chairman of the Cabinet of Ministers and Economy Minister Samir Huseynov met the "
            "Ministry of Foreign Affairs Spokesperson Leyla Rzayeva. The Cabinet of Ministers approved the plan.")
    people, orgs = entities(body, "BAKU")
    assert {o.name for o in orgs} == {"Cabinet of Ministers", "Ministry of Foreign Affairs"}
    samir = person(people, "Samir Huseynov")
    assert samir.title == "Deputy Chairman of the Cabinet of Ministers and Economy Minister"
    assert person(people, "Leyla Rzayeva").organization == "Ministry of Foreign Affairs"


def test_an_appositive_with_several_titles_and_an_organization_links_the_person():
    body = ("DUSHANBE: Rustam Nazar, deputy head of the Tajik Investment Committee and member of the State "
            "Energy Council, said the plant would open in May. Ilhom Rahim, a senior fellow at the Centre for "
            "Regional Studies (CRS), agreed.")
    people, _ = entities(body, "DUSHANBE")
    rustam = person(people, "Rustam Nazar")
    assert rustam.title.startswith("deputy head of the Tajik Investment Committee and member")
    assert (rustam.organization, rustam.country) == ("Tajik Investment Committee", "Tajikistan")
    assert person(people, "Ilhom Rahim").organization == "Centre for Regional Studies"


def test_a_possessive_international_body_before_a_title_gives_no_country():
    body = "TASHKENT: The World Bank's country director for Uzbekistan, Maria Lopez, announced a loan."
    people, _ = entities(body, "TASHKENT")
    maria = person(people, "Maria Lopez")
    assert (maria.title, maria.organization, maria.country) == ("country director for Uzbekistan", "World Bank", None)


def test_a_province_before_a_title_gives_its_country():
    body = "BEIJING: Balochistan Chief Minister Akbar Jan and Xinjiang Party Secretary Chen Ming met on Monday."
    people, _ = entities(body, "BEIJING")
    assert person(people, "Akbar Jan").country == "Pakistan"
    assert person(people, "Chen Ming").country == "China"


def test_each_name_in_a_list_of_appositions_keeps_its_own_title():
    from .entity_helpers import entities, person

    body = ("The charter was signed by Rustam Qodirov, vice-president of Uzgidroenergo, Aida Nurlanova, "
            "a department head at the grid operator, and Daler Saidzoda, deputy chairman of the board of "
            "Barqi Grid JSC.")
    people, _ = entities(body, dateline="DUSHANBE")
    assert person(people, "Rustam Qodirov").title == "vice-president of Uzgidroenergo"
    assert person(people, "Aida Nurlanova").title == "department head"
    assert person(people, "Daler Saidzoda").title == "deputy chairman of the board of Barqi Grid JSC"


def test_an_apposition_keeps_a_lower_case_qualifier_and_an_adjective_before_the_title():
    from .entity_helpers import entities, person

    body = ("He was welcomed by Mawlawi Rustam Qodirov, the deputy prime minister for rural affairs, "
            "and met Mullah Daler Saidzoda, the second deputy prime minister, on Sunday.")
    people, _ = entities(body, dateline="KABUL")
    assert person(people, "Rustam Qodirov").title == "deputy prime minister for rural affairs"
    assert person(people, "Daler Saidzoda").title == "second deputy prime minister"
    assert person(people, "Daler Saidzoda").country == "Afghanistan"


def test_a_title_after_as_and_a_title_whose_qualifier_runs_on_are_read():
    from .entity_helpers import entities, person

    body = ("The partners chose Rustam Qodirov as general director of the plant. "
            "Daler Saidzoda, deputy chairman of the board of the water utility in charge of planning, spoke.")
    people, _ = entities(body, dateline="DUSHANBE")
    assert person(people, "Rustam Qodirov").title == "general director of the plant"
    assert person(people, "Daler Saidzoda").title == "deputy chairman of the board"


def test_a_body_in_a_double_title_stops_before_the_second_title_and_its_portfolio():
    from .entity_helpers import entities, person

    body = ("Tajikistan's Deputy Chairman of the Council of Ministers and Minister for Foreign Affairs "
            "Daler Saidzoda opened the talks. The Council of Ministers approved the agenda.")
    people, orgs = entities(body)
    assert [o.name for o in orgs] == ["Council of Ministers"]
    assert person(people, "Daler Saidzoda").country == "Tajikistan"


def test_a_plural_title_before_a_list_of_names_is_each_ones_title_in_the_singular():
    body = ("TASHKENT: On Monday, transport ministers Rustam Olimov of Tajikistan, Dauren Bekov of Kazakhstan "
            "and Kamol Yusupov of Uzbekistan signed a protocol on rail freight.")
    people, _ = entities(body, "TASHKENT")
    assert [(p.name, p.title, p.country) for p in people] == [
        ("Rustam Olimov", "transport minister", "Tajikistan"),
        ("Dauren Bekov", "transport minister", "Kazakhstan"),
        ("Kamol Yusupov", "transport minister", "Uzbekistan"),
    ]


def test_a_list_opened_by_a_dash_takes_the_plural_title_before_it():
    body = ("ALMATY: The foreign ministers of the two states that share the river - Aibek Tursunov of Kyrgyzstan "
            "and Farrukh Nazarov of Tajikistan - met in Almaty on Friday.")
    people, _ = entities(body, "ALMATY")
    assert {p.name: p.title for p in people} == {"Aibek Tursunov": "foreign minister",
                                                 "Farrukh Nazarov": "foreign minister"}


def test_a_name_between_the_plural_title_and_the_dash_keeps_the_list_untitled():
    body = ("ALMATY: The ministers thanked President Marat Sadykov for the talks - Aibek Tursunov "
            "and Farrukh Nazarov said so on Friday.")
    people, _ = entities(body, "ALMATY")
    assert person(people, "Aibek Tursunov").title is None
    assert person(people, "Farrukh Nazarov").title is None


def test_a_generic_body_named_only_in_titles_is_part_of_the_post_not_an_organization():
    body = ("BAKU: Deputy Chairman of the Cabinet of Ministers Samir Huseynov met Leyla Rzayeva, Secretary of the "
            "Security Council, and the Speaker of the Milli Mejlis Elvin Hasanov.")
    people, orgs = entities(body, "BAKU")
    assert person(people, "Leyla Rzayeva").title == "Secretary of the Security Council"
    assert {o.name for o in orgs} == {"Milli Mejlis"}


def test_a_generic_body_the_story_also_names_on_its_own_stays_an_organization():
    body = ("BAKU: Deputy Chairman of the Cabinet of Ministers Samir Huseynov said the Cabinet of Ministers "
            "would meet on Friday.")
    _, orgs = entities(body, "BAKU")
    assert {o.name for o in orgs} == {"Cabinet of Ministers"}


def test_a_programme_two_sides_sign_is_a_document_not_an_organization():
    body = ("DUSHANBE: The ministers signed a Programme of Cooperation for 2026-2028 and welcomed the "
            "Joint Implementation Programme agreed by the two energy ministries. The United Nations "
            "Development Programme will fund the study.")
    _, orgs = entities(body, "DUSHANBE")
    assert {o.name for o in orgs} == {"United Nations Development Programme"}


def test_a_post_before_a_comma_and_a_rank_is_the_title_not_the_rank():
    body = ("BAKU: At the ceremony, Saudi Arabia's Minister of Energy, Prince Faisal bin Khalid, signed the accord. "
            "Guests, Prince Omar bin Nasser and others attended.")
    people, _ = entities(body, "BAKU")
    faisal = person(people, "Faisal bin Khalid")
    assert (faisal.title, faisal.country) == ("Minister of Energy", "Saudi Arabia")
    assert person(people, "Omar bin Nasser").title == "Prince"


def test_an_apposition_ending_in_a_described_body_with_a_demonym_is_the_title():
    body = ("ASTANA: The loan was signed by Aliya Nurlanova, deputy chairman of the Uzbek export bank, and "
            "Marta Kowalska, vice president of the EBRD. Rustam Karimov, head of the Uzbek state oil company, "
            "welcomed it.")
    people, _ = entities(body, "ASTANA")
    assert person(people, "Aliya Nurlanova").title == "deputy chairman of the Uzbek export bank"
    assert person(people, "Rustam Karimov").title == "head of the Uzbek state oil company"
    assert person(people, "Marta Kowalska").title == "vice president of the EBRD"


def test_a_title_of_a_body_described_before_its_name_belongs_to_the_person_after_it():
    body = ("BISHKEK: The roadmap was signed by head of the national operator Kyrgyz Aba Joldoru Bolot Asanov "
            "and the head of the port. General director of the state company Caspian Ferry Lines JSC "
            "Daniyar Omarov also attended.")
    people, _ = entities(body, "BISHKEK")
    asanov = person(people, "Bolot Asanov")
    assert asanov.title == "head of the national operator Kyrgyz Aba Joldoru"
    assert asanov.organization == "Kyrgyz Aba Joldoru"
    assert person(people, "Daniyar Omarov").title == "General director of the state company Caspian Ferry Lines JSC"


def test_the_present_post_in_a_relative_clause_is_the_title_not_the_former_one():
    body = ("ASHGABAT: The minister also met Rustam Ergashev, who was Kazakhstan's energy minister for six years "
            "until March 2021 and currently holds the offices of Deputy Chairman of the Senate and Special Envoy "
            "for Water Affairs. He later met Timur Kasenov, who was trade minister until 2019 and is now the Deputy "
            "Speaker, on Monday. Aidos Serikov, who now lives in Almaty, did not attend.")
    people, _ = entities(body, "ASHGABAT")
    ergashev = person(people, "Rustam Ergashev")
    assert ergashev.title == "Deputy Chairman of the Senate and Special Envoy for Water Affairs"
    assert ergashev.country == "Kazakhstan"
    assert person(people, "Timur Kasenov").title == "Deputy Speaker"
    assert person(people, "Aidos Serikov").title is None


def test_a_title_with_the_area_it_covers_before_a_comma_and_the_name_is_read_whole():
    body = ("GENEVA: The Alpine Water Fund pays for the study, and the fund's head for South Asia, Marta Kessler, "
            "has praised the plan. The fund paid for West Africa, Jonas Keller said.")
    people, _ = entities(body, "GENEVA")
    assert person(people, "Marta Kessler").title == "head for South Asia"
    assert person(people, "Jonas Keller").title is None
