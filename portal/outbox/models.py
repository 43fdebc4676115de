"""Every e-mail the portal sends is stored here first, so a mail server that is down loses nothing."""

from django.db import models
from django.utils import timezone


class OutgoingMail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "I kø"
        SENDING = "sending", "Sendes nu"
        SENT = "sent", "Sendt"
        FAILED = "failed", "Kunne ikke sendes"

    kind = models.CharField("slags", max_length=50, blank=True)
    subject = models.CharField("emne", max_length=255)
    body = models.TextField("tekst")
    recipients = models.JSONField("modtagere", default=list)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField("forsøg", default=0)
    next_attempt_at = models.DateTimeField("næste forsøg", default=timezone.now, db_index=True)
    last_error = models.TextField("seneste fejl", blank=True)
    created_at = models.DateTimeField("oprettet", auto_now_add=True)
    sent_at = models.DateTimeField("sendt", null=True, blank=True)
    claimed_at = models.DateTimeField("afsendelse startet", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "udgående mail"
        verbose_name_plural = "udgående mails"

    def __str__(self):
        return self.subject

    @property
    def recipient_list(self):
        return ", ".join(self.recipients)
