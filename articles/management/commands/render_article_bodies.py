from django.core.management.base import BaseCommand

from articles.body import render_body
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Render every article's stored body again, e.g. after a block template "
        "or the media address changes."
    )

    def handle(self, *args, **options):
        ids = list(Article.objects.values_list("pk", flat=True))
        for article_id in ids:
            render_body(article_id)
        self.stdout.write(self.style.SUCCESS(f"Rendered {len(ids)} article bodies."))
