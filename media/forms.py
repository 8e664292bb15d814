from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from media.models import Image
from media.uploads import clean_upload


class ImageForm(forms.ModelForm):
    # A plain file field: clean_upload() decodes the file itself and says
    # exactly what is wrong, where an ImageField only says "not valid".
    file = forms.FileField(
        label=_("file"),
        help_text=_(
            "JPEG, PNG, WebP, AVIF or GIF. Camera and location data are removed."
        ),
    )

    class Meta:
        model = Image
        fields = [
            "file",
            "alt_text",
            "caption",
            "credit",
            "credit_url",
            "licence",
            "licence_url",
            "copyright_notice",
            "focal_x",
            "focal_y",
        ]

    def clean_file(self):
        file = self.cleaned_data["file"]
        if isinstance(file, UploadedFile):
            return clean_upload(file)
        return file
