"""Helpers shared by the listings' FilterSets."""

import django_filters
from django.db.models import Model


def active_choices(filterset) -> list[dict]:
    """The chosen filter values, each with the query string that removes just that value (for the tags)."""
    if not filterset.is_bound or not filterset.form.is_valid():
        return []
    chips = []
    for name, value in filterset.form.cleaned_data.items():
        if not value:
            continue
        for item in [value] if isinstance(value, str | Model) else list(value):
            key = getattr(item, "slug", item)
            remaining = filterset.data.copy()
            remaining.setlist(name, [v for v in filterset.data.getlist(name) if v != key])
            remaining.pop("side", None)
            choice_labels = dict(filterset.filters[name].extra.get("choices", []))
            chips.append(
                {
                    "label": filterset.filters[name].label,
                    "value": choice_labels.get(item, str(item)),
                    "query": remaining.urlencode(),
                }
            )
    return chips


class PortalFilterSet(django_filters.FilterSet):
    @property
    def active_choices(self):
        return active_choices(self)
