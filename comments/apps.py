from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Reader comments")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from comments.models import Comment
        from comments.notifications import forget_moderators
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

        # Who hears of held comments: a change to any account or group, or to
        # who is in which group, may change it.
        def moderators_changed(sender, **kwargs):
            forget_moderators()

        user = get_user_model()
        for model in (user, Group):
            for signal in (post_save, post_delete):
                signal.connect(moderators_changed, sender=model, weak=False)
        m2m_changed.connect(moderators_changed, sender=user.groups.through, weak=False)
