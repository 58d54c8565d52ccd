"""The curators' pages fit a laptop (1366×768) and a phone (390×844) without scrolling sideways."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page

from archive.curation.merge import record_merge
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
SCREENS = {"laptop": (1366, 768), "phone": (390, 844)}
LONG = "Deputy Prime Minister and Minister of Foreign Affairs of the Republic"


@pytest.fixture
def pages(reference_data):
    """A record of each kind with long rows, a four-way merge page and a history with links."""
    user = factories.curator("carla")
    kz = factories.country("KZ")
    article = factories.ArticleFactory(title="Talks on transit and trade along the Middle Corridor " * 2,
                                       body="The ministers met in Astana to discuss transit. " * 40)
    person = factories.PersonFactory(name="Aibek Dzhaksybekov", title=LONG, country=kz)
    for i in range(3):
        factories.PersonAliasFactory(person=person, name=f"A. Dzhaksybekov {i}", normalized=f"a dzhaksybekov {i}")
        factories.RoleFactory(person=person, title=f"{LONG} {i}", article=article,
                              organization=factories.OrganizationFactory(name=f"Ministry of Foreign Affairs {i}"))
        factories.EvidenceFactory(article=article, person=person, start=4 + i, end=20 + i)
    meeting = factories.MeetingFactory(location="Astana", topic="transit corridor and trade " * 4)
    for i in range(3):
        factories.MeetingParticipantFactory(meeting=meeting, name=f"{LONG} {i}",
                                            person=factories.PersonFactory(name=f"Participant Long Name {i}"))
    factories.EvidenceFactory(article=article, person=None, meeting=meeting, start=0, end=60)
    factories.FieldConflictFactory(meeting=meeting, article=article)
    meeting.topic = "transit"
    meeting.save()
    twins = [factories.PersonFactory(name="Muhammad Tariq Noor", country=factories.country("PK")) for _ in range(4)]
    merged = factories.PersonFactory(name="Aibek Djaksybekov", country=kz)
    record_merge(kept=person, merged=merged, user=user)
    return {
        "queue": "/admin/review/", "queue, one at a time": "/admin/review/?layout=one",
        "a person": f"/admin/archive/person/{person.pk}/change/",
        "a meeting": f"/admin/archive/meeting/{meeting.pk}/change/",
        "a merge": f"/admin/merge/person/?ids={','.join(str(t.pk) for t in twins)}",
        "a history": f"/admin/archive/meeting/{meeting.pk}/history/",
        "a version": f"/admin/archive/meeting/{meeting.pk}/history/{meeting.history.earliest().history_id}/",
        "a tombstone": f"/admin/archive/person/{merged.pk}/change/",
        "the index": "/admin/",
    }


@pytest.mark.parametrize("screen", SCREENS)
def test_no_curator_page_scrolls_sideways(page: Page, live_server, pages, screen):
    width, height = SCREENS[screen]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "carla")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    shots = os.environ.get("ARCHIVE_SCREENSHOTS")  # a folder to keep screenshots in, for a person to look at
    too_wide = {}
    for name, url in pages.items():
        page.goto(f"{live_server.url}{url}")
        scroll = page.evaluate("document.scrollingElement.scrollWidth")
        if scroll > page.evaluate("window.innerWidth"):
            too_wide[name] = scroll
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{shots}/{screen}-{name.replace(' ', '-').replace(',', '')}.png", full_page=True)
    assert too_wide == {}
