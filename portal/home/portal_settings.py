"""What an editor sets for the whole portal, in the admin's Settings menu ("Portalindstillinger"): the accessibility
statement's address, the portal's contact e-mail and the portal's own short texts. Templates read them through
Wagtail's settings context processor, `{{ settings.home.PortalSettings.<field> }}`; the defaults are what the portal
showed before they could be edited, so a fresh database renders the same."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from portal.shared.privacy_guard import GuardedModel

ACCESSIBILITY_STATEMENT_URL = "https://www.was.digst.dk/gode-historier-example-dk"
TAGLINE = "Vidensdeling mellem jobcentre"
HOME_HEADING = "Hvad virker – for hvem?"
ABOUT_TEXT = (
    "Jobcentrenes fælles sted for praksisfortællinger og metoder, der har hjulpet ledige borgere tættere på job eller "
    "uddannelse."
)


def not_this_portals_was(url: str) -> None:
    """/was leads to the statement: pointing it at an address whose path is /was would send visitors round in a
    circle (the portal's own /was, under any of its names)."""
    if urlsplit(url).path.rstrip("/") == "/was":
        raise ValidationError("Linket skal føre til selve erklæringen, ikke til portalens egen adresse /was.")


@register_setting(icon="cog")
class PortalSettings(GuardedModel, BaseGenericSetting):
    accessibility_statement_url = models.URLField(
        "tilgængelighedserklæring (link)",
        default=ACCESSIBILITY_STATEMENT_URL,
        validators=[URLValidator(schemes=["http", "https"]), not_this_portals_was],
        help_text="Erklæringen fra Digitaliseringsstyrelsens WAS-værktøj. Sidefodens link og /was fører hertil.",
    )
    contact_email = models.EmailField(
        "portalens kontakt (e-mail)",
        blank=True,
        help_text="Redaktionens adresse. Vises i sidefoden, når den er udfyldt.",
    )
    tagline = models.CharField("undertitel i toppen af hver side", max_length=120, default=TAGLINE)
    home_heading = models.CharField("forsidens overskrift", max_length=120, default=HOME_HEADING)
    about_text = models.TextField("kort om portalen (sidefoden)", max_length=400, default=ABOUT_TEXT)
    search_intro = models.TextField(
        "introduktion på søgesiden",
        max_length=400,
        blank=True,
        help_text="Vises under overskriften på søgesiden, når den er udfyldt.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("accessibility_statement_url"), FieldPanel("contact_email")], heading="Links"),
        MultiFieldPanel(
            [FieldPanel("tagline"), FieldPanel("home_heading"), FieldPanel("about_text"), FieldPanel("search_intro")],
            heading="Portalens tekster",
        ),
    ]

    class Meta:
        verbose_name = "portalindstillinger"
        verbose_name_plural = "portalindstillinger"

    def __str__(self):
        return "Portalindstillinger"
