"""What happens to an uploaded image file before it is stored.

The original is decoded and re-encoded in its own format, so what is stored is
pixels Pillow produced, not the bytes a stranger sent. Only the rights tags of
its EXIF survive: camera, device and location data are dropped.
"""

from io import BytesIO
from pathlib import PurePath

from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from PIL import ImageOps

# EXIF tags that state rights, kept so the file still says whose it is.
RIGHTS_TAGS = {0x013B: "Artist", 0x8298: "Copyright"}
FORMATS_WITH_EXIF = {"JPEG", "PNG", "WEBP", "AVIF"}


def reencode(file) -> ContentFile:
    """The upload as a fresh file of the same format with only rights metadata."""
    file.seek(0)
    with PillowImage.open(file) as original:
        fmt = original.format
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
    return ContentFile(buffer.getvalue(), name=PurePath(file.name).name)
