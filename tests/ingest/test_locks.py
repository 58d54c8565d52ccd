"""The keys two writers serialize on: any two articles whose records could be the same share one."""

import pytest
from django.db import connection, connections, transaction

from archive.extraction.records import ExtractedAgreement, ExtractedArticle, ExtractedOrganization, ExtractedPerson
from archive.ingest.locks import MEETING_PEOPLE, LocksBusy, article_keys, hashes, lock_articles, lock_meeting_people


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


def two_people_in_lock_order() -> tuple[int, int]:
    """Two person ids whose second-round keys sort one before the other."""
    low, high = sorted(range(1, 3), key=lambda pk: next(iter(hashes({str(pk)}))))
    return low, high


@pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_batch_never_waits_for_a_meeting_key_below_one_it_holds_it_gives_up_instead():
    """Waiting there could deadlock with a writer that holds the lower key and waits for the higher one."""
    low, high = two_people_in_lock_order()
    other = connections.create_connection("default")  # another writer's session
    try:
        other.cursor().execute("SELECT pg_advisory_lock(%s, %s)", [MEETING_PEOPLE, next(iter(hashes({str(low)})))])
        with pytest.raises(LocksBusy), transaction.atomic():
            connection.cursor().execute("SET LOCAL lock_timeout = '5s'")  # had it waited: an error, not LocksBusy
            lock_articles([])
            lock_meeting_people([high])  # above everything held: taken (it is free)
            lock_meeting_people([low])  # below `high` and held by the other writer: not waited for
        with transaction.atomic():  # a transaction of its own takes it in order, once the other lets go
            other.cursor().execute("SELECT pg_advisory_unlock_all()")
            lock_articles([])
            lock_meeting_people([low])
    finally:
        other.close()
