"""Pages built for a reader reuse the parts every reader shares, never stale."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Author, Tag
from articles.navigation import menu_sections
from articles.services import correction_add
from comments.models import Comment
from comments.services import comments_moderate
from media.models import Image
from newsroom import pagecache
from tests.articles.factories import ArticleFactory, AuthorFactory, TagFactory
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_kept(settings):
    # Stored pages off: each request builds its page, from kept fragments.
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 3600
    caches["pages"].clear()


@pytest.fixture
def article():
    return ArticleFactory(
        headline="Ferry timetable changes",
        authors=[AuthorFactory(name="Mira Holt")],
        tags=[TagFactory(name="Harbour")],
    )


def _reader_sees(article) -> str:
    return Client().get(article.get_absolute_url()).text


def test_the_shared_parts_are_kept_between_readers(article):
    _reader_sees(article)
    # Behind the site's back (no signal): only a kept fragment still shows this.
    Article.objects.filter(pk=article.pk).update(headline="Changed in the database")

    with CaptureQueriesContext(connection) as queries:
        page = _reader_sees(article)

    assert '<h1 class="article__headline">Ferry timetable changes</h1>' in page
    assert "<title>Changed in the database" in page, "the page itself is built"
    assert len(queries) == 1, "only the article's own row is read"
    assert "JOIN" not in queries[0]["sql"], "not its section's or image's"


def test_a_page_with_nothing_kept_reads_everything_it_shows(article):
    # Once for every page after a change: the menu, and when the next
    # scheduled story goes live (the latest any fragment may be kept).
    menu_sections()
    pagecache.seconds_to_keep(pagecache.current_generation(), most=60)

    with CaptureQueriesContext(connection) as queries:
        page = _reader_sees(article)

    assert "Mira Holt" in page and "Harbour" in page
    # The article; tags, corrections; related stories, bylines; comments.
    assert len(queries) == 6


def test_signed_in_editors_get_the_same_shared_parts(article, admin_client):
    reader_page = _reader_sees(article)
    Article.objects.filter(pk=article.pk).update(headline="Only the database knows")

    editor_page = admin_client.get(article.get_absolute_url()).text

    assert '<h1 class="article__headline">Ferry timetable changes</h1>' in editor_page
    assert '<h1 class="article__headline">Ferry timetable changes</h1>' in reader_page


def _edit_headline(article, admin_user):
    article.headline = "Ferry timetable changes again"
    article.save()
    return "Ferry timetable changes again"


def _correct(article, admin_user):
    text = "The ferry leaves at 7:40, not 7:15."
    correction_add(article=article, kind="correction", text=text, user=admin_user)
    return text


def _approve_a_comment(article, admin_user):
    held = CommentFactory(article=article, status=Comment.Status.PENDING)
    comments_moderate(Comment.objects.filter(pk=held.pk), status="approved")
    return "1 comment"


def _rename_the_author(article, admin_user):
    author = Author.objects.get(name="Mira Holt")
    author.name = "Mira Holt-Berg"
    author.save()
    return "Mira Holt-Berg"


def _rename_the_tag(article, admin_user):
    tag = Tag.objects.get(name="Harbour")
    tag.name = "Harbour and docks"
    tag.save()
    return "Harbour and docks"


def _recredit_the_photo(article, admin_user):
    image = Image.objects.get(pk=article.lead_image_id)
    image.credit = "Harbour Authority"
    image.save()
    return "Harbour Authority"


def _publish_a_related_story(article, admin_user):
    ArticleFactory(headline="Night ferry returns", section=article.section)
    return "Night ferry returns"


@pytest.mark.parametrize(
    "change",
    [
        _edit_headline,
        _correct,
        _approve_a_comment,
        _rename_the_author,
        _rename_the_tag,
        _recredit_the_photo,
        _publish_a_related_story,
    ],
)
def test_a_change_shows_at_once(article, admin_user, committed, change):
    _reader_sees(article)

    with committed():
        shown = change(article, admin_user)

    assert shown in _reader_sees(article)


def test_a_scheduled_related_story_appears_when_its_time_comes(article):
    ArticleFactory(
        headline="Embargoed report on river levels",
        section=article.section,
        pub_date=timezone.now() + timedelta(minutes=5),
    )
    assert "Embargoed report on river levels" not in _reader_sees(article)

    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert "Embargoed report on river levels" in _reader_sees(article)


def test_metadata_names_the_address_the_reader_asked(article, settings):
    settings.ALLOWED_HOSTS = ["news.example", "mirror.example"]

    for host in ("news.example", "mirror.example"):
        page = Client().get(article.get_absolute_url(), headers={"host": host})
        assert f'"url": "http://{host}{article.get_absolute_url()}"' in page.text


def test_listings_keep_their_cards_until_a_change(article, committed):
    Client().get("/")
    Article.objects.filter(pk=article.pk).update(headline="Changed in the database")
    assert "Ferry timetable changes" in Client().get("/").text

    with committed():
        _rename_the_author(article, admin_user=None)

    front_page = Client().get("/").text
    assert "Mira Holt-Berg" in front_page
    assert "Changed in the database" in front_page
