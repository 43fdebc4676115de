"""Demo taxonomy: target groups, regions and jobcenters named in the seed articles (and a few neighbours)."""

TARGET_GROUPS = [
    # slug, name, description, parent slug
    (
        "aktivitetsparate",
        "Aktivitetsparate kontanthjælpsmodtagere",
        "Borgere på kontanthjælp, der ud over ledighed har andre problemer, fx helbred, misbrug eller sociale "
        "forhold, og som ikke kan tage et job her og nu.",
        None,
    ),
    (
        "kontanthjaelp-over-fem-aar",
        "Borgere på kontanthjælp i mere end fem år",
        "Aktivitetsparate borgere, der har været på kontanthjælp i mange år og ofte har været i flere forløb "
        "uden at komme videre.",
        "aktivitetsparate",
    ),
    (
        "jobparate",
        "Jobparate",
        "Ledige, der kan tage et ordinært job nu og primært har brug for hjælp til "
        "jobsøgning og kontakt til virksomheder.",
        None,
    ),
    ("unge-under-30", "Unge under 30", "Unge uden uddannelse eller job, hvor målet oftest er uddannelse.", None),
    (
        "sygedagpengemodtagere",
        "Sygedagpengemodtagere",
        "Borgere, der er sygemeldt og modtager sygedagpenge, hvor målet er at vende tilbage til arbejdsmarkedet.",
        None,
    ),
    (
        "borgere-med-misbrug",
        "Borgere med misbrug",
        "Ledige med et misbrug af alkohol eller stoffer, hvor "
        "beskæftigelsesindsatsen skal spille sammen med behandling.",
        None,
    ),
    (
        "borgere-med-psykisk-sygdom",
        "Borgere med psykisk sygdom",
        "Ledige med psykiske lidelser eller sårbarhed, som har brug for en rolig og tilpasset vej mod arbejde.",
        None,
    ),
    (
        "nydanske-kvinder",
        "Nydanske kvinder",
        "Kvinder med anden etnisk baggrund end dansk, som ofte står "
        "langt fra arbejdsmarkedet og skal have job og familieliv til at hænge sammen.",
        None,
    ),
    ("flygtninge", "Flygtninge", "Flygtninge og familiesammenførte i integrationsprogrammet.", None),
    ("langtidsledige", "Langtidsledige", "Borgere, der har været uden arbejde i mere end et år.", None),
]

REGIONS = [
    # slug, title, intro
    (
        "syddanmark",
        "Region Syddanmark",
        "Jobcentre i Syd- og Sønderjylland og på Fyn. Regionen holder den årlige gode histories dag i Kolding.",
    ),
    ("midtjylland", "Region Midtjylland", "Jobcentre i Midt- og Vestjylland og Østjylland."),
    ("nordjylland", "Region Nordjylland", "Jobcentre i Nordjylland."),
]

JOBCENTERS = [
    # region slug, slug, title, municipality, intro
    (
        "syddanmark",
        "jobcenter-varde",
        "Jobcenter Varde",
        "Varde",
        "Et jobcenter i en kommune med meget lav ledighed, hvor de tilbageværende ledige ofte står langt fra "
        "arbejdsmarkedet.",
    ),
    (
        "syddanmark",
        "jobcenter-esbjerg",
        "Jobcenter Esbjerg",
        "Esbjerg",
        "Arbejder med særlige målgruppehold og tværgående teams.",
    ),
    (
        "syddanmark",
        "jobcenter-odense",
        "Jobcenter Odense",
        "Odense",
        "Har blandt andet et etnisk jobteam, der arbejder med nydanske ledige.",
    ),
    ("syddanmark", "jobcenter-svendborg", "Jobcenter Svendborg", "Svendborg", ""),
    ("syddanmark", "jobcenter-vejen", "Jobcenter Vejen", "Vejen", ""),
    ("syddanmark", "jobcenter-assens", "Jobcenter Assens", "Assens", ""),
    ("syddanmark", "jobcenter-middelfart", "Jobcenter Middelfart", "Middelfart", ""),
    ("syddanmark", "jobcenter-kolding", "Jobcenter Kolding", "Kolding", ""),
    ("midtjylland", "jobcenter-herning", "Jobcenter Herning", "Herning", ""),
    ("midtjylland", "jobcenter-holstebro", "Jobcenter Holstebro", "Holstebro", ""),
    ("nordjylland", "jobcenter-aalborg", "Jobcenter Aalborg", "Aalborg", ""),
]
