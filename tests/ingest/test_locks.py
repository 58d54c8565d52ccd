"""The keys two writers serialize on: any two articles whose records could be the same share one."""

from archive.extraction.records import ExtractedAgreement, ExtractedArticle, ExtractedOrganization, ExtractedPerson
from archive.ingest.locks import article_keys


def article(title, *, people=(), organizations=(), agreements=()):
    return ExtractedArticle(source_name="story.txt", position=0, title=title, body=title, people=list(people),
                            organizations=list(organizations), agreements=list(agreements))


def person(name, *aliases):
    return ExtractedPerson(name=name, aliases=list(aliases))


def shared(a, b) -> set:
    return (article_keys(a, "a.txt") & article_keys(b, "b.txt"))


def test_a_person_named_in_full_and_by_a_transliterated_surname_gives_both_articles_a_key():
    assert shared(article("One", people=[person("Aidar Bekmurzin")]), article("Two", people=[person("Bekmurzyn")]))


def test_an_organization_named_by_its_acronym_shares_a_key_with_the_article_that_spells_it_out():
    spelled = ExtractedOrganization(name="Caspian Freight Council", acronym="CFC", type="other")
    bare = ExtractedOrganization(name="CFC", acronym="CFC", type="other")
    assert shared(article("One", organizations=[spelled]), article("Two", organizations=[bare]))


def test_an_agreement_of_the_same_kind_shares_a_key_whatever_a_party_country_is_called():
    one = ExtractedAgreement(title="Rail deal", kind="mou", parties=["Pakistan", "Uzbekistan"])
    two = ExtractedAgreement(title="Railway deal", kind="mou", parties=["Islamic Republic of Pakistan"])
    assert shared(article("One", agreements=[one]), article("Two", agreements=[two]))


def test_articles_with_no_record_in_common_share_no_key_and_wait_for_nobody():
    one = article("One", people=[person("Aidar Bekmurzin")])
    two = article("Two", people=[person("Serdar Annaberdyev")])
    assert not shared(one, two)


def test_the_same_text_in_two_files_shares_its_content_key():
    assert shared(article("One"), article("One"))
