from django.apps import AppConfig


class RolesConfig(AppConfig):
    name = "portal.roles"
    label = "roles"
    verbose_name = "Roller og redaktionel gennemgang"

    def ready(self):
        # Listed after wagtail.admin in INSTALLED_APPS, so Wagtail's own (English, admin-only) workflow e-mails are
        # connected before this replaces them with the portal's Danish notifications.
        from portal.roles import notifications, signals  # noqa: F401

        notifications.replace_wagtail_notifiers()
