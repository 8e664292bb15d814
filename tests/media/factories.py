from io import BytesIO

import factory
from django.core.files.base import ContentFile
from PIL import Image as PillowImage

from media.models import Image


def image_file(*, size=(64, 40), fmt="PNG", colour="teal", name="photo.png"):
    """An in-memory image file of the given size and format."""
    buffer = BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, format=fmt)
    return ContentFile(buffer.getvalue(), name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    """A library image with its renditions made, as the admin leaves it."""

    class Meta:
        model = Image
        skip_postgeneration_save = True

    file = factory.LazyFunction(image_file)
    alt_text = factory.Sequence(lambda n: f"A teal test card, number {n}")
    caption = factory.Sequence(lambda n: f"Test card {n}")
    credit = "Newsroom Graphics"

    @factory.post_generation
    def with_renditions(image, create, extracted, **kwargs):
        if create and extracted is not False:
            image.create_renditions()
