"""Themes: curated collections with an introduction and ordered stories and methods, on a landing page."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from portal.home.models import HomePage
from portal.themes.models import ThemeIndexPage, ThemeItem, ThemePage
from tests import factories as f


@pytest.fixture
def theme(tree):
    index = tree.home.add_child(instance=ThemeIndexPage(title="Temaer", slug="temaer"))
    story = f.StoryPageFactory(parent=tree.varde, title="Praktik og sundhed samtidig")
    withdrawn = f.StoryPageFactory(parent=tree.odense, title="Trukket tilbage")
    withdrawn.unpublish()
    page = ThemePage(
        title="Parallelle indsatser",
        slug="parallelle-indsatser",
        lead="Flere ting på samme tid.",
        body="<p>Sådan fik forvaltningerne det til at gå op.</p>",
    )
    page.items = [
        ThemeItem(item=tree.parallel, note="Metoden bag temaet."),
        ThemeItem(item=story, note="Praktik og sundhedsforløb side om side."),
        ThemeItem(item=withdrawn),
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_theme_landing_page_shows_its_introduction_and_items_in_order_with_notes(client, theme):
    content = client.get(theme.url).content.decode()
    assert "Sådan fik forvaltningerne det til at gå op." in content
    assert content.index("Parallelle indsatser</a>") < content.index("Praktik og sundhed samtidig")
    assert "Metoden bag temaet." in content and "Praktik og sundhedsforløb side om side." in content
    assert "Trukket tilbage" not in content


def test_themes_are_listed_on_their_index_and_the_home_page(client, theme):
    assert "Flere ting på samme tid." in client.get("/temaer/").content.decode()
    home = client.get("/").content.decode()
    assert 'href="/temaer/parallelle-indsatser/"' in home


class ThemePageTypeTests(WagtailPageTestCase):
    def test_themes_live_under_the_theme_index_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ThemePage, {ThemeIndexPage})
        self.assertAllowedSubpageTypes(ThemePage, set())
        self.assertAllowedParentPageTypes(ThemeIndexPage, {HomePage})
