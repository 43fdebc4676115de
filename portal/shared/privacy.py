"""The personal-data guard: no CPR number is ever stored in a story, and likely identifying details are flagged.

A CPR number is refused wherever it appears (ddmmyy-xxxx, ddmmyy xxxx or ten digits in a row whose first six form
a valid date). The modulus-11 check is deliberately not used: since 2007 valid CPR numbers may fail it.

Likely identifying details (a name next to a diagnosis, an exact age with a municipality, e-mail addresses and phone
numbers outside the contact fields) are not refused but returned as warnings that a consultant must acknowledge.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags

CPR_PATTERN = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})(?:-|\s)?(\d{4})(?![\d-])")

CPR_MESSAGE = (
    "Feltet indeholder et CPR-nummer ({masked}). Portalen må aldrig offentliggøre CPR-numre. "
    "Fjern nummeret, og beskriv borgeren uden oplysninger, der kan identificere ham eller hende."
)


def _is_date(day, month, two_digit_year):
    for century in (1900, 2000):
        try:
            datetime.date(century + two_digit_year, month, day)
        except ValueError:
            continue
        return True
    return False


def find_cpr_numbers(text):
    """Every CPR number in the text (plain text, HTML or JSON), as written."""
    if not text:
        return []
    found = []
    for match in CPR_PATTERN.finditer(str(text)):
        day, month, year = (int(group) for group in match.groups()[:3])
        if _is_date(day, month, year):
            found.append(match.group(0))
    return found


def mask(cpr):
    return cpr[:6] + "-xxxx"


def cpr_error(cpr_numbers):
    return ValidationError(CPR_MESSAGE.format(masked=mask(cpr_numbers[0])), code="cpr_number")


def validate_no_cpr(value):
    """A form and model field validator: refuse a value that holds a CPR number."""
    cpr_numbers = find_cpr_numbers(value)
    if cpr_numbers:
        raise cpr_error(cpr_numbers)


def text_of(value):
    """The text of a field value: rich text as is, StreamField data as the text of its blocks (never their ids)."""
    if value is None:
        return ""
    if hasattr(value, "raw_data"):  # StreamValue
        return "\n".join(_stream_strings(list(value.raw_data)))
    return str(value)


def _stream_strings(data):
    """Every string an editor wrote in StreamField data. Block ids are random UUIDs: "…-250783-1234-…" would look
    like a CPR number, so ids and block types are left out."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in ("id", "type"):
                yield from _stream_strings(value)
    elif isinstance(data, list | tuple):
        for item in data:
            yield from _stream_strings(item)


# --- Warnings: likely identifying details ------------------------------------------------------------------------

FIRST_NAMES = {
    # The most common Danish first names, and a few frequent among newly arrived citizens.
    "anne",
    "kirsten",
    "mette",
    "hanne",
    "anna",
    "helle",
    "susanne",
    "lene",
    "maria",
    "marianne",
    "lone",
    "camilla",
    "pia",
    "louise",
    "charlotte",
    "tina",
    "gitte",
    "bente",
    "jette",
    "karen",
    "peter",
    "michael",
    "lars",
    "jens",
    "thomas",
    "henrik",
    "søren",
    "christian",
    "martin",
    "jan",
    "morten",
    "jesper",
    "anders",
    "niels",
    "mads",
    "rasmus",
    "per",
    "hans",
    "ole",
    "kim",
    "jørgen",
    "frederik",
    "mikkel",
    "emil",
    "lucas",
    "william",
    "oliver",
    "noah",
    "ida",
    "emma",
    "sofie",
    "julie",
    "freja",
    "laura",
    "mathilde",
    "cecilie",
    "sara",
    "fatima",
    "mohammed",
    "ahmed",
    "ali",
    "hassan",
    "omar",
    "amina",
    "aisha",
    "yasmin",
    "leila",
    "mustafa",
    "ibrahim",
    "abdi",
    "mariam",
    "zahra",
}
DIAGNOSES = (
    "depression",
    "angst",
    "skizofreni",
    "psykose",
    "ptsd",
    "ptsd-",
    "adhd",
    "add",
    "autisme",
    "bipolar",
    "ocd",
    "misbrug",
    "alkoholi",
    "hash",
    "kokain",
    "stress",
    "diabetes",
    "kræft",
    "sclerose",
    "gigt",
    "hiv",
    "epilepsi",
    "spiseforstyrrelse",
    "personlighedsforstyrrelse",
    "diagnose",
)
NAME_PATTERN = re.compile(r"\b([A-ZÆØÅ][a-zæøåé]+)\s+([A-ZÆØÅ][a-zæøåé]+(?:sen|son|gaard|strup|berg|holm|\w{2,}))\b")
AGE_PATTERN = re.compile(r"\b(\d{1,2})\s*(?:-\s*)?(?:årig|år gammel|år\b)", re.IGNORECASE)
EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE_PATTERN = re.compile(r"(?<!\d)(?:\+45\s?)?(?:\d{2}\s?){3}\d{2}(?!\d)")


def _near_diagnosis(text, start, end, window=80):
    around = text[max(0, start - window) : end + window].lower()
    return next((word for word in DIAGNOSES if word in around), None)


def identifying_details(text, municipalities=()):
    """Messages about likely identifying details in one text."""
    text = strip_tags(text_of(text))
    messages = []
    for match in NAME_PATTERN.finditer(text):
        if match.group(1).lower() in FIRST_NAMES:
            diagnosis = _near_diagnosis(text, match.start(), match.end())
            if diagnosis:
                messages.append(
                    f"Et navn («{match.group(0)}») står tæt på en helbredsoplysning («{diagnosis}»). "
                    "Helbredsoplysninger er følsomme: brug en rolle eller et opdigtet fornavn."
                )
    lowered = text.lower()
    for match in AGE_PATTERN.finditer(text):
        municipality = next((name for name in municipalities if name and name.lower() in lowered), None)
        if municipality:
            messages.append(
                f"En præcis alder («{match.group(0)}») sammen med en kommune («{municipality}») kan pege på én "
                "borger. Skriv et aldersinterval i stedet, fx «i 30'erne»."
            )
            break
    for match in EMAIL_PATTERN.finditer(text):
        messages.append(f"E-mailadressen «{match.group(0)}» står uden for kontaktpersonens felter.")
    for match in PHONE_PATTERN.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        looks_like_years = all(half[:2] in ("19", "20") for half in (digits[-8:-4], digits[-4:]))
        if not looks_like_years:
            messages.append(f"Telefonnummeret «{match.group(0).strip()}» står uden for kontaktpersonens felter.")
    return messages
