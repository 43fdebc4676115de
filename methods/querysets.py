"""The method query set."""

from django.db.models import Count
from wagtail.query import PageQuerySet


class MethodQuerySet(PageQuerySet):
    def related_to(self, page, limit=3):
        """Live methods sharing target groups with a story or a method (a story's own methods left out)."""
        groups = list(page.target_groups.values_list("id", flat=True))
        excluded = [page.pk]
        if not isinstance(page, self.model):
            excluded += list(page.methods.values_list("id", flat=True))
        if not groups:
            return []
        ranked = (
            self.live()
            .public()
            .exclude(pk__in=excluded)
            .filter(target_groups__in=groups)
            .values("pk")
            .annotate(overlap=Count("target_groups", distinct=True))
            .order_by("-overlap", "title")
        )
        ids = [row["pk"] for row in ranked[:limit]]
        methods = self.model.objects.defer_streamfields().in_bulk(ids)  # a card shows no StreamField
        return [methods[pk] for pk in ids if pk in methods]
