"""The demo's good-stories days: one held (with its programme and materials) and one with its call for stories open.
Facts from the seed articles, in our own words."""

HELD_PROGRAMME = [
    # (time, kind, title, story slug, presenter role, presenter jobcenter slug)
    ("09:30", "talk", "Velkomst: hvorfor vi fortæller hinanden historier", None, "regional konsulent", None),
    ("09:50", "story", "", "mikroaktivering-i-varde", "jobkonsulent", "jobcenter-varde"),
    ("10:35", "break", "Kaffe", None, "", None),
    ("10:55", "story", "", "tvaergaaende-teams-i-esbjerg", "teamleder", "jobcenter-esbjerg"),
    ("11:40", "story", "", "fem-pladser-hos-gelsted-bygningsindustri", "virksomhedskonsulent", "jobcenter-middelfart"),
    ("12:25", "break", "Frokost", None, "", None),
    ("13:15", "talk", "Værksteder: hvad tager vi med hjem?", None, "regional konsulent", None),
    ("15:30", "talk", "Opsamling og tak for i dag", None, "regional konsulent", None),
]

HELD_MATERIALS = [
    # (title, story slug or None, slide lines)
    (
        "Slides: Mikroaktivering i Varde",
        "mikroaktivering-i-varde",
        ["Start med få timer om ugen", "Trap op i borgerens tempo", "Tæt kontakt til egen læge"],
    ),
    (
        "Slides: Tværgående teams i Esbjerg",
        "tvaergaaende-teams-i-esbjerg",
        ["Ét team om borgeren", "Faste møder på tværs af forvaltninger", "Fælles mål, fælles plan"],
    ),
    (
        "Opsamling fra værkstederne",
        None,
        ["Håndholdt vejledning virker", "Små skridt er også skridt", "Virksomhederne vil gerne, når de bliver spurgt"],
    ),
]

UPCOMING_CALL = (
    "<p>Vi leder efter historier om at kombinere en virksomhedsrettet indsats med sundhed, behandling eller "
    "opkvalificering på samme tid. Fortæl kort, hvad I gjorde, for hvem, og hvad det førte til.</p>"
)

UPCOMING_CANDIDATES = ["taet-samarbejde-i-alle-faser-vejen"]

# 'Vi har også prøvet det' on a demo story: (story slug, adapting jobcenter slug, what changed, what happened)
ADAPTATIONS = [
    (
        "mikroaktivering-i-varde",
        "jobcenter-assens",
        "Vi startede med én time om ugen i kommunens egne værksteder i stedet for hos private virksomheder, "
        "fordi vi ikke havde nok små virksomheder tæt på.",
        "Borgerne kom mere stabilt, når de kendte stedet. Efter et halvt år var flere klar til en praktik hos en "
        "virksomhed, men det tog længere tid end i Varde.",
    ),
]
