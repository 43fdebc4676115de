from django import template
from django.utils import formats

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, extra=None):
    """Ancestors from the home page down to (not including) `page`; `extra` adds one (title) crumb after it."""
    ancestors = list(page.get_ancestors().filter(depth__gte=2)) if page else []
    return {"request": context.get("request"), "ancestors": ancestors, "page": page, "extra": extra}


@register.filter
def period(story):
    """'marts 2024 – i gang' / 'januar 2019 – juni 2021'."""
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
