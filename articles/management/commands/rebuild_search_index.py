from django.core.management.base import BaseCommand

from articles.models import Article
from articles.search import index_article


class Command(BaseCommand):
    help = "Index every article for search again, e.g. after an upgrade or import."

    def handle(self, *args, **options):
        ids = list(Article.objects.values_list("pk", flat=True))
        for article_id in ids:
            index_article(article_id)
        self.stdout.write(self.style.SUCCESS(f"Indexed {len(ids)} articles."))
