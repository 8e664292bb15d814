"""The article page stays light, loads nothing from other hosts, never jumps."""

import gzip
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.html import elements

pytestmark = [pytest.mark.audit, pytest.mark.django_db]

BUDGET = 50 * 1024  # bytes, gzip-compressed: HTML, CSS and JavaScript
DOWNLOADS = {("link", "stylesheet"), ("script", "")}


def _compressed(content: bytes) -> int:
    return len(gzip.compress(content, compresslevel=6))


def _downloads(html: str) -> list[str]:
    """Addresses of the stylesheets and scripts the page makes the browser fetch."""
    return [
        attrs.get("href") or attrs["src"]
        for tag, attrs in elements(html)
        if (tag, attrs.get("rel", "")) in DOWNLOADS
        and (attrs.get("href") or attrs.get("src"))
    ]


def _static_file(address: str) -> bytes:
    path = finders.find(address.removeprefix(settings.STATIC_URL))
    assert path, f"{address} is not one of our static files"
    with open(path, "rb") as file:
        return file.read()


@pytest.fixture
def article_page(client, tour):
    return client.get(tour["article, comments open"]).content.decode()


def test_html_css_and_javascript_stay_within_the_budget(article_page, record_figure):
    sizes = {"HTML": _compressed(article_page.encode())}
    for address in _downloads(article_page):
        sizes[address] = _compressed(_static_file(address))
    total = sum(sizes.values())

    for part, size in sizes.items():
        record_figure("article page weight, gzip bytes", part, size)
    record_figure("article page weight, gzip bytes", "total (budget 51200)", total)
    assert total < BUDGET


def test_every_stylesheet_and_script_comes_from_this_site(article_page):
    addresses = _downloads(article_page)

    assert addresses
    assert [address for address in addresses if urlsplit(address).netloc] == []


def test_images_reserve_their_space_and_only_the_lead_loads_eagerly(article_page):
    images = [attrs for tag, attrs in elements(article_page) if tag == "img"]
    lead, *others = images

    assert len(images) >= 2, "the tour's article has a lead photo and a body photo"
    assert [
        img["src"] for img in images if not img.get("width") or not img.get("height")
    ] == []
    assert lead.get("fetchpriority") == "high" and "loading" not in lead
    assert [img["src"] for img in others if img.get("loading") != "lazy"] == []
