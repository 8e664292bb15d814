from django.core.management.base import BaseCommand

from comments.services import commenter_erase


class Command(BaseCommand):
    help = (
        "Anonymise every comment posted with an email address: name, email, "
        "website, IP address and browser are removed. With --erase-text the "
        "comments' words are removed too and the comments taken down."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--erase-text",
            action="store_true",
            help="Also delete what they wrote and take the comments down.",
        )

    def handle(self, *args, email, erase_text, **options):
        count = commenter_erase(email=email, erase_text=erase_text)
        self.stdout.write(
            self.style.SUCCESS(f"Anonymised {count} comment(s) by {email}.")
            if count
            else f"No comments by {email}."
        )
