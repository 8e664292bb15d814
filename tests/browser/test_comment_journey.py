"""A reader comments, a moderator approves, and the conversation grows."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from playwright.sync_api import expect

from tests.articles.factories import ArticleFactory

PASSWORD = "a-long-test-only-passphrase"


@pytest.fixture
def article(live_server, settings):
    settings.COMMENTS_MIN_SECONDS = 0
    return ArticleFactory(headline="Ferry timetable changes")


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "moderator", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def _post_comment(page, *, name, email, text):
    form = page.locator("#comment-form")
    form.get_by_label("Name").fill(name)
    form.get_by_label("Email", exact=False).first.fill(email)
    form.get_by_label("Comment").fill(text)
    form.get_by_role("button", name="Post comment").click()


def _approve_all_held(browser, live_server):
    context = browser.new_context()
    admin = context.new_page()
    admin.goto(f"{live_server.url}/admin/comments/comment/")
    admin.get_by_label("Username").fill("moderator")
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Log in").click()
    admin.locator("#action-toggle").check()
    admin.locator("select[name=action]").select_option("mark_approved")
    admin.get_by_role("button", name="Run").click()
    expect(admin.locator(".messagelist")).to_contain_text("changed")
    context.close()


def test_comment_is_held_approved_then_answered(
    live_server, article, moderator, page, browser
):
    page.goto(f"{live_server.url}{article.get_absolute_url()}")

    _post_comment(
        page, name="Maya", email="maya@example.org", text="Will the night ferry stay?"
    )

    expect(page.get_by_role("status")).to_contain_text(
        "Thanks, your comment is awaiting moderation."
    )
    mine = page.locator(".comment", has_text="Will the night ferry stay?")
    expect(mine).to_contain_text("Awaiting moderation: only you can see this")

    _approve_all_held(browser, live_server)
    page.reload()

    mine = page.locator(".comment", has_text="Will the night ferry stay?")
    expect(mine).not_to_contain_text("Awaiting moderation")
    expect(page.locator("#comments-title")).to_have_text("1 comment")

    mine.get_by_role("link", name="Reply to Maya").click()
    expect(page.get_by_text("Replying to Maya")).to_be_visible()
    _post_comment(
        page, name="Jon", email="jon@example.org", text="The timetable says it does."
    )
    _approve_all_held(browser, live_server)
    page.reload()

    reply = page.locator(".comment .comment", has_text="The timetable says it does.")
    expect(reply).to_be_visible()
    expect(page.locator(f"#{reply.get_attribute('id')}")).to_have_count(1)


def test_a_reader_posts_from_the_page_stored_for_everyone(
    live_server, article, page, browser, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    url = f"{live_server.url}{article.get_absolute_url()}"
    first_reader = browser.new_context()
    first_reader.new_page().goto(url)
    first_reader.close()

    served = page.goto(url)
    _post_comment(
        page, name="Maya", email="maya@example.org", text="Will the night ferry stay?"
    )

    assert served.headers.get("etag"), "the second reader got the stored page"
    expect(page.get_by_role("status")).to_contain_text(
        "Thanks, your comment is awaiting moderation."
    )
    caches["pages"].clear()
