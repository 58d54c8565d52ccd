"""A curator finds spelling variants of one person, compares them side by side and merges or sets them apart."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from archive import models
from archive.curation.aliases import alias_keys
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


def written(name, country, quote):
    person = factories.PersonFactory(name=name, country=factories.country(country), title="Minister of Transport")
    models.PersonAlias.objects.create(person=person, name=name, **alias_keys(name, models.PersonAlias))
    article = factories.ArticleFactory(title=f"Transit talks with {name}", body=quote)
    start = quote.index(name)
    factories.EvidenceFactory(person=person, article=article, sentence=quote, sentence_start=0,
                              sentence_end=len(quote), start=start, end=start + len(name))
    return person


def log_in(page: Page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "carla")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def fits(page: Page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth") <= page.evaluate("window.innerWidth")


def test_a_curator_compares_spelling_variants_side_by_side_then_merges_one_and_sets_another_apart(
        page: Page, live_server, reference_data):
    factories.curator("carla")
    kept = written("Nurbek Zhaksylykov", "KG", "Minister Nurbek Zhaksylykov opened the new freight line in Osh.")
    twin = written("Nurbek Jaksylykov", "KG", "The road was inspected by Nurbek Jaksylykov and his deputies.")
    namesake = written("Nurbek Zhaksylykova", "KG", "Nurbek Zhaksylykova chaired the customs board.")
    log_in(page, live_server)

    page.goto(f"{live_server.url}/admin/archive/duplicatedecision/")
    page.click("input[value='Look for duplicates now']")
    first_row = page.locator("#result_list tbody tr").first
    expect(first_row).to_contain_text(f"#{kept.pk} Nurbek Zhaksylykov ·")
    expect(first_row).to_contain_text(f"#{twin.pk} Nurbek Jaksylykov ·")
    expect(first_row.locator("mark", has_text="Nurbek Jaksylykov")).to_be_visible()
    expect(first_row.locator("mark", has_text="Nurbek Zhaksylykov")).to_be_visible()
    for width, height in ((1366, 768), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        assert fits(page), f"the suggestions scroll sideways at {width} px"
        if shots := os.environ.get("ARCHIVE_SCREENSHOTS"):
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{shots}/{width}-duplicates.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 768})

    page.goto(f"{live_server.url}/admin/archive/person/{kept.pk}/change/")
    page.click("#find-duplicates")
    candidates = page.locator("tr.candidate")
    expect(candidates.first).to_have_attribute("data-pk", str(twin.pk))
    assert fits(page), "one record's duplicates scroll sideways"
    if shots := os.environ.get("ARCHIVE_SCREENSHOTS"):
        page.screenshot(path=f"{shots}/1366-duplicates-of.png", full_page=True)
    page.locator(f"tr.candidate[data-pk='{namesake.pk}']").get_by_role("link", name="compare / merge").click()
    page.click("#not-same")
    assert models.DuplicateDecision.objects.get(low_id=kept.pk, high_id=namesake.pk).verdict == "not_same"

    page.goto(f"{live_server.url}/admin/archive/person/{kept.pk}/change/")
    page.click("#find-duplicates")
    expect(page.locator(f"tr.candidate[data-pk='{namesake.pk}']")).to_have_count(0)
    page.check(f"tr.candidate[data-pk='{twin.pk}'] input[type=checkbox]")
    page.click("#duplicates-form button[type=submit]")
    page.check(f"#keep-{kept.pk}")
    page.click("#merge-submit")
    twin.refresh_from_db()
    assert twin.merged_into_id == kept.pk
