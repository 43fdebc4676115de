from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "portal.outbox"
    label = "outbox"
    verbose_name = "Udgående mails"
    default_auto_field = "django.db.models.BigAutoField"
