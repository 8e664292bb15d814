"""Anonymous readers share stored pages, never stale and never someone else's."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.services import article_publish, correction_add
from comments import tokens
from comments.models import Comment
from comments.services import comments_moderate
from tests.articles.factories import ArticleFactory, AuthorFactory
from tests.comments.factories import CommentFactory
from tests.html import form_values

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.COMMENTS_MIN_SECONDS = 0
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture
def article():
    return ArticleFactory(headline="Ferry timetable changes")


def _reader_sees(url) -> str:
    return Client().get(url).text


def test_a_second_reader_gets_the_stored_page(article):
    first = Client().get(article.get_absolute_url())
    # Behind the site's back (no signal): only a stored page still shows this.
    Article.objects.filter(pk=article.pk).update(headline="Changed in the database")

    second = Client().get(article.get_absolute_url())

    assert second.content == first.content
    assert "Ferry timetable changes" in second.text
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert second.has_header("Last-Modified")


def test_a_reader_holding_the_page_is_told_it_has_not_changed(article):
    etag = Client().get(article.get_absolute_url())["ETag"]

    response = Client().get(article.get_absolute_url(), headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response.content == b""


def test_an_edit_shows_at_once(article, committed):
    _reader_sees(article.get_absolute_url())

    with committed():
        article.headline = "Ferry timetable changes again"
        article.save()

    assert "Ferry timetable changes again" in _reader_sees(article.get_absolute_url())


def test_a_published_story_reaches_the_front_page_at_once(committed):
    ArticleFactory(headline="Yesterday's story")
    _reader_sees("/")
    draft = ArticleFactory(
        headline="Breaking: the bridge reopens",
        status=Article.Status.DRAFT,
        pub_date=None,
        authors=[AuthorFactory()],
    )
    assert "Breaking: the bridge reopens" not in _reader_sees("/")

    with committed():
        assert article_publish(article=draft) == []

    assert "Breaking: the bridge reopens" in _reader_sees("/")


def test_a_scheduled_story_appears_when_its_time_comes():
    ArticleFactory(headline="Yesterday's story")
    ArticleFactory(
        headline="Embargoed report on river levels",
        pub_date=timezone.now() + timedelta(minutes=5),
    )
    assert "Embargoed report on river levels" not in _reader_sees("/")

    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert "Embargoed report on river levels" in _reader_sees("/")


def test_an_approved_comment_shows_at_once(article, committed):
    held = CommentFactory(
        article=article, body="Will the night ferry run?", status=Comment.Status.PENDING
    )
    assert "Will the night ferry run?" not in _reader_sees(article.get_absolute_url())

    with committed():
        comments_moderate(
            Comment.objects.filter(pk=held.pk), status=Comment.Status.APPROVED
        )

    assert "Will the night ferry run?" in _reader_sees(article.get_absolute_url())


def test_a_held_comment_leaves_stored_pages_alone(article, committed):
    first = Client().get(article.get_absolute_url())
    # Behind the site's back (no signal): only a stored page still shows this.
    Article.objects.filter(pk=article.pk).update(headline="Changed in the database")

    with committed():
        posted = Client().post(
            reverse("comments:post", kwargs={"article_id": article.pk}),
            {
                "author_name": "Nils Aho",
                "author_email": "nils@example.org",
                "body": "The 7:40 ferry suits commuters better.",
                "token": tokens.issue(article.pk),
            },
        )

    assert Comment.objects.get().status == Comment.Status.PENDING
    assert posted.status_code == 302
    assert Client().get(article.get_absolute_url()).content == first.content


def test_a_correction_shows_at_once(article, admin_user, committed):
    _reader_sees(article.get_absolute_url())

    with committed():
        correction_add(
            article=article,
            kind="correction",
            text="The ferry leaves at 7:40, not 7:15.",
            user=admin_user,
        )

    assert "The ferry leaves at 7:40, not 7:15." in _reader_sees(
        article.get_absolute_url()
    )


def test_a_stored_page_carries_nothing_of_the_reader_before(article):
    writer = Client()
    writer.post(
        reverse("comments:post", kwargs={"article_id": article.pk}),
        {
            "author_name": "Ada Berg",
            "author_email": "ada@example.org",
            "body": "My own pending thought.",
            "token": tokens.issue(article.pk),
        },
    )
    seen_by_writer = writer.get(article.get_absolute_url())
    assert "My own pending thought." in seen_by_writer.text

    stranger = Client().get(article.get_absolute_url())
    again = Client().get(article.get_absolute_url())

    assert again.content == stranger.content, "the stranger's page is the stored one"
    for page in (stranger, again):
        assert "My own pending thought." not in page.text
        assert "awaiting moderation" not in page.text
        assert "csrfmiddlewaretoken" not in page.text
        assert not page.cookies
        assert writer.cookies["comments_pending"].value not in page.text


def test_signed_in_editors_never_get_or_leave_stored_pages(article, admin_client):
    _reader_sees(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(headline="Only the database knows")

    page = admin_client.get(article.get_absolute_url())

    assert "Only the database knows" in page.text
    assert "ETag" not in page


def test_a_comment_posted_without_script_is_confirmed_then_kept(article):
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(article.get_absolute_url())
    typed = form_values(page.text, "comment-form") | {
        "author_name": "Nils Aho",
        "author_email": "nils@example.org",
        "body": "The 7:40 ferry suits commuters better.",
    }
    post_url = reverse("comments:post", kwargs={"article_id": article.pk})

    confirm = reader.post(post_url, typed)

    assert confirm.status_code == 403
    assert "Please check your comment and post it again" in confirm.text
    assert "The 7:40 ferry suits commuters better." in confirm.text
    assert not Comment.objects.exists()

    posted = reader.post(post_url, form_values(confirm.text, "comment-form"))

    assert posted.status_code == 302
    assert Comment.objects.get().body == "The 7:40 ferry suits commuters better."


def test_tokens_for_a_shared_form_are_the_readers_own(article):
    reader = Client()

    tokens = reader.get(
        reverse("comments:form-tokens", kwargs={"article_id": article.pk})
    )

    assert tokens["Cache-Control"].startswith("max-age=0")
    assert set(tokens.json()) == {"csrf", "token"}
    assert "csrftoken" in tokens.cookies
