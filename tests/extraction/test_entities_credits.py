"""Titles from an author's note, a colon label and a wire story's credits; a titled name is a person even if a town shares it."""

from .entity_helpers import entities, person


def test_an_authors_note_gives_the_title_after_is_a():
    people, _ = entities("The line opens in May.\n\nMarat Tulegenov is a journalist based in Almaty.")
    assert person(people, "Marat Tulegenov").title == "journalist"


def test_a_colon_label_gives_the_title():
    people, _ = entities("The talks ended on Friday.\n\nEditor: Zhang Min | 2025-05-21")
    assert person(people, "Zhang Min").title == "Editor"


def test_the_credits_of_a_wire_story_give_reporter_writer_and_editor():
    body = ("The talks ended on Friday.\n\n(Reporting by Anna Petrova in Tashkent; Writing by Timur Alimov; "
            "Editing by Peter Grant)")
    people, _ = entities(body)
    assert [(p.name, p.title) for p in people] == [
        ("Anna Petrova", "reporter"), ("Timur Alimov", "writer"), ("Peter Grant", "editor")]


def test_a_titled_name_is_a_person_even_where_a_town_shares_it():
    people, _ = entities("Foreign Minister Li Wei met his counterpart in Beijing.", dateline="BEIJING")
    assert person(people, "Li Wei").title == "Foreign Minister"


def test_a_wire_storys_byline_and_credit_trailer_give_each_signer_with_their_role():
    from archive.extraction.pipeline import extract_text

    text = ("Ministers meet in Bishkek on water sharing\n\nBy Aigul Serikova and Omar Latif\n\n"
            "BISHKEK, March 3 - Kyrgyz Energy Minister Bakyt Osmonov met his Kazakh counterpart on Monday to "
            "discuss water releases from the reservoir ahead of the irrigation season, officials said.\n\n"
            "(Reporting by Aigul Serikova in Bishkek and Omar Latif in Almaty; Writing by Omar Latif; "
            "Editing by Jane Roe)\n")
    article = extract_text(text, "wire.txt")[0]
    titles = {p.name: p.title for p in article.people}
    assert {name: titles.get(name) for name in ("Aigul Serikova", "Omar Latif", "Jane Roe")} == {
        "Aigul Serikova": "reporter", "Omar Latif": "reporter and writer", "Jane Roe": "editor"}
    assert "Jane Roe" not in article.body
