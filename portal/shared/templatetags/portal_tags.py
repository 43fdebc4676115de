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
