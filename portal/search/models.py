"""The database engine's search index: one entry per live story, method and event, with its facet values.

Kept up to date by the same background tasks that feed the search engine (see portal.search.indexing).
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.search import index

from portal.search import limits
from portal.search.danish.stopwords import only_stop_words
from portal.search.parsing import clean
from portal.search.text import words
from portal.shared.privacy_guard import GuardedModel


class SearchEntry(index.Indexed, models.Model):
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", primary_key=True)
    type = models.CharField(max_length=20)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    stems = models.TextField(blank=True, help_text="Danish stems of all the text, so 'misbrug' finds 'misbrugere'.")
    parts = models.TextField(
        blank=True,
        help_text="Danish stems of the parts of the text's compound words, so 'dagpenge' finds "
        "'sygedagpengemodtagere'.",
    )
    url = models.CharField(max_length=500)
    published_at = models.DateTimeField(null=True, db_index=True)
    display = models.JSONField(default=dict, help_text="What a result shows: jobcenter, evidence, target groups.")

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("stems"),
        index.SearchField("parts"),
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


MAX_SYNONYMS = 20  # words or expressions in one group
MAX_SYNONYM_WORDS = 6  # words in one expression ("lov om en aktiv beskæftigelsesindsats" has five)


def synonym_entries(text: str) -> list[str]:
    """The group's words and expressions, one per line or separated by commas, cleaned and lower case (each once)."""
    # Invisible format characters (zero-width space, soft hyphen, BOM) are dropped first, so "o\u200bg" is "og".
    visible = "".join(char for char in (text or "") if unicodedata.category(char) != "Cf")
    entries = (" ".join(words(clean(item))) for line in visible.splitlines() for item in line.split(","))
    return list(dict.fromkeys(entry for entry in entries if entry))


class SynonymGroup(GuardedModel, models.Model):
    """Words that mean the same to a practitioner: a search for one of them also finds the others (applied when
    searching, on every engine, so a change counts from the next search; see portal/search/synonyms.py)."""

    name = models.CharField("navn", max_length=100, help_text="Et kort navn til listen, fx »Ledige«.")
    words = models.TextField(
        "ord og udtryk",
        help_text="Ét ord eller udtryk pr. linje (eller adskilt med komma). En søgning på ét af dem finder også "
        "de andre. Skriv grundformen; bøjninger findes af sig selv.",
    )

    class Meta:
        verbose_name = "synonymgruppe"
        verbose_name_plural = "synonymer"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()  # the personal-data guard (GuardedModel)
        entries = synonym_entries(self.words)
        if len(entries) < 2:
            raise ValidationError({"words": "Skriv mindst to forskellige ord eller udtryk."})
        if len(entries) > MAX_SYNONYMS:
            raise ValidationError({"words": f"En gruppe må højst have {MAX_SYNONYMS} ord eller udtryk."})
        for entry in entries:
            if len(entry.split()) > MAX_SYNONYM_WORDS:
                raise ValidationError({"words": f"»{entry}« er for langt: højst {MAX_SYNONYM_WORDS} ord pr. udtryk."})
            if any(len(word) > limits.MAX_WORD_CHARS for word in entry.split()):
                raise ValidationError(
                    {"words": f"Et ord i »{entry[:60]}« er for langt: højst {limits.MAX_WORD_CHARS} tegn."}
                )
            if only_stop_words(entry.split()):
                what = "er et fyldord" if len(entry.split()) == 1 else "består kun af fyldord"
                raise ValidationError(
                    {
                        "words": f"»{entry}« {what} (som »og«, »i«, »at«, »er«), der står i næsten alle tekster: "
                        "så ville en søgning på gruppens andre ord finde alt. Fjern det, eller skriv et ord, der "
                        "betyder noget."
                    }
                )
        self.words = "\n".join(entries)


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
