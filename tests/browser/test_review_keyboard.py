"""Twenty records reviewed in a real browser from the keyboard alone: accept, reject with a reason, unsure, undo."""

import re

import pytest
from playwright.sync_api import Page, expect

from archive.models import RejectReason, ReviewDecision, ReviewStatus
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def queue(reference_data):
    """Ten people, five organizations, five meetings, least confident first in that order."""
    user = factories.curator("carla")
    people = [factories.PersonFactory(name=f"Person {i:02d}", confidence=0.01 * (i + 1)) for i in range(10)]
    orgs = [factories.OrganizationFactory(name=f"Board {i}", acronym="", confidence=0.11 + 0.01 * i)
            for i in range(5)]
    meetings = [factories.MeetingFactory(topic=f"talks {i}", confidence=0.16 + 0.01 * i) for i in range(5)]
    return {"user": user, "people": people, "orgs": orgs, "meetings": meetings}


def log_in(page: Page, live_server):
    page.goto(f"{live_server.url}/admin/login/?next=/admin/review/")
    page.fill("#id_username", "carla")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#queue-keys")).to_be_visible()


def keys(page: Page, *presses: str):
    """Press keys once the page's script listens (the deferred script may run after the page shows);
    the last key submits a form, so wait for the page it leads to."""
    page.wait_for_selector("html[data-review-keys=ready]", state="attached")
    for key in presses[:-1]:
        page.keyboard.press(key)
    with page.expect_navigation():
        page.keyboard.press(presses[-1])


def cursor_on(page: Page, record):
    expect(page.locator("#result_list tr.cursor")).to_have_attribute(
        "data-key", f"{record._meta.model_name}:{record.pk}")


def test_a_curator_reviews_twenty_records_from_the_keyboard_alone(page: Page, live_server, queue):
    p, o, m = queue["people"], queue["orgs"], queue["meetings"]
    log_in(page, live_server)
    cursor_on(page, p[0])

    for _ in range(4):
        keys(page, "a")  # p0..p3 accepted, the next one comes up under the cursor
    keys(page, "r", "1")  # p4: not a person
    keys(page, "u")  # p5: unsure
    expect(page.locator(".messagelist")).to_contain_text("Marked unsure 1 record(s): Person 05")
    keys(page, "z")  # taken back: p5 is to review again, under the cursor
    cursor_on(page, p[5])
    keys(page, "a")  # p5 accepted

    keys(page, "x", "j", "x", "j", "x", "a")  # p6, p7, p8 selected and accepted together
    expect(page.locator(".messagelist")).to_contain_text("Verified 3 record(s)")
    keys(page, "z")  # the three taken back at once
    cursor_on(page, p[6])
    keys(page, "r", "3")  # p6: wrong country
    keys(page, "a")
    keys(page, "a")  # p7, p8
    keys(page, "r", "5")  # p9: a duplicate

    keys(page, "a")  # o0
    keys(page, "r", "2")  # o1: not an organization
    keys(page, "u")  # o2
    keys(page, "a")
    keys(page, "a")  # o3, o4
    keys(page, "r", "4")  # m0: not a meeting
    keys(page, "a")  # m1
    keys(page, "u")  # m2
    page.keyboard.press("s")  # skip m3 for now
    cursor_on(page, m[4])
    keys(page, "a")  # m4
    cursor_on(page, m[3])
    keys(page, "a")  # m3, the one skipped
    expect(page.locator("#result_list")).to_contain_text("Nothing to review here.")
    expect(page.locator("#review-progress")).to_contain_text("18 of 20 reviewed")
    expect(page.locator("#review-progress")).to_contain_text(re.compile(r"Today: carla 20\b"))

    user = queue["user"]
    def key(record):
        return record._meta.model_name, record.pk

    expected = {
        **{key(r): (ReviewStatus.VERIFIED, "") for r in [*p[:4], p[5], p[7], p[8], o[0], o[3], o[4], m[1], m[3], m[4]]},
        key(p[4]): (ReviewStatus.REJECTED, RejectReason.NOT_PERSON),
        key(p[6]): (ReviewStatus.REJECTED, RejectReason.WRONG_COUNTRY),
        key(p[9]): (ReviewStatus.REJECTED, RejectReason.DUPLICATE),
        key(o[1]): (ReviewStatus.REJECTED, RejectReason.NOT_ORGANIZATION),
        key(m[0]): (ReviewStatus.REJECTED, RejectReason.NOT_MEETING),
        key(o[2]): (ReviewStatus.UNSURE, ""), key(m[2]): (ReviewStatus.UNSURE, ""),
    }
    for record in [*p, *o, *m]:
        record.refresh_from_db()
        status, reason = expected[key(record)]
        assert (record.review_status, record.reviewed_by) == (status, user), record
        assert record.reviewed_at is not None
        standing = ReviewDecision.objects.get(content_type__model=record._meta.model_name, record_id=record.pk,
                                              undone_at__isnull=True)
        assert (standing.decision, standing.reason, standing.decided_by) == (status, reason, user)
        if reason:
            assert record.review_note == RejectReason(reason).label
    undone = ReviewDecision.objects.filter(undone_at__isnull=False)
    assert sorted((d.content_type.model, d.record_id) for d in undone) == sorted(key(r) for r in p[5:9])


def test_verifying_the_ten_least_confident_records_takes_ten_key_presses(page: Page, live_server, queue):
    log_in(page, live_server)
    for _ in range(10):
        keys(page, "a")
    expect(page.locator("#review-progress")).to_contain_text("10 of 20 reviewed")
    verified = [r for r in [*queue["people"], *queue["orgs"], *queue["meetings"]]
                if type(r).objects.get(pk=r.pk).review_status == ReviewStatus.VERIFIED]
    assert verified == queue["people"]  # the ten least confident, in the order they came up


def test_verifying_ten_records_a_filter_shows_takes_two_key_presses(page: Page, live_server, queue):
    """Select all (*), accept (a): the ten people of a list filtered to people, verified as one undoable batch."""
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/review/?type=person")
    presses = ["*", "a"]
    keys(page, *presses)
    expect(page.locator(".messagelist")).to_contain_text("Verified 10 record(s)")
    assert len(presses) == 2
    assert {type(r).objects.get(pk=r.pk).review_status for r in queue["people"]} == {ReviewStatus.VERIFIED}
    assert {type(r).objects.get(pk=r.pk).review_status for r in [*queue["orgs"], *queue["meetings"]]} == {
        ReviewStatus.UNREVIEWED}
    assert ReviewDecision.objects.values("batch").distinct().count() == 1
