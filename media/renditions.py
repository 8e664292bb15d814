"""Resized copies of library images, made once when an image is saved.

Readers are only ever sent renditions: modern formats first, JPEG as the
fallback, each at a few widths. Renditions are re-encoded from pixels alone, so
no camera, device or location metadata reaches a reader.
"""

import hashlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from PIL import Image as PillowImage
from PIL import ImageOps

# Crop name -> (aspect ratio as width/height or None to keep the original,
# widths in pixels). "full" is for figures, "wide" for cards in listings.
CROPS = {
    "full": (None, (480, 800, 1200, 1600)),
    "wide": (3 / 2, (400, 800)),
}

# Format -> (file extension, MIME type, Pillow save options), best first.
FORMATS = {
    "avif": ("avif", "image/avif", {"quality": 60, "speed": 8}),
    "webp": ("webp", "image/webp", {"quality": 78, "method": 4}),
    "jpeg": (
        "jpg",
        "image/jpeg",
        {"quality": 82, "optimize": True, "progressive": True},
    ),
}


def create_renditions(file, *, focal_point: tuple[int, int]) -> list[dict]:
    """Write every rendition of an image file and describe each one."""
    file.open("rb")
    with PillowImage.open(file) as source:
        source = ImageOps.exif_transpose(source).convert("RGB")
    source.info.clear()
    stem = PurePosixPath(file.name).stem
    created = []
    for crop, (ratio, widths) in CROPS.items():
        cropped = _crop(source, ratio, focal_point)
        for width in _widths_for(cropped.width, widths):
            resized = _resize(cropped, width)
            for fmt, (extension, _mime, options) in FORMATS.items():
                encoded = _encode(resized, fmt, options)
                # Named by content, so a changed crop never hides behind a
                # cached copy and unchanged files keep their names.
                digest = hashlib.sha256(encoded).hexdigest()[:10]
                name = f"renditions/{stem}-{crop}-{width}-{digest}.{extension}"
                content = ContentFile(encoded)
                created.append(
                    {
                        "crop": crop,
                        "format": fmt,
                        "width": resized.width,
                        "height": resized.height,
                        "name": file.storage.save(name, content),
                    }
                )
    return created


def delete_renditions(storage: Storage, renditions: list[dict]) -> None:
    """Remove rendition files that are no longer described by an image."""
    for rendition in renditions:
        storage.delete(rendition["name"])


def _crop(image, ratio, focal_point):
    if ratio is None:
        return image
    centring = (focal_point[0] / 100, focal_point[1] / 100)
    height = min(image.height, round(image.width / ratio))
    width = min(image.width, round(height * ratio))
    return ImageOps.fit(image, (width, height), centering=centring)


def _widths_for(source_width: int, widths: tuple[int, ...]) -> list[int]:
    """The target widths no wider than the source, or the source's own width."""
    return [w for w in widths if w <= source_width] or [source_width]


def _resize(image, width):
    if width == image.width:
        return image
    height = round(image.height * width / image.width)
    return image.resize((width, height), PillowImage.Resampling.LANCZOS)


def _encode(image, fmt, options) -> bytes:
    buffer = BytesIO()
    image.save(buffer, format=fmt.upper(), **options)
    return buffer.getvalue()


@dataclass(frozen=True)
class Source:
    mime_type: str
    srcset: str


@dataclass(frozen=True)
class Sources:
    """What a <picture> element needs: one <source> per format and an <img>."""

    sources: list[Source]
    fallback_url: str
    fallback_srcset: str
    width: int
    height: int

    @classmethod
    def from_renditions(cls, storage: Storage, renditions: list[dict], crop: str):
        by_format = {fmt: [] for fmt in FORMATS}
        for rendition in renditions:
            if rendition["crop"] == crop:
                by_format[rendition["format"]].append(rendition)
        jpegs = by_format.pop("jpeg")
        if not jpegs:
            return None
        largest = max(jpegs, key=lambda r: r["width"])
        return cls(
            sources=[
                Source(FORMATS[fmt][1], _srcset(storage, items))
                for fmt, items in by_format.items()
                if items
            ],
            fallback_url=storage.url(largest["name"]),
            fallback_srcset=_srcset(storage, jpegs),
            width=largest["width"],
            height=largest["height"],
        )


def _srcset(storage: Storage, renditions: list[dict]) -> str:
    return ", ".join(
        f"{storage.url(r['name'])} {r['width']}w"
        for r in sorted(renditions, key=lambda r: r["width"])
    )
