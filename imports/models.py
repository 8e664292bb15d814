from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class ImportedItem(models.Model):
    """What one item of another platform's export became here.

    Looked up before anything is created, so that importing the same export
    again (or a newer one of the same blog) adds only what is new.
    """

    class Source(models.TextChoices):
        BLOGGER = "blogger", _("Blogger")
        WORDPRESS = "wordpress", _("WordPress")

    source = models.CharField(_("platform"), max_length=16, choices=Source)
    site = models.CharField(
        _("blog"), max_length=200, help_text=_("The blog's address or id there.")
    )
    source_id = models.CharField(_("id there"), max_length=500)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    needs_editing = models.BooleanField(
        _("needs an editor"),
        default=False,
        help_text=_("Set when the import had to guess or leave a placeholder."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        ordering = ["-imported_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "site", "content_type", "source_id"],
                name="imported_item_once",
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="imported_item"),
        ]

    def __str__(self):
        return f"{self.get_source_display()} {self.source_id}"


class OldLinkQuerySet(models.QuerySet):
    def leading_to_published(self):
        """Old addresses whose article readers may see now."""
        return self.filter(article__in=Article.objects.published())


class OldLink(models.Model):
    """An address an article had on the old blog; readers are sent on from it."""

    path = models.CharField(
        _("old address"),
        max_length=500,
        unique=True,
        help_text=_(
            "The path without the domain or a final slash, e.g. /2023/06/x.html"
        ),
    )
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    objects = OldLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["path"]

    def __str__(self):
        return self.path

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.article.slug})


def normalise_path(path: str) -> str:
    """The form old addresses are stored and looked up in: no final slash."""
    return path.rstrip("/") or "/"
