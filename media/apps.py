from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = _("Media library")

    def ready(self):
        from django.conf import settings
        from PIL import Image

        from media import models
        from newsroom.pagecache import forget_pages_on_change

        forget_pages_on_change(models.Image)

        # Pillow's guard against decompression bombs, at our upload limit.
        Image.MAX_IMAGE_PIXELS = settings.MEDIA_MAX_PIXELS
