"""The story listing's filters, as a django-filter FilterSet (shareable query parameters in Danish)."""

import django_filters
from django import forms

from methods.models import MethodPage
from portal.shared.filters import PortalFilterSet, related_to_any
from portal.taxonomy.filters import TargetGroupFilter
from portal.taxonomy.models import JobcenterPage, RegionPage


class StoryFilter(PortalFilterSet):
    maalgruppe = TargetGroupFilter()
    metode = django_filters.ModelMultipleChoiceFilter(
        label="Metode",
        queryset=MethodPage.objects.live().order_by("title"),
        to_field_name="slug",
        method="filter_methods",
        widget=forms.CheckboxSelectMultiple,
    )
    region = django_filters.ModelChoiceFilter(
        label="Region",
        queryset=RegionPage.objects.live().order_by("title"),
        to_field_name="slug",
        method="filter_subtree",
        empty_label="Alle regioner",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    jobcenter = django_filters.ModelChoiceFilter(
        label="Jobcenter",
        queryset=JobcenterPage.objects.live().order_by("title"),
        to_field_name="slug",
        method="filter_subtree",
        empty_label="Alle jobcentre",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    tag = django_filters.CharFilter(
        label="Emneord", method="filter_tag", widget=forms.TextInput(attrs={"class": "form-input"})
    )

    def filter_methods(self, queryset, name, methods):
        return related_to_any(queryset, "methods", methods) if methods else queryset

    def filter_tag(self, queryset, name, slug):
        return related_to_any(queryset, "tags", [slug], to_field="slug") if slug else queryset

    def filter_subtree(self, queryset, name, page):
        return queryset.filter(path__startswith=page.path) if page else queryset
