"""Related content: the stories and methods that share the most target groups, methods and tags with a page.

Each list is one query (overlaps counted in SQL) plus the listing's prefetches, however many pages are related.
"""

from django.db.models import Count, F, Q, Value


def related_stories(page, limit=3):
    """Live stories sharing target groups, methods or tags with a story or a method, best overlap first."""
    from methods.models import MethodPage
    from stories.models import StoryPage

    groups = [group.pk for group in page.target_groups.all()]
    if isinstance(page, MethodPage):
        methods, tags = [page.pk], []
    else:
        methods = [method.pk for method in page.methods.all()]
        tags = [tag.pk for tag in page.tags.all()]
    # Only relations with something to share: an empty IN would turn the whole sum into its empty value (0).
    shared = [
        (field, ids)
        for field, ids in (("target_groups", groups), ("methods", methods), ("tagged_items__tag", tags))
        if ids
    ]
    if not shared:
        return []
    overlap = sum(
        (Count(field.split("__")[0], filter=Q(**{f"{field}__in": ids}), distinct=True) for field, ids in shared),
        Value(0),
    )
    matches = Q()
    for field, ids in shared:
        matches |= Q(**{f"{field}__in": ids})
    candidates = StoryPage.objects.live().public().exclude(pk=page.pk).filter(matches)
    ranked = (
        candidates.values("pk")
        .annotate(overlap=overlap)
        .order_by("-overlap", F("first_published_at").desc(nulls_last=True), "-pk")
    )
    ids = [row["pk"] for row in ranked[:limit]]
    stories = {story.pk: story for story in StoryPage.objects.filter(pk__in=ids).for_listing()}
    return [stories[pk] for pk in ids if pk in stories]


def related_methods(page, limit=3):
    """Live methods sharing target groups with a story or a method (a story's own methods left out)."""
    from methods.models import MethodPage

    groups = [group.pk for group in page.target_groups.all()]
    excluded = [page.pk]
    if not isinstance(page, MethodPage):
        excluded += [method.pk for method in page.methods.all()]
    if not groups:
        return []
    ranked = (
        MethodPage.objects.live()
        .public()
        .exclude(pk__in=excluded)
        .filter(target_groups__in=groups)
        .values("pk")
        .annotate(overlap=Count("target_groups", distinct=True))
        .order_by("-overlap", "title")
    )
    ids = [row["pk"] for row in ranked[:limit]]
    methods = MethodPage.objects.in_bulk(ids)
    return [methods[pk] for pk in ids if pk in methods]
