"""The method listing's filters."""

from methods.facets import EVIDENCE
from portal.shared.filters import PortalFilterSet
from portal.taxonomy.facets import TARGET_GROUP


class MethodFilter(PortalFilterSet):
    facets = (TARGET_GROUP, EVIDENCE)
