from django.utils.translation import gettext_lazy as _

from imports.commands import ImportCommand
from imports.sources import parse_blogger


class Command(ImportCommand):
    help = _(
        "Import a Blogger export (Atom, classic or newer): posts, labels, images, "
        "comments and old addresses. Safe to run again."
    )
    labels_default = "tags"
    labels_help = _(
        "What Blogger labels become: tags (default; posts go to the default "
        "section) or sections (the first label; the rest become tags)."
    )

    def parse(self, path):
        return parse_blogger(path)
