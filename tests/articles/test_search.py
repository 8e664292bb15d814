"""Search: ranked, highlighted, paginated, and only ever published articles."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, RichText
from articles.search import index_stored_text
from tests.articles.factories import ArticleFactory
from tests.html import active_content
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

SEARCH = reverse("articles:search")


def _with_body(text, **fields):
    article = ArticleFactory(**fields)
    RichText.objects.create(parent=article, region="body", text=f"<p>{text}</p>")
    return article


def _results(client, query, **params):
    response = client.get(SEARCH, {"q": query, **params})
    assert response.status_code == 200
    return response, [result.article for result in response.context["page_obj"]]


def test_headline_match_ranks_above_a_body_match(client):
    in_body = _with_body(
        "The lighthouse keeper retired.", headline="Coastal news", standfirst="Notes."
    )
    in_headline = _with_body(
        "Nothing to see.", headline="Lighthouse restored", standfirst="Notes."
    )

    _, found = _results(client, "lighthouse")

    assert found == [in_headline, in_body]


def test_body_text_is_found_and_highlighted(client):
    _with_body("Volunteers counted seventy herons along the estuary.")

    response, found = _results(client, "herons")

    assert len(found) == 1
    assert "<mark>herons</mark>" in response.text
    assert "1 story matches “herons”." in response.text


def test_words_match_their_other_forms(client):
    _with_body("The ferries were running late.", headline="Harbour delays")

    _, found = _results(client, "ferry")

    assert len(found) == 1


def test_query_stays_in_the_box(client):
    response, _ = _results(client, "tide tables")

    assert 'value="tide tables"' in response.text


def test_no_match_explains_what_to_do(client):
    _with_body("Something else entirely.")

    response, found = _results(client, "zeppelin")

    assert found == []
    assert "No stories match “zeppelin”." in response.text
    assert reverse("articles:archive") in response.text


@pytest.mark.parametrize(
    ("status", "hours"), [("draft", -1), ("in_review", -1), ("published", 1)]
)
def test_unpublished_articles_are_never_found(client, status, hours):
    _with_body(
        "A secret about the marmots.",
        status=status,
        pub_date=timezone.now() + timedelta(hours=hours),
    )

    _, found = _results(client, "marmots")

    assert found == []


def test_embargoed_articles_are_never_found(client):
    _with_body("Marmots again.", embargo_until=timezone.now() + timedelta(hours=1))

    assert _results(client, "marmots")[1] == []


def test_results_are_paginated(client):
    for n in range(25):
        _with_body(f"Story {n} about otters.")

    first, on_first = _results(client, "otters")
    _, on_second = _results(client, "otters", page=2)

    assert len(on_first) == 20 and len(on_second) == 5
    assert not set(on_first) & set(on_second)
    assert "25 stories match" in first.text


@pytest.mark.parametrize(
    "query",
    ['"', "AND OR NOT", "otter*", "col:umn", "(((", "<script>alert(1)</script>"],
)
def test_any_punctuation_is_safe(client, query):
    _with_body("Otters in the river.")

    response, _ = _results(client, query)

    assert active_content(response.text) == []


def test_results_page_is_kept_out_of_search_engines(client):
    response, _ = _results(client, "anything")

    assert '<meta name="robots" content="noindex, follow">' in response.text


def test_changing_an_article_updates_what_finds_it(client):
    article = _with_body("Badgers at dusk.")
    RichText.objects.filter(parent=article).delete()
    RichText.objects.create(parent=article, region="body", text="<p>Foxes at dawn.</p>")

    assert _results(client, "badgers")[1] == []
    assert _results(client, "foxes")[1] == [article]


def test_search_queries_do_not_grow_with_matches(client):
    for n in range(3):
        _with_body(f"Story {n} about otters.")
    few = page_queries(client, f"{SEARCH}?q=otters")
    for n in range(30):
        _with_body(f"Another story {n} about otters.")

    # ranked ids (on SQLite: the newest FTS5 matches, those with the words in
    # the headline, in headline and standfirst, then which are published)
    # + the page's articles + their bylines + snippets
    expected = 4 if connection.vendor == "postgresql" else 7
    assert (few, page_queries(client, f"{SEARCH}?q=otters")) == (expected, expected)


def test_the_whole_index_rebuilds_from_stored_text(client):
    """What a bulk load does: rows with search_text, then one rebuild."""
    article = ArticleFactory(headline="Harbour news")
    Article.objects.filter(pk=article.pk).update(search_text="Seals on the pier.")

    index_stored_text()

    assert _results(client, "seals")[1] == [article]
    assert _results(client, "harbour")[1] == [article]
