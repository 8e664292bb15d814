from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from comments.services import comment_ips_clear


class Command(BaseCommand):
    help = (
        "Forget the IP addresses and browsers of comments older than "
        "COMMENTS_IP_RETENTION_DAYS (or --days). Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=settings.COMMENTS_IP_RETENTION_DAYS
        )

    def handle(self, *args, days, **options):
        cleared = comment_ips_clear(older_than=timezone.now() - timedelta(days=days))
        self.stdout.write(
            self.style.SUCCESS(
                f"Cleared the address of {cleared} comment(s) older than {days} days."
            )
        )
