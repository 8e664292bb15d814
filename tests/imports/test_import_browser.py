"""A reader following an old WordPress link sees the credits and the conversation."""

from playwright.sync_api import expect

from tests.imports.conftest import run_import


def test_reader_of_an_old_link_sees_image_credits_and_comment_thread(
    page, live_server, wordpress_served
):
    run_import("import_wordpress", wordpress_served, "--fetch-images")

    page.goto(f"{live_server.url}/2024/03/18/stone-bridge-closes/")

    expect(page).to_have_url(f"{live_server.url}/articles/stone-bridge-closes/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Stone bridge closes for three months of repairs"
    )
    figure = page.locator("figure", has_text="Scaffolding went up last week.")
    expect(figure).to_contain_text("Image credit: Reuters")
    expect(page.get_by_text("Courtesy: Regional Wire")).to_be_visible()
    question = page.locator("li", has_text="Will buses still cross?").first
    expect(question).to_contain_text("Lucie")
    answer = question.locator("li", has_text="No, buses take the detour too.").first
    expect(answer.locator("li", has_text="Thank you, that helps.")).to_be_visible()
    expect(page.get_by_text("Fast loans, no questions asked")).to_have_count(0)
    expect(page.get_by_text("Why was this not done in summer?")).to_have_count(0)
