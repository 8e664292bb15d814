"""Renditions: made once on save, in modern formats with a JPEG fallback."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template
from PIL import Image as PillowImage

from media.models import Licence
from tests.media.factories import ImageFactory, image_file

pytestmark = pytest.mark.django_db


def _open(image, rendition):
    with image.file.storage.open(rendition["name"]) as stored:
        return PillowImage.open(BytesIO(stored.read()))


def test_renditions_cover_each_crop_width_and_format():
    image = ImageFactory(file=image_file(size=(1200, 800)))

    made = {(r["crop"], r["format"], r["width"]) for r in image.renditions}

    widths = {"full": (480, 800, 1200), "wide": (400, 800)}
    assert made == {
        (crop, fmt, width)
        for fmt in ("avif", "webp", "jpeg")
        for crop in widths
        for width in widths[crop]
    }


def test_renditions_are_real_images_of_the_stated_size():
    image = ImageFactory(file=image_file(size=(1000, 500)))

    for rendition in image.renditions:
        decoded = _open(image, rendition)
        assert (
            decoded.format
            == {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}[rendition["format"]]
        )
        assert decoded.size == (rendition["width"], rendition["height"])


def test_wide_crop_is_three_by_two_around_the_focal_point():
    image = ImageFactory(file=image_file(size=(900, 900)), focal_x=50, focal_y=0)

    wide = [r for r in image.renditions if r["crop"] == "wide"]

    assert {(r["width"], r["height"]) for r in wide} == {(400, 267), (800, 533)}


def test_small_images_are_never_enlarged():
    image = ImageFactory(file=image_file(size=(300, 200)))

    assert {r["width"] for r in image.renditions if r["crop"] == "full"} == {300}


def test_renditions_drop_camera_and_location_metadata():
    exif = PillowImage.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x8825] = {2: (51.0, 30.0, 0.0)}  # GPS latitude
    buffer = BytesIO()
    PillowImage.new("RGB", (600, 400), "olive").save(buffer, "JPEG", exif=exif)

    image = ImageFactory(file=ContentFile(buffer.getvalue(), name="camera.jpg"))

    for rendition in image.renditions:
        assert not _open(image, rendition).getexif()


def test_moving_the_focal_point_replaces_the_cropped_files():
    half_and_half = PillowImage.new("RGB", (600, 600), "white")
    half_and_half.paste("black", (0, 0, 600, 300))
    buffer = BytesIO()
    half_and_half.save(buffer, "PNG")
    image = ImageFactory(file=ContentFile(buffer.getvalue(), name="h.png"), focal_y=0)
    storage, old = image.file.storage, {r["name"] for r in image.renditions}

    image.focal_y = 100
    image.create_renditions()

    new = {r["name"] for r in image.renditions}
    assert old - new, "the wide crop should have changed"
    assert not any(storage.exists(name) for name in old - new)
    assert all(storage.exists(name) for name in new)


def test_picture_offers_avif_and_webp_before_a_sized_jpeg():
    image = ImageFactory(file=image_file(size=(1000, 500)), alt_text="A quiet harbour")

    html = Template(
        '{% load media_tags %}{% picture image crop="full" sizes="50vw" %}'
    ).render(Context({"image": image}))

    assert html.index('type="image/avif"') < html.index('type="image/webp"')
    assert html.index('type="image/webp"') < html.index("<img")
    assert 'width="800" height="400"' in html
    assert 'alt="A quiet harbour"' in html
    assert 'loading="lazy"' in html
    assert ".jpg 480w" in html and ".jpg 800w" in html


def test_lead_picture_is_fetched_first_not_lazily():
    image = ImageFactory()

    html = Template("{% load media_tags %}{% picture image priority=True %}").render(
        Context({"image": image})
    )

    assert 'fetchpriority="high"' in html
    assert "loading=" not in html


def test_alt_text_is_escaped():
    image = ImageFactory(alt_text='"><script>alert(1)</script>')

    html = Template("{% load media_tags %}{% picture image %}").render(
        Context({"image": image})
    )

    assert "<script>" not in html


@pytest.mark.parametrize(
    ("licence", "url"),
    [
        (Licence.CC_BY, "https://creativecommons.org/licenses/by/4.0/"),
        (Licence.ALL_RIGHTS_RESERVED, ""),
    ],
)
def test_licence_page_defaults_to_the_licence_deed(licence, url):
    assert ImageFactory.build(licence=licence).licence_page == url


def test_editor_licence_link_wins_over_the_deed():
    image = ImageFactory.build(
        licence=Licence.CC_BY, licence_url="https://example.org/terms"
    )

    assert image.licence_page == "https://example.org/terms"
