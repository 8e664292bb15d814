"""axe-core finds nothing wrong on any public page, on a phone or a desktop."""

import pytest
from playwright.sync_api import expect

from tests.audit.tools import axe_violations
from tests.audit.tour import PAGE_NAMES

pytestmark = pytest.mark.audit


@pytest.fixture
def context_options():
    # axe-core is injected as a script, which the site's CSP rightly refuses.
    return {"bypass_csp": True}


def _check(page, name, record_figure):
    violations = axe_violations(page)
    viewport = "phone" if page.viewport_size["width"] < 600 else "desktop"
    record_figure("axe-core violations", f"{name} ({viewport})", len(violations))
    assert violations == []


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_has_no_violations(page, live_server, tour, name, record_figure):
    page.goto(live_server.url + tour[name])

    _check(page, name, record_figure)


def test_comment_form_with_errors_has_no_violations(
    page, live_server, tour, record_figure
):
    page.goto(live_server.url + tour["article, comments open"])
    page.get_by_role("button", name="Post comment").click()

    expect(page.get_by_text("This field is required.").first).to_be_visible()
    _check(page, "comment form with errors", record_figure)


@pytest.mark.parametrize(
    "name", ["home", "article, comments open", "search with results"]
)
def test_dark_mode_has_no_violations(page, live_server, tour, name, record_figure):
    page.emulate_media(color_scheme="dark")
    page.goto(live_server.url + tour[name])

    _check(page, f"{name}, dark", record_figure)
