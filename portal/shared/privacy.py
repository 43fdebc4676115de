"""The personal-data policy: the one place that says what counts as a CPR number and what is flagged as a likely
identifying detail. Everything else (models, forms, uploads, the scan command) calls `check` or `warnings`.

`check(text)` returns the CPR numbers in a text as findings; `warnings(text)` the likely identifying details (a name
next to a diagnosis, an exact age with a municipality, e-mail addresses and phone numbers outside the contact
fields), which a consultant must acknowledge but which are not refused. Both look at a normalised text
(`normalise`): Unicode NFKC; format characters (category Cf: zero-width space, word joiner, soft hyphen, BOM)
removed; every dash, hyphen and minus written "-"; every space, tab and line break written " "; HTML tags stripped
and entities decoded.

A CPR number is ten digits whose first six form a real date (ddmmyy, any century: the modulus-11 check is
deliberately not used, since 2007 valid CPR numbers may fail it). The digits may be split anywhere by short runs
of separators (any signs but letters, digits, commas and semicolons; at most `MAX_SEPARATORS` in a row) and may stand
next to letters or hyphens; they may not cut a longer run of digits (`0102801234567` is not a CPR number). Numbers
that are deliberately not taken for CPR numbers, although ten digits could be read as one (README, "Privacy"):
- a date with a four-digit year first (`01.02.2020 12:30`): the groups read day, month, 19xx/20xx;
- an amount in thousands (`2.010.280.123 kr.`): one to three digits, then groups of exactly three after dots;
- anything inside a UUID (`9c2f0783-1a34-4abc-8def-ab2507831234`), e.g. StreamField block ids.
"""

import datetime
import html
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags

MAX_SEPARATORS = 4
# Separators between the digits: any character that is neither a letter nor a digit (spaces, dashes, dots, slashes,
# colons, underscores, middle dots, tildes, plus, $, %, #, *, arrows, degree signs, control characters …), because a
# hostile writer can put any sign between digit groups. Deliberately NOT the comma and the semicolon: they separate
# list items and decimals ("3, 4 og 5", "12,5 mio."), so "010280,1234" reads as two numbers, and lists must pass.
LIST_SEPARATORS = ",;"
REDACTED = "[CPR-nummer fjernet]"
ENTITY_ROUNDS = 3  # entities are decoded until the text is stable, at most this many times ("&amp;#8209;")

CPR_MESSAGE = (
    "Feltet indeholder et CPR-nummer ({masked}). Portalen må aldrig offentliggøre CPR-numre. "
    "Fjern nummeret, og beskriv borgeren uden oplysninger, der kan identificere ham eller hende. "
    "Er det ikke et CPR-nummer, men fx et P-nummer, et kontonummer eller en dato med et antal, så skriv det om: "
    "udelad P- og kontonumre (de hører ikke hjemme i en historie), og skriv datoen med bogstaver, "
    "fx »pr. 1. februar 2024: 250 personer«."
)

# Default_Ignorable_Code_Point (Unicode DerivedCoreProperties.txt) as ranges, plus the braille blank (U+2800) that
# renders as nothing. Category Cf, Mn and Me are removed as well (see `_character`).
_IGNORABLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x2800, 0x2800),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)

_DASHES = {"\u2212", "\u2011", "\u2010", "\ufe63", "\uff0d"}
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_DIGIT_GROUP = re.compile(r"\d+")
_LOOKS_LIKE_HTML = re.compile(r"<[a-zA-Z/!]|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_ATTRIBUTE_VALUE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


@dataclass(frozen=True)
class Finding:
    """One thing the policy found: `kind` ("cpr" or "warning"), the masked text safe to show and log, and the
    message for the user. `start`/`end` are positions in the normalised text (`normalise`)."""

    kind: str
    masked: str
    message: str
    start: int = 0
    end: int = 0
    digits: str = ""  # the ten digits of a CPR number (never logged, never shown)


def _ignorable(char):
    code = ord(char)
    return any(low <= code <= high for low, high in _IGNORABLE)


def _character(char):
    category = unicodedata.category(char)
    if category in ("Cf", "Mn", "Me") or _ignorable(char):
        return ""
    if category == "Pd" or char in _DASHES:
        return "-"
    if category in ("Zs", "Zl", "Zp") or char in "\t\n\r\v\f":
        return " "
    return char


def normalise(text):
    """The text the rules look at (see the module docstring). Rich text and plain text alike: a "<" that opens no
    tag and an "&" that starts no entity are left as they are."""
    if text is None:
        return ""
    text = str(text)
    if _LOOKS_LIKE_HTML.search(text):
        # The attribute values (a link's href, a title) are read too, each after the text and apart from it ("|"
        # is no separator): <a href="https://example.dk/sag/0102801234">.
        attributes = [_unescape(value) for value in attribute_values(text)]
        # Tags become a space only between blocks; inline tags (<b>010280</b>-1234) vanish, as the reader sees it.
        text = re.sub(r"</?(p|div|li|ul|ol|h\d|br|tr|td|th|table|blockquote)\b[^>]*>", " ", text, flags=re.I)
        text = " | ".join([_unescape(strip_tags(text)), *attributes])
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_character(char) for char in text)
    return unicodedata.normalize("NFKC", text)


def _unescape(text):
    """Entities decoded until the text is stable (bounded): "010280&amp;#8209;1234" as Draftail stores a typed
    entity reads "010280‑1234"."""
    for _round in range(ENTITY_ROUNDS):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def attribute_values(markup):
    """The attribute values of every tag in the markup, as written (a URL also percent-decoded)."""
    values = []
    for tag in _TAG.findall(str(markup)):
        for match in _ATTRIBUTE_VALUE.finditer(tag):
            value = next(group for group in match.groups() if group is not None)
            values.append(value)
            if "%" in value:
                values.append(unquote(_unescape(value)))
    return values


def _is_date(digits):
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    for century in (1900, 2000):
        try:
            datetime.date(century + year, month, day)
        except ValueError:
            continue
        return True
    return False


def _chains(text):
    """Runs of digit groups joined by short separator runs: [[(start, end), …], …] in the normalised text."""
    chain = []
    for match in _DIGIT_GROUP.finditer(text):
        if chain:
            between = text[chain[-1][1] : match.start()]
            if len(between) > MAX_SEPARATORS or any(char.isalnum() or char in LIST_SEPARATORS for char in between):
                yield chain
                chain = []
        chain.append((match.start(), match.end()))
    if chain:
        yield chain


def _deliberately_not(text, groups):
    """The documented readings that win over a CPR number (module docstring)."""
    sizes = [end - start for start, end in groups]
    values = [text[start:end] for start, end in groups]
    if len(sizes) >= 3 and sizes[0] <= 2 and sizes[1] <= 2 and sizes[2] == 4 and values[2][:2] in ("19", "20"):
        return True  # dd.mm.yyyy …
    joins = [text[groups[i][1] : groups[i + 1][0]] for i in range(len(groups) - 1)]
    # 1.234.567.890
    return len(groups) >= 3 and sizes[0] <= 3 and all(size == 3 for size in sizes[1:]) and set(joins) == {"."}


def _mask_digits(digits):
    return digits[:6] + "-xxxx"


def _cpr_findings(text):
    text = _UUID.sub(lambda match: "x" * len(match.group(0)), text)
    found = []
    for chain in _chains(text):
        for first in range(len(chain)):
            digits = ""
            for last in range(first, len(chain)):
                digits += text[chain[last][0] : chain[last][1]]
                if len(digits) >= 10:
                    break
            if len(digits) != 10 or not _is_date(digits):
                continue
            groups = chain[first : last + 1]
            if _deliberately_not(text, groups):
                continue
            masked = _mask_digits(digits)
            found.append(Finding("cpr", masked, CPR_MESSAGE.format(masked=masked), groups[0][0], groups[-1][1], digits))
    return found


def check(text):
    """The CPR numbers in a text (plain text, rich text or JSON), as findings; a percent-encoded text (a link
    address such as `…/sag/010280%2D1234`) is also read decoded."""
    return _scanned(text)[1]


def _scanned(text):
    """(the normalised text the findings point into, the findings)."""
    if not text:
        return "", []
    clean = normalise(text)
    findings = _cpr_findings(clean)
    if not findings and "%" in str(text):
        decoded = normalise(unquote(str(text)))
        findings = _cpr_findings(decoded)
        if findings:
            clean = decoded
    return clean, findings


def warnings(text, municipalities=()):
    """The likely identifying details in a text, as findings (not refused: a consultant acknowledges them)."""
    return [Finding("warning", "", message) for message in identifying_details(text, municipalities)]


def redact(text):
    """The text with every CPR number replaced by REDACTED (on the normalised text: a redacted rich text keeps
    its words, not its inline formatting around the number). Returns the text unchanged when there is none."""
    clean, findings = _scanned(text)
    if not findings:
        return text
    if _LOOKS_LIKE_HTML.search(str(text)):
        return _redact_markup(str(text))
    for finding in sorted(findings, key=lambda finding: finding.start, reverse=True):
        clean = clean[: finding.start] + REDACTED + clean[finding.end :]
    return clean


def _redact_markup(markup):
    """Redact rich text by its text nodes: a number inside one text node is replaced there; one split by tags
    (<b>010280</b>-1234) takes the text of the whole element."""
    parts = re.split(r"(<[^>]+>)", markup)
    parts = [
        _redact_attributes(part)
        if part.startswith("<")
        else redact(_unescape(part)).replace("&", "&amp;").replace("<", "&lt;")
        if check(part)
        else part
        for part in parts
    ]
    joined = "".join(parts)
    if not check(joined):
        return joined
    return "<p>" + redact(normalise(joined)).replace("&", "&amp;").replace("<", "&lt;") + "</p>"


def _redact_attributes(tag):
    """A tag whose attribute values hold a CPR number, with those values replaced (a link keeps its text)."""

    def value(match):
        written = next(group for group in match.groups() if group is not None)
        if not check(_unescape(written)) and not check(unquote(_unescape(written))):
            return match.group(0)
        return '="' + REDACTED + '"'

    return _ATTRIBUTE_VALUE.sub(value, tag)


# --- The public names the rest of the portal has always used (thin wrappers over `check`) -------------------------


def find_cpr_numbers(text):
    """Every CPR number in the text (plain text, HTML or JSON), masked (`010280-xxxx`): never the number itself."""
    return [finding.masked for finding in check(text)]


def mask(cpr):
    """A CPR number as it may be shown: the date and four x's."""
    digits = re.sub(r"\D", "", normalise(cpr))
    return _mask_digits(digits) if len(digits) >= 6 else "xxxxxx-xxxx"


def cpr_error(cpr_numbers):
    first = cpr_numbers[0]
    masked = first.masked if isinstance(first, Finding) else mask(first)
    return ValidationError(CPR_MESSAGE.format(masked=masked), code="cpr_number")


def validate_no_cpr(value):
    """A form and model field validator: refuse a value that holds a CPR number."""
    cpr_numbers = find_cpr_numbers(text_of(value))
    if cpr_numbers:
        raise cpr_error(cpr_numbers)


def text_of(value):
    """The text of a field value: rich text as is, StreamField data as the text of its blocks (never their ids)."""
    if value is None:
        return ""
    if hasattr(value, "raw_data"):  # StreamValue
        return "\n".join(_stream_strings(list(value.raw_data)))
    if isinstance(value, list | tuple | dict):
        return "\n".join(_stream_strings(value))
    return str(value)


def _stream_strings(data):
    """Every string an editor wrote in StreamField data. Block ids and types are left out."""
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
    text = normalise(text_of(text))
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
