"""Keeping stories alive: a story whose results have not been reviewed for 12 months is due for follow-up.

Its jobcenter sees it under "Mine historier" and its region's consultants on their admin dashboard; its owner gets
one reminder (`manage.py send_review_reminders`, run daily; safe to run twice). Confirming the results or marking
the story ended counts as a review and starts a new year.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import DateField, F
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone

from portal.roles.models import RoleGroup
from portal.roles.notifications import notify
from stories.models import ReviewReminder, StoryPage

REVIEW_INTERVAL = timedelta(days=365)


def due_for_review(stories=None, today: date | None = None):
    """Live stories last reviewed (or, never reviewed, first published) 12 months ago or more, oldest first."""
    today = today or timezone.localdate()
    stories = (stories if stories is not None else StoryPage.objects.all()).live()
    return (
        stories.annotate(reviewed_on=Coalesce("last_reviewed", Cast("first_published_at", DateField())))
        .filter(reviewed_on__lte=today - REVIEW_INTERVAL)
        .order_by(F("reviewed_on").asc(), "pk")
    )


def owners_of(story):
    """The story's owner; when the owner has left, the jobcenter's contributors."""
    if story.owner and story.owner.is_active and story.owner.email:
        return [story.owner]
    jobcenter = story.get_parent()
    group = RoleGroup.objects.filter(role=RoleGroup.CONTRIBUTOR, page=jobcenter).select_related("group").first()
    return list(group.group.user_set.filter(is_active=True)) if group else []


def send_reminders(base_url: str, today: date | None = None) -> int:
    """Remind the owner of every story due for review, once per review date. Returns the number of reminders."""
    sent = 0
    for story in due_for_review(today=today).select_related("owner"):
        users = owners_of(story)
        try:
            with transaction.atomic():
                ReviewReminder.objects.create(
                    story=story, reviewed_on=story.reviewed_on, recipients=", ".join(u.email for u in users)
                )
                notify(
                    "review_reminder",
                    {
                        "title": story.title,
                        "reviewed_on": story.reviewed_on.isoformat(),
                        "public_url": base_url + story.url,
                        "my_stories_url": base_url + reverse("stories:my_stories"),
                    },
                    users,
                )
        except IntegrityError:  # already reminded for this review date (or by a run at the same moment)
            continue
        sent += 1
    return sent


def mark_reviewed(story, user, ended: bool = False):
    """The results are confirmed (or the story has ended): a new revision with today's review date, published at
    once, since it changes no text. Not while the story has changes waiting for review."""
    page = story.get_latest_revision_as_object()
    page.last_reviewed = timezone.localdate()
    if ended:
        page.status = "ended"
        page.period_end = page.period_end or timezone.localdate()
    revision = page.save_revision(user=user, log_action=True, clean=False)
    # The contributor may not publish, but this revision only dates the review (or ends the story): no review needed.
    revision.publish(user=user, skip_permission_checks=True)
    return page
