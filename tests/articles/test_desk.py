"""The desk in the admin: each role can do its job and nothing more.

Every boundary is proved with a direct request, not by a hidden button.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.articles.factories import ArticleFactory, AuthorFactory
from tests.html import form_values

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_article_add")
CHANGELIST = reverse("admin:articles_article_changelist")


def _change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def _edit(client, url, **changes):
    """Open an admin form as a browser would, change some fields, and save it."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    data = form_values(page.text, "article_form") | {
        name: value if isinstance(value, list) else [value]
        for name, value in changes.items()
    }
    return client.post(url, data)


def _with_author(author, data=None):
    """Fields that add `author` to a new article's byline."""
    return {
        "bylines-TOTAL_FORMS": "1",
        "bylines-0-author": str(author.pk),
        "bylines-0-position": "0",
    }


# --- Writers -------------------------------------------------------------


def test_writer_drafts_an_article_and_submits_it_for_review(client, writer):
    client.force_login(writer)

    response = _edit(
        client,
        ADD,
        headline="Bridge inspections",
        slug="bridge-inspections",
        status="in_review",
        **_with_author(writer.author),
    )

    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get(slug="bridge-inspections")
    assert article.status == Article.Status.IN_REVIEW
    assert article.created_by == writer


def test_writer_cannot_publish_even_by_posting_the_status(client, writer):
    client.force_login(writer)
    article = ArticleFactory(status="draft", created_by=writer)

    response = _edit(client, _change_url(article), status="published")

    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_writer_cannot_schedule_or_feature(client, writer):
    client.force_login(writer)
    article = ArticleFactory(status="draft", created_by=writer, pub_date=None)
    future = timezone.localtime() + timedelta(days=3)

    _edit(
        client,
        _change_url(article),
        pub_date_0=future.strftime("%d/%m/%Y"),
        pub_date_1="09:00:00",
        is_featured="on",
    )

    article.refresh_from_db()
    assert article.pub_date is None
    assert not article.is_featured


def test_writer_cannot_open_or_change_anothers_work(client, writer, other_writer):
    theirs = ArticleFactory(status="draft", created_by=other_writer, headline="Theirs")
    client.force_login(writer)

    listing = client.get(CHANGELIST)
    response = client.post(_change_url(theirs), {"headline": "Mine now"})

    assert "Theirs" not in listing.text
    assert response.status_code in (302, 403)
    theirs.refresh_from_db()
    assert theirs.headline == "Theirs"


def test_writer_cannot_change_their_article_once_published(client, writer):
    article = ArticleFactory(created_by=writer, headline="Out there")
    client.force_login(writer)

    response = client.post(_change_url(article), {"headline": "Quietly changed"})

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline == "Out there"


def test_writer_has_no_publish_action(client, writer):
    article = ArticleFactory(status="in_review", created_by=writer)
    client.force_login(writer)

    client.post(CHANGELIST, {"action": "publish", "_selected_action": [article.pk]})

    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW


def test_writer_may_not_add_corrections_or_delete_articles(client, writer):
    article = ArticleFactory(status="draft", created_by=writer)
    client.force_login(writer)

    page = client.get(_change_url(article))
    delete = client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )

    assert "corrections-TOTAL_FORMS" not in page.text
    assert delete.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


# --- Editors -------------------------------------------------------------


def test_editor_publishes_and_the_time_defaults_to_now(client, editor):
    article = ArticleFactory(status="in_review", pub_date=None)
    client.force_login(editor)

    response = _edit(client, _change_url(article), status="published")

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_published
    assert timezone.now() - article.pub_date < timedelta(minutes=1)


def test_publishing_says_what_is_missing(client, editor):
    article = ArticleFactory(
        status="draft", standfirst="", lead_image=None, section=None, authors=[]
    )
    client.force_login(editor)

    response = _edit(client, _change_url(article), status="published")

    assert response.status_code == 200
    assert (
        "Before publishing, the article needs a standfirst, a section, a lead image."
        in (response.text)
    )
    assert "A published article needs at least one author." in response.text
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_editor_schedules_an_article_that_appears_by_itself(
    client, editor, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    article = ArticleFactory(status="in_review", pub_date=None)
    client.force_login(editor)
    at = timezone.localtime() + timedelta(hours=2)

    _edit(
        client,
        _change_url(article),
        status="published",
        pub_date_0=at.strftime("%d/%m/%Y"),
        pub_date_1=at.strftime("%H:%M:%S"),
    )

    assert client.get(article.get_absolute_url()).status_code == 404
    time_machine.shift(timedelta(hours=2, minutes=1))
    assert client.get(article.get_absolute_url()).status_code == 200


def test_embargo_holds_even_a_mistaken_publish(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    article = ArticleFactory(embargo_until=timezone.now() + timedelta(hours=1))

    assert client.get(article.get_absolute_url()).status_code == 404
    assert article not in Article.objects.published()
    time_machine.shift(timedelta(hours=1, seconds=1))
    assert client.get(article.get_absolute_url()).status_code == 200


def test_bulk_publish_and_unpublish(client, editor):
    ready = ArticleFactory(status="in_review")
    lacking = ArticleFactory(status="in_review", standfirst="")
    client.force_login(editor)

    response = client.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [ready.pk, lacking.pk]},
        follow=True,
    )

    ready.refresh_from_db()
    lacking.refresh_from_db()
    assert ready.is_published and not lacking.is_published
    assert "was not published: it needs a standfirst" in response.text

    client.post(CHANGELIST, {"action": "unpublish", "_selected_action": [ready.pk]})
    ready.refresh_from_db()
    assert ready.status == Article.Status.DRAFT
    assert client.get(ready.get_absolute_url()).status_code == 404


def test_editor_edits_anyones_article(client, editor, writer):
    article = ArticleFactory(created_by=writer)
    client.force_login(editor)

    response = _edit(client, _change_url(article), headline="Sharper headline")

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Sharper headline"


# --- Moderators ----------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [CHANGELIST, ADD, reverse("admin:media_image_changelist")],
    ids=["articles", "add article", "images"],
)
def test_moderator_cannot_reach_articles_or_images(client, moderator, url):
    client.force_login(moderator)

    assert client.get(url).status_code == 403
    assert client.post(url, {"headline": "x"}).status_code == 403


def test_changelist_shows_the_desks_columns_in_constant_queries(
    client, editor, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    author = AuthorFactory(name="Ines Halloran")
    ArticleFactory.create_batch(5, authors=[author, AuthorFactory()])
    client.force_login(editor)
    with CaptureQueriesContext(connection) as small:
        first = client.get(CHANGELIST)
    ArticleFactory.create_batch(45, authors=[author, AuthorFactory()])
    with CaptureQueriesContext(connection) as large:
        client.get(CHANGELIST)

    assert "Ines Halloran" in first.text
    assert len(small) == len(large)


def test_date_hierarchy_lists_only_the_years_with_articles(client, editor):
    """Years are found one seek at a time; a year without articles is skipped."""
    now = timezone.now()
    for years_ago in (0, 2, 3):
        ArticleFactory(pub_date=now.replace(year=now.year - years_ago))
    client.force_login(editor)

    page = client.get(CHANGELIST).text

    shown = {int(year) for year in re.findall(r"pub_date__year=(\d+)", page)}
    assert shown == {now.year, now.year - 2, now.year - 3}
