"""The admin in Danish: how much of each catalog the Wagtail admin uses is Danish, and the rules a translation keeps.

Wagtail ships English source catalogs (`locale/en/LC_MESSAGES/{django,djangojs}.po`) and a partial Danish one per
app. The portal's own catalog (`portal/locale/da/`, first in LOCALE_PATHS, so Django prefers it) supplies the rest.
Coverage is measured against what Django actually loads at runtime, the compiled catalogs merged per language.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.utils.translation.trans_real import DjangoTranslation

LANGUAGE = "da"
DOMAINS = ("django", "djangojs")
# Apps outside Wagtail whose strings appear in Wagtail's admin (the tag field's help text and errors).
ADMIN_APPS_OUTSIDE_WAGTAIL = ("taggit",)


@dataclass(frozen=True)
class Catalog:
    app: str  # the app's module, e.g. "wagtail.admin"
    domain: str
    app_path: Path

    @property
    def source(self) -> Path:
        """The English source catalog: every string the app can show."""
        return self.app_path / "locale" / "en" / "LC_MESSAGES" / f"{self.domain}.po"

    @property
    def label(self) -> str:
        return self.app if self.domain == "django" else f"{self.app} (JavaScript)"


@dataclass(frozen=True)
class Coverage:
    catalog: Catalog
    total: int
    translated: int
    from_project: int  # of the translated, those the portal's own catalog supplies
    missing: tuple[str, ...]


def admin_catalogs() -> list[Catalog]:
    """The English source catalogs of every installed Wagtail app (and the few others the admin shows)."""
    catalogs = []
    for config in apps.get_app_configs():
        wagtail = config.name == "wagtail" or config.name.startswith("wagtail.")
        if wagtail or config.name in ADMIN_APPS_OUTSIDE_WAGTAIL:
            catalogs += [Catalog(config.name, domain, Path(config.path)) for domain in DOMAINS]
    return [catalog for catalog in catalogs if catalog.source.exists()]


def project_catalog_path(domain: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def _key(entry: polib.POEntry) -> str:
    """The entry's key in a compiled catalog: context and message joined by EOT, as gettext does; plurals by form 0."""
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


def _runtime_catalog(domain: str, app_path: Path) -> dict:
    """What Django serves for the language: LOCALE_PATHS merged over the apps' catalogs (JavaScript: the app's)."""
    if domain == "django":
        translation = DjangoTranslation(LANGUAGE)
    else:
        translation = DjangoTranslation(LANGUAGE, domain=domain, localedirs=[str(app_path / "locale")])
    return {key if isinstance(key, str) else key[0]: value for key, value in translation._catalog.items()}


def _translated_keys(po_path: Path) -> set[str]:
    if not po_path.exists():
        return set()
    return {_key(entry) for entry in polib.pofile(str(po_path)) if _is_translated(entry)}


def _is_translated(entry: polib.POEntry) -> bool:
    return not entry.obsolete and "fuzzy" not in entry.flags and entry.translated()


def coverage(catalog: Catalog) -> Coverage:
    served = _runtime_catalog(catalog.domain, catalog.app_path)
    project = _translated_keys(project_catalog_path(catalog.domain))
    entries = [entry for entry in polib.pofile(str(catalog.source)) if not entry.obsolete]
    missing = tuple(entry.msgid for entry in entries if not served.get(_key(entry)))
    return Coverage(
        catalog=catalog,
        total=len(entries),
        translated=len(entries) - len(missing),
        from_project=sum(1 for entry in entries if _key(entry) in project),
        missing=missing,
    )


# What a translation must keep from its source: printf-style and brace placeholders, and HTML tags with their
# attributes (in any order, since Danish word order differs).
_PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc%]|\{[A-Za-z_][A-Za-z0-9_]*\}|<[^<>]+>")


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def placeholder_errors(entry: polib.POEntry) -> list[str]:
    """Every way the entry's translation loses or adds a placeholder or tag of its source."""
    if entry.msgid_plural:
        pairs = [(entry.msgid if form == 0 else entry.msgid_plural, text) for form, text in entry.msgstr_plural.items()]
    else:
        pairs = [(entry.msgid, entry.msgstr)]
    errors = []
    for source, translation in pairs:
        wanted, found = placeholders(source), placeholders(translation)
        # Danish singulars may spell out "one" where English has %(count)s, as in English's own singular forms.
        if wanted != found and not (entry.msgid_plural and source == entry.msgid and set(found) <= set(wanted)):
            errors.append(f"{source!r}: expected {wanted}, got {found} in {translation!r}")
    return errors
