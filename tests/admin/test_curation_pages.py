"""The pages curators work in: evidence, the article's mentions, review, edits, merge, undo, history, queue."""

import datetime

import pytest

from archive.extraction.entities import names

from archive import models
from archive.curation.merge import record_merge
from tests import factories

pytestmark = pytest.mark.django_db

BODY = "Foreign Minister Aibek Dzhaksybekov met <b>officials</b> in Tashkent on Monday."


def mentioned_person():
    article = factories.ArticleFactory(body=BODY, title="Talks in Tashkent")
    person = factories.PersonFactory(name="Aibek Dzhaksybekov", confidence=0.42)
    start = BODY.index("Aibek")
    factories.EvidenceFactory(article=article, person=person, sentence=BODY, sentence_start=0,
                              sentence_end=len(BODY), start=start, end=start + len("Aibek Dzhaksybekov"),
                              confidence=0.77)
    return article, person


def test_a_record_page_quotes_its_evidence_with_the_mention_marked_and_escaped(curator_client):
    article, person = mentioned_person()
    html = curator_client.get(f"/admin/archive/person/{person.pk}/change/").content.decode()
    assert "<mark>Aibek Dzhaksybekov</mark>" in html
    assert "&lt;b&gt;officials&lt;/b&gt;" in html and "<b>officials</b>" not in html
    assert f"/admin/archive/article/{article.pk}/change/" in html
    assert "confidence 0.77" in html and "0.42" in html


def test_an_article_page_marks_every_mention_and_links_its_records(curator_client):
    article, person = mentioned_person()
    meeting = factories.MeetingFactory()
    start = BODY.index("met")
    factories.EvidenceFactory(article=article, person=None, meeting=meeting, sentence=BODY, sentence_start=0,
                              sentence_end=len(BODY), start=start, end=len(BODY))
    html = curator_client.get(f"/admin/archive/article/{article.pk}/change/").content.decode()
    assert (f'<a href="/admin/archive/person/{person.pk}/change/">Aibek Dzhaksybekov</a></mark>') in html
    assert f'<a href="/admin/archive/meeting/{meeting.pk}/change/">met ' in html
    assert "&lt;b&gt;officials&lt;/b&gt;" in html and "<b>officials</b>" not in html
    assert f"/admin/review/?article={article.pk}" in html


def test_verify_and_reject_from_the_record_page_record_who_and_why(curator_client, curator):
    meeting = factories.MeetingFactory()
    curator_client.post(f"/admin/archive/meeting/{meeting.pk}/review/", {"decision": "verify"})
    meeting.refresh_from_db()
    assert (meeting.review_status, meeting.reviewed_by) == ("verified", curator)
    curator_client.post(f"/admin/archive/meeting/{meeting.pk}/review/", {"decision": "reject", "note": "a call"})
    meeting.refresh_from_db()
    assert (meeting.review_status, meeting.review_note) == ("rejected", "a call")


def test_rejecting_a_selection_asks_for_a_reason_first(curator_client):
    people = factories.PersonFactory.create_batch(2)
    ids = [p.pk for p in people]
    page = curator_client.post("/admin/archive/person/", {"action": "reject_selected", "_selected_action": ids})
    assert b"confirm-reject" in page.content
    assert not models.Person.objects.filter(review_status="rejected").exists()
    curator_client.post("/admin/archive/person/", {"action": "reject_selected", "_selected_action": ids,
                                                   "apply": "1", "reason": "not people"})
    assert set(models.Person.objects.values_list("review_status", "review_note")) == {("rejected", "not people")}


def change_data(person, **changes):
    data = {"name": person.name, "title": person.title, "country": person.country_id or "",
            "aliases-TOTAL_FORMS": 0, "aliases-INITIAL_FORMS": 0, "roles-TOTAL_FORMS": 0, "roles-INITIAL_FORMS": 0}
    return {**data, **changes}


def test_editing_a_field_marks_the_record_curated_and_saving_unchanged_does_not(curator_client):
    person = factories.PersonFactory(title="Ambassador")
    curator_client.post(f"/admin/archive/person/{person.pk}/change/", change_data(person))
    person.refresh_from_db()
    assert not person.is_curated
    response = curator_client.post(f"/admin/archive/person/{person.pk}/change/",
                                   change_data(person, title="Special Envoy"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_curated and person.title == "Special Envoy"
    assert person.history.latest().history_user.username == "carla"


def test_adding_an_alias_inline_marks_the_record_curated_with_ingest_keys(curator_client):
    person = factories.PersonFactory()
    data = change_data(person, **{"aliases-TOTAL_FORMS": 1, "aliases-0-name": "Mr Dzhaksybekov"})
    assert curator_client.post(f"/admin/archive/person/{person.pk}/change/", data).status_code == 302
    person.refresh_from_db()
    alias = person.aliases.get()
    assert person.is_curated and alias.normalized == "dzhaksybekov"
    # The spelling-independent key ingest looks people up by: "Djaksybekov" finds this alias.
    assert alias.surname_key and alias.surname_key == names.surname_key("Djaksybekov")


def test_a_curator_reverts_to_an_earlier_version_but_not_a_tombstone(curator_client, curator):
    person = factories.PersonFactory(title="Ambassador")
    first_version = person.history.latest()
    person.title = "Foreign Minister"
    person.save()
    url = f"/admin/archive/person/{person.pk}/history/{first_version.history_id}/"
    history = curator_client.get(f"/admin/archive/person/{person.pk}/history/")
    assert history.status_code == 200
    assert [v.pk for v in history.context["page_obj"]] == list(person.history.values_list("pk", flat=True))
    assert f'href="{url}"'.encode() in history.content  # each version links to its page, to revert from
    assert b"Foreign Minister" in history.content  # the change of title is shown
    assert curator_client.get(url).status_code == 200
    curator_client.post(url, change_data(person, title="Ambassador"))
    person.refresh_from_db()
    assert person.title == "Ambassador" and person.is_curated

    person.title = "Foreign Minister"
    person.save()
    kept = factories.PersonFactory()
    record_merge(kept=kept, merged=person, user=curator)
    page = curator_client.post(url, change_data(person, title="Ambassador"), follow=True)
    assert b"a tombstone is not edited" in page.content
    person.refresh_from_db()
    assert person.title == "Foreign Minister" and person.merged_into == kept


def test_a_tombstone_page_is_read_only_and_links_to_the_kept_record(curator_client, curator):
    kept = factories.PersonFactory(name="Aibek Dzhaksybekov")
    merged = factories.PersonFactory(name="Aibek Djaksybekov")
    record_merge(kept=kept, merged=merged, user=curator)
    page = curator_client.get(f"/admin/archive/person/{merged.pk}/change/")
    assert page.status_code == 200
    assert f'href="/admin/archive/person/{kept.pk}/change/"'.encode() in page.content
    assert b'id="tombstone"' in page.content and b'name="_save"' not in page.content
    response = curator_client.post(f"/admin/archive/person/{merged.pk}/change/", change_data(merged, title="x"))
    assert response.status_code == 403


def test_merge_through_the_admin_and_undo_it(curator_client):
    kept = factories.PersonFactory(name="Aibek Dzhaksybekov")
    merged = factories.PersonFactory(name="Aibek Djaksybekov")
    response = curator_client.post("/admin/archive/person/", {"action": "merge_selected",
                                                              "_selected_action": [kept.pk, merged.pk]})
    page = curator_client.get(response["Location"])
    assert b"Aibek Djaksybekov" in page.content and b"Aibek Dzhaksybekov" in page.content
    curator_client.post(response["Location"], {"kept": kept.pk, "action": "merge"})
    merged.refresh_from_db()
    assert merged.merged_into == kept
    merge = models.MergeRecord.objects.get()
    assert b"undo-merge" in curator_client.get(f"/admin/archive/mergerecord/{merge.pk}/change/").content
    curator_client.post(f"/admin/archive/mergerecord/{merge.pk}/undo/")
    merged.refresh_from_db()
    assert merged.merged_into is None


def test_not_the_same_from_the_merge_page_is_remembered(curator_client):
    a, b = factories.PersonFactory(name="Ali Khan"), factories.PersonFactory(name="Ali Khan")
    curator_client.post(f"/admin/merge/person/?ids={a.pk},{b.pk}", {"action": "not_same"})
    assert models.DuplicateDecision.objects.get().verdict == "not_same"
    curator_client.post(f"/admin/merge/person/?ids={a.pk},{b.pk}", {"kept": a.pk, "action": "merge"})
    assert models.Person.objects.get(pk=b.pk).merged_into is None


def test_duplicate_suggestions_are_listed_and_judged(curator_client):
    decision = factories.DuplicateDecisionFactory()
    page = curator_client.get("/admin/archive/duplicatedecision/")
    assert b"compare / merge" in page.content
    curator_client.post("/admin/archive/duplicatedecision/", {"action": "judge_unsure",
                                                              "_selected_action": [decision.pk]})
    decision.refresh_from_db()
    assert decision.verdict == "unsure" and decision.decided_by.username == "carla"
    assert b"compare / merge" not in curator_client.get("/admin/archive/duplicatedecision/").content


class TestReviewQueue:
    def queue(self, client, **params):
        response = client.get("/admin/review/", params)
        assert response.status_code == 200
        return [row["key"] for row in response.context["rows"]]

    def test_unreviewed_and_least_confident_come_first_across_types(self, curator_client):
        sure = factories.PersonFactory(confidence=0.9)
        unsure = factories.MeetingFactory(confidence=0.1)
        middle = factories.AgreementFactory(confidence=0.5)
        done = factories.OrganizationFactory(confidence=0.0, review_status="verified")
        assert self.queue(curator_client) == [f"meeting:{unsure.pk}", f"agreement:{middle.pk}",
                                              f"person:{sure.pk}"]
        assert self.queue(curator_client, status="all")[-1] == f"organization:{done.pk}"

    def test_filters_by_type_country_article_and_date(self, curator_client):
        pk_person = factories.PersonFactory(country=factories.country("PK"))
        factories.PersonFactory(country=factories.country("KZ"))
        meeting = factories.MeetingFactory()
        factories.MeetingParticipantFactory(meeting=meeting, person=pk_person)
        old = factories.ArticleFactory(published=datetime.date(2020, 1, 1))
        factories.EvidenceFactory(article=old, person=pk_person)
        assert set(self.queue(curator_client, country="PK")) == {f"person:{pk_person.pk}", f"meeting:{meeting.pk}"}
        assert self.queue(curator_client, type="meeting", country="PK") == [f"meeting:{meeting.pk}"]
        assert self.queue(curator_client, article=old.pk) == [f"person:{pk_person.pk}"]
        assert self.queue(curator_client, published_from="2019-12-01", published_to="2020-02-01") == [
            f"person:{pk_person.pk}"]

    def test_verify_and_reject_from_the_queue(self, curator_client):
        meeting, person = factories.MeetingFactory(), factories.PersonFactory()
        curator_client.post("/admin/review/", {"record": [f"meeting:{meeting.pk}"], "decision": "verify"})
        curator_client.post("/admin/review/", {"record": [f"person:{person.pk}"], "decision": "reject",
                                               "reason": "a job title, not a person"})
        meeting.refresh_from_db()
        person.refresh_from_db()
        assert meeting.review_status == "verified"
        assert (person.review_status, person.review_note) == ("rejected", "a job title, not a person")
        assert self.queue(curator_client) == []


def test_a_verdict_set_on_a_pairs_page_records_who_decided(curator_client, curator):
    decision = factories.DuplicateDecisionFactory()
    url = f"/admin/archive/duplicatedecision/{decision.pk}/change/"
    assert curator_client.post(url, {"verdict": "pending", "note": "ask Astana desk"}).status_code == 302
    decision.refresh_from_db()
    assert (decision.verdict, decision.note, decision.decided_by) == ("pending", "ask Astana desk", None)
    curator_client.post(url, {"verdict": "not_same", "note": "different fathers"})
    decision.refresh_from_db()
    assert (decision.verdict, decision.decided_by) == ("not_same", curator)


def test_review_redirects_only_to_this_site(curator_client):
    person = factories.PersonFactory()
    response = curator_client.post(f"/admin/archive/person/{person.pk}/review/",
                                   {"decision": "verify", "next": "https://evil.example/"})
    assert response["Location"] == f"/admin/archive/person/{person.pk}/change/"


def test_the_index_is_grouped_for_curators_with_the_rows_of_records_out_of_their_sight(curator_client, admin_client):
    factories.PersonFactory(review_status="verified")
    factories.PersonFactory()
    page = curator_client.get("/admin/").content.decode()
    assert page.index("Review and correct") < page.index("Duplicates and merges") < page.index("Reference data")
    assert "Review queue" in page and "Person aliases" not in page and "Field conflicts" not in page
    assert "1 of 2 reviewed" in page  # progress, on the index too
    assert "Person aliases" in admin_client.get("/admin/").content.decode()
    assert curator_client.get("/admin/archive/personalias/").status_code == 200  # still reachable


def test_the_type_filters_of_merges_and_duplicates_list_only_the_record_types(curator_client):
    for url in ("/admin/archive/mergerecord/", "/admin/archive/duplicatedecision/"):
        page = curator_client.get(url).content.decode()
        assert "?type=person" in page and "?type=agreement" in page
        assert "content_type__id__exact" not in page and "log entry" not in page.lower()


def test_a_four_way_merge_is_listed_with_ids_names_and_countries(curator_client, curator):
    kz = factories.country("KZ")
    people = [factories.PersonFactory(name="Ali Khan", country=kz) for _ in range(4)]
    from archive.curation.merge import records_merge

    records_merge(kept=people[0], others=people[1:], user=curator)
    page = curator_client.get("/admin/archive/mergerecord/").content.decode()
    for person in people[1:]:
        assert f"#{person.pk} Ali Khan · Kazakhstan" in page
    assert f"#{people[0].pk} Ali Khan · Kazakhstan" in page
