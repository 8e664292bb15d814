"""Previews, revisions, corrections and the desk's front page."""

import re
from datetime import timedelta

import pytest
import reversion
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Correction, RichText
from articles.preview import preview_url
from tests.articles.factories import ArticleFactory, add_every_block
from tests.comments.factories import CommentFactory
from tests.html import form_values

pytestmark = pytest.mark.django_db


# --- Preview -------------------------------------------------------------


def test_preview_shows_an_unpublished_article_as_readers_will_see_it(client):
    article = ArticleFactory(status="draft", pub_date=None, headline="Coming soon")
    add_every_block(article)

    response = client.get(preview_url(article))

    assert response.status_code == 200
    assert "Coming soon" in response.text
    assert (
        "Image credit:" in response.text
        and "Talking is where it starts." in response.text
    )
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert "no-store" in response["Cache-Control"]
    assert client.get(article.get_absolute_url()).status_code == 404


def test_tampered_preview_link_is_refused(client):
    article = ArticleFactory(status="draft")
    other = ArticleFactory(status="draft")

    url = preview_url(article).replace(str(article.pk), str(other.pk), 1)

    assert client.get(url[:-3] + "xx/").status_code == 404


def test_preview_link_expires(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    article = ArticleFactory(status="draft")
    url = preview_url(article)

    time_machine.shift(timedelta(seconds=settings.ARTICLE_PREVIEW_MAX_AGE - 60))
    assert client.get(url).status_code == 200
    time_machine.shift(timedelta(seconds=120))
    assert client.get(url).status_code == 404


def test_admin_offers_the_preview_until_published_then_the_page(client, editor):
    draft = ArticleFactory(status="draft")
    live = ArticleFactory()
    client.force_login(editor)

    draft_page = client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    live_page = client.get(reverse("admin:articles_article_change", args=[live.pk]))

    assert "/preview/" in draft_page.text
    assert f'href="{live.get_absolute_url()}"' in live_page.text


# --- Revisions -----------------------------------------------------------


def test_revert_restores_the_body_blocks_and_keeps_corrections():
    article = ArticleFactory()
    with reversion.create_revision():
        add_every_block(article)
        article.save()
    with reversion.create_revision():
        RichText.objects.filter(parent=article).update(text="<p>Rewritten</p>")
        RichText.objects.create(
            parent=article, region="body", ordering=40, text="<p>New</p>"
        )
        article.headline = "Changed"
        article.save()
    Correction.objects.create(article=article, text="A date was wrong.")

    Version.objects.get_for_object(article)[1].revision.revert(delete=True)

    article.refresh_from_db()
    assert article.headline != "Changed"
    assert [b.text for b in RichText.objects.filter(parent=article)] == [
        "<h2>The talks</h2><p>Both sides met.</p>"
        '<ol type="a"><li>one point</li><li>another point</li></ol>'
    ]
    assert article.corrections.count() == 1


def test_admin_saves_a_revision_and_shows_the_history(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_values(client.get(url).text, "article_form")
    client.post(url, data | {"headline": ["Second thoughts"]})

    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))

    assert Version.objects.get_for_object(article).count() == 1
    assert "Second thoughts" in history.text or "Changed" in history.text


# --- Corrections ---------------------------------------------------------


def _add_correction(client, article, text):
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_values(client.get(url).text, "article_form")
    total = int(data["corrections-TOTAL_FORMS"][0])
    data |= {
        "corrections-TOTAL_FORMS": [str(total + 1)],
        f"corrections-{total}-kind": ["correction"],
        f"corrections-{total}-text": [text],
    }
    return client.post(url, data)


def test_correction_shows_at_the_foot_and_moves_the_updated_time(
    client, editor, time_machine
):
    time_machine.move_to("2026-06-14 10:00:00+00:00", tick=False)
    article = ArticleFactory(pub_date=timezone.now() - timedelta(days=1))
    client.force_login(editor)

    response = _add_correction(client, article, "The bridge is 40 m long, not 400 m.")

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.updated_at == timezone.now()
    html = client.get(article.get_absolute_url()).text
    text = re.sub(r"<[^>]+>", "", html)
    assert "Correction, 14 June 2026: The bridge is 40 m long, not 400 m." in text
    assert "Updated 14 June 2026" in re.sub(r"\s+", " ", text)


def test_saved_corrections_cannot_be_edited_or_deleted(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    _add_correction(client, article, "Original wording.")
    correction = article.corrections.get()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_values(client.get(url).text, "article_form")

    client.post(
        url,
        data
        | {
            "corrections-0-text": ["Rewritten history."],
            "corrections-0-DELETE": ["on"],
        },
    )

    correction.refresh_from_db()
    assert correction.text == "Original wording."


# --- The desk's front page -------------------------------------------------


def test_dashboard_counts_what_waits_for_each_role(client, editor, moderator):
    ArticleFactory.create_batch(2, status="in_review")
    ArticleFactory(pub_date=timezone.now() + timedelta(days=1))
    CommentFactory.create_batch(3, status="pending")

    client.force_login(editor)
    editors_desk = client.get(reverse("admin:index")).context["desk"]
    client.force_login(moderator)
    moderators_desk = client.get(reverse("admin:index")).context["desk"]

    assert [(i["label"], i["count"]) for i in editors_desk] == [
        ("Articles in review", 2),
        ("Scheduled articles", 1),
    ]
    assert [(i["label"], i["count"]) for i in moderators_desk] == [("Held comments", 3)]
    in_review = client.get(editors_desk[0]["url"])
    assert in_review.status_code == 403  # the moderator may not follow it


def test_dashboard_links_lead_to_the_filtered_lists(client, editor):
    scheduled = ArticleFactory(
        headline="Tomorrow's story", pub_date=timezone.now() + timedelta(days=1)
    )
    ArticleFactory(headline="Today's story")
    client.force_login(editor)

    desk = client.get(reverse("admin:index")).context["desk"]
    listing = client.get(desk[1]["url"]).text

    assert scheduled.headline.replace("'", "&#x27;") in listing
    assert "Today&#x27;s story" not in listing


# --- Sign-in -------------------------------------------------------------


def test_repeated_failed_sign_ins_lock_the_account_out(client, django_user_model):
    django_user_model.objects.create_user(
        "desk", password="right-pass-phrase", is_staff=True
    )
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": "desk", "password": "wrong"})

    response = client.post(login, {"username": "desk", "password": "right-pass-phrase"})

    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.text
    assert "_auth_user_id" not in client.session


def test_admin_address_comes_from_the_environment():
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.urls import reverse; "
            "print(reverse('admin:index'))",
        ],
        env=os.environ
        | {
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DJANGO_ADMIN_URL": "desk-7f3a/",
        },
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )

    assert result.stdout.strip() == "/desk-7f3a/"
