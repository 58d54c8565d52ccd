"""The article changelist's outlet filter: every outlet listed, one chosen narrows the list, nonsense finds nothing."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_the_outlet_filter_lists_the_outlets_and_narrows_the_list(viewer_client):
    astana = factories.ArticleFactory(outlet="The Astana Times", title="Rail link opens")
    factories.ArticleFactory(outlet="Dawn", title="Port talks")
    factories.ArticleFactory(outlet="", title="No masthead")
    response = viewer_client.get("/admin/archive/article/")
    assert response.status_code == 200
    outlet_filter = next(spec for spec in response.context["cl"].filter_specs if getattr(spec, "parameter_name", "") == "outlet")
    assert [choice[0] for choice in outlet_filter.lookup_choices] == ["Dawn", "The Astana Times"]
    response = viewer_client.get("/admin/archive/article/", {"outlet": "The Astana Times"})
    assert [a.pk for a in response.context["cl"].result_list] == [astana.pk]
    response = viewer_client.get("/admin/archive/article/", {"outlet": "No such outlet'"})
    assert response.status_code == 200 and list(response.context["cl"].result_list) == []
    assert viewer_client.get("/admin/archive/article/", {"outlet": "Dawn\x00"}).status_code == 400  # not a 500
