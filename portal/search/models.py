"""The database engine's search index: one entry per live story, method and event, with its facet values.

Kept up to date by the same background tasks that feed the search engine (see portal.search.indexing).
"""

from django.db import models
from wagtail.search import index


class SearchEntry(index.Indexed, models.Model):
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", primary_key=True)
    type = models.CharField(max_length=20)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    stems = models.TextField(blank=True, help_text="Danish stems of all the text, so 'misbrug' finds 'misbrugere'.")
    url = models.CharField(max_length=500)
    published_at = models.DateTimeField(null=True, db_index=True)
    display = models.JSONField(default=dict, help_text="What a result shows: jobcenter, evidence, target groups.")

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("stems"),
        index.AutocompleteField("title"),
    ]

    class Meta:
        verbose_name = "søgeindeks-post"
        verbose_name_plural = "søgeindeks"

    def __str__(self):
        return self.title


class SearchFacetValue(models.Model):
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=255)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"]), models.Index(fields=["entry", "facet"])]
        constraints = [models.UniqueConstraint(fields=["entry", "facet", "value"], name="unique_facet_value")]

    def __str__(self):
        return f"{self.facet}={self.value}"


class SearchWord(models.Model):
    """The indexed vocabulary: every word of the indexed text, with the number of entries that hold it. Spelling
    corrections and word suggestions choose from it, for every engine (it is kept with the database engine's index,
    which is always kept up to date). Looked up by stem (is a word known?) and by first letter and length (which
    words are near it?)."""

    word = models.CharField(max_length=50, primary_key=True)
    stem = models.CharField(max_length=50, db_index=True)
    initial = models.CharField(max_length=1)
    length = models.PositiveSmallIntegerField()
    frequency = models.PositiveIntegerField(help_text="Entries that hold the word.")

    class Meta:
        verbose_name = "søgeord"
        verbose_name_plural = "søgeord"
        indexes = [models.Index(fields=["initial", "length"])]

    def __str__(self):
        return self.word
