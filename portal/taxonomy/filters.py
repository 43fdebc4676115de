import django_filters
from django import forms

from portal.shared.filters import related_to_any
from portal.taxonomy.models import TargetGroup


class TargetGroupFilter(django_filters.ModelMultipleChoiceFilter):
    """`maalgruppe=<slug>` (repeatable): pages for any of the chosen groups, each including its sub-groups."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Målgruppe")
        kwargs.setdefault("queryset", TargetGroup.objects.all())
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(field_name="target_groups", **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        ids = {pk for group in value for pk in group.with_descendants()}
        return related_to_any(qs, "target_groups", ids)
