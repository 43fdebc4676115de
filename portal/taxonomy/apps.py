from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "portal.taxonomy"
    label = "taxonomy"
    verbose_name = "Målgrupper, regioner og jobcentre"
