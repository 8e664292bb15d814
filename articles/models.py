from content_editor.models import Region, create_plugin_base
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from media.models import Image


class Section(models.Model):
    """A desk of the paper, e.g. World or Science, shown in the site's menu."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_("One sentence shown at the top of the section page."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in the menu.")
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"slug": self.slug})


class Author(models.Model):
    """A byline: a writer on the staff or a contributor."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    bio = models.TextField(
        _("short bio"),
        max_length=600,
        blank=True,
        help_text=_("Two or three sentences shown on the author's page."),
    )
    photo = models.ForeignKey(
        Image,
        verbose_name=_("photo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        help_text=_("The admin account this author signs in with, if any."),
    )

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})


class Tag(models.Model):
    """A topic that cuts across sections, e.g. 'Climate' or 'Elections'."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:tag", kwargs={"slug": self.slug})


# Article columns that hold whole texts: what search reads, and the stored body.
SEARCH_COLUMNS = ["search_text", "search_vector"]
LONG_COLUMNS = [*SEARCH_COLUMNS, "body_html", "body_images"]


class ArticleQuerySet(models.QuerySet):
    def published(self, *, at=None):
        """Articles readers may see: published, with publication and embargo past.

        Past as of now, or of the moment `at`.
        """
        now = at or timezone.now()
        return self.filter(status=Article.Status.PUBLISHED, pub_date__lte=now).exclude(
            embargo_until__gt=now
        )

    def scheduled(self):
        """Articles set to publish themselves later."""
        return self.filter(status=Article.Status.PUBLISHED, pub_date__gt=timezone.now())

    def next_going_live(self):
        """When the next scheduled or embargoed article reaches readers, or None."""
        now = timezone.now()
        times = self.filter(status=Article.Status.PUBLISHED).aggregate(
            scheduled=models.Min("pub_date", filter=models.Q(pub_date__gt=now)),
            embargoed=models.Min(
                "embargo_until", filter=models.Q(embargo_until__gt=now)
            ),
        )
        return min(filter(None, times.values()), default=None)

    def in_review(self):
        """Articles a writer has submitted for an editor to publish."""
        return self.filter(status=Article.Status.IN_REVIEW)

    def written_by(self, user):
        """Articles `user` created or has a byline on: what a writer may open."""
        return self.filter(
            models.Q(created_by=user) | models.Q(bylines__author__user=user)
        ).distinct()

    def for_listing(self):
        """Preloads what an article card shows: section, lead image and bylines."""
        return self.for_card_without_bylines().prefetch_related(_bylines())

    def for_card_without_bylines(self):
        """Preloads a card's section and lead image; see `prefetch_bylines()`.

        Leaves out the long columns only the article page or search reads.
        """
        return self.select_related("section", "lead_image").defer(*LONG_COLUMNS)

    def for_kept_page(self):
        """The article page's row alone, for a page whose parts are kept rendered."""
        return self.defer(*SEARCH_COLUMNS)

    def for_detail(self):
        """Preloads the article page's section and lead image.

        Not the rest it shows: the page loads that only for the parts of it
        that are not kept rendered (see `ArticleDetailView.details`).
        """
        return self.select_related("section", "lead_image").defer(*SEARCH_COLUMNS)

    def tagged(self, tag):
        """Articles with `tag`.

        Tested per article rather than joined: the newest are then found by
        walking the publication-date index, not by sorting all of the tag's.
        """
        link = Article.tags.through.objects.filter(article=models.OuterRef("pk"))
        return self.filter(models.Exists(link.filter(tag=tag)))

    def for_comments(self):
        """Only what posting a comment reads of its article."""
        return self.only("slug", "pub_date", "comments_open", "headline")

    def related_to(self, article):
        """Other articles from `article`'s section, newest first."""
        return self.filter(section__isnull=False, section=article.section_id).exclude(
            pk=article.pk
        )

    def latest_per_section(self, count: int, *, among: int = 500):
        """The newest `count` articles of each section, newest first.

        Only the newest `among` articles are ranked, so the cost stays the same
        however large the archive; a section with nothing among them is quiet.
        """
        rank = models.Window(
            RowNumber(),
            partition_by=models.F("section"),
            order_by=models.F("pub_date").desc(),
        )
        newest = self.order_by("-pub_date").values("pk")[:among]
        return (
            self.filter(section__isnull=False, pk__in=newest)
            .annotate(rank=rank)
            .filter(rank__lte=count)
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")

    headline = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_(
            "The article's address. Changing it after publishing breaks links."
        ),
    )
    standfirst = models.CharField(
        _("standfirst"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences under the headline that say what happened."),
    )
    lead_image = models.ForeignKey(
        Image,
        verbose_name=_("lead image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    lead_image_caption = models.CharField(
        _("lead image caption"),
        max_length=300,
        blank=True,
        help_text=_("Replaces the image's own caption for this article only."),
    )
    authors = models.ManyToManyField(
        Author, through="Byline", related_name="articles", verbose_name=_("authors")
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    tags = models.ManyToManyField(
        Tag, blank=True, related_name="articles", verbose_name=_("tags")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.DRAFT
    )
    pub_date = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_(
            "When readers first see the article. A time in the future schedules it; "
            "left empty, publishing sets it to now."
        ),
    )
    embargo_until = models.DateTimeField(
        _("embargoed until"),
        null=True,
        blank=True,
        help_text=_(
            "The site shows nothing of the article before this time, even if it is "
            "published by mistake."
        ),
    )
    updated_at = models.DateTimeField(
        _("last updated"),
        null=True,
        blank=True,
        help_text=_("Set when the story changes in substance after publishing."),
    )
    source_name = models.CharField(
        _("source"),
        max_length=120,
        blank=True,
        help_text=_("Where the reporting comes from, shown as 'Courtesy: Al-Jazeera'."),
    )
    source_url = models.URLField(_("source link"), blank=True)
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Lead story on the home page.")
    )
    comments_open = models.BooleanField(_("comments open"), default=True)
    comment_count = models.PositiveIntegerField(
        _("comments"),
        default=0,
        editable=False,
        help_text=_("Approved comments, counted when a comment changes status."),
    )
    comments_changed_at = models.DateTimeField(
        _("comments last changed"), null=True, editable=False
    )
    seo_description = models.CharField(
        _("search description"),
        max_length=160,
        blank=True,
        help_text=_("Shown by search engines. Leave empty to use the standfirst."),
    )
    # Kept in step by articles.search; never edited.
    search_text = models.TextField(_("body text"), blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    # Kept in step with the body blocks by articles.body; never edited.
    body_html = models.TextField(_("body as shown"), blank=True, editable=False)
    body_images = models.JSONField(
        _("body images as described to machines"),
        default=list,
        blank=True,
        editable=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    regions = [Region(key="body", title=_("Body"))]

    NO_BYLINE = _("at least one author")

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-pub_date", "-pk"]
        get_latest_by = "pub_date"
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish articles")),
        ]
        indexes = [
            # The desk's list: every status, newest first.
            models.Index(fields=["-pub_date"], name="article_pub_date"),
            models.Index(
                fields=["status", "-pub_date"], name="article_status_pub_date"
            ),
            models.Index(
                fields=["section", "-pub_date"], name="article_section_pub_date"
            ),
            # The front page's lead: the newest featured story, found at once.
            models.Index(
                fields=["is_featured", "status", "-pub_date"],
                name="article_featured_pub_date",
            ),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        """Whether readers can see the article now (the rule of `published()`)."""
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.pub_date is not None
            and self.pub_date <= now
            and (self.embargo_until is None or self.embargo_until <= now)
        )

    def publishing_problems(self) -> list[str]:
        """What the article lacks before it may be published, in editors' words.

        Bylines are checked by the admin's byline formset, which sees them
        before they are saved.
        """
        missing = {
            _("a headline"): self.headline,
            _("a standfirst"): self.standfirst,
            _("a section"): self.section_id,
            _("a lead image"): self.lead_image_id,
        }
        problems = [str(what) for what, present in missing.items() if not present]
        image = self.lead_image
        if image is not None and not (image.alt_text and image.credit):
            problems.append(str(_("alt text and a credit on the lead image")))
        return problems

    @property
    def byline(self) -> list["Author"]:
        """The authors in byline order, from the prefetched bylines."""
        return [byline.author for byline in self.bylines.all()]

    @property
    def lead_caption(self) -> str:
        return self.lead_image_caption or getattr(self.lead_image, "caption", "")

    @property
    def description(self) -> str:
        return self.seo_description or self.standfirst

    @property
    def was_updated(self) -> bool:
        return bool(
            self.updated_at and self.pub_date and self.updated_at > self.pub_date
        )


class Byline(models.Model):
    """One author's place in an article's byline."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="byline_author_once_per_article"
            ),
        ]

    def __str__(self):
        return self.author.name


def _bylines() -> models.Prefetch:
    return models.Prefetch("bylines", Byline.objects.select_related("author"))


def prefetch_bylines(articles: list[Article]) -> None:
    """Load the bylines of articles already fetched, all in one query."""
    models.prefetch_related_objects(articles, _bylines())


ArticlePlugin = create_plugin_base(Article)


class RichText(ArticlePlugin):
    """Paragraphs, subheadings, lists, links and quotations."""

    text = ProseEditorField(
        _("text"),
        config={
            "extensions": {
                "Bold": True,
                "Italic": True,
                "Heading": {"levels": [2, 3, 4]},
                "BulletList": True,
                "OrderedList": True,
                "ListItem": True,
                "Blockquote": True,
                "HardBreak": True,
                "Link": {
                    "enableTarget": False,
                    "protocols": ["http", "https", "mailto"],
                },
            }
        },
        sanitize=True,
    )

    template_name = "articles/blocks/rich_text.html"

    class Meta:
        verbose_name = _("text")
        verbose_name_plural = _("text")

    def __str__(self):
        return self.get_text_excerpt()

    def save(self, *args, **kwargs):
        # Sanitise on every save, not only in forms: imports and scripts write
        # here too, and templates mark this HTML safe.
        self.text = self._meta.get_field("text").sanitize(self.text)
        super().save(*args, **kwargs)


class ImageBlock(ArticlePlugin):
    """A library image placed in the body; it always shows its credit."""

    image = models.ForeignKey(
        Image, verbose_name=_("image"), on_delete=models.PROTECT, related_name="+"
    )
    caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("Replaces the image's own caption here only."),
    )

    template_name = "articles/blocks/image.html"

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return _("Image in the body of “%(headline)s”") % {"headline": self.parent}

    @property
    def shown_caption(self) -> str:
        return self.caption or self.image.caption


class PullQuote(ArticlePlugin):
    """Words someone said, set apart from the text."""

    quote = models.TextField(_("quote"), max_length=600)
    attribution = models.CharField(
        _("attribution"),
        max_length=200,
        blank=True,
        help_text=_("Who said it, e.g. 'Vivian Balakrishnan, foreign minister'."),
    )

    template_name = "articles/blocks/pull_quote.html"

    class Meta:
        verbose_name = _("pull quote")
        verbose_name_plural = _("pull quotes")

    def __str__(self):
        return self.quote[:60]


class Correction(models.Model):
    """A dated note at the foot of an article: kept for good once added."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind, default=Kind.CORRECTION
    )
    text = models.TextField(
        _("text"),
        max_length=1000,
        help_text=_(
            "What was wrong and what is right, e.g. 'An earlier version gave the "
            "wrong date for the summit.' It cannot be changed once saved."
        ),
    )
    created_at = models.DateTimeField(_("date"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}, {self.created_at:%Y-%m-%d}"
