"""The story query set: the queries every story listing and story page is built from."""

from django.db import connection
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Substr
from wagtail.models import Page
from wagtail.query import PageQuerySet

from methods.models import MethodPage

POOL_FACTOR = 10  # candidates read per related story shown
WINDOW = 2_000  # related stories are chosen among this many newest stories


class StoryQuerySet(PageQuerySet):
    def in_jobcenters(self, jobcenters):
        """The stories of any of these jobcenters (their children), in one query."""
        q = Q(pk__in=[])
        for jobcenter in jobcenters:
            q |= Q(path__startswith=jobcenter.path, depth=jobcenter.depth + 1)
        return self.filter(q)

    def for_listing(self):
        """Stories ready for a card, newest first: jobcenter and region names in the same query, taxonomy prefetched.

        Plain `-first_published_at` (publishing always sets it), not DESC NULLS LAST: PostgreSQL cannot read its
        ascending index backwards for NULLS LAST, so it sorted every live page (75 ms at 50,000 stories)."""
        parent_path = Substr(OuterRef("path"), 1, (OuterRef("depth") - 1) * Page.steplen)
        grandparent_path = Substr(OuterRef("path"), 1, (OuterRef("depth") - 2) * Page.steplen)
        return (
            self.annotate(
                jobcenter_name=Subquery(Page.objects.filter(path=parent_path).values("title")[:1]),
                region_name=Subquery(Page.objects.filter(path=grandparent_path).values("title")[:1]),
            )
            .defer_streamfields()  # a card shows no StreamField: reading and parsing it was wasted
            .select_related("image")
            .prefetch_related("target_groups")
            .order_by("-first_published_at", "-pk")
        )

    def related_to(self, page, limit=3):
        """Live stories sharing target groups, methods or tags with a story or a method, best overlap first.

        The overlap is counted over the relation tables alone (UNION ALL, then GROUP BY), not over a join of the three:
        the join multiplied every story's rows (groups x methods x tags), 65 ms at 10,000 stories. Target groups and
        common tags are shared by a large part of the corpus, so the count still grew with it (93 ms at 50,000 on
        PostgreSQL); candidates are therefore the newest `WINDOW` stories (8 ms for 5,000, about 3 ms for 2,000). The
        best by overlap (newest first on ties) are then ranked by overlap and publication date."""
        # "id", not "pk": a preview holds the page's relations in modelcluster's query sets, which know only real
        # fields.
        groups = list(page.target_groups.values_list("id", flat=True))
        if isinstance(page, MethodPage):
            methods, tags = [page.pk], []
        else:
            methods = list(page.methods.values_list("id", flat=True))
            tags = list(page.tags.values_list("id", flat=True))
        newest = self.model.objects.order_by("-pk").values("pk")[WINDOW - 1 : WINDOW]
        since = Coalesce(Subquery(newest), 0)  # every story while there are fewer than WINDOW
        by_group = self.model.target_groups.through.objects.filter(storypage_id__gte=since, targetgroup_id__in=groups)
        by_method = self.model.methods.through.objects.filter(storypage_id__gte=since, methodpage_id__in=methods)
        by_tag = self.model.tags.through.objects.filter(content_object_id__gte=since, tag_id__in=tags)
        shared = [
            by_group.values(story=F("storypage_id")),
            by_method.values(story=F("storypage_id")),
            by_tag.values(story=F("content_object_id")),
        ]
        parts = [
            queryset.query.sql_with_params()
            for queryset, ids in zip(shared, (groups, methods, tags), strict=True)
            if ids
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
        stories = self.public().filter(pk__in=ranked[: limit * 2]).for_listing().in_bulk()
        return [stories[pk] for pk in ranked if pk in stories][:limit]
