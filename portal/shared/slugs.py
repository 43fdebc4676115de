"""Danish text to ASCII slugs: æ, ø and å are written as ae, oe and aa (as in the portal's addresses)."""

from django.utils.text import slugify

DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def transliterate(text):
    return text.translate(DANISH_LETTERS)


def danish_slugify(text):
    return slugify(transliterate(text))
