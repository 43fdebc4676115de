"""Wagtail rich text as a small tree, so the public form can show it as Markdown and write it back unchanged.

The tree holds what a reader sees in the rich text features the portal allows (`RICH_TEXT_FEATURES`): paragraphs,
h3/h4 headings, bulleted and numbered lists (nested), bold, italic, line breaks, and links (external, to a page,
to a document). `parse_html` reads Wagtail's database format into the tree in its normal form; `render_html`
writes the tree back in that format. Markup outside the features (the editor's `data-block-key`s for comment
positions, other tags) is not kept; the text inside it is.

The normal form only changes what a reader cannot see:
- whitespace runs become one space; blocks, headings and list items do not start or end with spaces or breaks;
- spaces carry no bold or italic (a bold space looks like any other space);
- a line break in a heading becomes a space; two breaks in a row in a paragraph split it in two;
- empty paragraphs, headings, list items, links and lists are dropped; adjacent lists of the same kind are merged;
  a list item with no text of its own is replaced by the items of its nested lists (one level up).
"""

import re
from dataclasses import dataclass, field, replace
from html import escape
from html.parser import HTMLParser

BREAK = "\n"
_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")


@dataclass(frozen=True)
class Run:
    """Inline text with one formatting; `text` is BREAK alone for a line break. `link` is an external address,
    `side:<id>` (a page) or `dokument:<id>` (a document)."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None

    @property
    def is_break(self):
        return self.text == BREAK

    def marks(self):
        return (self.bold, self.italic, self.link)


@dataclass(frozen=True)
class Paragraph:
    runs: tuple


@dataclass(frozen=True)
class Heading:
    level: int  # 3 or 4
    runs: tuple


@dataclass(frozen=True)
class Item:
    runs: tuple
    children: tuple = ()  # nested ListBlocks


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple = field(default_factory=tuple)


# --- Normal form ---------------------------------------------------------------------------------------------


def normalise_runs(runs, breaks=True):
    """Inline runs in normal form (see the module docstring). `breaks=False` turns line breaks into spaces."""
    pieces = []
    for run in runs:
        if run.is_break:
            pieces.append(Run(BREAK) if breaks else Run(" ", link=run.link))
            continue
        for part in re.split(r"([ \t\n\r\f\v]+)", run.text):
            if not part:
                continue
            if _WHITESPACE.fullmatch(part):
                pieces.append(Run(" ", link=run.link))  # spaces keep their link (underlined), never bold/italic
            else:
                pieces.append(run if part == run.text else replace(run, text=part))
    result = []
    for run in pieces:
        if run.text == " ":
            previous = result[-1] if result else None
            if previous is None or previous.is_break or previous.text.endswith(" "):
                continue  # no space at the start, after a break, or after another space
        if run.is_break and result and result[-1].text.endswith(" "):
            result[-1] = _strip_end(result[-1])
            if result[-1] is None:
                result.pop()
        if run.is_break and (not result or result[-1].is_break):
            result.append(run)  # kept here; doubled and leading breaks are handled by the callers
            continue
        if result and not run.is_break and not result[-1].is_break and result[-1].marks() == run.marks():
            result[-1] = replace(result[-1], text=result[-1].text + run.text)
        else:
            result.append(run)
    while result and (result[-1].is_break or result[-1].text == " "):
        result.pop()
    return tuple(_trim_lines(result))


def _strip_end(run):
    text = run.text.rstrip(" ")
    return replace(run, text=text) if text else None


def _trim_lines(runs):
    """No whitespace of any kind (a no-break space too) at the start or end of a line: nobody sees it there."""
    lines, current = [], []
    for run in runs:
        if run.is_break:
            lines.append(current)
            current = []
        else:
            current.append(run)
    lines.append(current)
    result = []
    for number, line in enumerate(lines):
        while line and not line[0].text.lstrip():
            line.pop(0)
        if line:
            line[0] = replace(line[0], text=line[0].text.lstrip())
        while line and not line[-1].text.rstrip():
            line.pop()
        if line:
            line[-1] = replace(line[-1], text=line[-1].text.rstrip())
        if number:
            result.append(Run(BREAK))
        result += line
    while result and result[-1].is_break:
        result.pop()
    while result and result[0].is_break:
        result.pop(0)
    return result


def _split_on_double_breaks(runs):
    """A paragraph's runs cut where two line breaks follow each other (a reader sees a new paragraph)."""
    parts, current = [], []
    for run in runs:
        if run.is_break and current and current[-1].is_break:
            current.pop()
            parts.append(current)
            current = []
        elif run.is_break and not current:
            continue
        else:
            current.append(run)
    parts.append(current)
    return [normalise_runs(part) for part in parts]


def _single_breaks(runs):
    result = []
    for run in normalise_runs(runs):
        if run.is_break and (not result or result[-1].is_break):
            continue
        result.append(run)
    return tuple(result)


def normalise(blocks):
    """A list of blocks in normal form."""
    result = []
    for block in blocks:
        if isinstance(block, Paragraph):
            result += [Paragraph(runs) for runs in _split_on_double_breaks(normalise_runs(block.runs)) if runs]
        elif isinstance(block, Heading):
            runs = normalise_runs(block.runs, breaks=False)
            if runs:
                result.append(Heading(block.level, runs))
        elif isinstance(block, ListBlock):
            listed = _normalise_list(block)
            if listed is None:
                continue
            if result and isinstance(result[-1], ListBlock) and result[-1].ordered == listed.ordered:
                listed = ListBlock(listed.ordered, result.pop().items + listed.items)
            result.append(listed)
    return result


def _normalise_list(block):
    items = []
    for item in block.items:
        runs = _single_breaks(item.runs)
        if runs:
            items.append(Item(runs, tuple(normalise(list(item.children)))))
        else:
            # an item with no text of its own is replaced by the items of its nested lists (Markdown cannot write
            # an empty item under a line of text)
            for child in item.children:
                nested = _normalise_list(child)
                items += list(nested.items) if nested else []
    return ListBlock(block.ordered, tuple(items)) if items else None


# --- Wagtail's database format ----------------------------------------------------------------------------------


class _Reader(HTMLParser):
    BLOCKS = {"p": None, "h1": 3, "h2": 3, "h3": 3, "h4": 4, "h5": 4, "h6": 4}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []  # the document's top-level blocks
        self.lists = []  # open ListBlocks as [ordered, items] (items: list of [runs, children])
        self.runs = None  # the inline runs being collected (a block's or a list item's)
        self.heading = None
        self.bold = self.italic = 0
        self.links = []

    # where inline text goes: the open list item, else the open block, else a paragraph of its own
    def _target(self):
        if self.lists and self.lists[-1][1]:
            return self.lists[-1][1][-1][0]
        if self.runs is None:
            self.runs = []
        return self.runs

    def _flush(self):
        if self.runs:
            if self.heading:
                self.blocks.append(Heading(self.heading, tuple(self.runs)))
            else:
                self.blocks.append(Paragraph(tuple(self.runs)))
        self.runs, self.heading = None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.BLOCKS and not self.lists:
            self._flush()
            self.runs, self.heading = [], self.BLOCKS[tag]
        elif tag in self.BLOCKS and self.lists and self.lists[-1][1]:
            runs = self.lists[-1][1][-1][0]
            if runs:
                runs.append(Run(BREAK))  # a paragraph inside a list item starts a new line
        elif tag in ("ul", "ol"):
            if not self.lists:
                self._flush()
            self.lists.append([tag == "ol", []])
        elif tag == "li":
            if not self.lists:
                self._flush()
                self.lists.append([False, []])
            self.lists[-1][1].append([[], []])
        elif tag == "br":
            self._target().append(Run(BREAK))
        elif tag in ("b", "strong"):
            self.bold += 1
        elif tag in ("i", "em"):
            self.italic += 1
        elif tag == "a":
            self.links.append(_link_of(attrs))

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self._target().append(Run(BREAK))

    def handle_endtag(self, tag):
        if tag in self.BLOCKS and not self.lists:
            self._flush()
        elif tag in ("ul", "ol") and self.lists:
            ordered, items = self.lists.pop()
            listed = ListBlock(ordered, tuple(Item(tuple(runs), tuple(children)) for runs, children in items))
            if self.lists and self.lists[-1][1]:
                self.lists[-1][1][-1][1].append(listed)
            elif self.lists:  # a list straight inside a list: it belongs to a new, empty item
                self.lists[-1][1].append([[], [listed]])
            else:
                self.blocks.append(listed)
        elif tag in ("b", "strong"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("i", "em"):
            self.italic = max(0, self.italic - 1)
        elif tag == "a" and self.links:
            self.links.pop()

    def handle_data(self, data):
        if not data:
            return
        if self.runs is None and not self.lists and not data.strip():
            return  # whitespace between blocks
        link = next((link for link in reversed(self.links) if link), None)
        self._target().append(Run(data, bold=self.bold > 0, italic=self.italic > 0, link=link))

    def close(self):
        super().close()
        while self.lists:
            self.handle_endtag("ol" if self.lists[-1][0] else "ul")
        self._flush()


def _link_of(attrs):
    kind, target = attrs.get("linktype"), attrs.get("id")
    if kind == "page" and target:
        return f"side:{target}"
    if kind == "document" and target:
        return f"dokument:{target}"
    return attrs.get("href") or None


def parse_html(html):
    """Wagtail rich text (its database format) as blocks in normal form."""
    reader = _Reader()
    reader.feed(html or "")
    reader.close()
    return normalise(reader.blocks)


def _link_attributes(link):
    kind, _, target = link.partition(":")
    if kind == "side" and target.isdigit():
        return f'linktype="page" id="{target}"'
    if kind == "dokument" and target.isdigit():
        return f'linktype="document" id="{target}"'
    return f'href="{escape(link)}"'


def nest_runs(runs, opener, closer, text):
    """Runs written with nested markup: a mark that lasts longer is opened first, so marks nest properly; a mark
    that must close inside a longer one is closed and opened again. Used for HTML and for Markdown."""
    out, stack = [], []

    def active(run):
        marks = []
        if run.link:
            marks.append(("link", run.link))
        if run.bold:
            marks.append(("bold", True))
        if run.italic:
            marks.append(("italic", True))
        return marks

    def span(mark, start):
        length = 0
        for run in runs[start:]:
            if mark not in active(run) and not (run.text == " " and mark[0] != "link"):
                break
            length += 1
        return length

    def following(start):
        """The marks of the next run that is neither a space nor a break (none at the end)."""
        for run in runs[start:]:
            if run.text != " ":
                return [] if run.is_break else active(run)
        return []

    for index, run in enumerate(runs):
        wanted = active(run)
        if run.text == " ":
            # a space stays inside a bold or italic that is open and goes on after it
            going_on = following(index + 1)
            wanted = [m for m in stack if m[0] != "link" and m in going_on] + [m for m in wanted if m[0] == "link"]
        while stack and any(mark not in wanted for mark in stack):
            out.append(closer(stack.pop()))
        if not run.is_break and run.text != " ":
            for mark in sorted((m for m in wanted if m not in stack), key=lambda m: -span(m, index)):
                out.append(opener(mark))
                stack.append(mark)
        elif run.text == " ":
            for mark in (m for m in wanted if m not in stack and m[0] == "link"):
                out.append(opener(mark))
                stack.append(mark)
        out.append(text(run, out))
    while stack:
        out.append(closer(stack.pop()))
    return "".join(out)


def _html_runs(runs):
    tags = {"bold": "b", "italic": "i"}

    def opener(mark):
        return f"<a {_link_attributes(mark[1])}>" if mark[0] == "link" else f"<{tags[mark[0]]}>"

    def closer(mark):
        return "</a>" if mark[0] == "link" else f"</{tags[mark[0]]}>"

    def text(run, _out):
        return "<br/>" if run.is_break else escape(run.text, quote=False)

    return nest_runs(list(runs), opener, closer, text)


def render_html(blocks):
    """Blocks as Wagtail rich text (database format)."""
    parts = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(f"<p>{_html_runs(block.runs)}</p>")
        elif isinstance(block, Heading):
            parts.append(f"<h{block.level}>{_html_runs(block.runs)}</h{block.level}>")
        else:
            parts.append(_html_list(block))
    return "".join(parts)


def _html_list(block):
    tag = "ol" if block.ordered else "ul"
    items = "".join(
        f"<li>{_html_runs(item.runs)}{''.join(_html_list(child) for child in item.children)}</li>"
        for item in block.items
    )
    return f"<{tag}>{items}</{tag}>"


def plain_text(blocks):
    """The text a reader sees, one line per line break, block or list item (for tests and comparisons)."""
    lines = []
    for block in blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                lines.append("".join(run.text for run in item.runs))
                lines.append(plain_text(list(item.children)))
        else:
            lines.append("".join(run.text for run in block.runs))
    return "\n".join(line for line in lines if line)


def links(blocks):
    """Every link target in order."""
    found = []
    for block in blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                found += [run.link for run in item.runs if run.link]
                found += links(list(item.children))
        else:
            found += [run.link for run in block.runs if run.link]
    return found
