from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, MonthArchiveView, TemplateView

from articles import metadata
from articles.compiled import published_with_slug
from articles.forms import SearchForm
from articles.metadata import SocialCard
from articles.models import Article, Author, Section, Tag, prefetch_bylines
from articles.navigation import archive_months
from articles.paginators import BoundedPaginator
from articles.preview import article_id_from
from articles.search import search
from articles.sitemaps import news_articles
from newsroom import fragments


class MetadataMixin:
    """Puts a page's social card and structured data in its context."""

    def get_social_card(self) -> SocialCard | None:
        return None

    def get_structured_data(self) -> list[dict]:
        return []

    def get_context_data(self, **kwargs):
        # Lazy: a page whose <head> is kept rendered needs neither.
        return super().get_context_data(
            social_card=SimpleLazyObject(self.get_social_card),
            structured_data=SimpleLazyObject(self.get_structured_data),
            **kwargs,
        )


class PublishedArticlesMixin:
    """Lists published articles as cards, newest first, a page at a time.

    Paging stops after `max_pages`: counting and skipping every story ever
    published would cost more as the archive grows, and older stories are a
    click away, month by month, in the archive.
    """

    paginate_by = 12
    max_pages = 50

    def get_queryset(self):
        return Article.objects.published().for_listing()

    def get_paginator(self, queryset, per_page, orphans=0, **kwargs):
        return BoundedPaginator(
            queryset,
            per_page,
            most=per_page * self.max_pages,
            counted=self.get_counted(queryset),
            orphans=orphans,
            **kwargs,
        )

    def get_counted(self, queryset):
        """What the paginator counts: the same articles as `queryset`."""
        return queryset.order_by()


class HomeView(MetadataMixin, PublishedArticlesMixin, ListView):
    """The front page: the lead story, each section's latest, then the rest.

    "The rest" leaves out what the lead and the section fronts show, on every
    page, so paging through it never repeats a story.
    """

    template_name = "articles/home.html"
    stories_per_section = 4

    def get_queryset(self):
        published = super().get_queryset()
        self.lead = published.filter(is_featured=True).first() or published.first()
        others = published.exclude(pk=getattr(self.lead, "pk", None))
        self.section_fronts = self._section_fronts(others)
        shown = [
            article.pk for _, articles in self.section_fronts for article in articles
        ]
        return others.exclude(pk__in=shown)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            lead=self.lead, section_fronts=self.section_fronts, **kwargs
        )

    def get_social_card(self):
        return SocialCard(
            title=settings.NEWSROOM_SITE_NAME,
            description=_("News, analysis and opinion from our desk."),
        )

    def _section_fronts(self, articles) -> list[tuple[Section, list[Article]]]:
        latest = articles.latest_per_section(self.stories_per_section)
        fronts: dict[Section, list[Article]] = {}
        for article in latest.order_by("section__position", "section__name", "rank"):
            fronts.setdefault(article.section, []).append(article)
        return list(fronts.items())


@dataclass(frozen=True)
class ArticleDetails:
    article: Article
    related: list[Article]


class ArticleDetailView(MetadataMixin, DetailView):
    related_count = 3
    is_preview = False

    def get_queryset(self):
        return Article.objects.published().for_detail()

    def get_object(self, queryset=None):
        slug = self.kwargs["slug"]
        # The parts as in the template's {% fragment "article" ... %}.
        if not fragments.is_kept(self.request, "article", [slug, self.is_preview]):
            return super().get_object(queryset)
        # What the page shows of the article is kept: its row is enough.
        if article := published_with_slug(slug):
            return article
        raise Http404(
            _("No %(verbose_name)s found matching the query")
            % {"verbose_name": Article._meta.verbose_name}
        )

    def get_context_data(self, **kwargs):
        # Lazy: the parts of the page that show them may be kept rendered.
        return super().get_context_data(
            is_preview=self.is_preview,
            related=SimpleLazyObject(lambda: self.details.related),
            **kwargs,
        )

    @cached_property
    def details(self) -> ArticleDetails:
        """The article's bylines, tags and corrections, and its related stories.

        Loaded together in four queries, by whichever part of the page asks
        first: the <head>'s metadata, unless it was kept rendered.
        """
        related = list(
            Article.objects.published()
            .for_card_without_bylines()
            .related_to(self.object)[: self.related_count]
        )
        prefetch_bylines([self.object, *related])
        prefetch_related_objects([self.object], "tags", "corrections")
        return ArticleDetails(article=self.object, related=related)

    def get_social_card(self):
        return metadata.article_card(self.details.article, self.request)

    def get_structured_data(self):
        article = self.details.article
        trail = [(article.headline, article.get_absolute_url())]
        if article.section:
            trail.insert(0, (article.section.name, article.section.get_absolute_url()))
        return [
            metadata.news_article(article, self.request),
            metadata.breadcrumbs(self.request, trail),
        ]


class SectionView(MetadataMixin, PublishedArticlesMixin, ListView):
    template_name = "articles/section_detail.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return super().get_queryset().filter(section=self.section)

    def get_counted(self, queryset):
        # Newest first, along the section's index, up to the bound.
        return queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)

    def get_social_card(self):
        return SocialCard(
            title=self.section.name,
            description=self.section.description or self.section.name,
        )

    def get_structured_data(self):
        trail = [(self.section.name, self.section.get_absolute_url())]
        return [metadata.breadcrumbs(self.request, trail)]


class TagView(MetadataMixin, PublishedArticlesMixin, ListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().tagged(self.tag)

    def get_counted(self, queryset):
        # Joined: counting follows the tag's own links and stops at the bound.
        return Article.objects.published().filter(tags=self.tag).order_by()

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)

    def get_social_card(self):
        return SocialCard(
            title=self.tag.name,
            description=_("Stories about %(tag)s.") % {"tag": self.tag.name},
        )


class AuthorView(MetadataMixin, PublishedArticlesMixin, ListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(
            Author.objects.select_related("photo"), slug=self.kwargs["slug"]
        )
        return super().get_queryset().filter(bylines__author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)

    def get_social_card(self):
        return SocialCard(
            title=self.author.name,
            description=self.author.bio or self.author.name,
            type="profile",
        )


class ArchiveView(TemplateView):
    """Every month with published articles, newest first."""

    template_name = "articles/archive.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(date_list=archive_months(), **kwargs)


class ArchiveMonthView(PublishedArticlesMixin, MonthArchiveView):
    date_field = "pub_date"
    month_format = "%m"
    allow_empty = False
    template_name = "articles/archive_month.html"


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """An unpublished article exactly as readers will see it, by a signed link."""

    is_preview = True

    def get_object(self, queryset=None):
        try:
            article_id = article_id_from(self.kwargs["token"])
        except signing.BadSignature as error:
            raise Http404(
                _("This preview link is not valid or has expired.")
            ) from error
        return get_object_or_404(Article.objects.for_detail(), pk=article_id)


class NewsSitemapView(TemplateView):
    """Google News: the last two days' articles, with their publication."""

    template_name = "sitemaps/news.xml"
    content_type = "application/xml"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            articles=news_articles(),
            publication=settings.NEWSROOM_SITE_NAME,
            language=get_language().partition("-")[0],
            **kwargs,
        )


class SearchView(MetadataMixin, ListView):
    """Ranked, highlighted matches; the reader's words stay in the box."""

    template_name = "articles/search.html"
    paginate_by = 20

    def get_queryset(self):
        self.form = SearchForm(self.request.GET)
        return search(self.form.query)

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, query=self.form.query, **kwargs)

    def get_social_card(self):
        return SocialCard(title=_("Search"), description=_("Search the archive."))
