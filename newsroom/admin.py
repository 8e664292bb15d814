"""The admin site: the newsroom's desk, with what waits for attention on its front."""

import datetime

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.admin.views.main import ChangeList
from django.urls import reverse
from django.utils import timezone
from django.utils.csp import CSP
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csp import csp_override

from articles.models import Article
from comments.models import Comment

# django-content-editor writes a <style> element from JavaScript, which no nonce
# can cover. Inline styles are allowed in the admin only; scripts stay strict.
ADMIN_CSP = settings.SECURE_CSP | {"style-src": [CSP.SELF, CSP.UNSAFE_INLINE]}


class NewsroomAdminSite(admin.AdminSite):
    site_header = _("Newsroom desk")
    site_title = _("Newsroom desk")
    index_title = _("The desk")

    def admin_view(self, view, cacheable=False):
        return csp_override(ADMIN_CSP)(super().admin_view(view, cacheable))

    def index(self, request, extra_context=None):
        extra_context = {"desk": self.desk(request), **(extra_context or {})}
        return super().index(request, extra_context)

    def desk(self, request) -> list[dict]:
        """What waits for this user: counts and where to act on them."""
        user = request.user
        items = []
        articles = reverse("admin:articles_article_changelist")
        if user.has_perm("articles.publish_article"):
            items += [
                {
                    "label": _("Articles in review"),
                    "count": Article.objects.in_review().count(),
                    "url": f"{articles}?status__exact={Article.Status.IN_REVIEW}",
                },
                {
                    "label": _("Scheduled articles"),
                    "count": Article.objects.scheduled().count(),
                    "url": f"{articles}?scheduled=yes",
                },
            ]
        if user.has_perm("comments.change_comment"):
            items.append(
                {
                    "label": _("Held comments"),
                    "count": Comment.objects.held().count(),
                    "url": reverse("admin:comments_comment_changelist"),
                }
            )
        return items


class DeskChangeList(ChangeList):
    """A changelist whose date hierarchy finds its years without reading every row.

    Django lists the years by truncating each row's date, which with a large
    archive is the list's slowest query. Here each year is the first row after
    the year before: one index seek a year. Below the years, Django's own
    hierarchy reads one year or one month, which stays small.
    """

    @cached_property
    def date_hierarchy_years(self) -> list[dict]:
        """The hierarchy's year links when it opens on several years, else []."""
        field = self.date_hierarchy
        if not field or any(key.startswith(f"{field}__") for key in self.params):
            return []
        years = list(self._years())
        if len(years) < 2:
            return []  # Django's own hierarchy opens on the months or days
        return [
            {
                "link": self.get_query_string(
                    {f"{field}__year": str(year)}, [f"{field}__"]
                ),
                "title": str(year),
            }
            for year in years
        ]

    @property
    def date_hierarchy_name(self):
        return get_fields_from_path(self.model, self.date_hierarchy)[-1].verbose_name

    def _years(self):
        # Seeks, not MIN() and MAX(): SQLite answers both at once by a full scan.
        field = self.date_hierarchy
        dated = (
            self.queryset.filter(**{f"{field}__isnull": False})
            .order_by(field)
            .values_list(field, flat=True)
        )
        found = dated.first()
        while found is not None:
            year = timezone.localtime(found).year
            yield year
            next_year = timezone.make_aware(datetime.datetime(year + 1, 1, 1))
            found = dated.filter(**{f"{field}__gte": next_year}).first()
