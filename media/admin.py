from django.contrib import admin
from django.template.loader import render_to_string
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from media.forms import ImageForm
from media.models import Image
from media.templatetags.media_tags import picture


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    list_display = ["thumbnail", "__str__", "credit", "licence", "created_at"]
    list_display_links = ["thumbnail", "__str__"]
    list_filter = ["licence", "created_at"]
    search_fields = ["caption", "alt_text", "credit"]
    date_hierarchy = "created_at"
    readonly_fields = ["thumbnail", "width", "height", "uploaded_by", "used_in"]
    fieldsets = [
        (None, {"fields": ["file", "thumbnail", "alt_text", "caption"]}),
        (
            _("Rights"),
            {
                "fields": [
                    "credit",
                    "credit_url",
                    "licence",
                    "licence_url",
                    "copyright_notice",
                ]
            },
        ),
        (_("Cropping"), {"fields": ["focal_x", "focal_y", "width", "height"]}),
        (_("History"), {"fields": ["uploaded_by", "used_in"]}),
    ]

    @admin.display(description=_("preview"))
    def thumbnail(self, image):
        if not image.pk:
            return "—"
        return render_to_string(
            "media/picture.html", picture(image, crop="wide", sizes="8rem")
        )

    @admin.display(description=_("used in"))
    def used_in(self, image):
        """Everything that shows the image; none of it can be left without it."""
        uses = image.uses() if image.pk else []
        if not uses:
            return _("Not used yet.")
        return format_html_join(mark_safe("<br>"), "{}", ((str(use),) for use in uses))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        if {"file", "focal_x", "focal_y"} & set(form.changed_data):
            obj.create_renditions()
