from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "portal.themes"
    label = "themes"
    verbose_name = "Temaer"
