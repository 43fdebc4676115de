"""The consultant's forms in the review task: the quality checklist for approving, a comment for changes."""

from django import forms

QUALITY_CRITERIA = [
    (
        "criterion_what",
        "Historien siger, hvad der blev gjort, for hvem, med hvilket resultat, og hvordan det blev dokumenteret.",
    ),
    ("criterion_repeatable", "Et andet jobcenter kan gøre det samme ud fra beskrivelsen."),
    (
        "criterion_no_personal_data",
        "Historien indeholder ingen personoplysninger om borgere – jeg har tjekket advarslerne.",
    ),
    ("criterion_contact", "Der er en kontaktperson med rolle og e-mail."),
]


class ApproveStoryForm(forms.Form):
    comment = forms.CharField(label="Kommentar til jobcenteret (valgfri)", widget=forms.Textarea, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in QUALITY_CRITERIA:
            self.fields[name] = forms.BooleanField(
                label=label, error_messages={"required": "Tjek kriteriet, før historien udgives."}
            )
        self.order_fields([name for name, _label in QUALITY_CRITERIA] + ["comment"])


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        label="Hvad skal jobcenteret ændre?",
        widget=forms.Textarea,
        error_messages={"required": "Skriv, hvad der skal ændres: kommentaren sendes til jobcenteret."},
    )
