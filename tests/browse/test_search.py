"""Full-text search over article bodies and record names, on whichever database the suite runs on.

PostgreSQL: websearch syntax over a stored, GIN-indexed tsvector, ranked (title above body),
English stemming. SQLite: every word in the title or body, newest first.
"""

from datetime import date

import pytest
from django.db import connection

from archive.browse.search import search_articles
from archive.models import Article
from tests import factories as f

from .conftest import ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(db):
    return {
        "title_hit": f.ArticleFactory(title="Pipeline talks in Ashgabat", body="Officials met on Monday.",
                                      published=date(2023, 1, 1)),
        "body_hit": f.ArticleFactory(title="Regional roundup", body="A gas pipeline across the Caspian was discussed.",
                                     published=date(2025, 1, 1)),
        "other": f.ArticleFactory(title="Wheat prices", body="Wheat exports rose again.", published=date(2024, 1, 1)),
    }


def test_search_finds_words_in_titles_and_bodies(client, corpus):
    found = ids(client.get("/articles/", {"q": "pipeline"}))
    assert sorted(found) == sorted([corpus["title_hit"].pk, corpus["body_hit"].pk])


def test_every_word_must_match(client, corpus):
    assert ids(client.get("/articles/", {"q": "pipeline caspian"})) == [corpus["body_hit"].pk]
    assert ids(client.get("/articles/", {"q": "pipeline wheat"})) == []


def test_search_is_case_insensitive(client, corpus):
    assert ids(client.get("/articles/", {"q": "WHEAT"})) == [corpus["other"].pk]


def test_search_combines_with_the_other_filters(client, corpus):
    assert ids(client.get("/articles/", {"q": "pipeline", "date_from": "2024-06-01"})) == [corpus["body_hit"].pk]


def test_results_show_a_snippet_around_the_match(client, corpus):
    html = client.get("/articles/", {"q": "caspian"}).content.decode()
    assert 'A gas pipeline across the <mark>Caspian</mark> was discussed.' in html


def test_ranking_or_recency_orders_the_results(client, corpus):
    found = ids(client.get("/articles/", {"q": "pipeline"}))
    if connection.vendor == "postgresql":
        # Ranked: a match in the title (weight A) beats a newer match in the body (weight B).
        assert found == [corpus["title_hit"].pk, corpus["body_hit"].pk]
    else:
        assert found == [corpus["body_hit"].pk, corpus["title_hit"].pk]


def test_an_explicit_sort_overrides_the_ranking(client, corpus):
    assert ids(client.get("/articles/", {"q": "pipeline", "sort": "published"})) == [
        corpus["title_hit"].pk, corpus["body_hit"].pk]


def test_postgresql_stems_and_understands_web_search_syntax_sqlite_matches_words(client, corpus):
    if connection.vendor == "postgresql":
        assert ids(client.get("/articles/", {"q": "pipelines"})) != []  # stemmed to "pipelin"
        assert ids(client.get("/articles/", {"q": "pipeline -caspian"})) == [corpus["title_hit"].pk]
        assert ids(client.get("/articles/", {"q": '"gas pipeline"'})) == [corpus["body_hit"].pk]
        assert ids(client.get("/articles/", {"q": "caspian or wheat"})) != []
    else:
        assert ids(client.get("/articles/", {"q": "pipelines"})) == []
        assert ids(client.get("/articles/", {"q": '"gas pipeline"'})) == [corpus["body_hit"].pk]


def test_the_search_index_exists_where_it_can(corpus):
    with connection.cursor() as cursor:
        columns = [c.name for c in connection.introspection.get_table_description(cursor, "archive_article")]
    if connection.vendor == "postgresql":
        assert "search_vector" in columns
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            plan = search_articles(Article.objects.all(), "pipeline").explain()
        assert "article_search_vector_gin" in plan
    else:
        assert "search_vector" not in columns


def test_an_edited_article_is_found_by_its_new_words(client, corpus):
    article = corpus["other"]
    article.title, article.body = "Barley prices", "Barley exports rose again."
    article.save()
    assert ids(client.get("/articles/", {"q": "barley"})) == [article.pk]
    assert ids(client.get("/articles/", {"q": "wheat"})) == []


@pytest.mark.parametrize("selector, text, indexes, expected", [
    ("people_named", "rahman", ["person_name_trgm", "personalias_name_trgm"], ["Amina Rahman"]),
    ("organizations_named", "ktz", ["organization_name_trgm", "organization_acronym_trgm",
                                    "organizationalias_name_trgm"], ["Kazakhstan Temir Zholy"]),
    ("meetings_matching", "tashkent", ["meeting_topic_trgm", "meeting_location_trgm", "participant_name_trgm"],
     ["cotton and energy"]),
    ("agreements_matching", "wheat", ["agreement_title_trgm", "agreementparty_name_trgm"],
     ["Wheat supply memorandum"]),
])
def test_name_searches_use_the_trigram_indexes_on_postgresql(archive, selector, text, indexes, expected):
    from archive.browse import selectors

    base = {"people_named": selectors.person_list, "organizations_named": selectors.organization_list,
            "meetings_matching": selectors.meeting_list, "agreements_matching": selectors.agreement_list}[selector]
    query = getattr(selectors, selector)(base(), text)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            plan = query.explain()
            cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)", [indexes])
            assert sorted(row[0] for row in cursor.fetchall()) == sorted(indexes)
        # On a few rows the planner may prefer another index for the side tables; the main one it uses.
        assert indexes[0] in plan, plan
    assert [getattr(r, "name", None) or getattr(r, "title", None) or r.topic for r in query] == expected


def test_the_search_page_finds_articles_and_records_by_name(client, archive):
    response = client.get("/search/", {"q": "railway"})
    assert [a.pk for a in response.context["articles"]] == [archive.dawn.pk]
    assert [o.pk for o in response.context["organizations"]] == [archive.ministry.pk]
    assert [a.pk for a in response.context["agreements"]] == [archive.railway.pk]
    assert [m.pk for m in response.context["meetings"]] == [archive.m_march.pk]
    html = response.content.decode()
    assert 'href="/articles/?q=railway"' in html


def test_the_search_page_finds_people_by_another_spelling(client, archive):
    assert [p.pk for p in client.get("/search/", {"q": "N. Bekov"}).context["people"]] == [archive.nurlan.pk]


@pytest.mark.parametrize("text", ["ghost", "holdings", "accord"])
def test_the_search_page_never_shows_rejected_records(client, archive, text):
    response = client.get("/search/", {"q": text})
    assert not response.context["people"] and not response.context["organizations"]
    assert not response.context["agreements"]


def test_the_search_page_without_words_shows_only_the_form(client, archive):
    response = client.get("/search/", {"q": "   "})
    assert response.status_code == 200 and "articles" not in response.context


def test_too_many_matches_to_rank_come_newest_first_and_the_page_says_so(client, corpus, monkeypatch):
    from archive.browse import search

    monkeypatch.setattr(search, "RANK_LIMIT", 1)
    response = client.get("/articles/", {"q": "pipeline"})
    assert ids(response) == [corpus["body_hit"].pk, corpus["title_hit"].pk]  # 2025 before 2023
    html = response.content.decode()
    if connection.vendor == "postgresql":
        assert "too many articles match to rank them all" in html
    else:
        assert "Newest first." in html and "rank them all" not in html


def test_a_ranked_search_says_how_it_is_ordered(client, corpus):
    html = client.get("/articles/", {"q": "caspian"}).content.decode()
    assert ("Best matches first" in html) == (connection.vendor == "postgresql")


def test_the_article_count_stops_at_the_cap_and_says_more_than(client, corpus, monkeypatch):
    from archive.paging import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "cap", 2)
    response = client.get("/articles/")
    assert response.context["paginator"].count == 2 and response.context["paginator"].capped
    assert "More than 2 articles" in response.content.decode()
    assert client.get("/articles/", {"q": "wheat"}).context["paginator"].capped is False


def test_a_search_counts_its_matches_once_and_up_to_its_own_cap(client, corpus, monkeypatch):
    from archive.browse import search

    monkeypatch.setattr(search, "MATCH_COUNT_CAP", 1)
    monkeypatch.setattr(search, "RANK_LIMIT", 1)
    response = client.get("/articles/", {"q": "pipeline"})  # two articles match
    paginator = response.context["paginator"]
    assert paginator.capped and paginator.count == 1
    assert "More than 1 articles" in response.content.decode()
    monkeypatch.setattr(search, "MATCH_COUNT_CAP", 5)
    paginator = client.get("/articles/", {"q": "pipeline"}).context["paginator"]
    assert not paginator.capped and paginator.count == 2


def test_every_word_must_match_somewhere_of_a_record_whatever_the_database():
    """Several words: a record holding each of them (in a field, or a participant's name) matches; one word alone
    does not (PostgreSQL intersects the words' matches, SQLite tests each word)."""
    from archive.browse import selectors

    both = f.MeetingFactory(topic="energy talks", location="Astana")
    split = f.MeetingFactory(topic="energy", location="Almaty")
    f.MeetingParticipantFactory(meeting=split, person=None, name="Astana city council")
    f.MeetingFactory(topic="energy", location="Tashkent")
    f.MeetingFactory(topic="grain", location="Astana")
    found = selectors.meetings_matching(selectors.meeting_list(), "astana energy")
    assert sorted(m.pk for m in found) == sorted([both.pk, split.pk])
    assert list(selectors.meetings_matching(selectors.meeting_list(), "astana grain energy")) == []


def test_a_search_counted_from_the_index_leaves_the_planner_settings_as_they_were(corpus, monkeypatch):
    from django.db import transaction

    from archive.browse import search
    from archive.browse.search import counted_search

    monkeypatch.setattr(search, "INDEX_COUNT_SHARE", 2.0)  # count from the index whatever the planner estimates

    with transaction.atomic():  # as inside a request's or a caller's transaction
        matches, found = counted_search(Article.objects.all(), "pipeline")
        assert sorted(a.pk for a in matches) == sorted([corpus["title_hit"].pk, corpus["body_hit"].pk])
        assert found == 2
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW enable_seqscan")
                assert cursor.fetchone()[0] == "on"
