"""Structured data, social cards and canonical addresses, as machines read them."""

import json

import pytest
from django.utils import timezone

from articles.models import Correction
from media.models import Licence
from tests.articles.factories import (
    ArticleFactory,
    AuthorFactory,
    SectionFactory,
    TagFactory,
    add_every_block,
)
from tests.html import elements

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def _json_ld(html):
    blocks = []
    start = 0
    marker = '<script type="application/ld+json">'
    while (start := html.find(marker, start)) != -1:
        end = html.index("</script>", start)
        blocks.append(json.loads(html[start + len(marker) : end]))
        start = end
    return {block["@type"]: block for block in blocks}


def _meta(html):
    return {
        attrs.get("property") or attrs.get("name"): attrs.get("content")
        for tag, attrs in elements(html)
        if tag == "meta" and ("property" in attrs or "name" in attrs)
    }


@pytest.fixture
def article():
    article = ArticleFactory(
        headline="Envoys meet to cool tensions",
        standfirst="The first visit in five years.",
        section=SectionFactory(name="World"),
        authors=[AuthorFactory(name="Ada Reyes"), AuthorFactory(name="Tom Okafor")],
        tags=[TagFactory(name="Diplomacy"), TagFactory(name="Trade")],
        source_name="Al-Jazeera",
        source_url="https://example.org/original",
        lead_image__credit="Reuters/Jane Doe",
        lead_image__caption="The envoys",
        lead_image__licence=Licence.CC_BY,
        lead_image__copyright_notice="© 2026 Jane Doe",
        lead_image__credit_url="https://example.org/licensing",
    )
    add_every_block(article)
    Correction.objects.create(
        article=article, text="An earlier version misspelt a name."
    )
    article.updated_at = timezone.now()
    article.save()
    return article


def test_news_article_holds_every_property(client, article):
    data = _json_ld(client.get(article.get_absolute_url()).text)["NewsArticle"]

    url = BASE + article.get_absolute_url()
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == "Envoys meet to cool tensions"
    assert data["description"] == "The first visit in five years."
    assert data["url"] == url and data["mainEntityOfPage"] == url
    assert data["datePublished"] == timezone.localtime(article.pub_date).isoformat()
    assert data["dateModified"] == timezone.localtime(article.updated_at).isoformat()
    assert [(a["@type"], a["name"]) for a in data["author"]] == [
        ("Person", "Ada Reyes"),
        ("Person", "Tom Okafor"),
    ]
    assert data["author"][0]["url"] == BASE + article.byline[0].get_absolute_url()
    assert data["publisher"]["name"] == "The Newsroom"
    assert data["publisher"]["logo"]["url"].startswith(BASE + "/static/img/logo")
    assert data["articleSection"] == "World"
    assert data["keywords"] == ["Diplomacy", "Trade"]
    assert data["isBasedOn"] == {
        "@type": "CreativeWork",
        "name": "Al-Jazeera",
        "url": "https://example.org/original",
    }
    assert data["correction"][0]["@type"] == "CorrectionComment"
    assert data["correction"][0]["text"] == "An earlier version misspelt a name."


def test_every_image_carries_its_licence_metadata(client, article):
    images = _json_ld(client.get(article.get_absolute_url()).text)["NewsArticle"][
        "image"
    ]

    lead, body = images
    assert lead["@type"] == "ImageObject"
    assert lead["contentUrl"].startswith(BASE + "/uploads/renditions/")
    assert lead["creditText"] == "Reuters/Jane Doe"
    assert lead["copyrightNotice"] == "© 2026 Jane Doe"
    assert lead["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert lead["acquireLicensePage"] == "https://example.org/licensing"
    assert lead["caption"] == "The envoys"
    assert body["creditText"] == "Wire Photo/Ana Lind"
    assert body["caption"] == "Delegates arrive"


def test_breadcrumbs_on_articles_and_sections(client, article):
    on_article = _json_ld(client.get(article.get_absolute_url()).text)
    on_section = _json_ld(client.get(article.section.get_absolute_url()).text)

    assert [i["name"] for i in on_article["BreadcrumbList"]["itemListElement"]] == [
        "Front page",
        "World",
        "Envoys meet to cool tensions",
    ]
    assert [i["item"] for i in on_section["BreadcrumbList"]["itemListElement"]] == [
        BASE + "/",
        BASE + article.section.get_absolute_url(),
    ]


@pytest.mark.parametrize(
    "headline",
    [
        "</script><script>alert(1)</script>",
        '"quoted" & <b>bold</b>',
        "</SCRIPT ><!--",
    ],
)
def test_no_headline_can_break_out_of_the_json_ld(client, headline):
    article = ArticleFactory(headline=headline)

    html = client.get(article.get_absolute_url()).text

    assert _json_ld(html)["NewsArticle"]["headline"] == headline
    scripts = [attrs for tag, attrs in elements(html) if tag == "script"]
    assert scripts == [
        {"type": "application/ld+json"},
        {"type": "application/ld+json"},
        {"src": "/static/js/comment-form.js", "defer": ""},
    ]


def test_article_has_a_social_card(client, article):
    meta = _meta(client.get(article.get_absolute_url()).text)

    assert meta["og:type"] == "article"
    assert meta["og:title"] == "Envoys meet to cool tensions"
    assert meta["og:description"] == "The first visit in five years."
    assert meta["og:url"] == BASE + article.get_absolute_url()
    assert meta["og:image"].startswith(BASE + "/uploads/renditions/")
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["article:section"] == "World"


@pytest.mark.parametrize(
    "page",
    [
        lambda a: "/",
        lambda a: a.get_absolute_url(),
        lambda a: a.section.get_absolute_url(),
        lambda a: a.tags.first().get_absolute_url(),
        lambda a: a.byline[0].get_absolute_url(),
        lambda a: "/archive/",
    ],
    ids=["home", "article", "section", "tag", "author", "archive"],
)
def test_every_public_page_has_a_canonical_address_and_description(
    client, article, page
):
    url = page(article)

    html = client.get(url + "?utm_source=somewhere").text

    canonical = [a["href"] for t, a in elements(html) if a.get("rel") == "canonical"]
    assert canonical == [BASE + url]
    assert _meta(html)["description"]
