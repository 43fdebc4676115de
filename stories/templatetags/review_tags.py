from django import template

from stories import privacy
from stories.models import StoryPage

register = template.Library()


@register.simple_tag
def privacy_warnings(revision):
    """The personal-data warnings of the revision under review (empty for anything but a story)."""
    obj = revision.as_object()
    return privacy.warnings(obj) if isinstance(obj, StoryPage) else []
