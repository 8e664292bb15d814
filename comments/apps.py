from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Reader comments")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from comments.models import Comment
        from comments.services import refresh_comment_counts

        # A comment held for moderation changes nothing readers see; any
        # other write (a moderator's edit, a deletion) may.
        def comment_saved(sender, instance, created, **kwargs):
            if not created or instance.status == Comment.Status.APPROVED:
                refresh_comment_counts([instance.article_id])

        def comment_deleted(sender, instance, **kwargs):
            refresh_comment_counts([instance.article_id])

        post_save.connect(comment_saved, sender=Comment, weak=False)
        post_delete.connect(comment_deleted, sender=Comment, weak=False)
