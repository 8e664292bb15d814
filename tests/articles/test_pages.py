"""Every reader page: what it shows, and what it never shows."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.views.defaults import server_error

from articles.models import Article
from articles.views import SectionView
from tests.articles.factories import (
    ArticleFactory,
    AuthorFactory,
    SectionFactory,
    TagFactory,
    add_every_block,
)

pytestmark = pytest.mark.django_db


def test_home_leads_with_the_featured_story(client):
    ArticleFactory(headline="An ordinary day")
    featured = ArticleFactory(
        headline="The big story",
        is_featured=True,
        pub_date=timezone.now() - timedelta(days=2),
    )

    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    assert response.context["lead"] == featured
    assert "An ordinary day" in response.text


def test_home_renders_on_an_empty_database(client):
    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    assert "No stories here yet." in response.text


def test_home_groups_the_latest_stories_by_section(client):
    world = SectionFactory(name="World", slug="world", position=1)
    science = SectionFactory(name="Science", slug="science", position=2)
    ArticleFactory(section=world, headline="Summit opens")
    ArticleFactory(section=science, headline="Comet returns")
    ArticleFactory(section=science, headline="Lead story", is_featured=True)

    response = client.get(reverse("articles:home"))

    fronts = [
        (section.name, [article.headline for article in articles])
        for section, articles in response.context["section_fronts"]
    ]
    assert fronts == [("World", ["Summit opens"]), ("Science", ["Comet returns"])]


def test_article_page_shows_the_whole_story(client):
    first, second = AuthorFactory(name="Ada Reyes"), AuthorFactory(name="Tom Okafor")
    tag = TagFactory(name="Diplomacy")
    article = ArticleFactory(
        headline="Envoys meet to cool tensions",
        standfirst="The first visit in five years.",
        authors=[first, second],
        tags=[tag],
        source_name="Al-Jazeera",
        source_url="https://example.org/story",
        lead_image__credit="Google",
        lead_image__caption="The two envoys",
    )
    add_every_block(article)

    response = client.get(article.get_absolute_url())

    html = response.text[response.text.index("<main") :]
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Envoys meet to cool tensions" in html
    assert "The first visit in five years." in html
    assert html.index("Ada Reyes") < html.index("Tom Okafor")
    assert f'href="{first.get_absolute_url()}"' in html
    published = timezone.localtime(article.pub_date).strftime("%Y-%m-%dT%H:%M:%S%z")
    assert f'datetime="{published}"' in html
    assert "The two envoys" in html
    assert "Image credit:" in html and "Google" in html
    assert "Courtesy:" in html and ">Al-Jazeera</a>" in html
    assert "<h2>The talks</h2>" in html
    assert '<ol type="a">' in html
    assert "Wire Photo/Ana Lind" in html and "Delegates arrive" in html
    assert "Talking is where it starts." in html and "A minister" in html
    assert f'href="{tag.get_absolute_url()}"' in html
    assert (
        html.index("The talks")
        < html.index("Delegates arrive")
        < html.index("Talking is where it starts.")
    )


def test_every_figure_carries_its_credit(client):
    article = ArticleFactory(lead_image__credit="Reuters/Jane Doe")
    add_every_block(article)

    html = client.get(article.get_absolute_url()).text

    assert html.count('<figure class="figure') == 2
    assert html.count("Image credit:") == 2


def test_article_page_offers_more_from_its_section_with_bylines(client):
    section = SectionFactory(name="Science")
    now = timezone.now()
    for days in range(1, 6):
        ArticleFactory(
            headline=f"Science story {days}",
            section=section,
            pub_date=now - timedelta(days=days),
            authors=[AuthorFactory(name=f"Writer {days}")],
        )
    ArticleFactory(headline="Elsewhere", pub_date=now)
    article = Article.objects.get(headline="Science story 3")

    html = client.get(article.get_absolute_url()).text

    related = html[html.index("More from Science") :]
    # the three newest others, newest first, each signed
    assert re.findall(r"Science story \d", related) == [
        "Science story 1",
        "Science story 2",
        "Science story 4",
    ]
    assert "Writer 4</a>" in related
    assert "Elsewhere" not in related


@pytest.mark.parametrize(
    ("status", "hours_from_now"),
    [
        (Article.Status.DRAFT, -1),
        (Article.Status.IN_REVIEW, -1),
        (Article.Status.PUBLISHED, 1),
    ],
    ids=["draft", "in review", "scheduled"],
)
def test_unpublished_articles_are_not_found(client, status, hours_from_now):
    article = ArticleFactory(
        headline="Not yet",
        status=status,
        pub_date=timezone.now() + timedelta(hours=hours_from_now),
    )

    assert client.get(article.get_absolute_url()).status_code == 404
    for url in (
        reverse("articles:home"),
        article.section.get_absolute_url(),
        article.byline[0].get_absolute_url(),
        reverse("articles:archive"),
    ):
        assert "Not yet" not in client.get(url).text


def test_not_found_page_looks_like_the_site(client):
    response = client.get("/articles/no-such-story/")

    assert response.status_code == 404
    assert "find that page" in response.text
    assert 'class="masthead"' in response.text


def test_section_page_lists_only_its_articles(client):
    world, science = SectionFactory(name="World"), SectionFactory(name="Science")
    ArticleFactory(section=world, headline="Summit opens")
    ArticleFactory(section=science, headline="Comet returns")

    html = client.get(world.get_absolute_url()).text

    assert "Summit opens" in html
    assert "Comet returns" not in html


def test_tag_page_lists_tagged_articles(client):
    tag = TagFactory(name="Climate")
    ArticleFactory(headline="Glaciers retreat", tags=[tag])
    ArticleFactory(headline="Markets open")

    html = client.get(tag.get_absolute_url()).text

    assert "Glaciers retreat" in html
    assert "Markets open" not in html


def test_author_page_shows_bio_and_their_articles(client):
    author = AuthorFactory(name="Ada Reyes", bio="Writes about the sea.")
    ArticleFactory(headline="Tides change", authors=[author])
    ArticleFactory(headline="Someone else's piece")

    html = client.get(author.get_absolute_url()).text

    assert "Writes about the sea." in html
    assert "Tides change" in html
    assert "Someone else&#x27;s piece" not in html


def test_archive_lists_months_and_month_pages_list_articles(client):
    june = timezone.make_aware(timezone.datetime(2026, 6, 14, 9, 0))
    ArticleFactory(headline="Midsummer news", pub_date=june)

    archive = client.get(reverse("articles:archive")).text
    month_url = reverse("articles:archive-month", kwargs={"year": 2026, "month": 6})
    month = client.get(month_url).text

    assert month_url in archive and "June 2026" in archive
    assert "Midsummer news" in month
    assert (
        client.get(
            reverse("articles:archive-month", kwargs={"year": 2026, "month": 5})
        ).status_code
        == 404
    )


def test_listings_paginate(client):
    section = SectionFactory()
    ArticleFactory.create_batch(13, section=section)

    first = client.get(section.get_absolute_url())
    second = client.get(section.get_absolute_url() + "?page=2")

    assert len(first.context["page_obj"]) == 12
    assert len(second.context["page_obj"]) == 1
    assert 'rel="next"' in first.text


def test_listings_stop_paging_where_the_archive_takes_over(client, monkeypatch):
    monkeypatch.setattr(SectionView, "max_pages", 2)
    section = SectionFactory()
    ArticleFactory.create_batch(30, section=section)

    last = client.get(section.get_absolute_url() + "?page=2")
    beyond = client.get(section.get_absolute_url() + "?page=3")

    assert last.context["paginator"].num_pages == 2
    assert 'rel="next"' not in last.text
    assert beyond.status_code == 404


def test_archive_shows_a_new_month_once_its_first_story_is_published(
    client, django_capture_on_commit_callbacks
):
    ArticleFactory(pub_date=timezone.now() - timedelta(days=400))
    assert len(client.get(reverse("articles:archive")).context["date_list"]) == 1

    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(pub_date=timezone.now() - timedelta(hours=1))

    assert len(client.get(reverse("articles:archive")).context["date_list"]) == 2


def _page_url(page, article):
    pub_date = timezone.localtime(article.pub_date)
    month = {"year": pub_date.year, "month": pub_date.month}
    return {
        "home": lambda: reverse("articles:home"),
        "article": article.get_absolute_url,
        "section": article.section.get_absolute_url,
        "tag": lambda: article.tags.get().get_absolute_url(),
        "author": lambda: article.byline[0].get_absolute_url(),
        "archive": lambda: reverse("articles:archive"),
        "archive-month": lambda: reverse("articles:archive-month", kwargs=month),
        "not found": lambda: "/no-such-page/",
    }[page]()


@pytest.mark.parametrize(
    "page",
    [
        "home",
        "article",
        "section",
        "tag",
        "author",
        "archive",
        "archive-month",
        "not found",
    ],
)
def test_every_page_has_one_h1_a_skip_link_and_a_title(client, page):
    article = ArticleFactory(headline="A headline", tags=[TagFactory()])

    html = client.get(_page_url(page, article)).text

    assert html.count("<h1") == 1
    assert 'href="#main"' in html and 'id="main"' in html
    assert re.search(r"<title>[^<]+</title>", html)


def test_server_error_page_stands_alone(rf):
    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
