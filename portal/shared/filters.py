"""Helpers shared by the listings' FilterSets."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model

from portal.shared import page_cache
from portal.shared.facets import Facet


def related_to_any(queryset, field_name: str, values, to_field: str = "pk"):
    """Rows linked through the many-to-many `field_name` to any of `values` (matched on the other side's
    `to_field`), as `pk IN (subquery)`. Filtering across the join repeats a row per match and needs DISTINCT,
    which made the database sort and count the whole corpus (35 ms of every filtered listing at 10,000 stories)."""
    through = queryset.model._meta.get_field(field_name).remote_field.through
    source, target = _through_fields(queryset.model, through)
    lookup = f"{target}__{to_field}__in" if to_field != "pk" else f"{target}__in"
    return queryset.filter(pk__in=through.objects.filter(**{lookup: list(values)}).values(source))


def _through_fields(model, through):
    """(the through model's key to `model`, its key to the other side)."""
    keys = [f for f in through._meta.concrete_fields if f.is_relation]
    source = next(f for f in keys if issubclass(model, f.related_model))
    target = next(f for f in keys if f is not source)
    return source.name, target.name


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
            if isinstance(item, Model):
                shown = str(item)
            else:  # a slug or a code: its label from the field's choices
                shown = dict(getattr(filterset.form.fields[name], "choices", [])).get(item, str(item))
            chips.append(
                {
                    "label": filterset.filters[name].label,
                    "value": shown,
                    "query": remaining.urlencode(),
                }
            )
    return chips


def known_values(field, values: list[str]) -> list[str]:
    """The values a choice field offers, in the order given, without repeats; others are dropped (not an error)."""
    if isinstance(field, forms.ModelChoiceField):  # also ModelMultipleChoiceField
        key = field.to_field_name or "pk"
        try:
            existing = {str(v) for v in field.queryset.filter(**{f"{key}__in": values}).values_list(key, flat=True)}
        except (ValueError, TypeError, ValidationError):  # e.g. a word where a number is looked up
            existing = set()
        kept = [value for value in values if value in existing]
    elif isinstance(field, forms.ChoiceField):  # also MultipleChoiceField
        kept = [value for value in values if value and field.valid_value(value)]
    else:
        kept = values
    return list(dict.fromkeys(kept))


def facet_filter(facet: Facet) -> django_filters.Filter:
    """A listing's filter for `facet`: checkboxes for a facet of several values, a select for one. The choices are
    read when the form is built (through lambdas, so that copying the filters for each request leaves the facet
    alone)."""
    if facet.multiple:
        return django_filters.MultipleChoiceFilter(
            label=facet.label,
            choices=lambda: facet.form_choices(),
            method=lambda queryset, name, values: facet.filter(queryset, list(values)),
            widget=forms.CheckboxSelectMultiple,
        )
    return django_filters.ChoiceFilter(
        label=facet.label,
        choices=lambda: facet.form_choices(),
        method=lambda queryset, name, value: facet.filter(queryset, [value]),
        empty_label=facet.empty_label,
        widget=forms.Select(attrs={"class": "form-select"}),
    )


class PortalFilterSet(django_filters.FilterSet):
    """A listing's filters that ignore what they do not know: an unknown value (a junk `maalgruppe=`, a removed
    method) is dropped before the form sees it, so the valid values still filter, no error is shown and the value
    is in no link built from `data` (see `known_query`).

    `facets` lists the facets (portal/shared/facets.py) the listing filters on, each a filter under its name, in
    that order and before the filters declared on the class."""

    facets: tuple[Facet, ...] = ()

    @classmethod
    def get_filters(cls):
        filters = {facet.name: facet_filter(facet) for facet in cls.facets}
        return {**filters, **super().get_filters()}

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if self.is_bound:
            self.data = self._known_only(self.data)
            self.__dict__.pop("_form", None)  # built again from the cleaned data

    def known(self, name: str, field, values: list[str]) -> list[str]:
        """The values of filter `name` to keep (override for a free-text filter that names something, e.g. a tag)."""
        return known_values(field, values)

    def _known_only(self, data):
        cleaned = data.copy()
        for name, field in self.form.fields.items():
            values = [value for value in data.getlist(name) if value]
            if name not in data:
                continue
            kept = self.known(name, field, values)
            if kept:
                cleaned.setlist(name, kept)
            else:
                cleaned.pop(name)
        cleaned._mutable = False
        return cleaned

    @property
    def active_choices(self):
        return active_choices(self)


def settle_query(request, filterset, page_obj) -> None:
    """Make the request say what the listing shows: only the filter values it understood, and the page number it
    settled on (none for the first page). The page's links are built from it, and the page cache keeps the answer
    under it (a junk value or `side=99999` makes no cache entry of its own)."""
    data = filterset.data.copy()
    if page_obj.number > 1:
        data["side"] = str(page_obj.number)
    else:
        data.pop("side", None)
    data._mutable = False
    request.GET = data
    page_cache.rendered_as(request, data)
