"""An uploaded original is re-encoded and loses everything but its rights tags."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage

from media.forms import ImageForm

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
