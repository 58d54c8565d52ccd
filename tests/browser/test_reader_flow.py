"""A reader in a real browser (Playwright driving Debian's Chromium) against the live server."""

import csv
import io
import re
from datetime import date

import networkx as nx

import pytest
from playwright.sync_api import expect

from archive.models import Country, MeetingParticipant
from tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def meetings(transactional_db):
    kz, pk, uz = f.country("KZ"), f.country("PK"), f.country("UZ")
    minister = f.PersonFactory(name="Amina Rahman", title="Federal Minister for Communications", country=pk)
    envoy = f.PersonFactory(name="Nurlan Bekov", title="Ambassador", country=kz)
    uzbek = f.PersonFactory(name="Sardor Aliyev", country=uz)

    def meeting(when, place, *people):
        m = f.MeetingFactory(date=when, location=place, topic=f"talks in {place}")
        for p in people:
            f.MeetingParticipantFactory(meeting=m, person=p, name=p.name, country=p.country)
        return m

    return {
        "in_range": [meeting(date(2025, 3, 4), "Islamabad", minister, envoy),
                     meeting(date(2025, 11, 20), "Astana", envoy, minister)],
        "too_early": meeting(date(2024, 6, 1), "Astana", envoy, minister),
        "other_country": meeting(date(2025, 5, 5), "Tashkent", uzbek, minister),
        "envoy": envoy,
    }


def test_filter_meetings_by_country_and_dates_follow_a_participant_and_download_the_csv(page, live_server, meetings):
    page.goto(f"{live_server.url}/meetings/")
    page.get_by_label("Country", exact=True).select_option("KZ")
    page.get_by_label("From", exact=True).fill("2025-01-01")
    page.get_by_label("To", exact=True).fill("2025-12-31")
    page.get_by_role("button", name="Apply filters").click()

    # Only the filters used end up in the shareable URL.
    expect(page).to_have_url(f"{live_server.url}/meetings/?date_from=2025-01-01&date_to=2025-12-31&country=KZ")
    rows = page.locator(".results tbody tr")
    expect(rows).to_have_count(2)
    expect(page.get_by_role("status").first).to_contain_text("2 meetings")
    shown = [link.get_attribute("href") for link in page.locator(".results tbody tr td:first-child a").all()]
    assert shown == [f"/meetings/{m.pk}/" for m in reversed(meetings["in_range"])]

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV", exact=True).click()
    download = download_info.value
    assert download.suggested_filename.startswith("meetings-") and download.suggested_filename.endswith(".csv")
    with open(download.path(), newline="", encoding="utf-8") as fh:
        exported = list(csv.DictReader(fh))
    assert [int(r["id"]) for r in exported] == [m.pk for m in reversed(meetings["in_range"])]
    assert all("Kazakhstan" in r["countries"] and r["date"].startswith("2025") for r in exported)

    page.locator(".results tbody").get_by_role("link", name="Nurlan Bekov").first.click()
    expect(page).to_have_url(f"{live_server.url}/people/{meetings['envoy'].pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nurlan Bekov")
    expect(page.locator("#meetings-title + ul.records > li")).to_have_count(3)
    expect(page.locator("figure.ego svg")).to_be_visible()


def test_choose_a_person_by_name_without_knowing_the_id(page, live_server, meetings):
    envoy = meetings["envoy"]
    page.goto(f"{live_server.url}/meetings/")
    name_box = page.get_by_label("Find a person by name")
    name_box.fill("bekov")
    option = page.locator("#id_person_options option").first
    expect(option).to_have_attribute("data-id", str(envoy.pk))
    name_box.fill(option.get_attribute("value"))
    expect(page.get_by_label("Person", exact=True)).to_have_value(str(envoy.pk))
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(rf"person={envoy.pk}"))
    expect(page.locator(".results tbody tr")).to_have_count(3)
    expect(page.locator(".suggest .chosen").first).to_have_text("Nurlan Bekov")


def test_the_filters_work_from_the_keyboard_and_the_page_fits_a_phone(page, live_server, meetings):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/meetings/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")
    filters = page.locator("details.filter-toggle")
    expect(filters).not_to_have_attribute("open", "")  # folded on a phone: the results come first
    expect(page.locator(".results tbody tr")).to_have_count(4)
    page.locator("details.filter-toggle summary").focus()
    page.keyboard.press("Enter")
    expect(filters).to_have_attribute("open", "")
    page.get_by_label("Place", exact=True).focus()
    page.keyboard.type("tashkent")
    page.keyboard.press("Enter")
    expect(page.locator(".results tbody tr")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_meetings_of_a_country_in_a_year_offer_the_undated_ones_and_download_as_rows_and_a_network(
        page, live_server, meetings):
    envoy, minister = meetings["envoy"], meetings["in_range"][0].participants.first().person
    undated = []
    for place in ("Almaty", "Shymkent"):
        m = f.MeetingFactory(date=None, date_precision="", location=place, topic="undated talks")
        for p in (envoy, minister):
            f.MeetingParticipantFactory(meeting=m, person=p, name=p.name, country=p.country)
        undated.append(m)

    page.goto(f"{live_server.url}/meetings/")
    page.get_by_label("Country", exact=True).select_option("KZ")
    page.get_by_role("button", name="Apply filters").click()
    page.locator(".facets").get_by_role("link", name="2025").click()
    expect(page).to_have_url(f"{live_server.url}/meetings/?country=KZ&date_from=2025-01-01&date_to=2025-12-31")
    expect(page.locator(".results tbody tr")).to_have_count(2)
    note = page.locator(".undated-note")
    expect(note).to_contain_text("2 undated meetings also match the other filters")
    note.get_by_role("link", name="Show them").click()
    expect(page).to_have_url(f"{live_server.url}/meetings/?country=KZ&undated=on")
    shown = [link.get_attribute("href") for link in page.locator(".results tbody tr td:first-child a").all()]
    assert sorted(shown) == sorted(f"/meetings/{m.pk}/" for m in undated)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Participants CSV").click()
    with open(download_info.value.path(), newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    expected = sorted(MeetingParticipant.objects.filter(meeting__in=undated).values_list("meeting_id", "person_id"))
    assert sorted((int(r["meeting_id"]), int(r["participant_id"])) for r in rows) == expected
    assert {r["participant_kind"] for r in rows} == {"person"}

    with page.expect_download() as download_info:
        page.get_by_role("link", name="GraphML").click()
    with open(download_info.value.path(), "rb") as fh:
        g = nx.read_graphml(io.BytesIO(fh.read()))
    assert set(g.nodes) == {f"person:{envoy.pk}", f"person:{minister.pk}"}
    assert g.edges[f"person:{envoy.pk}", f"person:{minister.pk}"]["weight"] == 2.0


def test_countries_are_back_for_the_next_transactional_test():
    assert Country.objects.filter(code__in=["KZ", "PK", "UZ"]).count() == 3


def test_a_participant_a_curator_rejects_leaves_the_meeting_who_they_met_the_csv_and_the_counts(
        page, live_server, meetings):
    meeting, envoy = meetings["in_range"][0], meetings["envoy"]
    airbase = f.PersonFactory(name="Incirlik Airbase", title="", country=f.country("TR"))
    f.MeetingParticipantFactory(meeting=meeting, person=airbase, name=airbase.name, country=airbase.country)
    f.curator("carla")

    def reader_sees_it() -> None:
        page.goto(f"{live_server.url}/meetings/{meeting.pk}/")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Incirlik Airbase")
        page.goto(f"{live_server.url}/people/{envoy.pk}/")
        expect(page.locator("section[aria-labelledby=met-title]")).to_contain_text("Incirlik Airbase")
        page.goto(f"{live_server.url}/meetings/")
        expect(page.locator(".facets")).to_contain_text("Turkey")

    reader_sees_it()
    page.goto(f"{live_server.url}/admin/archive/person/{airbase.pk}/change/")
    page.fill("#id_username", "carla")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.select_option("#reject-code", "not_person")
    page.fill("#reject-reason", "an airbase, not a person")
    page.click("#reject-record")
    expect(page.locator("#review-box")).to_contain_text("rejected")
    airbase.refresh_from_db()
    assert airbase.review_status == "rejected" and airbase.reviewed_by.username == "carla"

    page.goto(f"{live_server.url}/meetings/{meeting.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Amina Rahman and Nurlan Bekov met in Islamabad")
    expect(page.locator("#participants-title + ul.records > li")).to_have_count(2)
    expect(page.locator("main")).not_to_contain_text("Incirlik")
    page.goto(f"{live_server.url}/people/{envoy.pk}/")
    expect(page.locator("section[aria-labelledby=met-title]")).not_to_contain_text("Incirlik")
    expect(page.locator("figure.ego")).to_contain_text("Amina Rahman (3)")

    page.goto(f"{live_server.url}/meetings/")
    expect(page.locator(".facets")).not_to_contain_text("Turkey")
    expect(page.get_by_role("status").first).to_contain_text("4 meetings")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV", exact=True).click()
    with open(download_info.value.path(), newline="", encoding="utf-8") as fh:
        exported = {int(r["id"]): r for r in csv.DictReader(fh)}
    assert exported[meeting.pk]["participants"] == "Amina Rahman; Nurlan Bekov"
    assert all("Incirlik" not in r["participants"] and "Turkey" not in r["countries"] for r in exported.values())
    assert MeetingParticipant.objects.filter(meeting=meeting, person=airbase).exists()  # the admin keeps the row
    page.goto(f"{live_server.url}/meetings/?country=TR")
    expect(page.get_by_role("status").first).to_contain_text("No meetings")
