"""The admin's image and document forms with the personal-data guard: a CPR number in the title or the file name
(as uploaded, and as it will be stored) is shown at that field instead of failing when the image is saved."""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from portal.shared.privacy_guard import media_field_errors


class _Guarded:
    def _post_clean(self):
        super()._post_clean()
        for name, errors in media_field_errors(self.instance.title, self.instance.file).items():
            if name in self.fields and name not in self.errors:
                for error in errors:
                    self.add_error(name, error)


class GuardedImageForm(_Guarded, BaseImageForm):
    pass


class GuardedDocumentForm(_Guarded, BaseDocumentForm):
    pass
