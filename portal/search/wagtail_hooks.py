from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.search.models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    """Editors extend the search's synonyms here; a saved group counts from the next search, on every engine."""

    model = SynonymGroup
    icon = "search"
    menu_label = "Synonymer"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "words"]
    search_fields = ["name", "words"]
    search_backend_name = None  # a small table: plain database lookups
    ordering = ["name"]


register_snippet(SynonymGroupViewSet)
