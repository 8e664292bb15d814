from django.utils.translation import gettext_lazy as _

from imports.commands import ImportCommand
from imports.sources import parse_wordpress


class Command(ImportCommand):
    help = _(
        "Import a WordPress export (WXR): posts, categories, tags, images, "
        "comments and old addresses. Safe to run again."
    )
    labels_default = "sections"
    labels_help = _(
        "What WordPress categories become: sections (default; the first category, "
        "the rest become tags) or tags. WordPress tags always become tags."
    )

    def parse(self, path):
        return parse_wordpress(path)
