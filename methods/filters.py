"""The method listing's filters."""

import django_filters
from django import forms

from methods.models import EVIDENCE_LEVELS
from portal.shared.filters import PortalFilterSet
from portal.taxonomy.filters import TargetGroupFilter


class MethodFilter(PortalFilterSet):
    maalgruppe = TargetGroupFilter()
    evidens = django_filters.MultipleChoiceFilter(
        label="Evidensniveau",
        choices=EVIDENCE_LEVELS,
        field_name="evidence_level",
        widget=forms.CheckboxSelectMultiple,
    )
