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


def restore_reference_data() -> None:
    """Countries (0002) and groups (0004) are rows a flush deletes; load them again, as the migrations do."""
    import importlib

    from django.apps import apps
    from django.db import connection

    for name, loader in (("0002_countries", "load_countries"), ("0004_groups", "create_groups")):
        module = importlib.import_module(f"archive.migrations.{name}")
        with connection.schema_editor(atomic=True) as editor:
            getattr(module, loader)(apps, editor)


@pytest.fixture
def reference_data(transactional_db):
    """For tests on a transactional database: the reference rows the migrations load."""
    restore_reference_data()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test flushed the database, put the reference rows back for the tests after it."""
    yield
    flushed = "transactional_db" in item.fixturenames or "live_server" in item.fixturenames
    marker = item.get_closest_marker("django_db")
    flushed = flushed or bool(marker and marker.kwargs.get("transaction"))
    if flushed and nextitem is not None:  # with no next test, the test database is already gone
        from django.db import connection
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            name = str(connection.settings_dict["NAME"])
            if name.startswith("test_") or "memorydb" in name or name.endswith(("/test_", ".test")):
                restore_reference_data()  # only ever the test database
