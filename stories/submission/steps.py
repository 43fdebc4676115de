"""The steps of the guided submission, and one step's forms bound to the draft story.

A step edits some of the story's own fields (`Step.fields`, also what a colleague's save is compared on) through
its parts: a model form, inline rows, the block editor for "Det gjorde vi", the uploads. `StepEditor` binds them to
the story's newest version, or to what was posted, validates them (with required fields deferred for a draft, or
in full) and writes the cleaned values onto the story object in memory; `drafts.save_step` stores it."""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError

from stories.models import StoryPage
from stories.submission import forms
from stories.submission.blocks import StreamEditor


@dataclass(frozen=True, eq=False)
class Step:
    slug: str
    title: str
    form: type | None = None
    rows: dict = field(default_factory=dict)  # key -> (formset class, prefix, heading, hint)
    blocks: bool = False
    uploads: bool = False

    @property
    def fields(self):
        """The story's fields and relations this step writes."""
        names = list(self.form._meta.fields) if self.form else []
        names += [formset.fk.remote_field.get_accessor_name() for formset, *_ in self.rows.values()]
        names += ["practice"] if self.blocks else []
        names += ["image", "attachments"] if self.uploads else []
        return names


STEPS = [
    Step("om", "Om historien", form=forms.AboutForm),
    Step(
        "indsats",
        "Indsatsen",
        form=forms.PracticeForm,
        blocks=True,
        rows={
            "partners": (
                forms.PartnerFormSet,
                "partner",
                "Samarbejdspartnere",
                "Virksomheder, forvaltninger, læger eller foreninger, I arbejdede sammen med. Tomme rækker springes "
                "over.",
            )
        },
    ),
    Step(
        "resultater",
        "Resultater",
        form=forms.ResultsForm,
        rows={
            "results": (
                forms.ResultFormSet,
                "resultat",
                "Resultater i tal",
                "Fx «25 %» «i job eller uddannelse» «af 40 borgere» «efter 12 måneder», og hvordan tallet er "
                "dokumenteret. Tomme rækker springes over.",
            )
        },
    ),
    Step("kontakt", "Kontakt og bilag", form=forms.ContactForm, uploads=True),
    Step("indsend", "Gennemse og indsend"),
]
CONTENT_STEPS = STEPS[:-1]
# Story fields the contributor does not type, and the field each is derived from.
_DERIVED_FROM = {"slug": "title", "draft_title": "title"}
STEP_OF_FIELD = {name: step for step in CONTENT_STEPS for name in step.fields} | {
    "tags": STEPS[0],
    "slug": STEPS[0],
    "seo_title": STEPS[0],
    "search_description": STEPS[0],
}


def get_step(slug):
    return next((step for step in STEPS if step.slug == slug), None)


def next_step(step):
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def previous_step(step):
    index = STEPS.index(step)
    return STEPS[index - 1] if index > 0 else None


@dataclass
class Rows:
    formset: object
    heading: str
    hint: str


class StepEditor:
    """One content step's forms, bound to `story` (the newest version, or a new StoryPage) or to the posted data."""

    def __init__(self, step, story, data=None, files=None, add_block=None, documents=()):
        self.step, self.story = step, story
        self.extra_errors = []  # (step or None, message) found on the whole story, shown in the summary
        self.form = step.form(data, files, instance=story) if step.form else None
        self.rows = {
            key: Rows(formset(data, instance=story, prefix=prefix), heading, hint)
            for key, (formset, prefix, heading, hint) in step.rows.items()
        }
        self.blocks = StreamEditor(story.practice, data, add=add_block) if step.blocks else None
        self.uploads = None
        if step.uploads:
            image = story.image if story.image_id else None
            removing = data is not None and "fjern_billede" in data
            self.uploads = forms.UploadForm(
                data,
                files,
                initial={"image_alt": image.description if image else ""},
                has_image=image is not None and not removing,
                attachment_count=len(story.attachments.all()),
            )
        for form in self._markdown_forms():
            for name in form.fields:
                if getattr(form.fields[name], "documents", 0) is None:
                    form.fields[name].documents = set(documents)

    def _markdown_forms(self):
        yield from ([self.form] if self.form else [])
        yield from (self.blocks.forms() if self.blocks else [])

    def all_forms(self):
        """Every form of the step, for the error summary."""
        if self.form:
            yield self.form
        for rows in self.rows.values():
            yield from rows.formset.forms
        if self.blocks:
            yield from self.blocks.forms()
        if self.uploads:
            yield self.uploads

    def defer_required_fields(self):
        if self.form:
            self.form.defer_required_fields()
        for rows in self.rows.values():
            for form in rows.formset.forms:
                form.defer_required_fields()
        if self.blocks:
            self.blocks.defer_required_fields()

    def is_valid(self, deferred=False):
        if deferred:
            self.defer_required_fields()
        results = [self.form.is_valid() if self.form else True]
        results += [rows.formset.is_valid() for rows in self.rows.values()]
        results += [self.blocks.is_valid(deferred) if self.blocks else True]
        results += [self.uploads.is_valid() if self.uploads else True]
        return all(results)

    def apply(self):
        """Write the cleaned values onto the story in memory (files are stored by drafts.save_step)."""
        story = self.story
        if self.form:
            self.form.save(commit=False)  # the fields, target groups, methods and tags
        for rows in self.rows.values():
            rows.formset.instance = story
            rows.formset.save(commit=False)
        if self.blocks:
            story.practice = self.blocks.stream_data()
        return story

    def check_blocks(self, deferred):
        return self.blocks.check(self.story.practice, deferred) if self.blocks else True

    def add_story_errors(self, errors):
        """Errors found on the whole story (a ValidationError's error_dict): at this step's field when it has it,
        else in the summary with the step that holds the field."""
        for name, messages in errors.items():
            if name in _DERIVED_FROM and self._form_with(name) is None:
                name = _DERIVED_FROM[name]  # the slug is derived from the title: the message goes there
                if self._form_with(name) is not None and name in self._form_with(name).errors:
                    continue  # the title itself was refused: one message is enough
            target = self._form_with(name)
            for message in messages:
                text = message.messages[0] if hasattr(message, "messages") else str(message)
                if target is not None:
                    target.add_error(name, text)
                else:
                    step = STEP_OF_FIELD.get(name) if name != NON_FIELD_ERRORS else None
                    self.extra_errors.append((None if step is self.step else step, text))

    def _form_with(self, name):
        if self.form and name in self.form.fields:
            return self.form
        if self.uploads and name == "image":
            return self.uploads
        return None

    def errors(self):
        """The error summary: (anchor, label, message) for every field error and step error."""
        found = []
        for form in self.all_forms():
            if not form.is_bound:
                continue
            for name, messages in form.errors.items():
                if name in form.fields:
                    found.append((form[name].auto_id, form[name].label, messages[0]))
                else:
                    found.append((_form_anchor(form), "", messages[0]))
        for rows in self.rows.values():
            for message in rows.formset.non_form_errors():
                found.append(("indhold", "", message))
        if self.blocks:
            found += [("blokke", "", message) for message in self.blocks.block_errors]
        return found


def _form_anchor(form):
    return form.prefix or "indhold"


def _field_label(name):
    if name == NON_FIELD_ERRORS:
        return ""
    try:
        return str(StoryPage._meta.get_field(name).verbose_name).capitalize()
    except FieldDoesNotExist:
        return ""


def incomplete_steps(story):
    """The content steps whose fields are missing or invalid in the story, each with its messages (in order)."""
    found = {}
    try:
        story.full_clean()
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            label = _field_label(name)
            found.setdefault(STEP_OF_FIELD.get(name, STEPS[0]), []).extend(
                f"{label}: {message}" if label else message for message in messages
            )
    if not story.target_groups.all():
        found.setdefault(STEPS[0], []).append("Vælg mindst én målgruppe.")
    for relation, step in (("partners", STEPS[1]), ("results", STEPS[2])):
        for row in getattr(story, relation).all():
            try:
                row.full_clean(exclude=["page"])
            except ValidationError as error:
                found.setdefault(step, []).extend(error.messages)
    return [(step, found[step]) for step in CONTENT_STEPS if step in found]
