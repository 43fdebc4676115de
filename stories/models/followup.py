"""Follow-up: the reminder a story's owner gets when its results have not been reviewed for a year."""

from django.db import models


class ReviewReminder(models.Model):
    """One reminder per story and review date: a story is reminded of once until someone reviews it again."""

    story = models.ForeignKey(
        "stories.StoryPage", verbose_name="historie", on_delete=models.CASCADE, related_name="review_reminders"
    )
    reviewed_on = models.DateField("senest gennemgået (da påmindelsen blev sendt)")
    recipients = models.TextField("modtagere", blank=True)
    sent_at = models.DateTimeField("sendt", auto_now_add=True)

    class Meta:
        verbose_name = "påmindelse om opfølgning"
        verbose_name_plural = "påmindelser om opfølgning"
        constraints = [models.UniqueConstraint(fields=["story", "reviewed_on"], name="one_reminder_per_review")]

    def __str__(self):
        return f"{self.story_id} ({self.reviewed_on})"
