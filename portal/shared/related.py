"""Related content: the stories and methods that share the most target groups, methods and tags with a page.

Each list is one query (overlaps counted in SQL) plus the listing's prefetches, however many pages are related.
"""

from django.db import connection
from django.db.models import Count, F, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Page

POOL_FACTOR = 10  # candidates read per related story shown
WINDOW = 2_000  # related stories are chosen among this many newest stories


def related_stories(page, limit=3):
    """Live stories sharing target groups, methods or tags with a story or a method, best overlap first.

    The overlap is counted over the relation tables alone (UNION ALL, then GROUP BY), not over a join of the three:
    the join multiplied every story's rows (groups x methods x tags), 65 ms at 10,000 stories. Target groups and
    common tags are shared by a large part of the corpus, so the count still grew with it (93 ms at 50,000 on
    PostgreSQL); candidates are therefore the newest `WINDOW` stories (8 ms for 5,000, about 3 ms for 2,000). The
    best by overlap (newest first on ties) are then ranked by overlap and publication date."""
    from methods.models import MethodPage
    from stories.models import StoryPage, StoryTag

    # "id", not "pk": a preview holds the page's relations in modelcluster's query sets, which know only real fields.
    groups = list(page.target_groups.values_list("id", flat=True))
    if isinstance(page, MethodPage):
        methods, tags = [page.pk], []
    else:
        methods = list(page.methods.values_list("id", flat=True))
        tags = list(page.tags.values_list("id", flat=True))
    newest = StoryPage.objects.order_by("-pk").values("pk")[WINDOW - 1 : WINDOW]
    since = Coalesce(Subquery(newest), 0)  # every story while there are fewer than WINDOW
    by_group = StoryPage.target_groups.through.objects.filter(storypage_id__gte=since, targetgroup_id__in=groups)
    by_method = StoryPage.methods.through.objects.filter(storypage_id__gte=since, methodpage_id__in=methods)
    by_tag = StoryTag.objects.filter(content_object_id__gte=since, tag_id__in=tags)
    shared = [
        by_group.values(story=F("storypage_id")),
        by_method.values(story=F("storypage_id")),
        by_tag.values(story=F("content_object_id")),
    ]
    parts = [
        queryset.query.sql_with_params() for queryset, ids in zip(shared, (groups, methods, tags), strict=True) if ids
    ]
    if not parts:
        return []
    pages = connection.ops.quote_name(Page._meta.db_table)
    sql = (
        "SELECT pool.story FROM ("
        f"SELECT story, COUNT(*) AS overlap FROM ({' UNION ALL '.join(part for part, _ in parts)}) AS shared"
        " WHERE story <> %s GROUP BY story ORDER BY overlap DESC, story DESC LIMIT %s"
        f") AS pool JOIN {pages} AS page ON page.id = pool.story WHERE page.live"
        " ORDER BY pool.overlap DESC, page.first_published_at DESC, page.id DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*(p for _, params in parts for p in params), page.pk, limit * POOL_FACTOR])
        ranked = [row[0] for row in cursor.fetchall()]
    # Of the best, the first `limit` a visitor may see (pages under a view restriction are left out).
    stories = StoryPage.objects.public().filter(pk__in=ranked[: limit * 2]).for_listing().in_bulk()
    return [stories[pk] for pk in ranked if pk in stories][:limit]


def related_methods(page, limit=3):
    """Live methods sharing target groups with a story or a method (a story's own methods left out)."""
    from methods.models import MethodPage

    groups = list(page.target_groups.values_list("id", flat=True))
    excluded = [page.pk]
    if not isinstance(page, MethodPage):
        excluded += list(page.methods.values_list("id", flat=True))
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
    methods = MethodPage.objects.defer_streamfields().in_bulk(ids)  # a card shows no StreamField
    return [methods[pk] for pk in ids if pk in methods]
