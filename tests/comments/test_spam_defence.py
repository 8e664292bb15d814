"""The form's signed token and the rate limits, all without an outside service."""

import pytest
import time_machine
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from comments import tokens
from comments.models import Comment
from tests.articles.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _post(client, article, data, **extra):
    return client.post(
        reverse("comments:post", kwargs={"article_id": article.pk}), data, **extra
    )


def test_form_posted_too_fast_is_refused_keeping_the_text(
    client, comment_data, settings
):
    settings.COMMENTS_MIN_SECONDS = 3
    article = ArticleFactory()

    response = _post(client, article, comment_data(article))

    assert response.status_code == 400
    assert "That was quick!" in response.text
    assert "A careful piece." in response.text
    assert not Comment.objects.exists()


def test_form_posted_after_waiting_is_accepted(
    client, comment_data, settings, time_machine
):
    settings.COMMENTS_MIN_SECONDS = 3
    article = ArticleFactory()
    time_machine.move_to(timezone.now(), tick=False)
    data = comment_data(article)
    time_machine.shift(5)

    response = _post(client, article, data)

    assert response.status_code == 302
    assert Comment.objects.count() == 1


def test_stale_form_is_refused_and_given_a_fresh_token(client, comment_data, settings):
    article = ArticleFactory()
    data = comment_data(article)
    with time_machine.travel(
        signing.loads(data["token"], salt=tokens.SALT)["t"]
        + settings.COMMENTS_FORM_MAX_AGE
        + 60
    ):
        response = _post(client, article, data)

    assert response.status_code == 400
    assert "This form was open too long." in response.text
    assert data["token"] not in response.text


def test_replayed_form_is_refused(client, comment_data):
    article = ArticleFactory()
    data = comment_data(article)
    assert _post(client, article, data).status_code == 302

    replay = _post(client, article, data | {"body": "Same form, new words."})

    assert replay.status_code == 400
    assert "This form has already been posted." in replay.text
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "token",
    ["forged", signing.dumps({"a": 1, "t": 0, "n": "x"}, salt="another-salt")],
    ids=["garbage", "wrong salt"],
)
def test_forged_token_is_refused(client, comment_data, token):
    article = ArticleFactory()

    response = _post(client, article, comment_data(article, token=token))

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_token_for_another_article_is_refused(client, comment_data):
    article, other = ArticleFactory(), ArticleFactory()

    response = _post(client, article, comment_data(other))

    assert response.status_code == 400
    assert "another article" in response.text


def test_posting_too_often_from_one_address_is_answered_429_keeping_the_text(
    client, comment_data, settings
):
    settings.COMMENTS_RATE_PER_IP = "2/m"
    article = ArticleFactory()
    for n in range(2):
        data = comment_data(article, author_email=f"r{n}@example.org", body=f"N{n}")
        assert _post(client, article, data).status_code == 302

    response = _post(client, article, comment_data(article, body="Third thought."))

    assert response.status_code == 429
    assert "Please wait a few minutes" in response.text
    assert "Third thought." in response.text
    assert Comment.objects.count() == 2


def test_posting_too_often_with_one_email_is_limited_across_addresses(
    client, comment_data, settings
):
    settings.COMMENTS_RATE_PER_EMAIL = "1/m"
    article = ArticleFactory()
    first = comment_data(article, body="One.")
    assert _post(client, article, first, REMOTE_ADDR="198.51.100.1").status_code == 302

    second = comment_data(article, body="Two.")
    response = _post(client, article, second, REMOTE_ADDR="198.51.100.2")

    assert response.status_code == 429
