"""A story on its way in from a jobcenter: the guided form's answers, saved at every step, until it is submitted."""

import uuid

from django.conf import settings
from django.db import models


class StorySubmission(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    jobcenter = models.ForeignKey(
        "taxonomy.JobcenterPage", verbose_name="jobcenter", on_delete=models.PROTECT, related_name="submissions"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="oprettet af", on_delete=models.PROTECT, related_name="+"
    )
    data = models.JSONField("svar", default=dict, blank=True)
    page = models.OneToOneField(
        "stories.StoryPage",
        verbose_name="historie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
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
        return (self.data.get("om", {}).get("title") or [""])[0] or "Historie uden titel"

    def step_data(self, step):
        return self.data.get(step, {})
