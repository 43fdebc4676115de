"""The admin's image and document forms: the upload rules of admin_uploads.py, plus the personal-data guard: a CPR
number in the title or the file name (as uploaded, and as it will be stored) is shown at that field instead of failing
when the image is saved."""

from portal.shared.admin_uploads import PortalDocumentForm, PortalImageForm
from portal.shared.privacy_guard import media_field_errors


class _Guarded:
    def _post_clean(self):
        super()._post_clean()
        for name, errors in media_field_errors(self.instance.title, self.instance.file).items():
            if name in self.fields and name not in self.errors:
                for error in errors:
                    self.add_error(name, error)


class GuardedImageForm(_Guarded, PortalImageForm):
    pass


class GuardedDocumentForm(_Guarded, PortalDocumentForm):
    pass
