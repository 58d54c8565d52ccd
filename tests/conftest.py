import os

import pytest

# Playwright runs an event loop in the test thread; the ORM refuses sync calls there otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium: Playwright's own browser download is not reachable."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
        ],
    }


def _is_transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return bool(
        "transactional_db" in request.fixturenames or "live_server" in request.fixturenames
        or (marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
    )


def restore_reference_data() -> None:
    """Countries (migration 0002) and groups (0006) are rows a flush deletes; load them as the migrations do."""
    import importlib

    from django.apps import apps
    from django.db import connection

    for name, loader in (("0002_countries", "load_countries"), ("0006_groups", "create_groups")):
        module = importlib.import_module(f"archive.migrations.{name}")
        with connection.schema_editor(atomic=True) as editor:
            getattr(module, loader)(apps, editor)


@pytest.fixture
def reference_data(transactional_db):
    """For tests on a transactional database: the reference rows the migrations load."""
    restore_reference_data()


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request):
    """Put countries and groups back before each transactional test (live_server, transaction=True).

    A transactional test ends with a flush that empties every table, so the next one
    would find none. pytest-django runs all non-transactional tests first (see the
    hook below), so they never see the flushed state; each transactional test reloads
    the rows here (idempotent: only missing rows are added).
    """
    if _is_transactional(request):
        request.getfixturevalue("transactional_db")
        restore_reference_data()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run transactional tests after all the others that use the database, as pytest-django intends.

    pytest-django sorts them so (tryfirst), but pytest then regroups items by parametrized
    session fixtures (Playwright's browser name), which can put a browser test, and the
    flush that ends it, before ordinary database tests. Sorting again last restores the
    order; the sort is stable, so the browser tests stay together.
    """
    from pytest_django.plugin import pytest_collection_modifyitems as django_order

    django_order(items)
