from django.contrib import admin

from imports.models import ImportedItem, OldLink


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    """Where editors find what an import left for them to complete."""

    list_display = ["source_id", "content_type", "source", "needs_editing", "note"]
    list_filter = ["needs_editing", "source", "content_type"]
    list_select_related = ["content_type"]
    search_fields = ["source_id", "note"]
    date_hierarchy = "imported_at"
    readonly_fields = ["source", "site", "source_id", "content_type", "object_id"]

    def has_add_permission(self, request):
        return False


@admin.register(OldLink)
class OldLinkAdmin(admin.ModelAdmin):
    list_display = ["path", "article"]
    list_select_related = ["article"]
    search_fields = ["path", "article__headline"]
    autocomplete_fields = ["article"]
