"""Page-type rules: editors can only put each page where it belongs, and can create it there through the admin."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from methods.models import MethodIndexPage, MethodPage
from portal.events.models import EventIndexPage, EventPage
from portal.home.models import HomePage, StandardPage
from portal.taxonomy.models import JobcenterPage, RegionIndexPage, RegionPage, TargetGroupIndexPage
from portal.themes.models import ThemeIndexPage
from stories.models import StoryIndexPage, StoryPage
from tests import factories as f


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StoryIndexPage,
                MethodIndexPage,
                TargetGroupIndexPage,
                RegionIndexPage,
                EventIndexPage,
                ThemeIndexPage,
                StandardPage,
            },
        )

    def test_stories_live_under_their_jobcenter_only(self):
        self.assertAllowedParentPageTypes(StoryPage, {JobcenterPage})
        self.assertAllowedSubpageTypes(StoryPage, set())
        self.assertAllowedSubpageTypes(JobcenterPage, {StoryPage})
        self.assertAllowedParentPageTypes(JobcenterPage, {RegionPage})
        self.assertAllowedParentPageTypes(RegionPage, {RegionIndexPage})

    def test_methods_live_under_their_index_and_events_under_their_region(self):
        self.assertAllowedParentPageTypes(MethodPage, {MethodIndexPage})
        self.assertAllowedParentPageTypes(EventPage, {RegionPage})  # the region an event sits under is its region
        self.assertAllowedSubpageTypes(EventIndexPage, set())  # the listing of every region's events
        self.assertAllowedSubpageTypes(RegionPage, {JobcenterPage, EventPage})
        self.assertAllowedSubpageTypes(StoryIndexPage, set())
        self.assertAllowedSubpageTypes(TargetGroupIndexPage, set())


class CreateInAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        root = Page.get_first_root_node()
        self.home = f.HomePageFactory(parent=root)
        regions = f.RegionIndexPageFactory(parent=self.home)
        self.jobcenter = f.JobcenterPageFactory(parent=f.RegionPageFactory(parent=regions))
        self.group = f.TargetGroupFactory()
        self.method_index = f.MethodIndexPageFactory(parent=self.home)

    def story_form(self, **overrides):
        data = {
            "title": "Mentor til unge",
            "slug": "mentor-til-unge",
            "summary": "Unge fik en mentor.",
            "target_groups": [self.group.pk],
            "status": "ongoing",
            "period_start": "2024-01-01",
            "problem": rich_text("<p>Unge faldt fra.</p>"),
            "practice": streamfield([("paragraph", rich_text("<p>Vi gav dem en mentor.</p>"))]),
            "contact_name": "Fiktiv kontakt",
            "contact_role": "Mentor",
            "contact_email": "mentor@kommune.example.dk",
            "partners": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
            "results": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
            "attachments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
        }
        data.update(overrides)
        form_data = nested_form_data(data)
        form_data["target_groups"] = data["target_groups"]  # a multiple choice is posted as a list
        return form_data

    def test_a_story_can_be_created_under_a_jobcenter(self):
        self.assertCanCreateAt(JobcenterPage, StoryPage)
        self.assertCanCreate(self.jobcenter, StoryPage, self.story_form())
        story = StoryPage.objects.get(slug="mentor-til-unge")
        self.assertEqual(story.get_parent().pk, self.jobcenter.pk)
        self.assertEqual(list(story.target_groups.all()), [self.group])

    def test_a_story_cannot_be_created_elsewhere(self):
        self.assertCanNotCreateAt(HomePage, StoryPage)
        self.assertCanNotCreateAt(StoryIndexPage, StoryPage)
        response = self.client.get(f"/admin/pages/add/stories/storypage/{self.home.pk}/")
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_a_story_without_target_group_is_refused_with_a_message(self):
        response = self.client.post(
            f"/admin/pages/add/stories/storypage/{self.jobcenter.pk}/", self.story_form(target_groups=[])
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(StoryPage.objects.filter(slug="mentor-til-unge").exists())

    def test_a_method_can_be_created_under_the_method_index(self):
        data = nested_form_data(
            {
                "title": "Mentor",
                "slug": "mentor",
                "summary": "En mentor støtter borgeren.",
                "description": rich_text("<p>Mentoren hjælper.</p>"),
                "how_to": streamfield([("paragraph", rich_text("<p>Find en mentor.</p>"))]),
                "target_groups": [self.group.pk],
                "evidence_level": "promising",
                "evidence_summary": rich_text("<p>Lovende.</p>"),
                "staff_time": "To timer om ugen.",
                "references": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
                "combinations": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
            }
        )
        data["target_groups"] = [self.group.pk]
        self.assertCanCreate(self.method_index, MethodPage, data)

    def test_only_one_story_index_per_site(self):
        f.StoryIndexPageFactory(parent=self.home)
        self.assertFalse(StoryIndexPage.can_create_at(self.home))
