"""The Nu HTML Checker finds no error in any public page or in the stylesheet."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.audit.tools import vnu_errors
from tests.audit.tour import PAGE_NAMES

pytestmark = [pytest.mark.audit, pytest.mark.django_db]


def _comment_form_with_errors(client, tour):
    article = client.get(tour["article, comments open"]).context["article"]
    return client.post(reverse("comments:post", kwargs={"article_id": article.pk}))


def test_every_page_and_the_stylesheet_are_valid(client, tour, tmp_path, record_figure):
    pages = {name: client.get(tour[name]) for name in PAGE_NAMES}
    pages["comment form with errors"] = _comment_form_with_errors(client, tour)
    files = {}
    for number, (name, response) in enumerate(pages.items()):
        files[name] = tmp_path / f"page-{number}.html"
        files[name].write_bytes(response.content)
    files["stylesheet"] = Path(finders.find("css/site.css"))

    errors = vnu_errors(list(files.values()))

    found = {
        name: [
            f"line {error.get('lastLine')}: {error['message']}"
            for error in errors
            if error["url"].endswith(path.name)
        ]
        for name, path in files.items()
    }
    for name, page_errors in found.items():
        record_figure("Nu HTML Checker errors", name, len(page_errors))
    assert {
        name: page_errors for name, page_errors in found.items() if page_errors
    } == {}
