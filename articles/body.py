"""An article's body as readers see it, rendered when it changes, not per view.

The body lives in three block tables, which cost a query each on every view.
So the rendered HTML, and the schema.org description of the body's images,
are stored on the article (`body_html`, `body_images`) whenever the article,
a block, or a library image a block shows is saved or deleted: apps.py
connects the signals, so the admin, imports and scripts all keep it in step.
After changing a block template, or where media files are served from, run
`manage.py render_article_bodies`.

The stored HTML is shown as it is: the block templates escape everything but
rich text, which RichText.save() has sanitised.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from articles.metadata import image_object
from articles.models import Article, ArticlePlugin, ImageBlock, PullQuote, RichText
from media.models import Image


def body_blocks(article_id: int) -> list[ArticlePlugin]:
    """An article's body blocks in reading order."""
    blocks = [
        *RichText.objects.filter(parent=article_id),
        *ImageBlock.objects.filter(parent=article_id).select_related("image"),
        *PullQuote.objects.filter(parent=article_id),
    ]
    return sorted(blocks, key=lambda block: block.ordering)


def render_body(article_id: int) -> None:
    """Store an article's body HTML and the description of its images."""
    blocks = body_blocks(article_id)
    # Whoever saves, readers get the site's language.
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string("articles/body.html", {"blocks": blocks})
    images = [
        image_object(block.image, caption=block.shown_caption)
        for block in blocks
        if isinstance(block, ImageBlock)
    ]
    Article.objects.filter(pk=article_id).update(body_html=html, body_images=images)


def render_bodies_showing(image: Image) -> None:
    """Render again the body of every article that shows `image`."""
    showing = ImageBlock.objects.filter(image=image).values_list("parent", flat=True)
    for article_id in set(showing):
        render_body(article_id)
