from django import forms
from django.core.files.uploadedfile import UploadedFile

from media.models import Image
from media.uploads import reencode


class ImageForm(forms.ModelForm):
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
            return reencode(file)
        return file
