"""`load_demo` fills an empty site once, with accounts whose passwords show once."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article, Author, ImageBlock, PullQuote, RichText, Section
from media import renditions
from media.models import Image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_renditions(monkeypatch):
    """One small width per crop: the command is under test here, not the sizes."""
    monkeypatch.setattr(
        renditions, "CROPS", {"full": (None, (160,)), "wide": (3 / 2, (120,))}
    )


def _load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def _printed_passwords(output):
    return dict(re.findall(r"^  (writer|editor|moderator) +(\S+)$", output, re.M))


def test_demo_looks_like_a_paper_with_a_seed_like_showcase():
    _load_demo()

    assert Section.objects.count() >= 3
    assert Author.objects.count() >= 3
    assert Article.objects.published().count() >= 12
    assert Article.objects.exclude(pk__in=Article.objects.published()).count() >= 3, (
        "a draft, one in review and a scheduled article"
    )
    assert not Image.objects.filter(credit="").exists()
    assert not Image.objects.filter(alt_text="").exists()
    assert not Image.objects.filter(renditions=[]).exists()
    # The seed post: subheadings, a lettered list, quotes, a credited photo
    # and a courtesy line.
    showcase = (
        Article.objects.published()
        .filter(
            pk__in=ImageBlock.objects.values("parent"),
        )
        .filter(
            pk__in=PullQuote.objects.values("parent"),
        )
        .exclude(source_name="")
    )
    article = showcase.get()
    html = "".join(block.text for block in RichText.objects.filter(parent=article))
    assert "<h2>" in html
    assert '<ol type="a">' in html
    assert "<blockquote>" in html


def test_passwords_show_once_and_loading_again_changes_nothing():
    first = _load_demo()
    counts = [model.objects.count() for model in (Article, Author, Image, Section)]
    second = _load_demo()

    passwords = _printed_passwords(first)
    assert set(passwords) == {"writer", "editor", "moderator"}
    assert len(set(passwords.values())) == 3
    for username, password in passwords.items():
        user = get_user_model().objects.get(username=username)
        assert user.is_staff and not user.is_superuser
        assert user.check_password(password)
        assert password not in second
    assert "changepassword writer" in second
    assert "Demo content already loaded." in second
    assert [model.objects.count() for model in (Article, Author, Image, Section)] == (
        counts
    )
