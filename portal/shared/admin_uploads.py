"""The same upload rules in Wagtail's admin as on the public form: images bounded in pixels (checked from the header
before Wagtail decodes them), upright, scaled down and without metadata; PDFs scanned for CPR numbers and stored
without metadata. Installed with WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE."""

from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from portal.shared.images import encoded, normalised, open_bounded
from portal.shared.uploads import IMAGE_FORMATS, checked_pdf_content

RE_ENCODED = set(IMAGE_FORMATS)  # GIF (animations) is kept as uploaded, within the pixel limit


class BoundedImageField(WagtailImageField):
    """Wagtail's image field, with the pixel limit checked from the header first: a decompression bomb gets the
    Danish "too many pixels" message, not "not a valid image"."""

    def to_python(self, data):
        if isinstance(data, UploadedFile):
            open_bounded(data)
            data.seek(0)
        return super().to_python(data)


class PortalImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            bounded = BoundedImageField(required=field.required, label=field.label, widget=field.widget)
            self.fields["file"] = bounded

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload
        image = open_bounded(upload)
        if image.format not in RE_ENCODED:
            upload.seek(0)
            return upload
        content = encoded(normalised(image), image.format)
        return SimpleUploadedFile(upload.name, content, content_type=IMAGE_FORMATS[image.format][1])


class PortalDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload
        content = checked_pdf_content(upload)
        return SimpleUploadedFile(upload.name, content, content_type="application/pdf")
