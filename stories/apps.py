from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Gode historier"

    def ready(self):
        from stories import publishing  # noqa: F401  (connects the signal handler)
