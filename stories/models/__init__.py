from stories.models.adaptations import StoryAdaptation
from stories.models.followup import ReviewReminder
from stories.models.pages import (
    StoryAttachment,
    StoryIndexPage,
    StoryPage,
    StoryPartner,
    StoryQuerySet,
    StoryResult,
    StoryTag,
)
from stories.models.submissions import StorySubmission

__all__ = [
    "StoryAdaptation",
    "StoryAttachment",
    "StoryIndexPage",
    "StoryPage",
    "StoryPartner",
    "StoryQuerySet",
    "ReviewReminder",
    "StoryResult",
    "StorySubmission",
    "StoryTag",
]
