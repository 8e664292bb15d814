"""Moving a blog in: what lands, what is refused, and what readers then see."""

import pytest
from django.core.management.base import CommandError

from articles.models import Article, ImageBlock, Section, Tag
from comments.models import Comment
from imports.models import ImportedItem, OldLink
from media.models import Image
from tests.imports.conftest import FIXTURES, run_import

pytestmark = pytest.mark.django_db

WORDPRESS = FIXTURES / "wordpress.xml"
BLOGGER_CLASSIC = FIXTURES / "blogger-classic.xml"
BLOGGER_NEW = FIXTURES / "blogger-new.xml"


def everything() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Article, Section, Tag, Image, Comment, OldLink, ImportedItem)
    }


def test_wordpress_posts_land_as_articles_with_their_state():
    run_import("import_wordpress", WORDPRESS)

    bridge = Article.objects.get(slug="stone-bridge-closes")
    assert bridge.headline == "Stone bridge closes for three months of repairs"
    assert (
        bridge.standfirst == "A twelve-kilometre detour for drivers until the summer."
    )
    assert bridge.section.name == "Roads"
    assert sorted(bridge.tags.values_list("name", flat=True)) == [
        "Bridges",
        "Sainte-Anne",
    ]
    assert [a.name for a in bridge.authors.all()] == ["Marie Beaumont"]
    assert bridge.pub_date.isoformat() == "2024-03-18T08:00:00+00:00"
    # Its images are placeholders until fetched, so an editor sees it first.
    assert bridge.status == Article.Status.IN_REVIEW
    draft = Article.objects.get(headline="Draft: school meals survey")
    assert draft.status == Article.Status.DRAFT
    assert draft.section.name == "Blog"
    pending = Article.objects.get(slug="library-costs")
    assert pending.status == Article.Status.IN_REVIEW
    assert pending.section.name == "Council"
    assert list(pending.tags.values_list("name", flat=True)) == ["Culture"]


def test_image_credit_lines_become_credits_and_the_caption_stays():
    run_import("import_wordpress", WORDPRESS)

    blocks = ImageBlock.objects.filter(parent__slug="stone-bridge-closes")
    shown = [(b.image.credit, b.shown_caption, b.image.alt_text) for b in blocks]
    assert shown == [
        (
            "Reuters",
            "Scaffolding went up last week.",
            "Scaffolding covers the arches of a stone bridge",
        ),
        (
            "County Roads Office",
            "The detour sign at the crossroads.",
            "A yellow detour sign on a country road",
        ),
    ]
    article = Article.objects.get(slug="stone-bridge-closes")
    assert article.source_name == "Regional Wire"
    assert article.source_url == "https://regional.example.net/bridge"
    assert "Courtesy" not in article.body_html
    assert "Image Credit: County" not in article.body_html


def test_blogger_caption_tables_and_closing_courtesy_line():
    run_import("import_blogger", BLOGGER_CLASSIC)

    article = Article.objects.get(slug="cafe-owners-brace")
    credits = [
        (b.image.credit, b.shown_caption)
        for b in ImageBlock.objects.filter(parent=article).order_by("ordering")
    ]
    assert credits == [
        ("Google", "Empty tables on a Tuesday morning."),
        ("Reuters", "The last evening ferry leaves Mølle."),
    ]
    assert article.source_name == "Al-Jazeera"
    assert "Ana Kovač, who runs the smallest" in article.body_html


def test_scripts_styles_and_handlers_are_stripped_and_text_kept():
    run_import("import_wordpress", WORDPRESS)
    run_import("import_blogger", BLOGGER_CLASSIC)

    for article in Article.objects.exclude(body_html=""):
        html = article.body_html
        for unwanted in ("<script", "style=", "onclick", "javascript:", "tracker"):
            assert unwanted not in html, (article.slug, unwanted)
    bridge = Article.objects.get(slug="stone-bridge-closes").body_html
    assert "<strong>twelve-kilometre</strong>" in bridge
    assert "Lévy" in bridge
    cafe = Article.objects.get(slug="cafe-owners-brace").body_html
    assert "ferry timetable" in cafe


def test_wordpress_comments_keep_status_author_time_and_threads():
    run_import("import_wordpress", WORDPRESS)

    comments = Comment.objects.filter(article__slug="stone-bridge-closes")
    by_body = {c.body: c for c in comments}
    question = by_body["Will buses still cross?"]
    answer = by_body["No, buses take the detour too."]
    thanks = by_body["Thank you, that helps."]
    assert (question.author_name, question.author_email) == (
        "Lucie",
        "lucie@example.net",
    )
    assert question.created_at.isoformat() == "2024-03-18T09:00:00+00:00"
    assert (answer.parent, answer.depth) == (question, 1)
    assert (thanks.parent, thanks.depth) == (answer, 2)
    statuses = sorted(comments.values_list("status", flat=True))
    assert statuses == ["approved", "approved", "approved", "pending", "spam"]
    assert Article.objects.get(slug="stone-bridge-closes").comment_count == 3
    assert not comments.filter(author_name="Another Blog").exists()  # a pingback


def test_blogger_threads_in_both_export_formats():
    run_import("import_blogger", BLOGGER_CLASSIC)
    run_import("import_blogger", BLOGGER_NEW)

    last = Comment.objects.get(body="Saturdays it is. See you there.")
    assert last.depth == 2
    assert last.parent.parent.author_name == "Piet Janssen"
    reply = Comment.objects.get(body="Sorry to hear it, Sigrún.")
    assert reply.parent.body == "Our potatoes were caught too."
    frost = Comment.objects.filter(article__slug="frost-arrives-early")
    assert sorted(frost.values_list("status", flat=True)) == [
        "approved",
        "approved",
        "pending",
        "spam",
    ]


def test_blogger_drafts_stay_drafts_and_published_keep_their_time():
    run_import("import_blogger", BLOGGER_NEW)

    frost = Article.objects.get(slug="frost-arrives-early")
    assert frost.status == Article.Status.PUBLISHED
    assert frost.pub_date.isoformat() == "2023-09-02T07:10:00+00:00"
    assert frost.byline[0].name == "Jon Ólafsson"
    assert "\u22123 °C" in frost.body_html  # a minus sign, not a hyphen
    draft = Article.objects.get(headline="Half-written: the rain gauge dispute")
    assert draft.status == Article.Status.DRAFT


def test_labels_become_sections_or_tags_as_asked():
    run_import("import_blogger", BLOGGER_CLASSIC, "--labels-as", "sections")

    article = Article.objects.get(slug="cafe-owners-brace")
    assert article.section.name == "Local life"
    assert list(article.tags.values_list("name", flat=True)) == ["Food"]


def test_labels_are_tags_in_the_default_section_by_default():
    run_import("import_blogger", BLOGGER_CLASSIC, "--default-section", "Harbour")

    article = Article.objects.get(slug="cafe-owners-brace")
    assert article.section.name == "Harbour"
    assert sorted(article.tags.values_list("name", flat=True)) == ["Food", "Local life"]


def test_importing_again_duplicates_nothing():
    for command, path in (
        ("import_wordpress", WORDPRESS),
        ("import_blogger", BLOGGER_CLASSIC),
        ("import_blogger", BLOGGER_NEW),
    ):
        run_import(command, path)
    before = everything()

    output = run_import("import_wordpress", WORDPRESS)
    run_import("import_blogger", BLOGGER_CLASSIC)
    run_import("import_blogger", BLOGGER_NEW)

    assert everything() == before
    assert "already imported, left as they are: 8" in output


def test_dry_run_reports_and_writes_nothing():
    before = everything()

    output = run_import("import_wordpress", WORDPRESS, "--dry-run")

    assert everything() == before
    assert "nothing was written" in output
    assert "comments spam: 1" in output
    assert "articles in review: 2" in output


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(None, id="truncated"),
        pytest.param("<html><body>Not an export</body></html>", id="html"),
        pytest.param('<rss version="2.0"><channel></channel></rss>', id="plain-rss"),
        pytest.param(
            '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM '
            '"file:///etc/passwd">]><rss><channel>&secret;</channel></rss>',
            id="external-entity",
        ),
    ],
)
def test_a_file_that_is_not_a_whole_export_is_refused(tmp_path, content):
    path = tmp_path / "export.xml"
    if content is None:
        whole = WORDPRESS.read_text("utf-8")
        content = whole[: len(whole) // 2]
    path.write_text(content, "utf-8")

    with pytest.raises(CommandError, match=r"export\.xml"):
        run_import("import_wordpress", path)

    assert everything() == dict.fromkeys(everything(), 0)


def test_an_entry_that_cannot_be_converted_is_reported_and_skipped():
    output = run_import("import_wordpress", WORDPRESS)

    assert "Post 44" in output
    assert "neither a title nor any text" in output
    assert "“About the Courier”: a page" in output
    assert Article.objects.count() == 3


def test_old_addresses_send_readers_to_the_article(client):
    run_import("import_blogger", BLOGGER_NEW)

    for old in (
        "/2023/09/frost-arrives-early.html",
        "/2023/09/frost-arrives-early.html?m=1",
    ):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == "/articles/frost-arrives-early/"
    assert client.get(response["Location"]).status_code == 200


def test_old_addresses_of_articles_not_yet_published_are_not_found(client):
    run_import("import_wordpress", WORDPRESS)

    assert OldLink.objects.filter(path="/2024/03/18/stone-bridge-closes").exists()
    assert client.get("/2024/03/18/stone-bridge-closes/").status_code == 404


def test_fetched_images_are_stored_and_the_article_published(wordpress_served, client):
    output = run_import("import_wordpress", wordpress_served, "--fetch-images")

    assert "images fetched: 2" in output
    article = Article.objects.get(slug="stone-bridge-closes")
    assert article.status == Article.Status.PUBLISHED
    images = [block.image for block in ImageBlock.objects.filter(parent=article)]
    assert [(image.width, image.height) for image in images] == [(64, 40), (64, 40)]
    assert not ImportedItem.objects.filter(needs_editing=True).exists()
    response = client.get("/2024/03/18/stone-bridge-closes/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_an_image_that_cannot_be_fetched_leaves_a_placeholder(tmp_path):
    path = tmp_path / "unreachable.xml"
    text = WORDPRESS.read_text("utf-8")
    path.write_text(text.replace("https://valleycourier", "http://127.0.0.1:9/x"))

    output = run_import("import_wordpress", path, "--fetch-images")

    assert "could not fetch" in output
    assert "image placeholders: 2" in output
    item = ImportedItem.objects.filter(needs_editing=True, note__contains="bridge.png")
    assert item.exists()
