from django.apps import AppConfig


class SharedConfig(AppConfig):
    name = "portal.shared"
    label = "shared"
    verbose_name = "Fælles dele"

    def ready(self):
        from portal.shared import checks  # noqa: F401  (registers the deployment checks)
        from portal.shared.page_cache import connect_signals

        connect_signals()

        from portal.shared import privacy_guard

        privacy_guard.connect()
