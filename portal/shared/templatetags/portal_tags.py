from django import template
from django.utils import formats
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, extra=None):
    """Ancestors from the home page down to (not including) `page`; `extra` adds one (title) crumb after it."""
    ancestors = list(page.get_ancestors().filter(depth__gte=2)) if page else []
    return {"request": context.get("request"), "ancestors": ancestors, "page": page, "extra": extra}


@register.filter
def period(story):
    """'marts 2024 – i gang' / 'januar 2019 – juni 2021' (empty for a draft without a start date)."""
    if not story.period_start:
        return ""
    start = formats.date_format(story.period_start, "F Y")
    end = formats.date_format(story.period_end, "F Y") if story.period_end else ""
    if story.status == "ongoing":
        return f"{start} – i gang"
    return f"{start} – {end}" if end else start


@register.simple_tag
def dkfds_widget(field):
    """A field's widget, pointing at its hint and error message for screen readers."""
    described_by = [f"{field.auto_id}_hint"] if field.help_text else []
    attrs = {}
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


# A filter's options are built in Python: through the template engine one option cost about 0.2 ms, and at 50,000
# stories the method and jobcenter filters have hundreds (the filter form took 80-100 ms of the story listing).


@register.simple_tag
def checkbox_choices(field):
    """A multiple-choice field's options as DKFDS checkboxes (ids as Django's: <auto_id>_<index>)."""
    chosen = {str(value) for value in field.value() or []}
    return format_html_join(
        "",
        '<div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="{0}_{1}" name="{2}"'
        ' value="{3}"{4}><label class="form-label" for="{0}_{1}">{5}</label></div>',
        (
            (field.auto_id, index, field.html_name, value, CHECKED if str(value) in chosen else "", label)
            for index, (value, label) in enumerate(field.field.choices)
        ),
    )


@register.simple_tag
def select_choices(field):
    """A single-choice field's <option>s."""
    chosen = str(field.value() or "")
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, SELECTED if str(value) == chosen else "", label) for value, label in field.field.choices),
    )


CHECKED, SELECTED = mark_safe(" checked"), mark_safe(" selected")
