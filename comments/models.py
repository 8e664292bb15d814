from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """Comments readers may see."""
        return self.filter(status=Comment.Status.APPROVED)

    def held(self):
        """Comments waiting for a moderator."""
        return self.filter(status=Comment.Status.PENDING)

    def for_thread(self, article, *, also_pending=()):
        """An article's approved comments, plus a reader's own pending ones.

        `also_pending` are the ids of comments this reader posted and may see
        while they wait; anybody else's pending comments stay hidden.
        """
        visible = models.Q(status=Comment.Status.APPROVED) | models.Q(
            status=Comment.Status.PENDING, pk__in=list(also_pending)
        )
        return self.filter(visible, article=article).order_by("created_at", "pk")

    def by_email(self, email):
        # Matches the comment_author_email index, which is on the lowered email.
        return self.alias(email_lower=Lower("author_email")).filter(
            email_lower=email.lower()
        )


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")
        REMOVED = "removed", _("Removed")

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    depth = models.PositiveSmallIntegerField(
        _("depth"),
        default=0,
        editable=False,
        help_text=_("0 for a comment, 1 for a reply…"),
    )
    author_name = models.CharField(_("name"), max_length=80)
    author_email = models.EmailField(
        _("email"), blank=True, help_text=_("Never shown to readers.")
    )
    author_url = models.URLField(_("website"), blank=True)
    body = models.TextField(_("comment"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Set when a signed-in member of staff wrote the comment."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.PENDING
    )
    notify_on_reply = models.BooleanField(_("email me replies"), default=False)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("posted"), default=timezone.now)

    objects = CommentQuerySet.as_manager()

    # What an erased commenter is called (see the erase_commenter command).
    ERASED_NAME = _("Former reader")

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at"]
        get_latest_by = "created_at"
        indexes = [
            models.Index(
                fields=["article", "status", "created_at"], name="comment_thread"
            ),
            models.Index(fields=["status", "-created_at"], name="comment_queue"),
            # The moderators' list of every comment, newest first.
            models.Index(fields=["-created_at"], name="comment_created_at"),
            models.Index(Lower("author_email"), name="comment_author_email"),
        ]

    def __str__(self):
        return _("%(name)s on %(article)s") % {
            "name": self.author_name,
            "article": self.article,
        }

    def get_absolute_url(self):
        return reverse("comments:permalink", kwargs={"pk": self.pk})

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_staff(self) -> bool:
        return self.user_id is not None


class Report(models.Model):
    """A reader's flag on a comment; enough of them send it back to moderation."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.CharField(
        _("reporter"),
        max_length=64,
        help_text=_("A hash of the reporter's address: one report each."),
    )
    created_at = models.DateTimeField(_("reported"), default=timezone.now)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"], name="report_once_per_reader"
            ),
        ]

    def __str__(self):
        return str(self.comment)
