import pytest

from tests import factories


@pytest.fixture
def curator(db):
    return factories.curator("carla")


@pytest.fixture
def viewer(db):
    return factories.curator("victor", group="Viewer")


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client
