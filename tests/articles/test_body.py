"""Readers see the body as it is now, though it is rendered ahead of time."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, ImageBlock
from tests.articles.factories import ArticleFactory, add_every_block
from tests.html import form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    article = ArticleFactory()
    add_every_block(article)
    return article


def _save_in_admin(client, url, form_id, **changes):
    """Open an admin form as a browser would, change some fields, and save it."""
    data = form_values(client.get(url).text, form_id)
    response = client.post(url, data | {name: [v] for name, v in changes.items()})
    assert response.status_code == 302, response.context["errors"]


def _article_form(client, article, **changes):
    url = reverse("admin:articles_article_change", args=[article.pk])
    _save_in_admin(client, url, "article_form", **changes)


def test_editor_changes_a_block_and_readers_see_it(admin_client, article):
    _article_form(
        admin_client,
        article,
        **{"articles_richtext_set-0-text": "<p>Talks failed.</p>"},
    )

    html = admin_client.get(article.get_absolute_url()).text
    assert "Talks failed." in html
    assert "Both sides met." not in html


def test_editor_removes_a_block_and_readers_no_longer_see_it(admin_client, article):
    _article_form(admin_client, article, **{"articles_pullquote_set-0-DELETE": "on"})

    html = admin_client.get(article.get_absolute_url()).text
    assert "Talking is where it starts." not in html
    assert "Both sides met." in html


def test_new_image_credit_reaches_the_body_and_its_metadata(admin_client, article):
    image = ImageBlock.objects.get(parent=article).image
    url = reverse("admin:media_image_change", args=[image.pk])

    _save_in_admin(admin_client, url, "image_form", credit="Agency/New Name")

    html = admin_client.get(article.get_absolute_url()).text
    assert "Image credit: Agency/New Name" in html
    assert '"creditText": "Agency/New Name"' in html
    assert "Wire Photo/Ana Lind" not in html


def test_bodies_can_be_rendered_again_all_at_once(client, article):
    Article.objects.update(body_html="", body_images=[])

    call_command("render_article_bodies", stdout=None)

    assert "Both sides met." in client.get(article.get_absolute_url()).text


def test_saving_an_old_copy_of_the_article_keeps_its_body(client):
    article = ArticleFactory()
    add_every_block(article)  # after `article` was loaded, without its body

    article.headline = "A sharper headline"
    article.save()

    assert "Both sides met." in client.get(article.get_absolute_url()).text
