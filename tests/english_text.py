"""Finds English in an admin page: the words and phrases an untranslated Wagtail screen shows.

Only what a user reads or hears is looked at: text (also inside <template>, which Wagtail opens as dialogs) and the
attributes shown as tooltips, placeholders or read by a screen reader. Scripts, styles and form values (content) are
skipped. The list holds English words that are not also Danish words ("side", "sort", "status", "link", "by",
"for", "to" are left out for that reason), so Danish text never matches.
"""

import re
from html.parser import HTMLParser

ENGLISH_WORDS = [
    # Wagtail's own labels and actions
    "account", "actions", "add", "approve", "approved", "back", "bulk", "cancel", "changes", "choose", "close",
    "collapse", "collection", "collections", "comment", "comments", "copy", "create", "created", "dashboard",
    "delete", "document", "documents", "draft", "edit", "edited", "editing", "editor", "expand", "explore",
    "explorer", "help", "hide", "history", "image", "images", "live", "lock", "locked", "log out", "move",
    "notifications", "owner", "page", "pages", "password", "preview", "previous", "privacy", "profile",
    "publish", "published", "reject", "rejected", "reports", "request changes", "revisions", "save", "saved",
    "schedule", "search", "select", "settings", "show", "sign in", "snippet", "snippets", "submit", "submitted",
    "title", "toggle", "unlock", "unlocked", "unpublish", "updated", "usage", "users", "view", "visible",
    "workflow", "workflows", "yes",
    # English grammar words that never occur in Danish
    "ago", "are", "been", "has", "minutes", "not", "of", "please", "should", "the", "there", "this", "which",
    "will", "with", "would", "you", "your",
]
_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in ENGLISH_WORDS) + r")(?![\w-])", re.IGNORECASE)
_SPOKEN_ATTRIBUTES = {"aria-label", "aria-description", "title", "placeholder", "alt", "data-w-tooltip-content-value"}
_SKIPPED_ELEMENTS = {"script", "style"}


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED_ELEMENTS:
            self._skipping += 1
        attributes = dict(attrs)
        self.texts += [value for name, value in attrs if name in _SPOKEN_ATTRIBUTES and value]
        if tag in {"input", "button"} and attributes.get("type") in {"submit", "button"} and attributes.get("value"):
            self.texts.append(attributes["value"])

    def handle_endtag(self, tag):
        if tag in _SKIPPED_ELEMENTS and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping and data.strip():
            self.texts.append(data)


def visible_texts(html: str) -> list[str]:
    reader = _Reader()
    reader.feed(html)
    return [" ".join(text.split()) for text in reader.texts]


def english_among(texts: list[str]) -> list[str]:
    """The texts that contain an English word from the list, each once, in order."""
    return list(dict.fromkeys(text for text in texts if _PATTERN.search(text)))


def english_in(html: str) -> list[str]:
    """The texts of an HTML page that contain an English word from the list, each once, in page order."""
    return english_among(visible_texts(html))
