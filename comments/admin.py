from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Article
from comments.models import Comment, Report
from comments.services import comments_moderate
from newsroom.admin import DeskChangeList


class StatusFilter(admin.SimpleListFilter):
    """Opens on the comments that wait; "All" is one click away."""

    title = _("status")
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, (self.ALL, _("All"))]

    def value(self):
        return super().value() or Comment.Status.PENDING

    def queryset(self, request, queryset):
        if self.value() == self.ALL:
            return queryset
        return queryset.filter(status=self.value())

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            yield {
                "selected": self.value() == value,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: value}
                ),
                "display": label,
            }


class ArticleFilter(admin.SimpleListFilter):
    """The articles most recently commented on, not every article ever written."""

    title = _("article")
    parameter_name = "article"
    RECENT_COMMENTS = 200
    ARTICLES = 10

    def lookups(self, request, model_admin):
        recent = Comment.objects.order_by("-created_at").values_list(
            "article", flat=True
        )[: self.RECENT_COMMENTS]
        ids = list(dict.fromkeys(recent))[: self.ARTICLES]
        if self.value() and self.value().isdigit():
            ids.append(int(self.value()))
        articles = Article.objects.only("headline").in_bulk(ids)
        return [
            (str(pk), articles[pk].headline)
            for pk in dict.fromkeys(ids)
            if pk in articles
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(article=self.value())
        return queryset


def _report_total():
    """Each comment's reports, counted row by row.

    A join with GROUP BY would make every query of the list (its count, its
    page) read all comments.
    """
    reports = (
        Report.objects.filter(comment=OuterRef("pk"))
        .order_by()
        .values("comment")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(reports), Value(0))


def _moderate_action(status, description):
    @admin.action(description=description, permissions=["change"])
    def action(modeladmin, request, queryset):
        changed = comments_moderate(queryset, status=status)
        modeladmin.message_user(
            request,
            ngettext("%d comment changed.", "%d comments changed.", changed) % changed,
            messages.SUCCESS,
        )

    action.__name__ = f"mark_{status}"
    return action


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "excerpt",
        "author_name",
        "article_link",
        "status",
        "report_count",
        "created_at",
        "ip_address",
    ]
    list_filter = [StatusFilter, ArticleFilter]
    # Counting every comment again, beside the filtered count, costs as much.
    show_full_result_count = False
    search_fields = ["body", "author_name", "author_email", "ip_address"]
    date_hierarchy = "created_at"
    actions = [
        _moderate_action(Comment.Status.APPROVED, _("Approve selected comments")),
        _moderate_action(Comment.Status.SPAM, _("Mark selected comments as spam")),
        _moderate_action(Comment.Status.REMOVED, _("Remove selected comments")),
        _moderate_action(Comment.Status.PENDING, _("Hold selected comments")),
    ]
    fields = [
        "article_link",
        "parent",
        "author_name",
        "author_email",
        "author_url",
        "body",
        "status",
        "user",
        "notify_on_reply",
        "created_at",
        "ip_address",
        "user_agent",
    ]
    readonly_fields = [
        "article_link",
        "parent",
        "user",
        "created_at",
        "ip_address",
        "user_agent",
        "notify_on_reply",
    ]

    def get_queryset(self, request):
        # The articles apart, not joined: with the join, SQLite reads every
        # article's comments and sorts them all before taking a page.
        articles = Article.objects.only("headline", "slug")
        return (
            super()
            .get_queryset(request)
            .annotate(report_total=_report_total())
            .prefetch_related(Prefetch("article", queryset=articles))
        )

    def get_changelist(self, request, **kwargs):
        return DeskChangeList

    def has_add_permission(self, request):
        # Comments come from readers, through the site's form.
        return False

    def save_model(self, request, obj, form, change):
        new_status = obj.status
        if "status" in form.changed_data:
            # A new status goes through moderation, which recounts and notifies.
            obj.status = form.initial["status"]
        super().save_model(request, obj, form, change)
        if "status" in form.changed_data:
            comments_moderate(Comment.objects.filter(pk=obj.pk), status=new_status)

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return Truncator(comment.body).words(12)

    @admin.display(description=_("article"), ordering="article__headline")
    def article_link(self, comment):
        # The public page: moderators may not open articles in the admin.
        return format_html(
            '<a href="{}">{}</a>',
            comment.article.get_absolute_url(),
            comment.article.headline,
        )

    @admin.display(description=_("reports"), ordering="report_total")
    def report_count(self, comment):
        return comment.report_total
