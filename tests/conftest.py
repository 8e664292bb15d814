"""Fixtures for the whole suite: Chromium through Playwright, and the audit.

Playwright's own browser download cannot run here, so the browser tests drive
the system Chromium; where it is missing they are skipped with the way to get
it. The audit tests (tests/audit/) record figures that are printed at the end
of the run and written to var/audit/latest.json.
"""

import json
import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connections

ROOT = Path(__file__).resolve().parent.parent
AUDIT_REPORT = ROOT / "var" / "audit" / "latest.json"
CHROMIUM = Path(os.environ.get("NEWSROOM_CHROMIUM", "/usr/bin/chromium"))

PHONE = {
    "viewport": {"width": 375, "height": 812},
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}

# Playwright's sync API runs an event loop in this thread, and Django refuses
# ORM calls from a thread with a running loop unless told it is safe. The test
# code is synchronous; only Playwright's internals are async.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
            # The live server needs committed data; restoring the database
            # afterwards keeps the roles that data migrations made.
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True)
            )


@pytest.fixture(autouse=True)
def _nothing_cached_by_another_test():
    # A test's sections, articles and comments are rolled back without a
    # commit to forget them by; and readers on the live server all post from
    # 127.0.0.1, whose comment allowance must not run out across tests.
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Wrap a change in it: stored pages and fragments are forgotten on commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(scope="module")
def browser(django_db_setup):
    if not CHROMIUM.exists():
        pytest.skip(
            f"Chromium not found at {CHROMIUM}: install it with "
            "`apt-get install chromium` (CI does) to run the browser tests."
        )
    from playwright.sync_api import sync_playwright

    serialized = _serialized_databases()
    with sync_playwright() as playwright:
        _restore_serialized_databases(serialized)
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


# Playwright leaves an event loop running in this thread, so Django now hands
# out connections per context, not per thread: new connection objects that
# lack the snapshot the test database was set up with. Without it, the flush
# after each live-server test would also wipe what data migrations made
# (such as the Moderators group) for good.
def _serialized_databases() -> dict[str, str]:
    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


def _restore_serialized_databases(serialized: dict[str, str]) -> None:
    for alias, contents in serialized.items():
        connections[alias]._test_serialized_contents = contents


@pytest.fixture
def context_options():
    """Extra options for each browser context; override to change them."""
    return {}


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def page(request, browser, context_options):
    context = browser.new_context(**request.param, **context_options)
    yield context.new_page()
    context.close()


_AUDIT_FIGURES = pytest.StashKey[dict]()


@pytest.fixture(scope="session")
def record_figure(pytestconfig):
    """Record a figure the audit measured, as record_figure(check, page, value)."""
    figures = pytestconfig.stash.setdefault(_AUDIT_FIGURES, {})

    def record(check: str, page: str, value) -> None:
        figures.setdefault(check, {})[page] = value

    return record


def pytest_terminal_summary(terminalreporter, config):
    figures = config.stash.get(_AUDIT_FIGURES, {})
    if not figures:
        return
    terminalreporter.section("audit figures")
    for check, pages in figures.items():
        terminalreporter.write_line(check)
        for page, value in sorted(pages.items()):
            terminalreporter.write_line(f"  {page:<46} {value}")
    AUDIT_REPORT.parent.mkdir(parents=True, exist_ok=True)
    AUDIT_REPORT.write_text(json.dumps(figures, indent=2))
    terminalreporter.write_line(f"Written to {AUDIT_REPORT.relative_to(ROOT)}")
