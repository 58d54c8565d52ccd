"""The pictures' geometry and the name suggestions behind the id fields."""

from datetime import date

import pytest

from archive.browse import charts
from archive.browse.selectors import Counterpart


def test_the_timeline_has_a_bar_per_month_including_empty_ones():
    timeline = charts.timeline([(date(2024, 11, 1), 2), (date(2025, 2, 1), 4)])
    assert [(b.month, b.count) for b in timeline.bars] == [
        (date(2024, 11, 1), 2), (date(2024, 12, 1), 0), (date(2025, 1, 1), 0), (date(2025, 2, 1), 4)]
    tallest = timeline.bars[-1]
    assert tallest.height == timeline.height - 22 - 8 and timeline.bars[0].height == tallest.height / 2
    assert timeline.ticks[0][1] == "2024" and timeline.ticks[1][1] == "2025"
    assert timeline.total == 6 and timeline.max_count == 4


def test_the_timeline_of_nothing_is_nothing():
    assert charts.timeline([]) is None


def test_a_long_timeline_keeps_its_latest_months():
    timeline = charts.timeline([(date(2000, 1, 1), 1), (date(2025, 12, 1), 1)], max_months=24)
    assert len(timeline.bars) == 24 and timeline.bars[-1].month == date(2025, 12, 1)


def test_the_ego_graph_places_counterparts_on_a_circle_thicker_for_more_meetings():
    graph = charts.ego_graph([Counterpart("person", 1, "A", 4), Counterpart("organization", 2, "B", 1)])
    a, b = graph.nodes
    assert (a.x, a.y) == (graph.cx, graph.cy - (graph.height / 2 - 40))  # the first at the top
    assert a.stroke > b.stroke and a.r > b.r
    assert a.label_anchor == "middle" and b.label_anchor == "middle"
    assert charts.ego_graph([]) is None


@pytest.mark.django_db
def test_suggestions_match_names_and_other_spellings(client, archive):
    results = client.get("/people/suggest", {"q": "bekov"}).json()["results"]
    assert results == [{"id": archive.nurlan.pk, "name": "Nurlan Bekov", "country": "Kazakhstan",
                        "label": "Nurlan Bekov (Kazakhstan)"}]
    assert [r["id"] for r in client.get("/organizations/suggest", {"q": "ktz"}).json()["results"]] == [archive.ktz.pk]


@pytest.mark.django_db
def test_suggestions_need_two_letters_and_stop_at_ten(client, archive):
    from tests import factories as f

    for i in range(12):
        f.PersonFactory(name=f"Khan Number {i}")
    assert client.get("/people/suggest", {"q": "k"}).json()["results"] == []
    assert len(client.get("/people/suggest", {"q": "khan"}).json()["results"]) == 10


@pytest.mark.django_db
def test_id_fields_never_render_a_list_of_every_record(client, archive):
    html = client.get("/meetings/").content.decode()
    assert '<input type="number" name="person"' in html and 'data-suggest-url="/people/suggest"' in html
    assert "Nurlan Bekov</option>" not in html
    assert '<script src="/static/archive/archive.js" defer></script>' in html


@pytest.mark.django_db
def test_every_form_field_has_a_label(client, archive):
    import re

    for url in ["/meetings/", "/agreements/", "/people/", "/organizations/", "/articles/"]:
        html = client.get(url).content.decode()
        form = html.split('<form method="get" class="filters"')[1].split("</form>")[0]
        field_ids = re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', form)
        assert len(field_ids) >= 2, url  # the filters are there to be checked
        for field_id in field_ids:
            if field_id.startswith("id_status_"):
                continue  # checkboxes, labelled by their own <label> inside the fieldset
            assert f'for="{field_id}"' in form, (url, field_id)


@pytest.mark.django_db
def test_the_static_files_are_served_from_the_project(client):
    assert client.get("/static/archive/archive.css").status_code == 200
    assert client.get("/static/archive/archive.js").status_code == 200
