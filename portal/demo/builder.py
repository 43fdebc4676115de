"""Builds the demo corpus. Idempotent: everything is looked up by slug and only created when missing."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from methods.models import MethodCombination, MethodIndexPage, MethodPage, MethodReference
from portal.demo.events import ADAPTATIONS, HELD_MATERIALS, HELD_PROGRAMME, UPCOMING_CALL, UPCOMING_CANDIDATES
from portal.demo.images import demo_image, demo_slides
from portal.demo.methods import METHODS
from portal.demo.stories import STORIES
from portal.demo.taxonomy import JOBCENTERS, REGIONS, TARGET_GROUPS
from portal.demo.themes import THEMES
from portal.events.models import EventIndexPage, EventMaterial, EventPage, ProgrammeItem, StoryCandidate
from portal.home.models import HomeFeaturedMethod, HomeFeaturedStory, HomePage, StandardPage
from portal.home.portal_settings import PortalSettings
from portal.roles.setup import ensure_all_roles
from portal.shared.site_address import host_and_port
from portal.shared.slugs import transliterate
from portal.taxonomy.models import (
    JobcenterPage,
    RegionFeatured,
    RegionIndexPage,
    RegionPage,
    TargetGroup,
    TargetGroupIndexPage,
)
from portal.themes.models import ThemeIndexPage, ThemeItem, ThemePage
from stories.models import StoryAdaptation, StoryIndexPage, StoryPage, StoryPartner, StoryResult

DEMO_SETTINGS = {
    "contact_email": "redaktion@gode-historier.example.dk",
    "search_intro": "Søg på tværs af historier, metoder og arrangementer. Afgræns bagefter efter målgruppe, metode, "
    "region og jobcenter.",
}


class DemoBuilder:
    def __init__(self, log=print):
        self.log = log
        self.created = 0

    @transaction.atomic
    def build(self):
        home = self.home_page()
        self.target_groups()
        sections = self.sections(home)
        jobcenters = self.regions_and_jobcenters(sections["regioner"])
        methods = self.methods(sections["metoder"])
        stories = self.stories(jobcenters, methods)
        self.events(stories)
        self.themes(sections["temaer"], stories, methods)
        self.featured(home, stories, methods)
        self.portal_settings()
        ensure_all_roles()
        self.log(f"Demo content ready ({self.created} new objects).")

    @staticmethod
    def portal_settings():
        """Portalindstillinger: the defaults (statement link, tagline, headings) plus a contact address and a search
        intro; what an editor has already filled in is kept."""
        portal_settings = PortalSettings.load()
        for name, value in DEMO_SETTINGS.items():
            if not getattr(portal_settings, name):
                setattr(portal_settings, name, value)
        portal_settings.save()

    def _add(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def _child(self, parent, model, slug, **fields):
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        return existing or self._add(parent, model(slug=slug, **fields))

    @staticmethod
    def wagtail_roots():
        """Wagtail's own migrations create the root page, the default locale and the root collection; a flushed
        database (e.g. after a transactional test) has none of them, so create them when missing."""
        Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
        if not Collection.get_first_root_node():
            Collection.add_root(name="Root")
        root = Page.get_first_root_node()
        if root is None:
            root = Page.add_root(
                instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page))
            )
        return root

    def home_page(self):
        home = HomePage.objects.first()
        if home:
            return home
        root = self.wagtail_roots()
        home = HomePage(
            title="Gode Historier",
            slug="forside",
            intro="Jobcentrenes egne historier om det, der virker for ledige borgere langt fra arbejdsmarkedet – "
            "og de metoder, der ligger bag. Find det, der passer til dine borgere, på ti minutter.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        hostname, port = host_and_port()  # PORTAL_SITE_URL: the sitemap and calendars link where the portal runs
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": hostname, "port": port, "root_page": home, "site_name": "Gode Historier"},
        )
        if old_root and old_root.pk != home.pk and old_root.specific_class != HomePage:
            old_root.delete()
        self.created += 1
        return home

    def target_groups(self):
        for order, (slug, name, description, parent_slug) in enumerate(TARGET_GROUPS):
            group, created = TargetGroup.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "description": description,
                    "sort_order": order,
                    "parent": TargetGroup.objects.filter(slug=parent_slug).first() if parent_slug else None,
                },
            )
            self.created += created

    def sections(self, home):
        return {
            "historier": self._child(
                home,
                StoryIndexPage,
                "historier",
                title="Historier",
                show_in_menus=True,
                intro="Praksisfortællinger fra jobcentrene: hvad blev gjort, for hvem, og hvad kom der ud af det.",
            ),
            "metoder": self._child(
                home,
                MethodIndexPage,
                "metoder",
                title="Metoder",
                show_in_menus=True,
                intro="Metoder, der bruges i historierne, med det forskningen siger om dem.",
            ),
            "maalgrupper": self._child(
                home,
                TargetGroupIndexPage,
                "maalgrupper",
                title="Målgrupper",
                show_in_menus=True,
                intro="Find historier og metoder for den gruppe borgere, du arbejder med.",
            ),
            "regioner": self._child(
                home,
                RegionIndexPage,
                "regioner",
                title="Regioner og jobcentre",
                show_in_menus=True,
                intro="Historier fra jobcentrene, region for region.",
            ),
            "arrangementer": self._child(
                home,
                EventIndexPage,
                "arrangementer",
                title="Gode histories dag",
                show_in_menus=True,
                intro="Regionernes konferencer, hvor praktikere fortæller hinanden om det, der virker.",
            ),
            "temaer": self._child(
                home,
                ThemeIndexPage,
                "temaer",
                title="Temaer",
                show_in_menus=True,
                intro="Udvalgte historier og metoder samlet om ét spørgsmål.",
            ),
            "om": self._child(
                home,
                StandardPage,
                "om",
                title="Om Gode Historier",
                intro="Et fælles sted for jobcentrenes erfaringer.",
                body="<p>Gode Historier samler praksisfortællinger og "
                "metoder fra jobcentrene, så gode erfaringer kan deles på tværs. Historierne "
                "indsendes af jobcentrene og kvalitetssikres af regionale konsulenter.</p>"
                "<p>Portalen indeholder aldrig oplysninger, der kan identificere en borger.</p>",
            ),
        }

    def regions_and_jobcenters(self, region_index):
        regions = {
            slug: self._child(region_index, RegionPage, slug, title=title, intro=intro)
            for slug, title, intro in REGIONS
        }
        jobcenters = {}
        for region_slug, slug, title, municipality, intro in JOBCENTERS:
            domain = transliterate(municipality.lower())
            jobcenters[slug] = self._child(
                regions[region_slug],
                JobcenterPage,
                slug,
                title=title,
                municipality=municipality,
                intro=intro,
                address=f"{title}\nRådhuspladsen 1\n{municipality}",
                email=f"jobcenter@{domain}.example.dk",
            )
        return jobcenters

    def methods(self, method_index):
        methods = {}
        for data in METHODS:
            existing = MethodPage.objects.filter(slug=data["slug"]).first()
            if existing:
                methods[data["slug"]] = existing
                continue
            page = self.method_page(data, list(TargetGroup.objects.filter(slug__in=data["target_groups"])))
            methods[data["slug"]] = self._add(method_index, page)
        for data in METHODS:
            page = methods[data["slug"]]
            if page.combinations.exists():
                continue
            for other in data["combines_with"]:
                MethodCombination.objects.create(page=page, method=methods[other])
        return methods

    def stories(self, jobcenters, methods):
        stories = {}
        for data in STORIES:
            existing = StoryPage.objects.filter(slug=data["slug"]).first()
            if existing:
                stories[data["slug"]] = existing
                continue
            page = self.story_page(
                data,
                list(TargetGroup.objects.filter(slug__in=data["target_groups"])),
                [methods[slug] for slug in data["methods"]],
                last_reviewed=date(2026, 6, 1),
                image=demo_image(
                    f"Illustration: {data['title']}", data["image"], "Abstrakt illustration i farvede cirkler"
                ),
            )
            page.partner_jobcenters = [jobcenters[slug] for slug in data.get("partner_jobcenters", [])]
            stories[data["slug"]] = self._add(jobcenters[data["jobcenter"]], page)
        return stories

    @classmethod
    def story_page(cls, data, target_groups, methods, tags=None, **fields):
        """An unsaved story from the demo data (`fields` override it), its relations set in memory."""
        hours, progression, parallel = data["dose"]
        name, role, email = data["contact"]
        page = StoryPage(
            **{
                "slug": data["slug"],
                "title": data["title"],
                "summary": data["summary"],
                "status": data["status"],
                "period_start": data["start"],
                "period_end": data["end"],
                "problem": data["problem"],
                "practice": [cls._block(block) for block in data["practice"]],
                "dose_start_hours": hours,
                "dose_progression": progression,
                "parallel_tracks": parallel,
                "results_summary": data["results_summary"],
                "success_factors": data["success"],
                "challenges": data["challenges"],
                "lessons": data["lessons"],
                "contact_name": name,
                "contact_role": role,
                "contact_email": email,
                **fields,
            }
        )
        page.target_groups = target_groups
        page.methods = methods
        page.tags.add(*(tags or data["tags"]))
        page.partners = [StoryPartner(kind=k, name=n, contribution=c) for k, n, c in data["partners"]]
        page.results = [
            StoryResult(figure=f, outcome=o, base=b, period=p, documentation=d) for f, o, b, p, d in data["results"]
        ]
        return page

    @staticmethod
    def method_page(data, target_groups, **fields):
        """An unsaved method page from the demo data (`fields` override it), its relations set in memory."""
        how_to = [("steps", {"heading": "", "steps": [{"title": t, "text": f"<p>{x}</p>"} for t, x in data["steps"]]})]
        if data["tip"]:
            how_to.append(("tip", {"title": "Tip fra praksis", "text": f"<p>{data['tip']}</p>"}))
        page = MethodPage(
            **{
                "slug": data["slug"],
                "title": data["title"],
                "summary": data["summary"],
                "description": data["description"],
                "variants": data["variants"],
                "how_to": how_to,
                "evidence_level": data["evidence_level"],
                "evidence_summary": data["evidence"],
                "staff_time": data["staff_time"],
                "last_reviewed": date(2026, 9, 1),
                **fields,
            }
        )
        page.target_groups = target_groups
        page.references = [MethodReference(title=t, authors=a, year=y) for t, a, y in data["references"]]
        return page

    @staticmethod
    def _block(block):
        kind = block[0]
        if kind == "p":
            return ("paragraph", block[1])
        if kind == "steps":
            return ("steps", {"heading": block[1], "steps": [{"title": t, "text": f"<p>{x}</p>"} for t, x in block[2]]})
        if kind == "quote":
            return ("quote", {"quote": block[1], "role": block[2], "speaker_kind": block[3]})
        if kind == "tip":
            return ("tip", {"title": block[1], "text": block[2]})
        raise ValueError(f"Unknown demo block {kind!r}")

    def events(self, stories):
        """The region's good-stories days live under the region, where its consultants can run them."""
        region = RegionPage.objects.get(slug="syddanmark")
        tz = timezone.get_current_timezone()
        held_start = datetime.combine(date(2007, 11, 8), time(9, 30), tz)
        held = self._event(
            region,
            "den-gode-histories-dag-kolding-2007",
            title="Den gode histories dag i Kolding",
            start=held_start,
            end=held_start + timedelta(hours=6, minutes=30),
            venue="Konferencecenter i Kolding",
            address="Kolding",
            theme="Ny chance til alle: sådan fik vi de passive modtagere i gang",
            audience="Medarbejdere i regionens jobcentre, der arbejder med kontant- og starthjælpsmodtagere",
            organiser="Beskæftigelsesregion Syddanmark",
            contact_email="gode-historier@syddanmark.example.dk",
            status="held",
            body="<p>Omkring 150 medarbejdere fra regionens jobcentre mødtes for at fortælle hinanden om det, "
            "der virker. Tre jobcentre og en privat virksomhed fortalte hver deres historie: håndholdt "
            "vejledning, aktivering på få timer, faste virksomhedspladser og tværgående teams.</p>",
        )
        self._programme(held, stories)
        next_year = timezone.localdate().year + 1
        upcoming_start = datetime.combine(date(next_year, 3, 12), time(9, 0), tz)
        upcoming = self._event(
            region,
            f"den-gode-histories-dag-{next_year}",
            title=f"Den gode histories dag {next_year}",
            start=upcoming_start,
            end=upcoming_start + timedelta(hours=7),
            venue="Kolding Kulturhus (eksempel)",
            address="Kolding",
            theme="Parallelle indsatser for borgere langt fra arbejdsmarkedet",
            audience="Jobkonsulenter, sagsbehandlere og mentorer",
            organiser="Regional konsulent, Region Syddanmark",
            contact_email="gode-historier@syddanmark.example.dk",
            status="call_open",
            call_text=UPCOMING_CALL,
            call_deadline=date(next_year, 1, 31),
            body="<p>Har I en god historie om at kombinere virksomhedsrettede indsatser med sundhed eller "
            "opkvalificering? Indkaldelsen af historier er åben.</p>",
        )
        for slug in UPCOMING_CANDIDATES:
            StoryCandidate.objects.get_or_create(event=upcoming, story=stories[slug])
        for story, jobcenter, changes, outcome in ADAPTATIONS:
            StoryAdaptation.objects.get_or_create(
                story=stories[story],
                jobcenter=JobcenterPage.objects.get(slug=jobcenter),
                defaults={"changes": changes, "outcome": outcome, "status": StoryAdaptation.APPROVED},
            )

    def _event(self, parent, slug, **fields):
        existing = EventPage.objects.filter(slug=slug).first()
        return existing or self._add(parent, EventPage(slug=slug, **fields))

    def _programme(self, event, stories):
        if event.programme.exists():
            return
        jobcenters = {j.slug: j for j in JobcenterPage.objects.all()}
        for order, (at, kind, title, story, role, jobcenter) in enumerate(HELD_PROGRAMME):
            ProgrammeItem.objects.create(
                page=event,
                sort_order=order,
                starts_at=time.fromisoformat(at),
                kind=kind,
                title=title,
                story=stories[story] if story else None,
                presenter_role=role,
                presenter_jobcenter=jobcenters.get(jobcenter),
            )
        for order, (title, story, lines) in enumerate(HELD_MATERIALS):
            EventMaterial.objects.create(
                page=event,
                sort_order=order,
                title=title,
                document=demo_slides(title, lines),
                story=stories[story] if story else None,
            )
        event.save_revision().publish()

    def themes(self, theme_index, stories, methods):
        pages = {**stories, **methods}
        for theme in THEMES:
            if ThemePage.objects.filter(slug=theme["slug"]).exists():
                continue
            page = ThemePage(slug=theme["slug"], title=theme["title"], lead=theme["lead"], body=theme["body"])
            page.items = [ThemeItem(item=pages[slug], note=note) for slug, note in theme["items"]]
            self._add(theme_index, page)

    def featured(self, home, stories, methods):
        region = RegionPage.objects.get(slug="syddanmark")
        if not region.featured.exists():
            for order, item in enumerate([methods["mikroaktivering"], stories["tvaergaaende-teams-i-esbjerg"]]):
                RegionFeatured.objects.create(page=region, item=item, sort_order=order)
        if not home.featured_methods.exists():
            HomeFeaturedMethod.objects.create(page=home, method=methods["parallelle-indsatser"], sort_order=0)
        if home.featured_stories.exists():
            return
        for order, slug in enumerate(
            [
                "mikroaktivering-i-varde",
                "fem-pladser-hos-gelsted-bygningsindustri",
                "praktik-og-sundhed-parallelt-holstebro",
            ]
        ):
            HomeFeaturedStory.objects.create(page=home, story=stories[slug], sort_order=order)
