from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "portal.search"
    label = "portal_search"
    verbose_name = "Søgning"

    def ready(self):
        from portal.search import indexing, vocabulary  # noqa: F401  (connect the signal handlers)
        from portal.search.danish import synonyms  # noqa: F401  (forgets the synonyms when a group changes)
