"""Rich text shown as Markdown in the public form and written back: nothing a reader sees is lost (Hypothesis)."""

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from stories.submission.markdown import MarkdownError, blocks_to_markdown, markdown_to_blocks
from stories.submission.richtext import (
    BREAK,
    Heading,
    Item,
    ListBlock,
    Paragraph,
    Run,
    links,
    normalise,
    parse_html,
    plain_text,
    render_html,
)

# Text with everything Markdown or HTML could take for markup, Danish letters and odd spaces.
ALPHABET = "abcæøåABÆØÅ019 .,:;!?-+*_#[]()<>&\\\"'`~=|/%\u00a0\t"
LINKS = [
    "https://example.dk/",
    "https://example.dk/a_b?x=1&y=2",
    "https://example.dk/mappe med mellemrum/",
    "https://example.dk/(parentes)",
    "http://example.dk/<vinkel>",
    "mailto:kontakt@example.dk",
    "side:12",
    "dokument:5",
]

words = st.text(alphabet=ALPHABET, min_size=1, max_size=12)
marks = st.fixed_dictionaries(
    {"bold": st.booleans(), "italic": st.booleans(), "link": st.none() | st.sampled_from(LINKS)}
)
runs = st.lists(
    st.one_of(st.builds(lambda text, m: Run(text, **m), words, marks), st.just(Run(BREAK))), min_size=1, max_size=8
)


def lists(depth):
    children = st.just(()) if depth == 0 else st.lists(lists(depth - 1), max_size=1).map(tuple)
    items = st.lists(st.builds(lambda r, c: Item(tuple(r), c), runs, children), min_size=1, max_size=3)
    return st.builds(lambda ordered, i: ListBlock(ordered, tuple(i)), st.booleans(), items)


blocks = st.lists(
    st.one_of(
        st.builds(lambda r: Paragraph(tuple(r)), runs),
        st.builds(lambda level, r: Heading(level, tuple(r)), st.sampled_from([3, 4]), runs),
        lists(2),
    ),
    min_size=1,
    max_size=5,
)


def _visible_links(document):
    found = links(document)
    return [link for index, link in enumerate(found) if index == 0 or found[index - 1] != link]


@given(blocks)
def test_the_normal_form_is_stable_and_survives_wagtails_database_format(document):
    normal = normalise(document)
    assert normalise(normal) == normal
    assert parse_html(render_html(normal)) == normal


@given(blocks)
def test_markdown_keeps_every_character_and_link_and_is_stable(document):
    normal = normalise(document)
    back = markdown_to_blocks(blocks_to_markdown(normal))
    assert plain_text(back) == plain_text(normal)
    assert _visible_links(back) == _visible_links(normal)
    assert markdown_to_blocks(blocks_to_markdown(back)) == back


# Formatting as people use it: bold, italic and links begin and end at word boundaries (spaces, breaks, edges).
word_runs = st.lists(
    st.one_of(
        st.builds(lambda text, m: Run(text.strip(" \t\u00a0") or "x", **m), words, marks),
        st.just(Run(BREAK)),
    ),
    min_size=1,
    max_size=8,
).map(lambda found: tuple(piece for run in found for piece in (run, Run(" ")))[:-1])
word_blocks = st.lists(
    st.one_of(
        st.builds(Paragraph, word_runs),
        st.builds(Heading, st.sampled_from([3, 4]), word_runs),
        st.builds(
            lambda ordered, items: ListBlock(ordered, tuple(Item(r) for r in items)),
            st.booleans(),
            st.lists(word_runs, min_size=1, max_size=3),
        ),
    ),
    min_size=1,
    max_size=4,
)


@given(word_blocks)
def test_formatting_at_word_boundaries_survives_markdown_exactly(document):
    normal = normalise(document)
    assert markdown_to_blocks(blocks_to_markdown(normal)) == normal


ALLOWED_TAGS = {"p", "h3", "h4", "b", "i", "a", "ul", "ol", "li", "br"}


@given(st.text(alphabet=ALPHABET + "\n\r", max_size=200))
def test_whatever_a_contributor_types_becomes_safe_stable_rich_text(text):
    try:
        document = markdown_to_blocks(text)
    except MarkdownError:
        assume(False)
    html = render_html(document)
    assert set(re.findall(r"</?([a-z0-9]+)", html)) <= ALLOWED_TAGS
    assert markdown_to_blocks(blocks_to_markdown(document)) == document
    assert "<script" not in html.lower()


@pytest.mark.parametrize(
    "html, markdown",
    [
        ("<p>Vi brugte <b>fed</b> og <i>kursiv</i>.</p>", "Vi brugte **fed** og *kursiv*."),
        ('<p>Se <a href="https://example.dk/">siden</a>.</p>', "Se [siden](https://example.dk/)."),
        ('<p><a linktype="page" id="7">Mentor</a></p>', "[Mentor](side:7)"),
        ("<ul><li>Et</li><li>To<ul><li>Under</li></ul></li></ul>", "- Et\n- To\n  - Under"),
        ("<ol><li>Ring</li><li>Mød op</li></ol>", "1) Ring\n2) Mød op"),
        ("<h3>Trin 1</h3><p>Linje<br/>to</p>", "### Trin 1\n\nLinje\nto"),
        ("<p>1. januar 2024 begyndte vi</p>", "1. januar 2024 begyndte vi"),
        ("<p>- ikke en liste, 50 % * 2</p>", "\\- ikke en liste, 50 % \\* 2"),
    ],
)
def test_named_examples_in_both_directions(html, markdown):
    assert blocks_to_markdown(parse_html(html)) == markdown
    assert render_html(markdown_to_blocks(markdown)) == html


def test_a_danish_date_at_the_start_of_a_line_stays_text_and_numbered_lists_use_a_parenthesis():
    assert render_html(markdown_to_blocks("1. januar\n2. februar")) == "<p>1. januar<br/>2. februar</p>"
    assert render_html(markdown_to_blocks("1) Ring\n2) Mød op")) == "<ol><li>Ring</li><li>Mød op</li></ol>"


@pytest.mark.parametrize("href", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "side:abc"])
def test_unsafe_links_are_refused_with_a_danish_message(href):
    with pytest.raises(MarkdownError, match="Linket"):
        markdown_to_blocks(f"[klik]({href})")


def test_raw_html_is_text_not_markup():
    assert render_html(markdown_to_blocks("<b>fed</b> <script>x</script>")) == (
        "<p>&lt;b&gt;fed&lt;/b&gt; &lt;script&gt;x&lt;/script&gt;</p>"
    )


def test_fewer_features_keep_the_markup_as_text():
    assert render_html(markdown_to_blocks("- punkt\n### x", features=("bold", "italic", "link"))) == (
        "<p>- punkt<br/>### x</p>"
    )
