"""'Vi har også prøvet det': another jobcenter records that it adapted a story, what it changed and what happened.

Moderated like a story: the adapting jobcenter's regional consultants approve it before it is shown on the original.
"""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel

from portal.shared.privacy_guard import GuardedModel, guard
from stories.admin_forms import AdaptationAdminForm


@guard
class StoryAdaptation(GuardedModel, models.Model):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    STATUS_CHOICES = [(SUBMITTED, "Modtaget"), (APPROVED, "Godkendt og vist"), (REJECTED, "Ikke vist")]

    story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name="historien, der blev prøvet",
        on_delete=models.CASCADE,
        related_name="adaptations",
    )
    jobcenter = models.ForeignKey(
        "taxonomy.JobcenterPage",
        verbose_name="jobcenter, der prøvede den",
        on_delete=models.CASCADE,
        related_name="adaptations",
    )
    changes = models.TextField("det gjorde vi anderledes")
    outcome = models.TextField("det skete")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="indsendt af", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("indsendt", auto_now_add=True)
    status = models.CharField("status", max_length=20, choices=STATUS_CHOICES, default=SUBMITTED)
    review_comment = models.TextField(
        "kommentar til jobcentret", blank=True, help_text="Sendes til den, der indsendte, hvis den ikke vises."
    )

    panels = [
        FieldPanel("story", read_only=True),
        FieldPanel("jobcenter", read_only=True),
        FieldPanel("changes"),
        FieldPanel("outcome"),
        FieldPanel("status"),
        FieldPanel("review_comment"),
    ]
    base_form_class = AdaptationAdminForm

    class Meta:
        verbose_name = "erfaring med en historie"
        verbose_name_plural = "vi har også prøvet det"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.jobcenter.title} prøvede «{self.story.title}»"
