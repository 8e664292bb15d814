"""The admin site: the newsroom's desk, with what waits for attention on its front."""

from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils.csp import CSP
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
