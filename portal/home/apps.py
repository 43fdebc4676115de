from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "portal.home"
    label = "home"
    verbose_name = "Forside"

    def ready(self):
        # inside ready(): the pipeline's steps use models, which exist only once the app registry is loaded
        from portal.home import publishing

        publishing.connect()
