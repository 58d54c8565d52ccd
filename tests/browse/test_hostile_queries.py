"""Hostile query strings on every public list, search, suggestion and export URL, and on every
admin changelist filter: a form error, a 4xx or an empty result, never a server error.

A fixed corpus (bounded and the same on every run) of what breaks databases and parsers:
NUL, integers no column holds, negative ids, unicode, long strings, tsquery operators and
runs of dashes (PostgreSQL's `tsquery stack too small`), SQL and LIKE metacharacters, dates
that do not exist. Hypothesis adds a bounded number of arbitrary texts on the search boxes.
"""

import pytest
from django.contrib import admin
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive import filters

pytestmark = pytest.mark.django_db

HOSTILE = [
    "\x00", "Astana\x00", "99999999999999999999999", str(2**63), "-1", "0", "1e5", "١٢",
    "Straße İstanbul 中文 🙂", "\u202e\u200b", "x" * 3000, "-" * 40, "a " + "- " * 40, "!!! & | <-> :* ((",
    "'\"", "%_\\", "' OR 1=1; --", "2025-02-30", "99999-01-01", " ", "NaN", "-Infinity",
]
# The admin has some 20 changelists with 5 to 10 parameters each: one value of each family keeps it bounded.
ADMIN_HOSTILE = ["\x00", "99999999999999999999999", "-1", "١٢", "Straße 🙂", "x" * 3000, "-" * 40,
                 "%_\\' OR 1=1; --", "2025-02-30"]

PUBLIC_LISTS = {
    "/meetings/": filters.MeetingFilter, "/agreements/": filters.AgreementFilter, "/people/": filters.PersonFilter,
    "/organizations/": filters.OrganizationFilter, "/articles/": filters.ArticleFilter,
}
PAGING = ("page", "per_page", "sort", "format", "offset")
PUBLIC_CASES = [(url, param) for url, filterset in PUBLIC_LISTS.items()
                for param in sorted({*filterset.base_filters, *PAGING})]
SEARCH_URLS = ["/search/", "/people/suggest", "/organizations/suggest"]


def server_error(client, url, params) -> str:
    """'' when the request is answered below 500, else what went wrong (the test client re-raises)."""
    try:
        response = client.get(url, params)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)  # a stream fails while it is read, not before
    except Exception as exc:  # noqa: BLE001 - any exception here is the server error being tested for
        return f"{url} {params!r}: {type(exc).__name__}: {str(exc)[:120]}"
    return f"{url} {params!r}: {response.status_code}" if response.status_code >= 500 else ""


def assert_no_server_error(client, requests):
    failures = [e for e in (server_error(client, url, params) for url, params in requests) if e]
    assert not failures, "\n".join(failures[:20])


@pytest.mark.parametrize("url, param", PUBLIC_CASES, ids=[f"{u}?{p}" for u, p in PUBLIC_CASES])
def test_a_hostile_value_in_any_list_parameter_is_not_a_server_error(client, archive, url, param):
    assert_no_server_error(client, [(url, {param: value}) for value in HOSTILE])


@pytest.mark.parametrize("url", PUBLIC_LISTS)
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_hostile_value_in_an_export_is_a_400_or_a_file(client, archive, url, fmt):
    requests = [(url, {param: value, "format": fmt})
                for param in sorted(PUBLIC_LISTS[url].base_filters) for value in HOSTILE]
    assert_no_server_error(client, requests)
    for _, params in requests[::7]:
        assert client.get(url, params).status_code in (200, 400), params


@pytest.mark.parametrize("url, fmt", [("/meetings/", "participants"), ("/meetings/", "graphml"),
                                      ("/agreements/", "parties"), ("/agreements/", "gexf")])
def test_a_hostile_value_in_a_long_or_network_export_is_a_400_or_a_file(client, archive, url, fmt):
    params = [*sorted(PUBLIC_LISTS[url].base_filters), "offset"]
    assert_no_server_error(client, [(url, {param: value, "format": fmt}) for param in params for value in ADMIN_HOSTILE])


@pytest.mark.parametrize("url", SEARCH_URLS)
def test_a_hostile_query_on_search_and_suggestions_is_not_a_server_error(client, archive, url):
    assert_no_server_error(client, [(url, {"q": value}) for value in HOSTILE])


def test_a_run_of_dashes_finds_nothing_and_says_so(client, archive):
    search = client.get("/search/", {"q": "-" * 33})
    assert search.status_code == 200 and "Nothing to search for" in search.content.decode()
    articles = client.get("/articles/", {"q": "-" * 33})
    assert list(articles.context["object_list"]) == [] and "No articles found" in articles.content.decode()


def test_dashes_before_a_word_still_find_it(client, archive):
    found = [a.pk for a in client.get("/articles/", {"q": "-" * 40 + " railway"}).context["object_list"]]
    assert found == [archive.dawn.pk]


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60))
def test_any_text_in_the_search_boxes_is_not_a_server_error(client, archive, text):
    boxes = [*((url, "q") for url in SEARCH_URLS), ("/articles/", "q"), ("/meetings/", "q"),
             ("/agreements/", "q"), ("/people/", "name")]
    assert_no_server_error(client, [(url, {param: text}) for url, param in boxes])


# ---------------------------------------------------------------- the admin, as a superuser

def changelist_parameters(admin_client) -> dict[str, list[str]]:
    """{changelist url: its filter parameters}, read from each changelist as the admin builds it."""
    out = {}
    for model, model_admin in admin.site._registry.items():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = admin_client.get(url)
        assert response.status_code == 200, url
        params = {"q", "o", "p"}
        for spec in response.context["cl"].filter_specs:
            params.update(spec.expected_parameters())
        for field in model_admin.get_list_filter(None) or ():
            name = field if isinstance(field, str) else getattr(field, "parameter_name", None)
            if name:
                params.add(name)
        out[url] = sorted(params)
    return out


def test_a_hostile_value_in_any_admin_changelist_filter_is_not_a_server_error(admin_client, archive):
    requests = [(url, {param: value}) for url, params in changelist_parameters(admin_client).items()
                for param in params for value in ADMIN_HOSTILE]
    assert_no_server_error(admin_client, requests)


REVIEW_QUEUE_PARAMS = ["type", "status", "country", "article", "published_from", "published_to", "p"]


def test_a_hostile_value_in_the_review_queue_filters_is_not_a_server_error(admin_client, archive):
    assert_no_server_error(admin_client, [("/admin/review/", {param: value})
                                          for param in REVIEW_QUEUE_PARAMS for value in HOSTILE])


def test_an_article_id_no_column_holds_is_a_form_error_in_the_review_queue(admin_client, archive):
    response = admin_client.get("/admin/review/", {"article": "99999999999999999999999"})
    assert response.status_code == 200
    assert response.context["form"].errors["article"]
