"""The story listing's filters, as a django-filter FilterSet (shareable query parameters in Danish)."""

import django_filters
from django import forms
from taggit.models import Tag

from methods.facets import METHOD
from portal.shared.filters import PortalFilterSet, related_to_any
from portal.taxonomy.facets import JOBCENTER, REGION, TARGET_GROUP


class StoryFilter(PortalFilterSet):
    facets = (TARGET_GROUP, METHOD, REGION, JOBCENTER)
    tag = django_filters.CharFilter(
        label="Emneord", method="filter_tag", widget=forms.TextInput(attrs={"class": "form-input"})
    )

    def known(self, name, field, values):
        if name == "tag":
            existing = set(Tag.objects.filter(slug__in=values).values_list("slug", flat=True))
            return [value for value in dict.fromkeys(values) if value in existing]
        return super().known(name, field, values)

    def filter_tag(self, queryset, name, slug):
        return related_to_any(queryset, "tags", [slug], to_field="slug") if slug else queryset
