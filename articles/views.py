from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, MonthArchiveView, TemplateView

from articles.models import Article, Author, Section, Tag
from articles.preview import article_id_from


class PublishedArticlesMixin:
    """Lists published articles as cards, newest first, a page at a time."""

    paginate_by = 12

    def get_queryset(self):
        return Article.objects.published().for_listing()


class HomeView(PublishedArticlesMixin, ListView):
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

    def _section_fronts(self, articles) -> list[tuple[Section, list[Article]]]:
        latest = articles.latest_per_section(self.stories_per_section)
        fronts: dict[Section, list[Article]] = {}
        for article in latest.order_by("section__position", "section__name", "rank"):
            fronts.setdefault(article.section, []).append(article)
        return list(fronts.items())


class ArticleDetailView(DetailView):
    related_count = 3

    def get_queryset(self):
        return Article.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        article = self.object
        published = Article.objects.published()
        return super().get_context_data(
            newer=published.newer_than(article).first(),
            older=published.older_than(article).first(),
            related=published.for_listing().related_to(article)[: self.related_count],
            **kwargs,
        )


class SectionView(PublishedArticlesMixin, ListView):
    template_name = "articles/section_detail.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class TagView(PublishedArticlesMixin, ListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorView(PublishedArticlesMixin, ListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(
            Author.objects.select_related("photo"), slug=self.kwargs["slug"]
        )
        return super().get_queryset().filter(bylines__author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class ArchiveView(TemplateView):
    """Every month with published articles, newest first."""

    template_name = "articles/archive.html"

    def get_context_data(self, **kwargs):
        months = Article.objects.published().dates("pub_date", "month", order="DESC")
        return super().get_context_data(date_list=months, **kwargs)


class ArchiveMonthView(PublishedArticlesMixin, MonthArchiveView):
    date_field = "pub_date"
    month_format = "%m"
    allow_empty = False
    template_name = "articles/archive_month.html"


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """An unpublished article exactly as readers will see it, by a signed link."""

    def get_object(self, queryset=None):
        try:
            article_id = article_id_from(self.kwargs["token"])
        except signing.BadSignature as error:
            raise Http404(
                _("This preview link is not valid or has expired.")
            ) from error
        return get_object_or_404(Article.objects.for_detail(), pk=article_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=True, **kwargs)
