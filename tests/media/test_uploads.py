"""An uploaded original is re-encoded and loses everything but its rights tags."""

import struct
import zlib
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage

from media.forms import ImageForm
from tests.articles.factories import ArticleFactory

pytestmark = pytest.mark.django_db

MAKE, GPS, ARTIST, COPYRIGHT = 0x010F, 0x8825, 0x013B, 0x8298


def _camera_jpeg():
    exif = PillowImage.Exif()
    exif[MAKE] = "CameraMaker"
    exif[GPS] = {2: (51.0, 30.0, 0.0)}
    exif[ARTIST] = "Jane Doe"
    exif[COPYRIGHT] = "Copyright 2026 Jane Doe"
    buffer = BytesIO()
    PillowImage.new("RGB", (120, 80), "navy").save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile("harbour.jpg", buffer.getvalue(), "image/jpeg")


def test_upload_keeps_rights_and_drops_camera_and_location():
    form = ImageForm(
        data={
            "alt_text": "A harbour at night",
            "credit": "Jane Doe",
            "licence": "all-rights-reserved",
            "focal_x": 50,
            "focal_y": 50,
        },
        files={"file": _camera_jpeg()},
    )
    assert form.is_valid(), form.errors

    image = form.save()

    with image.file.open("rb") as stored:
        exif = PillowImage.open(BytesIO(stored.read())).getexif()
    assert exif.get(ARTIST) == "Jane Doe"
    assert exif.get(COPYRIGHT) == "Copyright 2026 Jane Doe"
    assert MAKE not in exif
    assert GPS not in exif
    assert (image.width, image.height) == (120, 80)


def test_form_requires_alt_text_and_credit():
    form = ImageForm(data={"licence": "all-rights-reserved"}, files={})

    assert not form.is_valid()
    assert {"file", "alt_text", "credit"} <= set(form.errors)


def _upload(name, content, content_type="image/jpeg"):
    form = ImageForm(
        data={
            "alt_text": "Something",
            "credit": "Someone",
            "licence": "all-rights-reserved",
            "focal_x": 50,
            "focal_y": 50,
        },
        files={"file": SimpleUploadedFile(name, content, content_type)},
    )
    form.is_valid()
    return form


def _encoded(fmt, size=(40, 30)):
    buffer = BytesIO()
    PillowImage.new("RGB", size, "olive").save(buffer, fmt)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "AVIF", "GIF"])
def test_each_accepted_format_is_stored(fmt):
    form = _upload(f"photo.{fmt.lower()}", _encoded(fmt))

    assert form.is_valid(), form.errors
    image = form.save()
    with image.file.open("rb") as stored:
        assert PillowImage.open(BytesIO(stored.read())).format == fmt


def test_a_file_is_judged_by_its_content_and_its_name_must_agree():
    form = _upload("holiday.jpg", _encoded("PNG"))

    assert not form.is_valid()
    assert (
        "holiday.jpg is a PNG image, but its name says otherwise: "
        "rename it to end in .png" in " ".join(form.errors["file"])
    )


def test_any_usual_name_for_a_format_is_accepted_and_stored_as_one():
    form = _upload("holiday.JPEG", _encoded("JPEG"))

    assert form.is_valid(), form.errors
    assert form.save().file.name.endswith("holiday.jpg")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("notes.jpg", b"This is not an image at all.", "not an image we can read"),
        ("cut.jpg", _encoded("JPEG")[:60], "not an image we can read"),
        ("page.jpg", b"<html><script>alert(1)</script></html>", "hides web page"),
        ("drawing.bmp", _encoded("BMP"), "BMP images are not accepted"),
        ("scan.tiff", _encoded("TIFF"), "TIFF images are not accepted"),
        ("photo.php", _encoded("JPEG"), "its name says otherwise"),
        (
            "pixel.gif",
            _encoded("GIF") + b"<script>alert(document.cookie)</script>",
            "hides web page code",
        ),
        (
            "pixel.png",
            _encoded("PNG").replace(b"IEND", b"<?php system($_GET[0]); ?>IEND"),
            "hides web page code",
        ),
    ],
    ids=[
        "text",
        "truncated",
        "html",
        "bmp",
        "tiff",
        "misnamed",
        "script-polyglot",
        "php-polyglot",
    ],
)
def test_malformed_and_disguised_files_are_refused_with_a_reason(name, content, reason):
    form = _upload(name, content)

    assert not form.is_valid()
    assert reason in " ".join(form.errors["file"])


def test_oversized_file_is_refused(settings):
    settings.MEDIA_MAX_UPLOAD_BYTES = 1000

    form = _upload("big.png", _encoded("PNG", size=(400, 400)) + b"\0" * 1000)

    assert "the most we take is 1000\xa0bytes" in " ".join(form.errors["file"])


def test_too_many_pixels_is_refused(settings):
    settings.MEDIA_MAX_PIXELS = 10_000

    form = _upload("wide.png", _encoded("PNG", size=(200, 100)))

    assert "too many pixels" in " ".join(form.errors["file"])


def test_decompression_bomb_is_refused_before_decoding():
    # A few bytes of PNG whose header claims 60,000 by 60,000 pixels.
    buffer = BytesIO()
    PillowImage.new("1", (1, 1)).save(buffer, "PNG")
    png = bytearray(buffer.getvalue())
    header = bytes(png[12:16]) + struct.pack(">II", 60_000, 60_000) + bytes(png[24:29])
    png[12:33] = header + struct.pack(">I", zlib.crc32(header))

    form = _upload("bomb.png", bytes(png), "image/png")

    assert len(png) < 100
    assert "too many pixels" in " ".join(form.errors["file"])


def test_admin_lists_where_an_image_is_used_and_refuses_to_delete_it(admin_client):
    article = ArticleFactory(headline="Harbour reopens")
    image = article.lead_image

    change = admin_client.get(reverse("admin:media_image_change", args=[image.pk]))
    delete = admin_client.post(
        reverse("admin:media_image_delete", args=[image.pk]), {"post": "yes"}
    )

    assert "Harbour reopens" in change.text
    assert "Harbour reopens" in delete.text
    assert "protected related objects" in delete.text
    assert type(image).objects.filter(pk=image.pk).exists()
