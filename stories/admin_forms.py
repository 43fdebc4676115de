"""The story's editing form in the Wagtail admin. The personal-data guard itself is the model's
(`portal.shared.privacy_guard`); this form only puts its messages at the right field: at the tags, at the inline
row's field, and the warnings a consultant acknowledges before publishing."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from portal.roles.notifications import notify
from portal.shared.privacy import check, cpr_error, identifying_details
from portal.shared.privacy_guard import media_errors, tag_errors
from stories import privacy


class StoryAdminForm(WagtailAdminPageForm):
    acknowledge_privacy_warnings = forms.BooleanField(
        label="Jeg har tjekket advarslerne om personhenførbare oplysninger",
        required=False,
        help_text=(
            "Portalen advarer, når en historie kan pege på en bestemt borger (et navn ved en diagnose, en præcis "
            "alder og en kommune, e-mail eller telefonnummer i teksten). Sæt kryds, når du har tjekket dem."
        ),
    )

    def clean_tags(self):
        """The tags are stored while the form is cleaned (taggit): refuse them before, at their field."""
        tags = self.cleaned_data.get("tags") or []
        # Also the text as typed: taggit splits "01−02 80-1234" at the space into two tags, and sorts them.
        found = tag_errors(tags) or check(str(self.data.get(self.add_prefix("tags"), "")))
        if found:
            raise cpr_error(found)
        return tags

    def is_valid(self):
        valid = super().is_valid()
        self._check_tags()
        self._check_inlines()
        if self._is_publishing():
            self._check_warnings()
        return valid and not self.errors and all(formset.is_valid() for formset in self.formsets.values())

    def _is_publishing(self):
        """Publishing directly, or approving the review task from the edit view (contributors never publish)."""
        return "action-publish" in self.data or self.data.get("workflow-action-name") == "approve"

    def _check_tags(self):
        found = tag_errors(self.cleaned_data.get("tags") or [])
        if found and "tags" not in self.errors:
            self.add_error("tags", cpr_error(found))

    def _inline_forms(self):
        for relation, (label, fields) in privacy.INLINE_FIELDS.items():
            formset = self.formsets.get(relation)
            if formset is None:
                continue
            for form in formset.forms:
                if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE"):
                    yield label, fields, form

    def _check_inlines(self):
        for _label, fields, form in self._inline_forms():
            for field in fields:
                found = check(form.cleaned_data.get(field))
                if found and field not in form.errors:
                    form.add_error(field, cpr_error(found))
            document = form.cleaned_data.get("document")
            if document is not None:
                found = media_errors(document)
                if found:
                    form.add_error("document", cpr_error(found))

    def _check_warnings(self):
        if self.cleaned_data.get("acknowledge_privacy_warnings") or self.errors:
            return
        found = privacy.warnings(self.instance)
        for label, fields, form in self._inline_forms():
            for field in fields:
                found += [f"{label}: {message}" for message in identifying_details(form.cleaned_data.get(field))]
        if found:
            self.add_error(
                "acknowledge_privacy_warnings",
                forms.ValidationError(
                    "Historien kan indeholde personhenførbare oplysninger. Tjek dem, og sæt kryds for at fortsætte: "
                    + " ".join(found)
                ),
            )


class AdaptationAdminForm(WagtailAdminModelForm):
    """The consultant's review of an adaptation: when it is approved (or not), the jobcenter that sent it hears so."""

    def save(self, commit=True):
        adaptation = super().save(commit=commit)
        if commit and "status" in self.changed_data and adaptation.status != adaptation.SUBMITTED:
            template = "adaptation_approved" if adaptation.status == adaptation.APPROVED else "adaptation_rejected"
            context = {
                "title": adaptation.story.title,
                "public_url": adaptation.story.full_url or "",
                "comment": adaptation.review_comment,
            }
            notify(template, context, [adaptation.created_by])
        return adaptation
