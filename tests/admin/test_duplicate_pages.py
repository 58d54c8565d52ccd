"""The duplicate suggestions page and one record's "find duplicates": both records side by side with their
evidence, ranked across spellings, bounded queries, written only by curators who may merge."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import models
from archive.curation.aliases import alias_keys
from archive.curation.duplicates import duplicate_judge, duplicates_suggest
from tests import factories

pytestmark = pytest.mark.django_db

SUGGESTIONS = "/admin/archive/duplicatedecision/"
ARTICLE_NUMBERS = itertools.count()


def written(name, country="KZ", quote=None):
    person = factories.PersonFactory(name=name, country=factories.country(country), title="")
    models.PersonAlias.objects.create(person=person, name=name, **alias_keys(name, models.PersonAlias))
    if quote:
        article = factories.ArticleFactory(title=f"Report on {name}", body=f"{quote} ({next(ARTICLE_NUMBERS)})")
        start = quote.index(name)
        factories.EvidenceFactory(person=person, article=article, sentence=quote, sentence_start=0,
                                  sentence_end=len(quote), start=start, end=start + len(name))
    return person


def spelling_pairs(n: int):
    """n pairs of one person written two ways, each with a quote."""
    stems = ["Tok", "Ser", "Mak", "Bek", "Kar", "Nur", "Dos", "Ras", "Tur", "Kul", "Sat", "Ab", "Bay", "Ors", "Tas"]
    pairs = []
    for i in range(n):
        stem = stems[i % len(stems)] + "ish" * (i // len(stems))
        a = written(f"Timur {stem}aliyev", quote=f"Minister Timur {stem}aliyev arrived on Monday.")
        b = written(f"Timur {stem}aliev", quote=f"Talks were led by Timur {stem}aliev for the ministry.")
        pairs.append((a, b))
    return pairs


def queries(client, url) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content


def test_the_suggestions_list_the_spelling_variants_first_with_both_records_evidence_side_by_side(curator_client):
    (a, b), = spelling_pairs(1)
    written("Bolat Dosayev"), written("Dosaev", "PK")  # a surname alone in another country: not suggested
    assert curator_client.post("/admin/archive/duplicatedecision/suggest/").status_code == 302
    page = curator_client.get(SUGGESTIONS).content.decode()
    row = page[page.index('class="dup-card"'):]
    assert row.index("Timur Tokaliyev") < row.index("Timur Tokaliev")
    assert "<mark>Timur Tokaliyev</mark> arrived on Monday" in page
    assert "Talks were led by <mark>Timur Tokaliev</mark>" in page
    assert "Kazakhstan" in page and "1 article(s)" in page and "names alike" in page
    assert "Dosaev" not in page


def test_the_suggestions_page_costs_the_same_queries_for_3_or_30_pairs(curator_client, django_assert_max_num_queries):
    spelling_pairs(3)
    duplicates_suggest(model=models.Person)
    few, _ = queries(curator_client, SUGGESTIONS)
    spelling_pairs(30)[0][0].aliases.create(name="T. Tokaliyev", normalized="t tokaliyev", surname_key="tklv")
    duplicates_suggest(model=models.Person)
    assert models.DuplicateDecision.objects.count() >= 30
    with django_assert_max_num_queries(few):
        assert curator_client.get(SUGGESTIONS).status_code == 200


def test_find_duplicates_on_a_record_is_fuzzy_and_leaves_out_pairs_judged_apart(curator_client, curator):
    me = written("Yerlan Dzhumabayev", quote="Yerlan Dzhumabayev opened the forum.")
    same = written("Erlan Djumabaev", quote="Deputy minister Erlan Djumabaev said trade grew.")
    apart = written("Yerlan Dzhumabaev")
    duplicate_judge(a=me, b=apart, verdict=models.Verdict.NOT_SAME, user=curator)
    change = curator_client.get(f"/admin/archive/person/{me.pk}/change/").content.decode()
    url = f"/admin/archive/duplicatedecision/of/person/{me.pk}/"
    assert f'href="{url}"' in change
    page = curator_client.get(url).content.decode()
    assert f'data-pk="{same.pk}"' in page and f'data-pk="{apart.pk}"' not in page
    assert "<mark>Erlan Djumabaev</mark>" in page and f"/admin/merge/person/?ids={me.pk},{same.pk}" in page
    # Ticking candidates opens the merge page with them.
    merge = curator_client.get("/admin/merge/person/", {"ids": [me.pk, same.pk]})
    assert merge.status_code == 200 and len(merge.context["records"]) == 2


def test_find_duplicates_costs_the_same_queries_for_few_or_many_candidates(curator_client,
                                                                           django_assert_max_num_queries):
    me = written("Timur Zhaksybekov")
    for i in range(3):
        written("Timur Jaksybekov", quote=f"Timur Jaksybekov spoke {i}.")
    url = f"/admin/archive/duplicatedecision/of/person/{me.pk}/"
    few, page = queries(curator_client, url)
    assert page.count(b'class="candidate"') == 3
    for i in range(30):
        written("Timur Jaksybekov", quote=f"Timur Jaksybekov spoke again {i}.")
    with django_assert_max_num_queries(few):
        assert curator_client.get(url).content.count(b'class="candidate"') == 33


@pytest.mark.parametrize("kind", ["organization", "meeting", "agreement"])
def test_find_duplicates_answers_for_every_record_type(curator_client, kind):
    record = {"organization": factories.OrganizationFactory, "meeting": factories.MeetingFactory,
              "agreement": factories.AgreementFactory}[kind]()
    response = curator_client.get(f"/admin/archive/duplicatedecision/of/{kind}/{record.pk}/")
    assert response.status_code == 200 and b"Possible duplicates" in response.content


def test_find_duplicates_is_for_curators_who_may_merge(viewer_client):
    person = written("Timur Zhaksybekov")
    url = f"/admin/archive/duplicatedecision/of/person/{person.pk}/"
    assert viewer_client.get(url).status_code == 403
    assert viewer_client.post(url).status_code == 403
    assert b"find-duplicates" not in viewer_client.get(f"/admin/archive/person/{person.pk}/change/").content


def test_find_duplicates_of_a_merged_or_rejected_record_lists_none(curator_client, curator):
    from archive.curation.merge import record_merge

    kept, merged = written("Timur Zhaksybekov"), written("Timur Jaksybekov")
    rejected = written("Timur Zhaksybekov", quote="Timur Zhaksybekov was named.")
    record_merge(kept=kept, merged=merged, user=curator)
    models.Person.objects.filter(pk=rejected.pk).update(review_status="rejected")
    for record in (merged, rejected):
        page = curator_client.get(f"/admin/archive/duplicatedecision/of/person/{record.pk}/")
        assert page.status_code == 200 and b'id="no-duplicates"' in page.content


def test_find_duplicates_only_reads_and_answers_unknown_records_with_404(curator_client):
    person = written("Timur Zhaksybekov")
    assert curator_client.post(f"/admin/archive/duplicatedecision/of/person/{person.pk}/").status_code == 405
    assert curator_client.get("/admin/archive/duplicatedecision/of/article/1/").status_code == 404
    assert curator_client.get("/admin/archive/duplicatedecision/of/person/999999/").status_code == 404
