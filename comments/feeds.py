from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from articles.models import Article

ITEMS = 50


class ArticleCommentsFeed(Feed):
    """The newest approved comments on one article, as Atom."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return get_object_or_404(Article.objects.published(), slug=slug)

    def title(self, article):
        return _("Comments on “%(headline)s”") % {"headline": article.headline}

    def link(self, article):
        return f"{article.get_absolute_url()}#comments"

    def subtitle(self, article):
        return article.standfirst

    def items(self, article):
        return article.comments.approved().order_by("-created_at")[:ITEMS]

    def item_title(self, comment):
        return _("%(name)s wrote") % {"name": comment.author_name}

    def item_description(self, comment):
        return comment.body

    def item_author_name(self, comment):
        return comment.author_name

    def item_pubdate(self, comment):
        return comment.created_at

    def item_link(self, comment):
        return comment.get_absolute_url()
