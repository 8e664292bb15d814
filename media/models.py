from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from media.renditions import Sources, create_renditions, delete_renditions


class Licence(models.TextChoices):
    """The terms an image may be used under, with the page that states them."""

    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC_BY_ND = "cc-by-nd-4.0", _("Creative Commons Attribution-NoDerivatives 4.0")
    CC_BY_NC = "cc-by-nc-4.0", _("Creative Commons Attribution-NonCommercial 4.0")
    CC0 = "cc0-1.0", _("Creative Commons Zero (public domain dedication)")
    PUBLIC_DOMAIN = "public-domain", _("Public domain")

    @property
    def url(self) -> str:
        """The licence's canonical deed, or "" where there is none to link."""
        return _LICENCE_URLS.get(self, "")


_LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.PUBLIC_DOMAIN: "https://creativecommons.org/publicdomain/mark/1.0/",
}


class Image(models.Model):
    """A photo or graphic in the media library, with the credit it must carry."""

    file = models.ImageField(
        _("file"),
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        help_text=_(
            "What the image shows, for readers who cannot see it, "
            "e.g. 'Two ministers shake hands in front of flags'."
        ),
    )
    caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the image. An article may override it."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=120,
        help_text=_(
            "Who made or supplied the image, shown as 'Image credit: …', "
            "e.g. 'Reuters/Jane Doe'."
        ),
    )
    credit_url = models.URLField(
        _("credit link"), blank=True, help_text=_("Optional page the credit links to.")
    )
    licence = models.CharField(
        _("licence"),
        max_length=32,
        choices=Licence,
        default=Licence.ALL_RIGHTS_RESERVED,
    )
    licence_url = models.URLField(
        _("licence link"),
        blank=True,
        help_text=_(
            "Where the licence or how to acquire one is stated. "
            "Leave empty to use the licence's own page."
        ),
    )
    copyright_notice = models.CharField(
        _("copyright notice"),
        max_length=200,
        blank=True,
        help_text=_("e.g. '© 2026 Jane Doe'."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    focal_x = models.PositiveSmallIntegerField(
        _("focal point across"),
        default=50,
        help_text=_("Percent from the left edge kept in view when cropped."),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point down"),
        default=50,
        help_text=_("Percent from the top edge kept in view when cropped."),
    )
    renditions = models.JSONField(
        _("renditions"),
        default=list,
        editable=False,
        help_text=_("Resized copies made when the image is saved."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at"]
        get_latest_by = "created_at"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__lte=100, focal_y__lte=100),
                name="image_focal_point_in_percent",
            ),
        ]

    def __str__(self):
        return self.caption or self.alt_text

    @property
    def licence_page(self) -> str:
        """Where the licence is stated: the editor's link, else the licence's."""
        return self.licence_url or Licence(self.licence).url

    def uses(self) -> list[models.Model]:
        """Every row that shows this image, whichever app it belongs to."""
        relations = [
            field
            for field in self._meta.get_fields(include_hidden=True)
            if field.is_relation and field.auto_created and not field.concrete
        ]
        return [
            use
            for relation in relations
            for use in relation.related_model._default_manager.filter(
                **{relation.field.name: self}
            )
        ]

    def create_renditions(self) -> None:
        """Make the resized copies readers are served, replacing any earlier ones."""
        delete_renditions(self.file.storage, self.renditions)
        self.renditions = create_renditions(
            self.file, focal_point=(self.focal_x, self.focal_y)
        )
        self.save(update_fields=["renditions"])

    def sources(self, crop: str) -> Sources | None:
        """The renditions of one crop, grouped by format, for a <picture>."""
        return Sources.from_renditions(self.file.storage, self.renditions, crop)
