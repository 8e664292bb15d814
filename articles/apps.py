from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from articles import models
        from articles.body import render_bodies_showing, render_body
        from articles.navigation import forget_archive_months, forget_menu_sections
        from articles.search import index_article
        from media.models import Image
        from newsroom.pagecache import forget_pages_on_change, forget_pages_on_relink

        forget_pages_on_change(
            models.Section,
            models.Author,
            models.Tag,
            models.Article,
            models.Byline,
            models.Correction,
            models.RichText,
            models.ImageBlock,
            models.PullQuote,
        )
        forget_pages_on_relink(models.Article.tags.through)

        # The search index and the stored body follow every write, from the
        # admin, imports or scripts alike: an article, each block of its body,
        # and each library image a body shows.
        def article_changed(sender, instance, **kwargs):
            index_article(instance.pk)
            # Also on the article's own save: an instance loaded before its
            # blocks changed has just written its stale body back.
            render_body(instance.pk)
            forget_archive_months()

        def block_changed(sender, instance, **kwargs):
            index_article(instance.parent_id)
            render_body(instance.parent_id)

        def image_changed(sender, instance, **kwargs):
            render_bodies_showing(instance)

        def section_changed(sender, instance, **kwargs):
            forget_menu_sections()

        for signal in (post_save, post_delete):
            signal.connect(article_changed, sender=models.Article, weak=False)
            for block in (models.RichText, models.ImageBlock, models.PullQuote):
                signal.connect(block_changed, sender=block, weak=False)
            signal.connect(section_changed, sender=models.Section, weak=False)
        # A body image cannot be deleted (PROTECT), only changed.
        post_save.connect(image_changed, sender=Image, weak=False)
