from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from methods.models import MethodIndexPage, MethodPage
from portal.events.models import EventPage
from portal.home.portal_settings import PortalSettings  # noqa: F401 (a model of this app: loaded with its models)
from portal.shared import derived
from portal.shared.privacy_guard import GuardedModel, GuardedPage
from portal.taxonomy.models import TargetGroup, TargetGroupIndexPage
from portal.themes.models import ThemePage
from stories.models import StoryIndexPage, StoryPage

HOME_METHODS = 12


def most_used_methods():
    """The methods most live stories use, for "Find historier efter metode" (all of them on a small portal); kept
    until published content next changes. At 50,000 stories the portal has hundreds of methods, and listing them
    all cost 45 ms."""
    used = Count("stories", filter=Q(stories__live=True))
    methods = MethodPage.objects.live().annotate(used=used).order_by("-used", "title")[:HOME_METHODS]
    return sorted(methods.only("title", "url_path", "path", "depth", "locale_id"), key=lambda m: m.title)


class HomePage(GuardedPage, Page):
    """The front page: what works for whom, at a glance."""

    intro = models.TextField("introduktion", max_length=400)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_stories", heading="Fremhævede historier", label="Historie", max_num=6),
        InlinePanel("featured_methods", heading="Fremhævede metoder", label="Metode", max_num=3),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "stories.StoryIndexPage",
        "methods.MethodIndexPage",
        "taxonomy.TargetGroupIndexPage",
        "taxonomy.RegionIndexPage",
        "events.EventIndexPage",
        "themes.ThemeIndexPage",
        "home.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "forside"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured_ids = list(self.featured_stories.filter(story__live=True).values_list("story_id", flat=True))
        featured = {story.pk: story for story in StoryPage.objects.filter(pk__in=featured_ids).for_listing()}
        context["featured_stories"] = [featured[pk] for pk in featured_ids if pk in featured]
        context["latest_stories"] = StoryPage.objects.live().exclude(pk__in=featured_ids).for_listing()[:6]
        context["target_groups"] = TargetGroup.objects.filter(parent__isnull=True)
        context["target_group_index"] = TargetGroupIndexPage.objects.live().first()
        context["methods"] = derived.remembered("home-methods", most_used_methods)
        context["method_index"] = MethodIndexPage.objects.live().first()
        method_ids = list(self.featured_methods.values_list("method_id", flat=True))
        methods = {m.pk: m for m in MethodPage.objects.live().filter(pk__in=method_ids)}
        context["featured_methods"] = [methods[pk] for pk in method_ids if pk in methods]
        context["story_index"] = StoryIndexPage.objects.live().first()
        context["themes"] = ThemePage.objects.live().order_by("title")[:4]
        context["next_event"] = EventPage.objects.live().filter(start__gte=timezone.now()).order_by("start").first()
        return context


class HomeFeaturedStory(GuardedModel, Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey("stories.StoryPage", verbose_name="historie", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("story")]


class HomeFeaturedMethod(GuardedModel, Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_methods")
    method = models.ForeignKey("methods.MethodPage", verbose_name="metode", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("method")]


class StandardPage(GuardedPage, Page):
    """A plain content page, e.g. 'Om portalen'."""

    intro = models.TextField("introduktion", blank=True)
    body = RichTextField("indhold", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = "standardside"
