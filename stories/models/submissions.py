"""A story on its way in from a jobcenter: who started it and where, and the draft story it is written into.

The story itself (the StoryPage and its revisions) is the only copy of what the contributor wrote: every step of
the guided form is saved as a new revision of the draft page, so a consultant's edits, the contributor's
corrections and the admin all work on the same thing."""

import uuid

from django.conf import settings
from django.db import models

from portal.shared.privacy_guard import GuardedModel

UNTITLED = "Historie uden titel"


class StorySubmission(GuardedModel, models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    jobcenter = models.ForeignKey(
        "taxonomy.JobcenterPage", verbose_name="jobcenter", on_delete=models.PROTECT, related_name="submissions"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="oprettet af", on_delete=models.PROTECT, related_name="+"
    )
    page = models.OneToOneField(
        "stories.StoryPage",
        verbose_name="historie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
        help_text="Oprettes, når det første trin gemmes.",
    )
    submitted_at = models.DateTimeField("indsendt", null=True, blank=True)
    created_at = models.DateTimeField("oprettet", auto_now_add=True)
    updated_at = models.DateTimeField("senest gemt", auto_now=True)

    class Meta:
        verbose_name = "indsendelse"
        verbose_name_plural = "indsendelser"
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title

    @property
    def title(self):
        """The title of the newest saved version (a refused title is never saved, so never shown here)."""
        return (self.page.draft_title or self.page.title) if self.page_id else UNTITLED
