"""A curator's session in a real browser: log in, review, reject, merge, read the history."""

import re

import pytest
from playwright.sync_api import Page, expect

from archive.models import MergeRecord, Person, ReviewStatus
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def archive(reference_data):
    user = factories.curator("carla")
    meeting = factories.MeetingFactory(confidence=0.05, location="Tashkent", topic="transit corridor")
    minister = factories.PersonFactory(name="Aibek Dzhaksybekov", confidence=0.8)
    factories.MeetingParticipantFactory(meeting=meeting, person=minister)
    twin = factories.PersonFactory(name="Aibek Djaksybekov", confidence=0.7, country=minister.country)
    false_person = factories.PersonFactory(name="Tashkent International Airport", confidence=0.1)
    article = factories.ArticleFactory(body="Tashkent International Airport opened a new terminal.")
    factories.EvidenceFactory(article=article, person=false_person, sentence=article.body, start=0, end=30)
    return {"user": user, "meeting": meeting, "minister": minister, "twin": twin, "false": false_person}


def log_in(page: Page, live_server):
    page.goto(f"{live_server.url}/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.fill("#id_username", "carla")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_contain_text("curation")


def test_a_curator_reviews_rejects_merges_and_reads_the_history(page: Page, live_server, archive):
    log_in(page, live_server)

    page.click("text=Review queue")
    first_row = page.locator("#result_list tbody tr").first
    expect(first_row).to_contain_text("Meeting")  # least confident first
    page.check(f"input[value='meeting:{archive['meeting'].pk}']")
    page.click("#queue-verify")
    expect(page.locator(".messagelist")).to_contain_text("Verified 1 record")

    page.check(f"input[value='person:{archive['false'].pk}']")
    page.click("#bulk-reject summary")
    page.fill("#queue-note", "an airport, not a person")
    page.click("#queue-reject")
    expect(page.locator(".messagelist")).to_contain_text("Rejected 1 record")
    expect(page.locator(f"input[value='person:{archive['false'].pk}']")).to_have_count(0)

    page.goto(f"{live_server.url}/admin/archive/person/?q=Aibek")
    page.check(f"#result_list input[value='{archive['minister'].pk}']")
    page.check(f"#result_list input[value='{archive['twin'].pk}']")
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")
    expect(page.locator("h1")).to_contain_text("Merge people")
    page.check(f"#keep-{archive['minister'].pk}")
    page.click("#merge-submit")
    expect(page.locator(".messagelist")).to_contain_text("Merged 1 record(s) into Aibek Dzhaksybekov")

    page.click("text=History")
    expect(page.locator("#change-history")).to_contain_text(f"absorbed #{archive['twin'].pk}")
    expect(page.locator("#change-history")).to_contain_text("carla")

    meeting, false_person = archive["meeting"], archive["false"]
    meeting.refresh_from_db()
    false_person.refresh_from_db()
    assert (meeting.review_status, meeting.reviewed_by) == (ReviewStatus.VERIFIED, archive["user"])
    assert (false_person.review_status, false_person.review_note) == (ReviewStatus.REJECTED,
                                                                      "an airport, not a person")
    assert Person.objects.get(pk=archive["twin"].pk).merged_into == archive["minister"]
    assert MergeRecord.objects.get().merged_by == archive["user"]


def test_a_curator_says_a_person_is_a_place_and_undoes_it(page: Page, live_server, archive):
    """The airport read as a person, in a meeting without a location: one click and a confirmation make it
    the meeting's location; the conversion's page undoes it."""
    airport = archive["false"]
    undated = factories.MeetingFactory(location="", topic="cargo flights")
    factories.MeetingParticipantFactory(meeting=undated, person=airport, name=airport.name)
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/archive/person/{airport.pk}/change/")
    page.click("text=This is a place…")
    expect(page.locator("#conversion-plan")).to_contain_text("Taken out of 1 meeting(s)")
    page.click("#confirm-convert")
    expect(page.locator(".messagelist")).to_contain_text("Tashkent International Airport → a place")
    undated.refresh_from_db()
    assert undated.location == "Tashkent International Airport" and not undated.participants.exists()
    page.click(".messagelist a:text('Undo')")
    page.click("#undo-conversion")
    expect(page.locator(".messagelist")).to_contain_text("Undone")
    undated.refresh_from_db()
    assert undated.location == "" and undated.participants.get().person_id == airport.pk
    assert Person.objects.get(pk=airport.pk).review_status == ReviewStatus.UNREVIEWED
