from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "portal.search"
    label = "portal_search"
    verbose_name = "Søgning"

    def ready(self):
        # inside ready(): the module uses models, which exist only once the app registry is loaded
        from portal.search import vocabulary  # noqa: F401  (connects its signal handler)
