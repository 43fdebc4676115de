"""The steps of the guided submission, and how a step's saved answers are bound to its forms again.

Each step keeps the contributor's raw answers exactly as typed (valid or not), so nothing is lost between steps or
sessions; the forms are bound to those answers whenever the step is shown, reviewed or submitted.
"""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from stories.submission import forms


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    forms: dict = field(default_factory=dict)  # key -> (form class, prefix)


STEPS = [
    Step("om", "Om historien", {"main": (forms.AboutForm, None)}),
    Step("indsats", "Indsatsen", {"main": (forms.PracticeForm, None), "partners": (forms.PartnerFormSet, "partner")}),
    Step("resultater", "Resultater", {"main": (forms.ResultsForm, None), "results": (forms.ResultFormSet, "resultat")}),
    Step("kontakt", "Kontakt og bilag", {"main": (forms.ContactForm, None)}),
    Step("indsend", "Gennemse og indsend", {"main": (forms.ConfirmForm, None)}),
]
CONTENT_STEPS = STEPS[:-1]


def get_step(slug):
    return next((step for step in STEPS if step.slug == slug), None)


def next_step(step):
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def previous_step(step):
    index = STEPS.index(step)
    return STEPS[index - 1] if index > 0 else None


def raw_answers(post):
    """What the contributor typed on a step, ready to store as JSON (the CSRF token left out)."""
    return {key: values for key, values in post.lists() if key != "csrfmiddlewaretoken"}


def as_query_dict(answers):
    data = QueryDict(mutable=True)
    data.update(MultiValueDict(answers))
    return data


def bind(step, answers, posted=False):
    """The step's forms bound to saved answers (unbound when the step has never been saved and was not posted)."""
    data = as_query_dict(answers) if answers or posted else None
    return {key: form_class(data, prefix=prefix) for key, (form_class, prefix) in step.forms.items()}


def is_valid(bound_forms):
    return all(form.is_valid() for form in bound_forms.values())


def cleaned_answers(submission):
    """Every content step's cleaned data, or the first step whose answers are missing or invalid."""
    cleaned = {}
    for step in CONTENT_STEPS:
        answers = submission.step_data(step.slug)
        bound = bind(step, answers)
        if not answers or not is_valid(bound):
            return None, step
        cleaned[step.slug] = {
            key: [f.cleaned_data for f in form if f.has_changed()] if hasattr(form, "forms") else form.cleaned_data
            for key, form in bound.items()
        }
    return cleaned, None
