"""Detail pages link everything: a person's roles, meetings, agreements and articles; a meeting's
participants and sources; an agreement's parties and status history; an article's records."""

import pytest

from archive.models import ReviewStatus
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_persons_roles_over_time_newest_first_with_their_sources(client, archive):
    response = client.get(f"/people/{archive.amina.pk}/")
    assert [r.title for r in response.context["roles"]] == ["Federal Minister for Communications", "Senator"]
    html = response.content.decode()
    assert "4 March 2025" in html and "<td class=\"nowrap\">2021</td>" in html  # a year-only date stays a year
    assert f'href="/articles/{archive.dawn.pk}/"' in html
    assert f'href="/organizations/{archive.ministry.pk}/"' in html


def test_a_persons_meetings_agreements_and_articles(client, archive):
    context = client.get(f"/people/{archive.amina.pk}/").context
    assert [m.pk for m in context["meetings"]] == [archive.m_nov.pk, archive.m_march.pk, archive.m_uz.pk]
    assert [a.pk for a in context["agreements"]] == [archive.railway.pk]
    assert [a.pk for a in context["articles"]] == [archive.dawn.pk]


def test_a_person_page_links_to_the_meetings_list_filtered_on_them(client, archive):
    html = client.get(f"/people/{archive.amina.pk}/").content.decode()
    assert f'href="/meetings/?person={archive.amina.pk}"' in html


def test_who_a_person_met_counts_meetings_and_leaves_out_rejected_people(client, archive):
    context = client.get(f"/people/{archive.amina.pk}/").context
    met = [(c.kind, c.name, c.meetings) for c in context["counterparts"]]
    assert met == [("person", "Nurlan Bekov", 2), ("organization", "Kazakhstan Temir Zholy", 1),
                   ("person", "Sardor Aliyev", 1)]
    html = client.get(f"/people/{archive.amina.pk}/").content.decode()
    assert ' 400" role="img" aria-labelledby="met-caption">' in html  # the view box widens for labels
    assert f'<a href="/people/{archive.nurlan.pk}/"><circle' in html


def test_a_rejected_meeting_does_not_count_as_met(client, archive):
    def meetings_with_amina():
        counterparts = client.get(f"/people/{archive.nurlan.pk}/").context["counterparts"]
        return sum(c.meetings for c in counterparts if c.name == "Amina Rahman")

    def meeting_of_both(**fields):
        meeting = f.MeetingFactory(**fields)
        for person in (archive.amina, archive.nurlan):
            f.MeetingParticipantFactory(meeting=meeting, person=person, name=person.name, country=person.country)

    assert meetings_with_amina() == 2
    meeting_of_both(review_status=ReviewStatus.REJECTED)
    assert meetings_with_amina() == 2
    meeting_of_both()
    assert meetings_with_amina() == 3  # the same pair in a meeting not rejected does count


def test_a_person_without_meetings_has_no_picture(client, db):
    html = client.get(f"/people/{f.PersonFactory().pk}/").content.decode()
    assert "No meetings with other recorded people" in html and "<svg" not in html


def test_a_long_list_on_a_person_page_is_cut_and_links_to_the_full_list(client, db, monkeypatch):
    from archive.browse import selectors

    monkeypatch.setattr(selectors, "DETAIL_LIMIT", 3)
    person = f.PersonFactory()
    for _ in range(5):
        f.MeetingParticipantFactory(person=person)
    response = client.get(f"/people/{person.pk}/")
    assert len(response.context["meetings"]) == 3 and response.context["more_meetings"]
    assert f'href="/meetings/?person={person.pk}">All meetings with' in response.content.decode()


def test_a_meetings_participants_place_date_and_quoted_sources(client, archive):
    response = client.get(f"/meetings/{archive.m_march.pk}/")
    html = response.content.decode()
    assert [p.name for p in response.context["participants"]] == ["Amina Rahman", "Nurlan Bekov",
                                                                  "Kazakhstan Temir Zholy"]
    assert "4 March 2025" in html and 'href="/meetings/?location=Islamabad"' in html
    assert "Minister Amina Rahman <mark>met</mark> Kazakh envoy" in html
    assert f'href="/people/{archive.amina.pk}/"' in html and f'href="/organizations/{archive.ktz.pk}/"' in html
    assert 'href="/meetings/?country=KZ"' in html


def test_a_meeting_shows_where_sources_disagree(client, archive):
    f.FieldConflictFactory(meeting=archive.m_march, field="date", kept_value="2025-03-04",
                           other_value="2025-03-05", article=archive.astana)
    html = client.get(f"/meetings/{archive.m_march.pk}/").content.decode()
    assert "Sources disagree" in html and "2025-03-05" in html


def test_an_agreements_parties_and_status_history_with_evidence(client, archive):
    response = client.get(f"/agreements/{archive.wheat.pk}/")
    assert [(s.status, s.article.pk) for s in response.context["history"]] == [
        ("proposed", archive.astana.pk), ("signed", archive.dawn.pk)]
    html = response.content.decode()
    assert "Trans-Pamir railway corridor and <mark>wheat exports</mark>." in html
    assert 'href="/agreements/?country=PK">Pakistan</a>' in html
    assert 'href="/agreements/?sector=agriculture"' in html and "USD 120,000,000" in html


def test_an_agreements_signer_links_to_their_page(client, archive):
    html = client.get(f"/agreements/{archive.railway.pk}/").content.decode()
    assert f'signed by <a href="/people/{archive.amina.pk}/">Amina Rahman</a>' in html


def test_an_articles_text_with_its_records_highlighted(client, archive):
    response = client.get(f"/articles/{archive.dawn.pk}/")
    marked = [(s.kind, s.text) for s in response.context["segments"] if s.kind]
    assert marked == [("person", "Amina Rahman"), ("meeting", "met"), ("person", "Nurlan Bekov"),
                      ("agreement", "wheat exports")]
    assert "".join(s.text for s in response.context["segments"]) == archive.dawn.body
    html = response.content.decode()
    assert f'<a class="mention m-person" id="mention-' in html
    assert f'href="/people/{archive.amina.pk}/" title="person: Amina Rahman">Amina Rahman</a>' in html


def test_nested_or_broken_spans_keep_the_text_whole_and_every_mention_marked(client, archive):
    body = archive.dawn.body
    amina = body.index("Amina Rahman")
    f.EvidenceFactory(article=archive.dawn, person=archive.sardor, start=amina + 6, end=amina + 12, sentence=body,
                      sentence_start=0, sentence_end=len(body))  # "Rahman", inside "Amina Rahman"
    f.EvidenceFactory(article=archive.dawn, person=archive.sardor, start=5000, end=5010, sentence=body,
                      sentence_start=0, sentence_end=len(body))
    response = client.get(f"/articles/{archive.dawn.pk}/")
    segments = response.context["segments"]
    assert "".join(s.text for s in segments) == body
    marked = [(s.text, s.record_id) for s in segments if s.kind == "person"][:2]
    assert marked == [("Amina ", archive.amina.pk), ("Rahman", archive.sardor.pk)]
    html = response.content.decode()
    assert all(html.count(f'id="mention-{s.evidence_id}"') == 1 for s in segments if s.kind)


def test_an_organization_page_lists_its_people_meetings_and_agreements(client, archive):
    context = client.get(f"/organizations/{archive.ktz.pk}/").context
    assert [r.person.pk for r in context["roles"]] == [archive.nurlan.pk]
    assert [m.pk for m in context["meetings"]] == [archive.m_march.pk]
    assert [a.pk for a in context["agreements"]] == [archive.railway.pk]


def test_pages_link_to_each_other_both_ways(client, archive):
    person_html = client.get(f"/people/{archive.amina.pk}/").content.decode()
    meeting_html = client.get(f"/meetings/{archive.m_march.pk}/").content.decode()
    assert f'href="/meetings/{archive.m_march.pk}/"' in person_html
    assert f'href="/people/{archive.amina.pk}/"' in meeting_html
