from django import template
from django.utils.formats import localize
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

register = template.Library()
CHECKED = mark_safe(" checked")


@register.simple_tag
def facet_options(group):
    """A facet's values as DKFDS checkboxes with their counts, built in Python: through the template engine each
    value cost about 0.1 ms, and at 50,000 stories the jobcenter and method facets hold hundreds (30 ms a search)."""
    name = group["name"]
    return format_html_join(
        "",
        '<div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="facet-{0}-{1}" name="{0}"'
        ' value="{2}"{3}><label class="form-label" for="facet-{0}-{1}">{4} <span class="facet-count">({5}'
        '<span class="sr-only"> resultater</span>)</span></label></div>',
        (
            (
                name,
                number,
                option["value"],
                CHECKED if option["selected"] else "",
                option["label"],
                localize(option["count"]),
            )
            for number, option in enumerate(group["options"], start=1)
        ),
    )
