"""What happens to an uploaded image file before it is stored.

The file is judged by decoding it, never by its name: it must be one of the
formats we serve, within size and pixel limits, and its name must say what it
is. A file that also carries markup (a polyglot) is refused. The original is
then decoded and re-encoded in its own format, so what is stored is pixels
Pillow produced, not the bytes a stranger sent. Only the rights tags of its
EXIF survive: camera, device and location data are dropped.
"""

import re
from io import BytesIO
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image as PillowImage
from PIL import ImageOps

ALLOWED_FORMATS = {
    "JPEG": "jpg",
    "PNG": "png",
    "WEBP": "webp",
    "AVIF": "avif",
    "GIF": "gif",
}
# The extensions a file of each format may be named with.
EXTENSIONS = {
    "JPEG": {"jpg", "jpeg", "jpe"},
    "PNG": {"png"},
    "WEBP": {"webp"},
    "AVIF": {"avif"},
    "GIF": {"gif"},
}
# Markup that a browser or a server would run if the file were ever served as
# something else. Pixels never contain it.
HIDDEN_MARKUP = re.compile(rb"<(script|html|body|svg|iframe|\?php)|javascript:", re.I)
FORMATS_WITH_EXIF = {"JPEG", "PNG", "WEBP", "AVIF"}
# EXIF tags that state rights, kept so the file still says whose it is.
RIGHTS_TAGS = {0x013B: "Artist", 0x8298: "Copyright"}


def clean_upload(file) -> ContentFile:
    """A safe copy of an uploaded image, or a ValidationError saying why not."""
    if file.size > settings.MEDIA_MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the most we take is %(limit)s.")
            % {
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.MEDIA_MAX_UPLOAD_BYTES),
            },
            code="too_large",
        )
    file.seek(0)
    if HIDDEN_MARKUP.search(file.read()):
        raise ValidationError(
            _("This file hides web page code inside the image, so we refuse it."),
            code="polyglot",
        )
    try:
        return _reencode(file)
    except PillowImage.DecompressionBombError:
        raise ValidationError(_too_many_pixels(), code="bomb") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not an image we can read (%(error)s).") % {"error": error},
            code="unreadable",
        ) from error


def _reencode(file) -> ContentFile:
    file.seek(0)
    # Opening reads only the header; Pillow refuses outright what is far over
    # its limit (see MediaConfig.ready), and the size check comes before any
    # pixel is decoded.
    with PillowImage.open(file) as original:
        fmt = original.format
        if fmt not in ALLOWED_FORMATS:
            raise ValidationError(
                _(
                    "%(format)s images are not accepted: "
                    "use JPEG, PNG, WebP, AVIF or GIF."
                )
                % {"format": fmt},
                code="format",
            )
        extension = PurePath(file.name).suffix.lower().removeprefix(".")
        if extension not in EXTENSIONS[fmt]:
            raise ValidationError(
                _(
                    "%(name)s is a %(format)s image, but its name says otherwise: "
                    "rename it to end in .%(right)s and upload it again."
                )
                % {"name": file.name, "format": fmt, "right": ALLOWED_FORMATS[fmt]},
                code="misnamed",
            )
        if original.width * original.height > settings.MEDIA_MAX_PIXELS:
            raise ValidationError(_too_many_pixels(), code="pixels")
        exif = original.getexif()
        image = ImageOps.exif_transpose(original)
        image.load()
    image.info.clear()
    kept = PillowImage.Exif()
    for tag in RIGHTS_TAGS:
        if tag in exif:
            kept[tag] = exif[tag]
    options = {"exif": kept.tobytes()} if fmt in FORMATS_WITH_EXIF else {}
    buffer = BytesIO()
    image.save(buffer, format=fmt, **options)
    # The stored name's extension always matches what the file really is.
    name = f"{PurePath(file.name).stem}.{ALLOWED_FORMATS[fmt]}"
    return ContentFile(buffer.getvalue(), name=name)


def _too_many_pixels() -> str:
    megapixels = settings.MEDIA_MAX_PIXELS / 1_000_000
    return _(
        "The image has too many pixels; the most we take is %(mp)g megapixels."
    ) % {"mp": megapixels}
