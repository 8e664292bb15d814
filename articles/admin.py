from content_editor.admin import ContentEditor, ContentEditorInline
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from articles.models import (
    Article,
    Author,
    Byline,
    ImageBlock,
    PullQuote,
    RichText,
    Section,
    Tag,
)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    list_select_related = ["user"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    autocomplete_fields = ["photo"]


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    autocomplete_fields = ["author"]
    verbose_name = _("author")
    verbose_name_plural = _("byline")


@admin.register(Article)
class ArticleAdmin(VersionAdmin, ContentEditor):
    list_display = ["headline", "status", "is_published", "section", "pub_date"]
    list_filter = ["status", "section", "is_featured"]
    list_select_related = ["section"]
    search_fields = ["headline", "standfirst"]
    date_hierarchy = "pub_date"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["lead_image", "tags"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "section", "tags"]}),
        (_("Lead image"), {"fields": ["lead_image", "lead_image_caption"]}),
        (
            _("Publishing"),
            {"fields": ["status", "pub_date", "updated_at", "is_featured"]},
        ),
        (
            _("Source and readers"),
            {
                "fields": [
                    "source_name",
                    "source_url",
                    "comments_open",
                    "seo_description",
                ]
            },
        ),
    ]
    inlines = [
        BylineInline,
        ContentEditorInline.create(RichText),
        ContentEditorInline.create(ImageBlock, autocomplete_fields=["image"]),
        ContentEditorInline.create(PullQuote),
    ]

    @admin.display(boolean=True, description=_("live"))
    def is_published(self, article):
        return article.is_published
