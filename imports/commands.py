"""What import_blogger and import_wordpress share: options, running, reporting."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from imports.services import LABELS_AS, export_import
from imports.sources import ExportError


class ImportCommand(BaseCommand):
    """Subclasses set `parse` (path -> Export) and `labels_default`."""

    labels_default = "tags"
    labels_help = ""

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help=_("The export file."))
        parser.add_argument(
            "--labels-as",
            choices=LABELS_AS,
            default=self.labels_default,
            help=self.labels_help,
        )
        parser.add_argument(
            "--default-section",
            default=_("Blog"),
            help=_("The section of posts that bring none (default: %(default)s)."),
        )
        parser.add_argument(
            "--fetch-images",
            action="store_true",
            help=_(
                "Download the images the posts show. Without it each image is a "
                "placeholder that keeps its credit, and its article is held for review."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Say what would be imported, and write nothing."),
        )

    def handle(self, *args, **options):
        try:
            export = self.parse(options["export"])
        except ExportError as error:
            raise CommandError(str(error)) from None
        summary = export_import(
            export,
            labels_as=options["labels_as"],
            default_section=options["default_section"],
            fetch_images=options["fetch_images"],
            dry_run=options["dry_run"],
        )
        heading = (
            _("Dry run of %(name)s: nothing was written. It would import:")
            if options["dry_run"]
            else _("Imported %(name)s:")
        )
        self.stdout.write(
            self.style.SUCCESS(heading % {"name": options["export"].name})
        )
        for line in summary.lines():
            self.stdout.write(line)
