"""The admin's image and document forms: the upload rules of admin_uploads.py, plus the personal-data guard: a CPR
number in any text field (title, description/alt text, …), the tags (as typed and as taggit derives them) or the
file name (as uploaded, and as it will be stored) is shown at that field instead of failing when the item is saved."""

from portal.shared.admin_uploads import PortalDocumentForm, PortalImageForm
from portal.shared.privacy import check, cpr_error
from portal.shared.privacy_guard import media_item_errors, tag_errors


class _Guarded:
    def clean_tags(self):
        """Tags are saved after the item (taggit): refuse them here, at their field. The text as typed is checked
        too: taggit splits "01 02 80 1234" at the spaces into tags."""
        tags = self.cleaned_data.get("tags") or []
        found = tag_errors(tags) or check(str(self.data.get(self.add_prefix("tags"), "")))
        if found:
            raise cpr_error(found)
        return tags

    def _post_clean(self):
        super()._post_clean()
        for name, errors in media_item_errors(self.instance).items():
            field = name if name in self.fields else None  # a text field the form does not show: at the top
            if field is None or field not in self.errors:
                for error in errors:
                    self.add_error(field, error)


class GuardedImageForm(_Guarded, PortalImageForm):
    pass


class GuardedDocumentForm(_Guarded, PortalDocumentForm):
    pass
