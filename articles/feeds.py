"""RSS 2.0 and Atom feeds of published articles, each item with its credited photo.

The lead image travels as a Media RSS element (`media:content`) carrying its
credit (`media:credit`) and caption, which feed readers and aggregators show.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from articles.models import Article, Author, Section, Tag

MEDIA_RSS = "http://search.yahoo.com/mrss/"
ITEMS = 30


class _MediaRssElements:
    """Adds each item's lead image as media:content, with its credit."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        image = item.get("image")
        if not image:
            return
        handler.startElement(
            "media:content",
            {
                "url": urljoin(self.feed["link"], image["url"]),
                "type": image["type"],
                "medium": "image",
                "width": str(image["width"]),
                "height": str(image["height"]),
            },
        )
        handler.addQuickElement("media:credit", image["credit"], {"role": "author"})
        if image["caption"]:
            handler.addQuickElement("media:description", image["caption"])
        handler.endElement("media:content")


class MediaRssFeed(_MediaRssElements, Rss201rev2Feed):
    def rss_attributes(self):
        return super().rss_attributes() | {"xmlns:media": MEDIA_RSS}


class MediaAtomFeed(_MediaRssElements, Atom1Feed):
    def root_attributes(self):
        return super().root_attributes() | {"xmlns:media": MEDIA_RSS}


class ArticlesFeed(Feed):
    """The newest published articles of the whole paper."""

    feed_type = MediaRssFeed

    def title(self, obj=None):
        return settings.NEWSROOM_SITE_NAME

    def link(self, obj=None):
        return reverse("articles:home")

    def description(self, obj=None):
        return _("The latest stories from %(site)s.") % {
            "site": settings.NEWSROOM_SITE_NAME
        }

    subtitle = description

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return self.articles(obj).for_listing().prefetch_related("tags")[:ITEMS]

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        return article.standfirst

    def item_author_name(self, article):
        return ", ".join(author.name for author in article.byline)

    def item_pubdate(self, article):
        return article.pub_date

    def item_updateddate(self, article):
        return article.updated_at or article.pub_date

    def item_categories(self, article):
        section = [article.section.name] if article.section else []
        return section + [tag.name for tag in article.tags.all()]

    def item_extra_kwargs(self, article):
        image = article.lead_image
        sources = image.sources("full") if image else None
        if sources is None:
            return {}
        return {
            "image": {
                "url": sources.fallback_url,
                "type": "image/jpeg",
                "width": sources.width,
                "height": sources.height,
                "credit": image.credit,
                "caption": article.lead_caption,
            }
        }


class SectionFeed(ArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, section):
        return f"{section.name} · {settings.NEWSROOM_SITE_NAME}"

    def link(self, section):
        return section.get_absolute_url()

    def description(self, section):
        return section.description or self.title(section)

    def articles(self, section):
        return super().articles(section).filter(section=section)


class TagFeed(ArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, tag):
        return f"{tag.name} · {settings.NEWSROOM_SITE_NAME}"

    def link(self, tag):
        return tag.get_absolute_url()

    def description(self, tag):
        return _("Stories about %(tag)s.") % {"tag": tag.name}

    def articles(self, tag):
        return super().articles(tag).filter(tags=tag)


class AuthorFeed(ArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, author):
        return f"{author.name} · {settings.NEWSROOM_SITE_NAME}"

    def link(self, author):
        return author.get_absolute_url()

    def description(self, author):
        return _("Stories by %(name)s.") % {"name": author.name}

    def articles(self, author):
        return super().articles(author).filter(bylines__author=author)


def atom(feed_class):
    """The same feed as Atom."""
    return type(
        f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": MediaAtomFeed}
    )
