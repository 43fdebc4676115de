from django.apps import AppConfig


class SharedConfig(AppConfig):
    name = "portal.shared"
    label = "shared"
    verbose_name = "Fælles dele"

    def ready(self):
        # inside ready(): these modules use models, which exist only once the app registry is loaded
        from portal.shared import checks, privacy_guard  # noqa: F401  (checks: registers the deployment checks)

        privacy_guard.connect()
