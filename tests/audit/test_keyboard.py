"""A reader with only a keyboard reaches everything, and always sees where."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.audit

FOCUSED = """() => {
  const element = document.activeElement;
  if (element === document.body) return null;
  const style = getComputedStyle(element);
  return {
    name: element.getAttribute('aria-label')
      || (element.type === 'submit' && element.value) || element.textContent.trim()
      || element.getAttribute('name') || element.tagName,
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
  };
}"""


def _tab_to(page, name: str, presses: int = 120) -> None:
    for _ in range(presses):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused and focused["name"] == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def test_every_stop_on_the_article_page_shows_a_focus_ring(
    page, live_server, tour, record_figure
):
    page.goto(live_server.url + tour["article, comments open"])

    stops = []
    while len(stops) < 200:
        page.keyboard.press("Tab")
        if not (stop := page.evaluate(FOCUSED)):
            break  # past the last stop
        stops.append(stop)

    viewport = "phone" if page.viewport_size["width"] < 600 else "desktop"
    unringed = [stop["name"] for stop in stops if not stop["ring"]]
    assert len(stops) > 20, "the page's links and the comment form are all stops"
    record_figure(
        "keyboard stops without a focus ring", f"article ({viewport})", len(unringed)
    )
    assert unringed == []


def test_a_reader_replies_to_a_comment_with_the_keyboard_alone(page, live_server, tour):
    page.goto(live_server.url + tour["article, comments open"])

    _tab_to(page, "Reply to Amina Yusuf")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Replying to Amina Yusuf")).to_be_visible()
    _tab_to(page, "author_name")
    page.keyboard.type("Tomas Berg")
    page.keyboard.press("Tab")
    page.keyboard.type("tomas@example.org")
    _tab_to(page, "body")
    page.keyboard.type("The second round of talks starts next week.")
    _tab_to(page, "Post comment")
    page.keyboard.press("Enter")

    expect(
        page.get_by_text("Thanks, your comment is awaiting moderation.")
    ).to_be_visible()
    expect(
        page.get_by_text("The second round of talks starts next week.")
    ).to_be_visible()
