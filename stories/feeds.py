"""RSS and Atom feeds of newly published stories: overall, per target group and per region (Django's syndication)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from portal.shared.site_address import site_url
from portal.taxonomy.models import RegionPage, TargetGroup
from stories.models import StoryPage

ITEMS = 20


class StoryFeed(Feed):
    title = "Gode Historier: nye historier"
    description = "De nyeste gode historier fra jobcentrene."
    language = "da"

    def link(self, obj=None):
        return site_url("/historier/")

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["feed_url"] = site_url(request.path)  # the feed's own address, not the Host header's
        return feed

    def stories(self, obj):
        return StoryPage.objects.live().public()

    def items(self, obj=None):
        # for_listing: jobcenter names and target groups come in a fixed number of queries, whatever the count.
        return self.stories(obj).for_listing()[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url()

    def item_guid(self, item):
        return f"gode-historier:story:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.jobcenter_name

    def item_categories(self, item):
        return [group.name for group in item.target_groups.all()]


class TargetGroupFeed(StoryFeed):
    def get_object(self, request, slug):
        return get_object_or_404(TargetGroup, slug=slug)

    def title(self, obj):
        return f"Gode Historier: {obj.name}"

    def description(self, obj):
        return f"De nyeste gode historier om {obj.name.lower()}."

    def link(self, obj):
        return site_url(obj.get_url() or "/historier/")

    def stories(self, obj):
        tagged = StoryPage.objects.filter(target_groups__in=obj.with_descendants()).values("pk")
        return super().stories(obj).filter(pk__in=tagged)


class RegionFeed(StoryFeed):
    def get_object(self, request, slug):
        return get_object_or_404(RegionPage.objects.live(), slug=slug)

    def title(self, obj):
        return f"Gode Historier: {obj.title}"

    def description(self, obj):
        return f"De nyeste gode historier fra jobcentrene i {obj.title}."

    def link(self, obj):
        return obj.get_full_url()

    def stories(self, obj):
        return super().stories(obj).descendant_of(obj)


def atom(feed_class):
    return type(
        f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": Atom1Feed, "subtitle": feed_class.description}
    )
