"""A reader on a phone and on a desktop finds the lead story and its credits."""

import pytest
from playwright.sync_api import expect

from tests.articles.factories import ArticleFactory, SectionFactory, add_every_block


@pytest.fixture
def front_page(live_server):
    section = SectionFactory(name="World", slug="world")
    ArticleFactory.create_batch(3, section=section)
    lead = ArticleFactory(
        headline="Envoys meet to cool tensions",
        section=section,
        is_featured=True,
        source_name="Al-Jazeera",
        lead_image__credit="Google",
        lead_image__caption="The two envoys before the talks",
    )
    add_every_block(lead)
    return live_server.url


def test_reader_follows_the_lead_story_to_its_credit_and_source(page, front_page):
    page.goto(front_page)

    lead = page.get_by_role("region", name="Lead story")
    lead.get_by_role("link", name="Envoys meet to cool tensions").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Envoys meet to cool tensions"
    )
    lead_figure = page.locator("figure").first
    expect(lead_figure).to_contain_text("The two envoys before the talks")
    expect(lead_figure).to_contain_text("Image credit: Google")
    expect(page.get_by_text("Courtesy: Al-Jazeera")).to_be_visible()
    image = lead_figure.get_by_role("img")
    expect(image).not_to_have_attribute("alt", "")
    assert page.evaluate(
        "img => img.complete && img.naturalWidth > 0", image.element_handle()
    ), "the lead photo should load"


def test_page_never_scrolls_sideways(page, front_page):
    page.goto(front_page)

    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )

    assert overflow == 0


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, front_page):
    page.goto(front_page)

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_be_focused()
