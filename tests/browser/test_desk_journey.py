"""A writer files a story, an editor previews and publishes it, a reader reads it."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests.articles.factories import AuthorFactory, SectionFactory
from tests.media.factories import ImageFactory, image_file

PASSWORD = "a-long-test-only-passphrase"


@pytest.fixture
def desk(django_user_model):
    """A writer with a byline, an editor, a section and two credited photos."""
    for username, group in [("writer", "Writers"), ("editor", "Editors")]:
        user = django_user_model.objects.create_user(
            username, password=PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))
        if username == "writer":
            AuthorFactory(name="Nadia Okoro", user=user)
    SectionFactory(name="City", slug="city")
    ImageFactory(
        file=image_file(size=(1200, 800)),
        caption="The old tram depot",
        credit="Depot Archive",
    )
    ImageFactory(
        file=image_file(size=(1200, 800)),
        caption="Tram lines at dusk",
        credit="Lena Varga",
    )


def _sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def _choose(page, container, search):
    """Pick an option in one of the admin's autocomplete boxes."""
    page.locator(f"{container} .select2-selection").first.click()
    page.locator(".select2-container--open .select2-search__field").fill(search)
    page.locator(".select2-results__option", has_text=search).first.click()


def _add_block(page, title):
    page.locator(".order-machine-insert-target.last").click()
    page.locator(f".plugin-buttons a.plugin-button[title='{title}']").click()


def _write_story(page, live_server):
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.get_by_label("Headline").fill("Trams return to the harbour line")
    page.get_by_label("Standfirst").fill("The depot reopens after a decade.")
    page.get_by_label("Section").select_option(label="City")
    _choose(page, ".field-lead_image", "old tram depot")
    page.get_by_role("button", name="Add another Author").click()
    _choose(page, "#bylines-0", "Nadia Okoro")
    _add_block(page, "Text")
    page.locator("#articles_richtext_set-0 .ProseMirror[contenteditable]").click()
    page.keyboard.type("The first tram left the depot at dawn.")
    _add_block(page, "Image")
    _choose(page, "#articles_imageblock_set-0", "Tram lines at dusk")
    _add_block(page, "Pull quote")
    quote = page.locator("#articles_pullquote_set-0")
    quote.get_by_label("Quote").fill("We waited ten years for this.")
    quote.get_by_label("Attribution").fill("A harbour resident")
    page.get_by_label("Status").select_option(label="In review")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")


def test_writer_files_editor_publishes_reader_reads(live_server, desk, browser, page):
    writer = browser.new_context()
    writer_page = writer.new_page()
    _sign_in(writer_page, live_server, "writer")
    _write_story(writer_page, live_server)
    writer.close()

    editor = browser.new_context()
    editor_page = editor.new_page()
    _sign_in(editor_page, live_server, "editor")
    editor_page.goto(
        f"{live_server.url}/admin/articles/article/?status__exact=in_review"
    )
    editor_page.get_by_role("link", name="Trams return to the harbour line").click()
    change_url = editor_page.url
    editor_page.get_by_role("link", name="Preview as readers will see it").click()
    expect(editor_page.get_by_role("note")).to_contain_text("Preview")
    expect(editor_page.locator("figure").first).to_contain_text(
        "Image credit: Depot Archive"
    )
    editor_page.goto(change_url)
    editor_page.get_by_label("Status").select_option(label="Published")
    editor_page.get_by_role("button", name="Save", exact=True).click()
    expect(editor_page.locator(".messagelist")).to_contain_text(
        "was changed successfully"
    )
    editor.close()

    page.goto(live_server.url)
    page.get_by_role("link", name="Trams return to the harbour line").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Trams return to the harbour line"
    )
    expect(page.locator(".byline")).to_contain_text("Nadia Okoro")
    expect(page.get_by_text("The first tram left the depot at dawn.")).to_be_visible()
    body_figure = page.locator(".article__body figure.figure")
    expect(body_figure).to_contain_text("Image credit: Lena Varga")
    expect(page.locator(".pull-quote")).to_contain_text("We waited ten years for this.")
