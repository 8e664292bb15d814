from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from articles import models
        from articles.menu import forget_menu_sections
        from articles.search import index_article

        # The search index follows every write, from the admin, imports or
        # scripts alike: an article and each block of its body.
        def article_changed(sender, instance, **kwargs):
            index_article(instance.pk)

        def block_changed(sender, instance, **kwargs):
            index_article(instance.parent_id)

        def section_changed(sender, instance, **kwargs):
            forget_menu_sections()

        for signal in (post_save, post_delete):
            signal.connect(article_changed, sender=models.Article, weak=False)
            for block in (models.RichText, models.ImageBlock, models.PullQuote):
                signal.connect(block_changed, sender=block, weak=False)
            signal.connect(section_changed, sender=models.Section, weak=False)
