"""The guided submission's forms: each step's fields of the draft story itself (model forms on StoryPage and its
inline rows), the uploads, and the confirmation. Every text a contributor types is refused if it holds a CPR number.

The step forms are Wagtail admin model forms without the admin's widgets: `Meta.defer_required_on_fields` lists the
fields a draft may leave empty (`defer_required_fields()`, as the admin does when saving a draft); the title never,
since Wagtail needs it to store a page."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from modelcluster.forms import BaseChildFormSet, childformset_factory
from wagtail.admin.forms import WagtailAdminModelForm

from methods.models import MethodPage
from portal.events.models import EventPage
from portal.shared.pdfs import MAX_PDF_PAGES
from portal.shared.privacy import cpr_error
from portal.shared.privacy_guard import tag_errors
from portal.shared.uploads import clean_image, clean_pdf
from portal.taxonomy.models import TargetGroup
from stories.models import StoryPage, StoryPartner, StoryResult
from stories.submission.fields import GuardedForm, MarkdownRichTextField, guard_and_style, to_markdown

MAX_ATTACHMENTS = 5


def _required(message):
    return {"required": message}


class StepForm(WagtailAdminModelForm):
    """Some of the story's own fields, bound to its newest version; rich text shown as Markdown."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        guard_and_style(self)
        for name, field in self.fields.items():
            if isinstance(field, MarkdownRichTextField):
                self.initial[name] = to_markdown(getattr(self.instance, name, ""))

    def _update_errors(self, errors):
        """The model's own checks (`StoryPage.clean`, e.g. the personal-data guard) look at the whole story: errors
        at this step's fields stay here; the rest is for the story-level check that follows (drafts.save_step)."""
        if hasattr(errors, "error_dict"):
            errors = {name: found for name, found in errors.error_dict.items() if name in self.fields}
            if not errors:
                return
            errors = ValidationError(errors)
        super()._update_errors(errors)


class AboutForm(StepForm):
    title = forms.CharField(
        label="Titel",
        max_length=255,
        help_text="Sig kort, hvad der virkede, fx «Mikroaktivering: få timer om ugen, trappet langsomt op».",
        error_messages=_required("Skriv en titel på historien."),
    )
    summary = forms.CharField(
        label="Kort resumé",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="To-tre sætninger: hvad blev gjort, for hvem, med hvilket resultat. Højst 500 tegn.",
        error_messages=_required("Skriv et kort resumé."),
    )
    target_groups = forms.ModelMultipleChoiceField(
        label="Målgrupper",
        queryset=TargetGroup.objects.select_related("parent"),
        widget=forms.CheckboxSelectMultiple,
        error_messages=_required("Vælg mindst én målgruppe."),
    )
    methods = forms.ModelMultipleChoiceField(
        label="Metoder",
        queryset=MethodPage.objects.live().order_by("title"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Vælg de metoder fra portalen, som I brugte (hvis nogen).",
    )
    tags = forms.CharField(
        label="Emneord",
        required=False,
        max_length=300,
        help_text="Adskilt af komma, fx «praktik, mentor, sundhed».",
    )
    status = forms.ChoiceField(
        label="Status",
        choices=StoryPage.STATUS_CHOICES,
        widget=forms.RadioSelect,
        error_messages=_required("Vælg, om indsatsen er i gang eller afsluttet."),
    )
    period_start = forms.DateField(
        label="Periode fra",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={**_required("Skriv, hvornår indsatsen begyndte."), "invalid": "Skriv en gyldig dato."},
    )
    period_end = forms.DateField(
        label="Periode til",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Tom, hvis indsatsen stadig er i gang.",
        error_messages={"invalid": "Skriv en gyldig dato."},
    )

    class Meta:
        model = StoryPage
        fields = ["title", "summary", "target_groups", "methods", "tags", "status", "period_start", "period_end"]
        defer_required_on_fields = ["summary", "target_groups", "status", "period_start"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["tags"] = ", ".join(tag.name for tag in self.instance.tags.all())
        self.initial.setdefault("status", self.instance.status or "ongoing")

    def clean_tags(self):
        tags = [tag.strip() for tag in self.cleaned_data["tags"].split(",") if tag.strip()]
        found = tag_errors(tags)  # the names and the slugs taggit derives ("cpr 010280 (1234)": cpr-010280-1234)
        if found:
            raise cpr_error(found)
        return tags

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "Slutdatoen skal ligge efter startdatoen.")
        return cleaned


class PracticeForm(StepForm):
    problem = MarkdownRichTextField(
        label="Problem og formål",
        help_text="Hvilket problem ville I løse, og for hvem? Beskriv borgerne som gruppe, aldrig enkeltpersoner.",
        error_messages=_required("Beskriv problemet og formålet."),
    )
    dose_start_hours = forms.DecimalField(
        label="Timer om ugen ved start",
        required=False,
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(40)],
        error_messages={"invalid": "Skriv et tal, fx 2 eller 2,5."},
    )
    dose_progression = forms.CharField(label="Sådan blev det trappet op", widget=forms.Textarea, required=False)
    parallel_tracks = forms.CharField(label="Sideløbende indsatser", widget=forms.Textarea, required=False)

    class Meta:
        model = StoryPage
        fields = ["problem", "dose_start_hours", "dose_progression", "parallel_tracks"]
        defer_required_on_fields = ["problem"]


class ResultsForm(StepForm):
    results_summary = MarkdownRichTextField(label="Resultater i ord", required=False)
    success_factors = MarkdownRichTextField(label="Succesfaktorer", required=False)
    challenges = MarkdownRichTextField(label="Udfordringer", required=False)
    lessons = MarkdownRichTextField(label="Erfaringer og gode råd", required=False)

    class Meta:
        model = StoryPage
        fields = ["results_summary", "success_factors", "challenges", "lessons"]


class ContactForm(StepForm):
    contact_name = forms.CharField(
        label="Kontaktperson", max_length=120, error_messages=_required("Skriv navnet på en kontaktperson.")
    )
    contact_role = forms.CharField(
        label="Rolle",
        max_length=120,
        help_text="Fx «Virksomhedskonsulent».",
        error_messages=_required("Skriv en rolle."),
    )
    contact_email = forms.EmailField(
        label="E-mail",
        error_messages={**_required("Skriv en e-mailadresse."), "invalid": "Skriv en gyldig e-mailadresse."},
    )
    contact_phone = forms.CharField(label="Telefon", max_length=40, required=False)

    class Meta:
        model = StoryPage
        fields = ["contact_name", "contact_role", "contact_email", "contact_phone"]
        defer_required_on_fields = ["contact_name", "contact_role", "contact_email"]


# --- Inline rows: partners and results ------------------------------------------------------------------------


class RowForm(StepForm):
    """One inline row."""


class PartnerForm(RowForm):
    kind = forms.ChoiceField(label="Type", choices=[("", "Vælg")] + StoryPartner.KIND_CHOICES)
    name = forms.CharField(label="Navn", max_length=200, help_text="Virksomhed, forvaltning eller organisation.")
    contribution = forms.CharField(label="Bidrag", max_length=300, required=False)

    class Meta:
        model = StoryPartner
        fields = ["kind", "name", "contribution"]
        defer_required_on_fields = ["kind", "name"]


class ResultForm(RowForm):
    figure = forms.CharField(label="Tal", max_length=30, help_text="Fx «25 %» eller «12 borgere».")
    outcome = forms.CharField(label="Hvad", max_length=200, help_text="Fx «i job eller uddannelse».")
    base = forms.CharField(label="Grundlag", max_length=200, help_text="Fx «af 40 borgere i forløbet».")
    period = forms.CharField(label="Periode", max_length=100, help_text="Fx «efter 12 måneder».")
    documentation = forms.ChoiceField(
        label="Dokumenteret ved", choices=[("", "Vælg")] + StoryResult.DOCUMENTATION_CHOICES
    )

    class Meta:
        model = StoryResult
        fields = ["figure", "outcome", "base", "period", "documentation"]
        defer_required_on_fields = ["figure", "outcome", "base", "period", "documentation"]


class RowFormSet(BaseChildFormSet):
    """Saved rows first (in their order), then three empty ones; an empty row is skipped."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "ORDER" in form.fields:  # rows keep their order; there is no drag and drop without JavaScript
            form.fields["ORDER"].widget = forms.HiddenInput()
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Fjern rækken"


def _rows(model, form):
    return childformset_factory(
        StoryPage, model, form=form, formset=RowFormSet, fields=form._meta.fields, extra=3, max_num=10, can_delete=True
    )


PartnerFormSet = _rows(StoryPartner, PartnerForm)
ResultFormSet = _rows(StoryResult, ResultForm)


# --- Uploads ----------------------------------------------------------------------------------------------------


class UploadForm(GuardedForm):
    """Files for the contact step: one image with its description, and PDF attachments."""

    image = forms.FileField(
        label="Billede",
        required=False,
        help_text="JPEG, PNG eller WebP, højst 10 MB og 40 megapixels; større billeder gøres mindre. Ingen billeder, "
        "hvor borgere kan genkendes.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    image_alt = forms.CharField(
        label="Beskrivelse af billedet",
        max_length=250,
        required=False,
        help_text="Hvad viser billedet? Læses op for blinde og svagsynede.",
    )
    attachment = forms.FileField(
        label="Bilag (PDF)",
        required=False,
        help_text=f"PDF, højst 20 MB og {MAX_PDF_PAGES} sider, uden adgangskode. Op til {MAX_ATTACHMENTS} bilag. "
        "Forfatter, titel og andre metadata fjernes.",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )
    attachment_title = forms.CharField(label="Bilagets titel", max_length=200, required=False)

    def __init__(self, *args, has_image=False, attachment_count=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_image = has_image
        self.attachment_count = attachment_count

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        return clean_image(upload) if upload else None

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        if self.attachment_count >= MAX_ATTACHMENTS:
            raise forms.ValidationError(
                f"Der kan højst være {MAX_ATTACHMENTS} bilag. Fjern et, før du tilføjer et nyt."
            )
        return clean_pdf(upload)

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("image") or self.has_image) and not cleaned.get("image_alt") and "image" not in self.errors:
            self.add_error("image_alt", "Beskriv billedet, så det kan læses op for blinde og svagsynede.")
        if cleaned.get("attachment") and not cleaned.get("attachment_title"):
            self.add_error("attachment_title", "Giv bilaget en titel.")
        return cleaned


class ConfirmForm(GuardedForm):
    present_at = forms.ModelChoiceField(
        label="Vil I fortælle historien på en god histories dag?",
        help_text="Vælg arrangementet, hvis I gerne vil fortælle historien dér. Konsulenten vælger programmet.",
        queryset=EventPage.objects.none(),
        required=False,
        empty_label="Nej, ikke nu",
    )
    no_personal_data = forms.BooleanField(
        label="Historien indeholder ingen oplysninger, der kan identificere en borger",
        help_text="Ingen navne, CPR-numre, præcise aldre sammen med bopæl, helbredsoplysninger om enkeltpersoner "
        "eller billeder, hvor borgere kan genkendes.",
        error_messages=_required("Bekræft, at historien ikke kan identificere en borger."),
    )

    field_order = ["present_at", "no_personal_data"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        open_calls = EventPage.objects.live().filter(status="call_open", start__gt=timezone.now()).order_by("start")
        open_calls = open_calls.exclude(call_deadline__lt=timezone.localdate())
        self.fields["present_at"].queryset = open_calls
        if not open_calls.exists():
            del self.fields["present_at"]
