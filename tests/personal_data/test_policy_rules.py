"""The personal-data policy's rules (portal.shared.privacy): every disguise of a CPR number in issue 13 is found, on
the normalised text, and the fixed corpus of look-alikes is deliberately let through."""

import datetime
import re

import pytest
from django.utils.text import slugify
from hypothesis import assume, given
from hypothesis import strategies as st
from taggit.models import Tag

from portal.shared.privacy import REDACTED, check, find_cpr_numbers, mask, normalise, redact, warnings
from portal.shared.slugs import danish_slugify
from portal.shared.uploads import clean_file_name

# Each variant from the issue, as typed (escapes make the invisible characters visible here).
VARIANTS = {
    "dots-and-dash": "01.02.80-1234",
    "en-dash": "010280\u20131234",
    "minus-sign": "010280\u22121234",
    "non-breaking-hyphen": "010280\u20111234",
    "two-spaces": "010280  1234",
    "two-no-break-spaces": "010280\u00a0\u00a01234",
    "pairs-of-digits": "01 02 80 1234",
    "soft-hyphen": "010280\u00ad1234",
    "zero-width-space": "010280\u200b1234",
    "slash": "010280/1234",
    "dollar-signs": "0102$80$1234",
    "percent-sign": "010280%1234",
    "arrow": "010280\u21921234",
    "degree-signs": "0102\u00b080\u00b01234",
    "control-character": "0102\x0780-1234",
    "percent-encoded-link": "https://example.dk/sag/010280%2D1234",
    "percent-encoded-digits": "https://example.dk/sag/%30%31%30%32%38%30-1234",
    "colon": "010280:1234",
    "underscore": "010280_1234",
    "hyphen-before": "ref-010280-1234",
    "hyphen-after": "010280-1234-",
    "rich-text-bold": "<b>010280</b>-1234",
    "rich-text-entity": "010280&#8209;1234",
    "fullwidth-digits": "\uff10\uff11\uff10\uff12\uff18\uff10-\uff11\uff12\uff13\uff14",
    "word-joiner": "010280\u20601234",
    "bom": "010280\ufeff1234",
    "letters-around": "journal010280-1234b",
    "tab-and-newline": "010280\t\n1234",
    # Found by the hostile tester (fix-f1-cpr): invisible characters between the digits ...
    "variation-selector": "010280\ufe0f1234",
    "variation-selector-supplement": "010280\U000e01001234",
    "combining-grapheme-joiner": "010280\u034f1234",
    "mongolian-free-variation-selector": "010280\u180b1234",
    "khmer-inherent-vowel": "010280\u17b41234",
    "hangul-filler": "010280\u31641234",
    "hangul-choseong-filler": "010280\u115f1234",
    "halfwidth-hangul-filler": "010280\uffa01234",
    "braille-blank": "010280\u28001234",
    "combining-accent": "0102\u030180-12\u20dd34",
    # ... visible dots and signs used as separators ...
    "middle-dot": "010280\u00b71234",
    "hyphenation-point": "010280\u20271234",
    "hyphen-bullet": "010280\u20431234",
    "katakana-middle-dot": "010280\u30fb1234",
    "halfwidth-katakana-middle-dot": "010280\uff651234",
    "tilde": "010280~1234",
    "plus": "010280+1234",
    # ... a number in a link's address in rich text ...
    "link-path": '<a href="https://example.dk/sag/0102801234">sagen</a>',
    "link-query": '<a href="https://example.dk/?cpr=010280-1234">sagen</a>',
    "link-mailto": '<a href="mailto:010280-1234@example.dk">skriv</a>',
    "link-percent-encoded": '<a href="https://example.dk/010280%2D1234">sagen</a>',
    "image-alt-in-rich-text": '<embed embedtype="image" id="3" alt="Borger 010280-1234" format="left"/>',
    # ... and an entity Draftail stored as typed text (decoded twice).
    "rich-text-entity-typed-in-draftail": "<p>010280&amp;#8209;1234</p>",
}


@pytest.mark.parametrize("text", VARIANTS.values(), ids=VARIANTS.keys())
def test_each_disguise_from_the_issue_is_found_and_shown_masked(text):
    assert find_cpr_numbers(f"Borgeren {text} kom i praktik.") == ["010280-xxxx"]
    [finding] = check(text)
    assert finding.masked == "010280-xxxx" and "1234" not in finding.message


# Derived values: what the sanitisers make of a disguised number is still a CPR number.
DERIVED = {
    "page-slug": (danish_slugify, "Forløb 01.02.80-1234 i Varde", "forloeb-010280-1234-i-varde"),
    "tag-slug": (lambda name: Tag().slugify(name), "cpr 010280  1234", "cpr-010280-1234"),
    "file-name": (lambda name: clean_file_name(name, "pdf"), "01.02.80-1234.pdf", None),
}


@pytest.mark.parametrize("derive, typed, expected", DERIVED.values(), ids=DERIVED.keys())
def test_derived_values_are_checked_after_derivation(derive, typed, expected):
    derived = derive(typed)
    if expected:
        assert derived == expected
    assert find_cpr_numbers(typed) == find_cpr_numbers(derived) == ["010280-xxxx"]


# The fixed false-positive corpus: each is let through on purpose (README, "Privatliv og tilgængelighed").
NOT_CPR = {
    "date-four-digit-year": "Mødet var 01.02.2020.",
    "date-and-time": "Start 01.02.2020 12:30 i salen.",
    "date-range-four-digit-years": "01-02-2020 - 31-12-2020",
    "amount": "Budgettet var 1.234.567 kr.",
    "large-amount": "I alt 2.010.280.123 kr. over ti år",
    "phone": "Ring på 75 12 34 56",
    "phone-with-country-code": "+45 31 01 28 01",
    "phone-eight-digits": "tlf. 31012801",
    "journal-number": "J.nr. 00.01.00-A00-1-20",
    "case-number": "Sag 2023-1234-56",
    "years": "Perioden 2019-2020 og 2021 2022",
    "uuid": "9c2f0783-1a34-4abc-8def-ab2507831234",
    "uuid-with-date-like-digits": "550e8400-0102-8012-34ab-426614174000",
    "eleven-digits": "0102801234 5"[:-2] + "56",  # 0102801234 followed by 56 in one run
    "not-a-date": "321390-1234",
    "month-13": "011390-1234",
    "no-29-february": "290201-1234",
    "ean-number": "5701234567890",
    "time-of-day": "kl. 10:15-12:30",
    "percent": "25 % af 40 borgere efter 12 måneder",
    "comma-list": "Holdene 010280, 1234 og 17",  # the comma is deliberately no separator (privacy.LIST_SEPARATORS)
    "decimal-comma": "Udgiften 1,5 mio. kr. for 010280,1234 timer",
    "accented-word-between-numbers": "Trin 12 café 34",
}


# Refused although they may be innocent (README): ten digits that cannot be told from a CPR number. The message
# says how to write such a number instead.
REFUSED_LOOK_ALIKES = {
    "p-number": "P-nr 1012345678",
    "count-at-a-date": "pr. 01.02.24 1234 personer",
    "count-at-a-date-with-dash": "Opgjort 31.12.23 - 1250 borgere",
    "account-number": "kontonr. 0102801234",
}


@pytest.mark.parametrize("text", REFUSED_LOOK_ALIKES.values(), ids=REFUSED_LOOK_ALIKES.keys())
def test_ten_digit_look_alikes_are_refused_with_advice_on_how_to_write_them(text):
    [finding] = check(text)
    assert "P-nummer" in finding.message and "pr. 1. februar 2024" in finding.message


@pytest.mark.parametrize("text", NOT_CPR.values(), ids=NOT_CPR.keys())
def test_the_false_positive_corpus_passes(text):
    assert check(text) == []


def test_a_number_in_a_longer_run_of_digits_is_not_a_cpr_number_but_one_next_to_more_numbers_is():
    assert check("010280123456") == []  # twelve digits in one run
    assert find_cpr_numbers("010280-1234 2 gange") == ["010280-xxxx"]


def test_normalising_removes_format_characters_and_unifies_dashes_and_spaces():
    assert normalise("a\u00adb\u200bc\u2013d\u2212e\u00a0f\tg<b>h</b>&amp;") == "abc-d-e f gh&"


def test_masking_never_shows_the_last_four_digits():
    assert mask("01.02.80-1234") == "010280-xxxx"
    assert "1234" not in " ".join(finding.message for finding in check("010280-1234"))


def test_redacting_removes_the_number_and_keeps_the_rest():
    assert redact("Borgeren 01.02.80-1234 fik job.") == f"Borgeren {REDACTED} fik job."
    redacted = redact("<p>Se <b>010280</b>-1234 og <i>mere</i></p>")
    assert not check(redacted) and REDACTED in redacted and "mere" in redacted


def test_warnings_use_the_same_normalised_text():
    assert warnings("Mette\u00a0Hansen har angst.")
    assert warnings("Ring 20\u00a030\u00a040\u00a050")


# --- Property-based: any CPR number, any disguise, anywhere ---------------------------------------------------------

SEPARATOR_CHARS = (
    " -./:_\u2013\u2014\u2212\u2011\u2010\u00a0\u2009\u202f\u3000\u00ad\u200b\u2060\ufeff\t\n"
    "~+\u00b7\u2027\u2043\u30fb\uff65"  # visible dots and signs
)
# Invisible characters (default-ignorable code points, braille blank, combining marks): any number of them anywhere.
INVISIBLE_CHARS = (
    "\ufe00\ufe0f\U000e0100\U000e01ef\u034f\u180b\u180c\u180d\u17b4\u17b5\u3164\u115f\u1160\uffa0\u2800"
    "\u0301\u0308\u20dd\u200d\u2061"
)
FULLWIDTH = {str(digit): chr(0xFF10 + digit) for digit in range(10)}


@st.composite
def cpr_numbers(draw):
    born = draw(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31)))
    return born.strftime("%d%m%y") + draw(st.from_regex(r"\A[0-9]{4}\Z"))


def documented_exception(text):
    """The documented look-alikes: a date with a four-digit year first, an amount in thousands."""
    clean = normalise(text)
    groups = re.findall(r"\d+", clean)
    joins = re.findall(r"(?<=\d)\D+(?=\d)", clean)
    sizes = [len(group) for group in groups]
    four_digit_year = len(groups) >= 3 and sizes[0] <= 2 and sizes[1] <= 2 and sizes[2] == 4
    thousands = len(groups) >= 3 and sizes[0] <= 3 and set(sizes[1:]) == {3} and set(joins) == {"."}
    return (four_digit_year and groups[2][:2] in ("19", "20")) or thousands


@st.composite
def disguised(draw, cpr):
    """The ten digits with a short run of separators (perhaps none) between any two, some digits fullwidth."""
    parts = []
    for position, digit in enumerate(cpr):
        if draw(st.booleans()) and draw(st.integers(0, 3)) == 0:
            digit = FULLWIDTH[digit]
        parts.append(digit)
        if position < 9:
            parts.append(draw(st.text(alphabet=SEPARATOR_CHARS, max_size=3)))
            parts.append(draw(st.text(alphabet=INVISIBLE_CHARS, max_size=3)))
    text = "".join(parts)
    assume(not documented_exception(text))
    return text


danish_words = st.lists(
    st.sampled_from(["borgeren", "fik", "job", "i", "Varde", "forløb", "mentor", "kom", "æblehaven", "på", "ref-"]),
    max_size=6,
).map(" ".join)
surroundings = st.sampled_from(["", " ", "-", "ref", "x", "(", ")", ".", "nr.", "\u00a0", "—"])


@given(data=st.data(), cpr=cpr_numbers())
def test_any_disguised_cpr_number_inside_danish_text_is_found(data, cpr):
    number = data.draw(disguised(cpr))
    text = (
        data.draw(danish_words)
        + " "
        + data.draw(surroundings)
        + number
        + data.draw(surroundings)
        + " "
        + data.draw(danish_words)
    )
    assert cpr[:6] + "-xxxx" in find_cpr_numbers(text), ascii(text)


@given(data=st.data(), cpr=cpr_numbers())
def test_any_disguised_cpr_number_in_rich_text_is_found(data, cpr):
    number = data.draw(disguised(cpr))
    split = data.draw(st.integers(0, len(number)))
    markup = f"<p>Borgeren <b>{number[:split]}</b>{number[split:]} fik job.</p>".replace("\u2011", "&#8209;")
    assert cpr[:6] + "-xxxx" in find_cpr_numbers(markup), ascii(markup)


@given(data=st.data(), cpr=cpr_numbers())
def test_any_disguised_cpr_number_in_a_rich_text_attribute_is_found(data, cpr):
    number = data.draw(disguised(cpr)).replace('"', "")
    template = data.draw(
        st.sampled_from(
            [
                '<p>Se <a href="https://example.dk/sag/{}">sagen</a>.</p>',
                '<p>Se <a href="https://example.dk/?cpr={}&amp;x=1">sagen</a>.</p>',
                '<p><a href="mailto:{}@example.dk">skriv</a></p>',
                '<embed embedtype="image" id="7" alt="Borger {}" format="left"/>',
            ]
        )
    )
    markup = template.format(number.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    assert cpr[:6] + "-xxxx" in find_cpr_numbers(markup), ascii(markup)
    assert not check(redact(markup)), ascii(markup)


def test_entities_are_decoded_until_stable_but_boundedly():
    assert find_cpr_numbers("010280&amp;amp;#8209;1234") == ["010280-xxxx"]
    assert normalise("a&amp;amp;amp;amp;lt;b") == "a&amp;lt;b"  # three rounds, then left as it is


@given(data=st.data(), cpr=cpr_numbers())
def test_slugs_tag_slugs_and_file_names_derived_from_a_disguised_number_are_still_refused(data, cpr):
    typed = "Forløb " + data.draw(disguised(cpr)) + " i Varde"
    for derived in (typed, danish_slugify(typed), slugify(typed), Tag().slugify(typed), clean_file_name(typed, "pdf")):
        digits = "".join(char for char in normalise(derived) if char.isdigit())
        # The sanitiser kept the digits together: the derived value must be refused (unless the sanitiser made it
        # one of the documented look-alikes: the typed value, checked too, refuses the save then).
        if cpr in digits and not documented_exception(derived):
            assert find_cpr_numbers(derived), ascii(derived)
    assert find_cpr_numbers(typed)


@given(text=st.text(alphabet=st.characters(blacklist_categories=["Nd", "No"]), max_size=200))
def test_text_without_digits_never_holds_a_cpr_number(text):
    assert check(text) == []
