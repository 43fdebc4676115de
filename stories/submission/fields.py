"""Form fields and styling shared by the guided submission's forms: rich text edited as Markdown, the CPR guard on
every text a contributor types, DKFDS classes, and Wagtail-style deferred validation for plain forms."""

import re

from django import forms

from portal.shared.blocks import RICH_TEXT_FEATURES
from portal.shared.privacy import validate_no_cpr
from stories.submission.markdown import MarkdownError, blocks_to_markdown, markdown_to_blocks
from stories.submission.richtext import parse_html, render_html

MARKDOWN_HINT = (
    "Du kan skrive **fed**, *kursiv*, [link](https://…), punkter med «- » og nummererede punkter med «1) » først "
    "på linjen. En tom linje giver et nyt afsnit."
)


def to_markdown(html):
    """Stored rich text as the Markdown a contributor edits."""
    return blocks_to_markdown(parse_html(str(html or "")))


class MarkdownRichTextField(forms.CharField):
    """Wagtail rich text edited as Markdown in a plain textarea: the form's initial value is Markdown
    (`to_markdown`), the cleaned value is rich text in Wagtail's database format, within `features`.

    `documents` limits `[…](dokument:N)` links to the documents the story already has (None: any)."""

    def __init__(self, *, features=RICH_TEXT_FEATURES, documents=None, **kwargs):
        self.features = tuple(features)
        self.documents = documents
        kwargs.setdefault("widget", forms.Textarea)
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return ""
        validate_no_cpr(text)  # what was typed, link addresses included
        try:
            blocks = markdown_to_blocks(text, self.features)
        except MarkdownError as error:
            raise forms.ValidationError(str(error), code="link") from error
        html = render_html(blocks)
        if self.documents is not None:
            for target in re.findall(r'linktype="document" id="(\d+)"', html):
                if int(target) not in self.documents:
                    raise forms.ValidationError(
                        f"Linket «dokument:{target}» peger ikke på et af historiens bilag.", code="link"
                    )
        return html


def guard_and_style(form):
    """Every text field refuses CPR numbers; widgets get DKFDS's classes."""
    form.label_suffix = ""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and validate_no_cpr not in field.validators:
            field.validators.append(validate_no_cpr)
        widget = field.widget
        if isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("class", "form-input")
            widget.attrs.setdefault("rows", 6)
        elif isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
            widget.attrs.setdefault("class", "form-select")
        elif isinstance(widget, forms.widgets.Input) and not isinstance(
            widget, forms.CheckboxInput | forms.FileInput | forms.HiddenInput
        ):
            widget.attrs.setdefault("class", "form-input")
        if isinstance(field, MarkdownRichTextField) and MARKDOWN_HINT not in str(field.help_text):
            field.help_text = f"{field.help_text} {MARKDOWN_HINT}".strip()


def defer_required(form, keep=()):
    """A draft may be incomplete: the form's required fields (except `keep`) accept nothing, as Wagtail's
    `defer_required_fields` does for model forms. Values that are given are still checked."""
    for name, field in form.fields.items():
        if name not in keep:
            field.required = False


class GuardedForm(forms.Form):
    """A plain form with the CPR guard and DKFDS classes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        guard_and_style(self)
