"""The story listing's filters, as a django-filter FilterSet (shareable query parameters in Danish)."""

import django_filters
from django import forms

from methods.models import MethodPage
from portal.shared.filters import PortalFilterSet, related_to_any
from portal.taxonomy.filters import TargetGroupFilter
from portal.taxonomy.models import JobcenterPage, RegionPage


def live_pages(model):
    """(slug, title) of a page type's live pages, read when the form is built: plain rows, not page objects (at
    50,000 stories the jobcenter and method filters hold hundreds; building them as pages took 60 ms)."""
    return lambda: list(model.objects.live().order_by("title").values_list("slug", "title"))


class StoryFilter(PortalFilterSet):
    maalgruppe = TargetGroupFilter()
    metode = django_filters.MultipleChoiceFilter(
        label="Metode", choices=live_pages(MethodPage), method="filter_methods", widget=forms.CheckboxSelectMultiple
    )
    region = django_filters.ChoiceFilter(
        label="Region",
        choices=live_pages(RegionPage),
        method="filter_subtree",
        empty_label="Alle regioner",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    jobcenter = django_filters.ChoiceFilter(
        label="Jobcenter",
        choices=live_pages(JobcenterPage),
        method="filter_subtree",
        empty_label="Alle jobcentre",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    tag = django_filters.CharFilter(
        label="Emneord", method="filter_tag", widget=forms.TextInput(attrs={"class": "form-input"})
    )

    def known(self, name, field, values):
        if name == "tag":
            from taggit.models import Tag

            existing = set(Tag.objects.filter(slug__in=values).values_list("slug", flat=True))
            return [value for value in dict.fromkeys(values) if value in existing]
        return super().known(name, field, values)

    def filter_methods(self, queryset, name, slugs):
        return related_to_any(queryset, "methods", slugs, to_field="slug") if slugs else queryset

    def filter_tag(self, queryset, name, slug):
        return related_to_any(queryset, "tags", [slug], to_field="slug") if slug else queryset

    def filter_subtree(self, queryset, name, slug):
        model = RegionPage if name == "region" else JobcenterPage
        place = model.objects.live().filter(slug=slug).only("path").first()
        return queryset.filter(path__startswith=place.path) if place else queryset.none()
