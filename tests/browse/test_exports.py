"""Any filtered list as CSV or JSON: the same URL with format=csv|json, every matching row, in order."""

import pytest

from tests import factories as f

from .conftest import download, ids

pytestmark = pytest.mark.django_db


def test_the_csv_holds_exactly_the_filtered_meetings_in_the_list_order(client, archive):
    params = {"country": "KZ", "date_from": "2025-01-01", "date_to": "2025-12-31"}
    rows = download(client.get("/meetings/", {**params, "format": "csv"}))
    assert [int(r["id"]) for r in rows] == ids(client.get("/meetings/", params))
    assert rows[0]["participants"] == "Amina Rahman; Nurlan Bekov"  # Ghost Rejected was rejected
    assert rows[0]["countries"] == "Kazakhstan; Pakistan"
    assert rows[0]["url"] == f"http://testserver/meetings/{archive.m_nov.pk}/"


def test_the_export_is_streamed_as_an_attachment(client, archive):
    response = client.get("/meetings/", {"format": "csv"})
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="meetings-')


def test_the_export_is_not_limited_to_one_page(client, db):
    for _ in range(30):
        f.MeetingFactory()
    assert len(download(client.get("/meetings/", {"format": "csv", "per_page": 10, "page": 2}))) == 30


def test_an_empty_export_still_has_its_header(client, archive):
    response = client.get("/meetings/", {"country": "FR", "format": "csv"})
    header = b"".join(response.streaming_content).decode().strip().split(",")
    assert header[:3] == ["id", "url", "date"]
    assert {"participant_ids", "participant_kinds", "participant_roles", "participant_countries", "source_titles",
            "source_outlets", "source_dates", "source_urls", "evidence", "evidence_confidence"} <= set(header)


def test_json_carries_the_query_and_the_rows(client, archive):
    doc = download(client.get("/agreements/?status=proposed&status=negotiating&format=json"))
    assert doc["format"] == "archive-browse/2" and doc["list"] == "agreements"
    assert doc["query"] == {"status": ["proposed", "negotiating"]}
    assert [r["id"] for r in doc["results"]] == [archive.railway.pk, archive.cotton.pk]
    railway = doc["results"][0]
    assert railway["value_usd"] == "4800000000.00" and railway["sectors"] == ["logistics"]
    assert [p["name"] for p in railway["parties"]] == ["Pakistan", "Kazakhstan", "Kazakhstan Temir Zholy"]


@pytest.mark.parametrize("url, params", [
    ("/people/", {"country": "KZ"}),
    ("/organizations/", {"type": "government"}),
    ("/articles/", {"outlet": "Indusline"}),
    ("/articles/", {"q": "railway"}),
    ("/agreements/", {"sort": "-value"}),
])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_every_list_exports_what_it_shows(client, archive, url, params, fmt):
    data = download(client.get(url, {**params, "format": fmt}))
    rows = data if fmt == "csv" else data["results"]
    assert [int(r["id"]) for r in rows] == ids(client.get(url, params))
    assert rows


def test_exports_never_contain_rejected_records(client, archive):
    names = [r["name"] for r in download(client.get("/people/", {"format": "json"}))["results"]]
    assert "Ghost Rejected" not in names and len(names) == 3


def test_an_invalid_filter_is_a_400_naming_the_field(client, archive):
    response = client.get("/meetings/", {"date_from": "2025-99-01", "format": "csv"})
    assert response.status_code == 400 and "date_from" in response.json()["errors"]


def test_a_title_that_looks_like_a_formula_is_defused_in_csv(client, db):
    f.AgreementFactory(title="=HYPERLINK(\"http://evil\")")
    rows = download(client.get("/agreements/", {"format": "csv"}))
    assert rows[0]["title"].startswith("'=")


@pytest.mark.parametrize("title", ["\t=1+1", "\r=cmd|' /C calc'!A0", "\t+1", "\r-1", "\t@SUM(A1)", " =1+1"])
def test_a_title_starting_with_a_tab_or_carriage_return_then_a_formula_is_defused_in_csv(client, db, title):
    f.AgreementFactory(title=title)
    rows = download(client.get("/agreements/", {"format": "csv"}))
    assert rows[0]["title"] == "'" + title


def test_a_title_with_an_ordinary_start_is_left_as_it_is_in_csv(client, db):
    f.AgreementFactory(title="Trade plan = growth")
    assert download(client.get("/agreements/", {"format": "csv"}))[0]["title"] == "Trade plan = growth"


def test_the_page_links_to_both_downloads_of_the_current_filter(client, archive):
    html = client.get("/meetings/", {"country": "KZ", "page": 1}).content.decode()
    assert 'href="?country=KZ&amp;format=csv"' in html and 'href="?country=KZ&amp;format=json"' in html
