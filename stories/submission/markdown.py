"""Rich text as Markdown in the public form: what a contributor edits without a CMS, and back again.

Written by `to_markdown` and read by markdown-it-py (CommonMark) with only the rules the features need:
`**fed**`, `*kursiv*`, `[tekst](https://…)`, `- punkt`, `1) punkt`, `### Overskrift` and a new line for a line
break. Raw HTML, code, block quotes, tables, images, reference links and entities are switched off, so what a
contributor types is text unless it is one of those few marks. Two choices made for Danish text:
- a numbered list is written `1)`; a line that starts `1.` stays text ("1. januar 2024 begyndte vi …");
- links to a page or document of the portal are written `[tekst](side:12)` and `[tekst](dokument:5)`.
"""

import re
from dataclasses import replace
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace

from stories.submission.richtext import (
    BREAK,
    Heading,
    Item,
    ListBlock,
    Paragraph,
    Run,
    nest_runs,
    normalise,
    normalise_runs,
)

ALL_FEATURES = ("h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link")
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
_LIST_MARKER = r"(?:[ \t]*(?:[-+*]|\d{1,9}\))[ \t]+)*[ \t]*"
_DOT_NUMBER = re.compile(rf"^({_LIST_MARKER})(\d{{1,9}})\.(?=[ \t]|$)", re.MULTILINE)
_PAREN_NUMBER = re.compile(rf"^({_LIST_MARKER})(\d{{1,9}})\)(?=[ \t]|$)", re.MULTILINE)
_ESCAPED = re.compile(r"([\\*_\[\]#])")
_LINE_START = re.compile(r"^([-+](?=\s|$)|\d{1,9}\)(?=\s|$))")


class MarkdownError(ValueError):
    """Markdown the portal cannot store (an unsafe link); the message is Danish."""


# --- Writing ----------------------------------------------------------------------------------------------------


def _escape(text, at_line_start):
    text = _ESCAPED.sub(r"\\\1", text)
    if at_line_start:
        text = _LINE_START.sub(
            lambda match: "\\" + match.group(0) if match.group(0)[0] in "-+" else match.group(0)[:-1] + "\\)", text
        )
    return text


def _link_destination(link):
    if re.search(r"[\s()<>\\]", link):
        return "<" + re.sub(r"([<>\\])", r"\\\1", link) + ">"
    return link


def _markdown_runs(runs):
    def opener(mark):
        return {"link": "[", "bold": "**", "italic": "*"}[mark[0]]

    def closer(mark):
        return f"]({_link_destination(mark[1])})" if mark[0] == "link" else opener(mark)

    def text(run, out):
        if run.is_break:
            return "\n"
        previous = next((piece for piece in reversed(out) if piece), "")
        return _escape(run.text, at_line_start=previous == "" or previous.endswith("\n"))

    return nest_runs(list(runs), opener, closer, text)


def _indent(text, width):
    return text.replace("\n", "\n" + " " * width)


def _markdown_list(block):
    lines = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number})" if block.ordered else "-"
        width = len(marker) + 1
        body = _markdown_runs(item.runs)
        children = "\n".join(_markdown_list(child) for child in item.children)
        text = f"{marker} {_indent(body, width)}" if body else marker
        if children:
            text += "\n" + " " * width + _indent(children, width)
        lines.append(text)
    return "\n".join(lines)


def _write(block):
    if isinstance(block, Paragraph):
        return _markdown_runs(block.runs)
    if isinstance(block, Heading):
        return "#" * block.level + " " + _markdown_runs(block.runs)
    return _markdown_list(block)


def blocks_to_markdown(blocks):
    """Blocks (in normal form) as Markdown that reads back to the same blocks.

    CommonMark cannot write every formatting: `*` only opens before punctuation after a space or punctuation
    (`ord*"citat"*` stays text), and closes likewise. Each block is read back to check; where it does not come back
    the same, punctuation at the edge of the bold or italic moves outside it, and failing that the block's bold and
    italic are left out. The text and the links always come back."""
    parts = []
    for block in blocks:
        for candidate in _fallbacks(block):
            text = _write(candidate)
            if markdown_to_blocks(text) == [candidate]:
                break
        parts.append(text)
    return "\n\n".join(parts)


def _fallbacks(block):
    yield block
    yield _map_runs(block, _punctuation_outside)
    yield _map_runs(block, lambda runs: [replace(run, italic=False) for run in runs])
    yield _map_runs(block, lambda runs: [replace(run, italic=False, bold=False) for run in runs])


def _map_runs(block, change):
    if isinstance(block, Paragraph):
        return Paragraph(normalise_runs(change(list(block.runs))))
    if isinstance(block, Heading):
        return Heading(block.level, normalise_runs(change(list(block.runs))))
    return ListBlock(
        block.ordered,
        tuple(
            Item(normalise_runs(change(list(item.runs))), tuple(_map_runs(child, change) for child in item.children))
            for item in block.items
        ),
    )


def _is_punctuation(char):
    return isMdAsciiPunct(ord(char)) or isPunctChar(char)


def _is_space(char):
    return char is None or char == BREAK or isWhiteSpace(ord(char))


def _punctuation_outside(runs):
    """Bold and italic that begin with punctuation right after a letter (or end with it right before one) give up
    that punctuation, so the Markdown delimiters can open and close."""
    for mark in ("bold", "italic"):
        index = 0
        while index < len(runs):
            run = runs[index]
            if not getattr(run, mark) or run.is_break:
                index += 1
                continue
            before = runs[index - 1] if index else None
            after = runs[index + 1] if index + 1 < len(runs) else None
            outside_before = before.text[-1] if before and not getattr(before, mark) else None
            outside_after = after.text[0] if after and not getattr(after, mark) else None
            text = run.text
            if (
                outside_before
                and _is_punctuation(text[0])
                and not (_is_space(outside_before) or _is_punctuation(outside_before))
            ):
                cut = len(text) - len(text.lstrip("".join(c for c in text if _is_punctuation(c))))
                runs[index : index + 1] = [
                    r for r in (replace(run, text=text[:cut], **{mark: False}), replace(run, text=text[cut:])) if r.text
                ]
                continue
            if (
                outside_after
                and _is_punctuation(text[-1])
                and not (_is_space(outside_after) or _is_punctuation(outside_after))
            ):
                cut = len(text.rstrip("".join(c for c in text if _is_punctuation(c))))
                runs[index : index + 1] = [
                    r for r in (replace(run, text=text[:cut]), replace(run, text=text[cut:], **{mark: False})) if r.text
                ]
                continue
            index += 1
    return runs


# --- Reading ----------------------------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _parser(features):
    parser = MarkdownIt("zero", {"breaks": True, "html": False, "linkify": False, "typographer": False})
    rules = ["escape", "newline"]
    if {"bold", "italic"} & set(features):
        rules.append("emphasis")
    if {"link", "document-link"} & set(features):
        rules.append("link")
    if {"h3", "h4"} & set(features):
        rules.append("heading")
    if {"ol", "ul"} & set(features):
        rules.append("list")
    parser.enable(rules)
    parser.validateLink = lambda url: True  # checked by _checked_link, with a Danish message
    parser.normalizeLink = lambda url: url  # keep addresses exactly as written (no percent-encoding)
    parser.normalizeLinkText = lambda url: url
    return parser


def _checked_link(href, features):
    lowered = href.strip().lower()
    if any(lowered.startswith(scheme) for scheme in UNSAFE_SCHEMES):
        raise MarkdownError(f"Linket «{href}» kan ikke bruges. Skriv en adresse, der begynder med https://.")
    kind, _, target = href.partition(":")
    if kind in ("side", "dokument") and not target.isdigit():
        raise MarkdownError(f"Linket «{href}» peger ikke på en side eller et dokument på portalen.")
    if kind == "dokument" and "document-link" not in features:
        raise MarkdownError("Her kan der ikke linkes til dokumenter.")
    return href


def _inline_runs(token, features):
    runs, bold, italic, links = [], 0, 0, []
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "text_special"):
            runs.append(Run(child.content, bold=bold > 0, italic=italic > 0, link=links[-1] if links else None))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(BREAK))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            links.append(_checked_link(child.attrs.get("href", ""), features))
        elif kind == "link_close":
            links.pop()
    return runs


def _read_blocks(tokens, start, stop_type, features):
    """Blocks from tokens[start:] up to the closing token `stop_type`; returns (blocks, next index)."""
    blocks, index = [], start
    while index < len(tokens):
        token = tokens[index]
        if token.type == stop_type:
            return blocks, index + 1
        if token.type in ("paragraph_open", "heading_open"):
            runs = _inline_runs(tokens[index + 1], features)
            level = 3 if token.tag in ("h1", "h2", "h3") else 4
            blocks.append(Heading(level, tuple(runs)) if token.type == "heading_open" else Paragraph(tuple(runs)))
            index += 3
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            ordered = token.type == "ordered_list_open"
            items, index = _read_items(tokens, index + 1, token.type.replace("_open", "_close"), features)
            blocks.append(ListBlock(ordered, tuple(items)))
        else:
            index += 1
    return blocks, index


def _read_items(tokens, index, stop_type, features):
    items = []
    while index < len(tokens) and tokens[index].type != stop_type:
        if tokens[index].type != "list_item_open":
            index += 1
            continue
        content, index = _read_blocks(tokens, index + 1, "list_item_close", features)
        runs, children = [], []
        for block in content:
            if isinstance(block, ListBlock):
                children.append(block)
            else:
                runs += ([Run(BREAK)] if runs else []) + list(block.runs)
        items.append(Item(tuple(runs), tuple(children)))
    return items, index + 1


def markdown_to_blocks(text, features=ALL_FEATURES):
    """What a contributor wrote as blocks in normal form, within the features allowed. Raises MarkdownError."""
    features = tuple(sorted(features))
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _DOT_NUMBER.sub(r"\1\2\\.", text)
    if "ol" not in features:
        text = _PAREN_NUMBER.sub(r"\1\2\\)", text)
    blocks, _index = _read_blocks(_parser(features).parse(text), 0, None, features)
    if not {"h3", "h4"} & set(features):
        blocks = [Paragraph(block.runs) if isinstance(block, Heading) else block for block in blocks]
    return normalise(blocks)
