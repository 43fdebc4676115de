""" "Det gjorde vi" (the story's StreamField) edited block by block, in order, without JavaScript.

Each block of the story is one small form (text, quote, tip, step list, image, video) posted as `blok-<n>-…` with
its type and id, so the blocks come back in the order the contributor left them and keep their ids. An image block
keeps its image from the saved story (the form never names an image, so nobody can pull in another one); its
description and caption can be edited. A block left empty is dropped. Moving, removing and adding blocks are
buttons (`blok=op:<n>`, `ned:<n>`, `fjern:<n>`, `ny:<type>`) handled by the view.
"""

import uuid

from django import forms
from django.http import QueryDict
from django.utils.functional import cached_property
from wagtail.blocks import StreamBlockValidationError
from wagtail.images import get_image_model

from portal.shared.blocks import PracticeStreamBlock
from stories.submission.fields import GuardedForm, MarkdownRichTextField, defer_required, to_markdown

PREFIX = "blok"
STEP_TEXT_FEATURES = ("bold", "italic", "ul", "link")
TIP_FEATURES = ("bold", "italic", "link")


class BlockForm(GuardedForm):
    kind = ""
    label = ""
    rich = ()  # the fields holding rich text (Markdown in the form)

    def __init__(self, *args, value=None, **kwargs):
        self.value = value or {}  # the block's saved value (JSON-ish), for what the form does not edit
        if "initial" not in kwargs and value:
            kwargs["initial"] = self.initial_from(value)
        super().__init__(*args, **kwargs)

    def initial_from(self, value):
        return {
            name: to_markdown(value.get(name)) if name in self.rich else value.get(name) for name in self.base_fields
        }

    def raw_value(self):
        """The block's value in the StreamField's JSON form, or None when the block was left empty."""
        data = {name: self.cleaned_data.get(name) or "" for name in self.base_fields}
        return data if any(str(v).strip() for v in data.values()) else None


class ParagraphForm(BlockForm):
    kind, label, rich = "paragraph", "Tekstafsnit", ("text",)
    text = MarkdownRichTextField(label="Tekst")

    def initial_from(self, value):
        return {"text": to_markdown(value)}

    def raw_value(self):
        return self.cleaned_data.get("text") or None


class QuoteForm(BlockForm):
    kind, label = "quote", "Citat"
    quote = forms.CharField(label="Citat", widget=forms.Textarea(attrs={"rows": 3}))
    role = forms.CharField(
        label="Hvem siger det (rolle)",
        max_length=200,
        help_text="Rolle og arbejdssted, fx «Virksomhedskonsulent, Jobcenter Varde». Ingen borgernavne.",
    )
    speaker_kind = forms.ChoiceField(
        label="Type", choices=[("practitioner", "Fagperson"), ("employer", "Arbejdsgiver"), ("other", "Andet")]
    )

    def raw_value(self):
        data = super().raw_value()
        if data and not (data["quote"].strip() or data["role"].strip()):
            return None  # only the type chosen: still empty
        return data


class TipForm(BlockForm):
    kind, label, rich = "tip", "Godt råd", ("text",)
    title = forms.CharField(label="Overskrift", max_length=120, initial="Godt råd")
    text = MarkdownRichTextField(label="Tip", features=TIP_FEATURES)

    def raw_value(self):
        data = super().raw_value()
        return data if data and data["text"] else None


class VideoForm(BlockForm):
    kind, label = "video", "Video"
    url = forms.URLField(label="Videoens adresse", help_text="YouTube, Vimeo eller DR.", assume_scheme="https")
    title = forms.CharField(label="Titel", max_length=200)
    transcript = forms.CharField(label="Kort beskrivelse eller udskrift", widget=forms.Textarea, required=False)


class ImageForm(BlockForm):
    kind, label = "image", "Billede"
    alt_text = forms.CharField(
        label="Alternativ tekst", max_length=250, help_text="Beskriv, hvad billedet viser, for den der ikke kan se det."
    )
    caption = forms.CharField(label="Billedtekst", max_length=250, required=False)

    def raw_value(self):
        data = super().raw_value() or {"alt_text": "", "caption": ""}
        return {"image": self.value.get("image"), **data}  # an image block is never dropped for empty text

    @property
    def image_id(self):
        return self.value.get("image")

    @cached_property
    def image(self):
        return get_image_model().objects.filter(pk=self.image_id).first()


class StepForm(GuardedForm):
    title = forms.CharField(label="Trin", max_length=200)
    text = MarkdownRichTextField(label="Beskrivelse", features=STEP_TEXT_FEATURES, required=False)


StepFormSet = forms.formset_factory(StepForm, extra=1, max_num=30)


class StepListForm(BlockForm):
    kind, label = "steps", "Trin for trin"
    heading = forms.CharField(label="Overskrift", max_length=200, required=False)

    def __init__(self, data=None, *args, prefix=None, value=None, **kwargs):
        super().__init__(data, *args, prefix=prefix, value=value, **kwargs)
        steps = (value or {}).get("steps") or []
        initial = [
            {"title": step.get("title", ""), "text": to_markdown(step.get("text"))}
            for step in (s.get("value", s) if isinstance(s, dict) and "type" in s else s for s in steps)
        ]
        self.steps = StepFormSet(data, prefix=f"{prefix}-trin", initial=None if data is not None else initial)

    def is_valid(self):
        return super().is_valid() & self.steps.is_valid()

    def raw_value(self):
        steps = [
            {"title": form.cleaned_data.get("title", ""), "text": form.cleaned_data.get("text", "")}
            for form in self.steps.forms
            if form.has_changed() and (form.cleaned_data.get("title") or form.cleaned_data.get("text"))
        ]
        heading = self.cleaned_data.get("heading") or ""
        return {"heading": heading, "steps": steps} if steps or heading else None


BLOCK_FORMS = {form.kind: form for form in (ParagraphForm, QuoteForm, TipForm, StepListForm, ImageForm, VideoForm)}
ADDABLE = ("paragraph", "quote", "tip", "steps", "video")


class Block:
    """One block in the editor: its form, its type and its id (kept from the saved story when it has one)."""

    def __init__(self, kind, block_id, form):
        self.kind, self.id, self.form = kind, block_id, form
        self.label = form.label

    @property
    def anchor(self):
        return self.form.prefix


class StreamEditor:
    """The story's blocks as forms, bound to the saved blocks or to what was posted."""

    def __init__(self, stream_value, data=None, add=None):
        self.stream_block = PracticeStreamBlock()  # its own: deferring validation changes the block's state
        self.saved = {child.id: child for child in (stream_value or [])}
        self.data = data
        self.block_errors = []
        if data is None:
            entries = [
                (child.block_type, child.id, child.block.get_prep_value(child.value), None)
                for child in (stream_value or [])
            ]
        else:
            entries = self._posted_entries(data)
        if add in ADDABLE:
            entries.append((add, None, None, None))
        if not entries:
            entries.append(("paragraph", None, None, None))  # a new story starts with one empty text block
        self.blocks = [self._block(index, *entry) for index, entry in enumerate(entries)]

    def _posted_entries(self, data):
        """(type, id, saved value, posted fields) for each posted block; unknown types and image blocks that are
        not in the saved story are dropped."""
        try:
            total = min(int(data.get(f"{PREFIX}-TOTAL", 0)), 200)
        except ValueError:
            total = 0
        entries, seen = [], set()
        for index in range(total):
            kind, block_id = data.get(f"{PREFIX}-{index}-type"), data.get(f"{PREFIX}-{index}-id") or None
            saved = self.saved.get(block_id) if block_id not in seen else None  # a block posted twice is new
            seen.add(block_id)
            if kind not in BLOCK_FORMS or (saved is not None and saved.block_type != kind):
                continue
            if kind == "image" and saved is None:
                continue
            fields = {
                key[len(f"{PREFIX}-{index}-") :]: data.getlist(key)
                for key in data
                if key.startswith(f"{PREFIX}-{index}-")
            }
            value = saved.block.get_prep_value(saved.value) if saved is not None else None
            entries.append((kind, block_id if saved is not None else None, value, fields))
        return entries

    def _block(self, index, kind, block_id, value, fields):
        prefix = f"{PREFIX}-{index}"
        data = None
        if fields is not None:
            data = QueryDict(mutable=True)
            for name, values in fields.items():
                data.setlist(f"{prefix}-{name}", values)
        # a new block nobody has written in yet is simply left out, without errors
        form = BLOCK_FORMS[kind](
            data, prefix=prefix, value=value, empty_permitted=block_id is None, use_required_attribute=False
        )
        return Block(kind, block_id, form)

    def move(self, action):
        """Apply a move/remove button (`op:<n>`, `ned:<n>`, `fjern:<n>`) to the posted blocks, before saving."""
        verb, _, position = (action or "").partition(":")
        if not position.isdigit() or int(position) >= len(self.blocks):
            return None
        index = int(position)
        if verb == "op" and index > 0:
            self.blocks[index - 1], self.blocks[index] = self.blocks[index], self.blocks[index - 1]
            return index - 1
        if verb == "ned" and index + 1 < len(self.blocks):
            self.blocks[index + 1], self.blocks[index] = self.blocks[index], self.blocks[index + 1]
            return index + 1
        if verb == "fjern":
            del self.blocks[index]
            return max(index - 1, 0)
        return None

    def defer_required_fields(self):
        for block in self.blocks:
            defer_required(block.form)
            if isinstance(block.form, StepListForm):
                for form in block.form.steps.forms:
                    defer_required(form)

    def forms(self):
        for block in self.blocks:
            yield block.form
            if isinstance(block.form, StepListForm):
                yield from block.form.steps.forms

    def is_valid(self, deferred=False):
        results = [block.form.is_valid() for block in self.blocks]  # every block, so each shows its errors
        valid = all(results)
        if valid and not deferred and not self.stream_data():
            self.block_errors.append("Fortæl, hvad I gjorde.")
            return False
        return valid

    def stream_data(self):
        """The blocks in order as StreamField JSON (empty blocks left out; new blocks get an id)."""
        data = []
        for block in self.blocks:
            value = block.form.raw_value()
            if value is not None:
                data.append({"type": block.kind, "value": value, "id": block.id or str(uuid.uuid4())})
        return data

    def check(self, stream_value, deferred):
        """The StreamField's own validation (e.g. a video host); errors go to the block's form. True when valid."""
        block = self.stream_block
        if deferred:
            block.defer_required_validation()
        try:
            block.clean(stream_value)
        except StreamBlockValidationError as error:
            kept = [b for b in self.blocks if b.form.raw_value() is not None]
            for index, block_error in error.block_errors.items():
                form = kept[index].form
                for name, messages in getattr(block_error, "block_errors", {}).items():
                    if name in form.fields:
                        form.add_error(name, messages)
                    else:
                        form.add_error(None, messages)
                if not getattr(block_error, "block_errors", None):
                    form.add_error(None, block_error)
            for message in error.non_block_errors:
                self.block_errors.append(message)
            return False
        finally:
            if deferred:
                block.restore_deferred_validation()
        return True
