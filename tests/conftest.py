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


@pytest.fixture(autouse=True)
def _countries_after_flush(request):
    """Put the Country rows back for transactional tests (live_server, transaction=True).

    Countries are loaded by migration 0002; a transactional test ends with a flush that
    empties every table, so the next one would find none. pytest-django runs all
    non-transactional tests first, so they never see the flushed state; each
    transactional test reloads the rows here (idempotent: only missing codes are added).
    """
    if not _is_transactional(request):
        return
    from importlib import import_module

    from django.apps import apps

    request.getfixturevalue("transactional_db")
    import_module("archive.migrations.0002_countries").load_countries(apps, None)


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
