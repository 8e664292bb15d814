import reversion
from content_editor.admin import ContentEditor, ContentEditorInline
from django import forms
from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin

from articles.models import (
    Article,
    Author,
    Byline,
    Correction,
    ImageBlock,
    PullQuote,
    RichText,
    Section,
    Tag,
)
from articles.preview import preview_url
from articles.services import article_publish, article_unpublish, correction_add
from media.templatetags.media_tags import picture
from newsroom.admin import DeskChangeList

BODY_BLOCKS = [RichText, ImageBlock, PullQuote]

# Revisions keep an article with its byline and body. Corrections are left out
# on purpose: reverting to an older version must never take one away.
for model in [Byline, *BODY_BLOCKS]:
    reversion.register(model)
reversion.register(
    Article,
    follow=[
        "bylines",
        *(f"articles_{block.__name__.lower()}_set" for block in BODY_BLOCKS),
    ],
)


def can_publish(user) -> bool:
    return user.has_perm("articles.publish_article")


def _held_comments():
    """Each article's pending comments, counted row by row.

    A join with GROUP BY would make every query of the list (its count, its
    page, the date hierarchy) read all comments of all articles.
    """
    # Through the relation: articles never imports comments.
    comments = Article.comments.rel.related_model.objects
    held = (
        comments.filter(article=OuterRef("pk"), status="pending")
        .order_by()
        .values("article")
        .annotate(held=Count("pk"))
        .values("held")
    )
    return Coalesce(Subquery(held), Value(0))


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


class BylineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        # The posted status, not the instance's: when the article form has
        # errors of its own, the admin hands us the unchanged article.
        if self.data.get("status") != Article.Status.PUBLISHED:
            return
        authors = [
            form
            for form in self.forms
            if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        ]
        if not authors:
            raise forms.ValidationError(
                _("A published article needs %(what)s.") % {"what": Article.NO_BYLINE}
            )


class BylineInline(admin.TabularInline):
    model = Byline
    formset = BylineFormSet
    extra = 0
    min_num = 0
    autocomplete_fields = ["author"]
    verbose_name = _("author")
    verbose_name_plural = _("byline")

    def get_queryset(self, request):
        # Each row is titled with its author's name.
        return super().get_queryset(request).select_related("author")


class ImageBlockInline(ContentEditorInline):
    model = ImageBlock
    autocomplete_fields = ["image"]

    def get_queryset(self, request):
        # Each row is titled with its article's headline.
        return super().get_queryset(request).select_related("parent")


class CorrectionInline(admin.StackedInline):
    """Corrections are appended; once saved they stay as they are."""

    model = Correction
    extra = 0
    fields = ["kind", "text", "created_at", "created_by"]
    readonly_fields = ["created_at", "created_by"]
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False


class ArticleForm(forms.ModelForm):
    """Checks what the workflow demands: who may set which status, and when."""

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if "status" in self.fields and not can_publish(user):
            self.fields["status"].choices = [
                choice
                for choice in Article.Status.choices
                if choice[0] != Article.Status.PUBLISHED
            ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Article.Status.PUBLISHED:
            self.instance.status = Article.Status.PUBLISHED
            for field in ("headline", "standfirst", "section", "lead_image"):
                if field in cleaned:
                    setattr(self.instance, field, cleaned[field])
            if problems := self.instance.publishing_problems():
                raise forms.ValidationError(
                    _("Before publishing, the article needs %(what)s.")
                    % {"what": ", ".join(problems)}
                )
        return cleaned


class ScheduledFilter(admin.SimpleListFilter):
    title = _("schedule")
    parameter_name = "scheduled"

    def lookups(self, request, model_admin):
        return [("yes", _("Scheduled to publish later"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.scheduled()
        return queryset


@admin.register(Article)
class ArticleAdmin(VersionAdmin, ContentEditor):
    form = ArticleForm
    list_display = [
        "headline",
        "status",
        "is_published",
        "section",
        "byline",
        "pub_date",
        "held_comments",
        "comment_count",
    ]
    list_filter = [
        "status",
        ScheduledFilter,
        "section",
        "bylines__author",
        "is_featured",
    ]
    list_select_related = ["section"]
    # Counting every article again, beside the filtered count, costs as much.
    show_full_result_count = False
    search_fields = ["headline", "standfirst"]
    date_hierarchy = "pub_date"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["lead_image", "tags"]
    readonly_fields = ["lead_image_preview", "reader_link"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "section", "tags"]}),
        (
            _("Lead image"),
            {"fields": ["lead_image", "lead_image_preview", "lead_image_caption"]},
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "reader_link",
                    "pub_date",
                    "embargo_until",
                    "updated_at",
                    "is_featured",
                ]
            },
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
    # What only an editor decides: when, and how prominently.
    editor_fields = ["pub_date", "embargo_until", "updated_at", "is_featured"]
    inlines = [
        BylineInline,
        ContentEditorInline.create(RichText),
        ImageBlockInline,
        ContentEditorInline.create(PullQuote),
        CorrectionInline,
    ]

    # --- Who sees and edits what -------------------------------------------

    def get_queryset(self, request):
        articles = (
            super().get_queryset(request).for_listing().annotate(held=_held_comments())
        )
        if can_publish(request.user):
            return articles
        return articles.written_by(request.user)

    def get_changelist(self, request, **kwargs):
        return DeskChangeList

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        # An article not saved yet is the writer's own by definition.
        if obj is None or obj.pk is None or can_publish(request.user):
            return True
        # Writers: their own work, until an editor has published it.
        return obj.status != Article.Status.PUBLISHED and (
            Article.objects.written_by(request.user).filter(pk=obj.pk).exists()
        )

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user):
            readonly += self.editor_fields
        return readonly

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if not request.user.has_perm("articles.add_correction"):
            inlines = [i for i in inlines if not isinstance(i, CorrectionInline)]
        return inlines

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class FormForUser(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, user=request.user, **kwargs)

        return FormForUser

    # --- Saving ------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        if obj.status == Article.Status.PUBLISHED and obj.pub_date is None:
            obj.pub_date = timezone.now()
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Correction:
            return super().save_formset(request, form, formset, change)
        for correction in formset.save(commit=False):
            correction_add(
                article=form.instance,
                kind=correction.kind,
                text=correction.text,
                user=request.user,
            )

    # --- Actions -----------------------------------------------------------

    @admin.action(description=_("Publish selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        published = 0
        for article in queryset.select_related("lead_image"):
            if problems := article_publish(article=article):
                self.message_user(
                    request,
                    _("“%(headline)s” was not published: it needs %(what)s.")
                    % {"headline": article.headline, "what": ", ".join(problems)},
                    messages.ERROR,
                )
            else:
                published += 1
        if published:
            self.message_user(
                request,
                ngettext("%d article published.", "%d articles published.", published)
                % published,
                messages.SUCCESS,
            )

    @admin.action(description=_("Unpublish selected articles"), permissions=["publish"])
    def unpublish(self, request, queryset):
        for article in queryset:
            article_unpublish(article=article)
        self.message_user(request, _("Taken down; back to draft."), messages.SUCCESS)

    # --- Columns and read-only fields --------------------------------------

    @admin.display(boolean=True, description=_("live"))
    def is_published(self, article):
        return article.is_published

    @admin.display(description=_("authors"))
    def byline(self, article):
        return ", ".join(author.name for author in article.byline)

    @admin.display(description=_("held comments"), ordering="held")
    def held_comments(self, article):
        return article.held

    @admin.display(description=_("as it will look"))
    def lead_image_preview(self, article):
        if not article.lead_image_id:
            return "—"
        return render_to_string(
            "media/picture.html",
            picture(article.lead_image, crop="wide", sizes="12rem"),
        )

    @admin.display(description=_("readers' view"))
    def reader_link(self, article):
        if not article.pk:
            return _("Save the article to preview it.")
        if article.is_published:
            return format_html(
                '<a href="{}">{}</a>', article.get_absolute_url(), _("View on site")
            )
        return format_html(
            '<a href="{}">{}</a> ({})',
            preview_url(article),
            _("Preview as readers will see it"),
            _("a private link that expires"),
        )

    def view_on_site(self, article):
        return article.get_absolute_url() if article.is_published else None
