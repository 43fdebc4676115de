from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo corpus and its commands (load_demo_content, ensure_demo_users): installed by the development and test
    settings only, so they can never run against production. No models."""

    name = "portal.demo"
    label = "demo"
    verbose_name = "Demoindhold"
