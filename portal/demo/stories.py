"""Demo stories, written for the portal from the facts in the seed articles.

Contact persons are fictional roles with example.dk addresses; no real person or citizen is described.
Practice blocks: ("p", html) | ("steps", heading, [(title, text)]) | ("quote", text, role, kind) | ("tip", title, text)
"""

from datetime import date

STORIES = [
    {
        "slug": "mikroaktivering-i-varde",
        "jobcenter": "jobcenter-varde",
        "title": "En kop kaffe som første skridt: mikroaktivering i Varde",
        "summary": "I en kommune med næsten ingen ledige begyndte jobcentret med aktivering på ganske få timer om "
        "ugen for de borgere, der stod længst fra arbejdsmarkedet, og trappede langsomt op.",
        "target_groups": ["aktivitetsparate", "langtidsledige"],
        "methods": ["mikroaktivering", "haandholdt-vejledning", "laegekontakt"],
        "tags": ["optrapning", "lav ledighed", "restarbejdsevne"],
        "status": "ended",
        "start": date(2007, 1, 1),
        "end": date(2008, 7, 1),
        "problem": "<p>Varde havde meget lav ledighed. De få borgere, der var tilbage på kontanthjælp, havde "
        "typisk været uden arbejde i årevis, og et almindeligt aktiveringsforløb på fuld tid var "
        "urealistisk for dem. Målet var at få dem i gang overhovedet.</p>",
        "practice": [
            (
                "p",
                "<p>Jobcentret droppede kravet om mange timer fra start. Første aftale kunne være at komme "
                "forbi til en kop kaffe og en snak. Derefter fik borgeren en lille, fast opgave.</p>",
            ),
            (
                "steps",
                "Sådan blev forløbet bygget op",
                [
                    ("Første møde uden krav", "En uformel samtale på jobcentret eller hjemme hos borgeren."),
                    ("1–2 timer om ugen", "En konkret opgave på samme tid hver uge."),
                    ("Optrapning i borgerens tempo", "Flere timer, når rytmen holdt i nogle uger."),
                    ("Tæt kontakt til lægen", "Med samtykke, så planen byggede på restarbejdsevnen."),
                ],
            ),
            (
                "quote",
                "Vi måtte starte meget lavere, end vi var vant til. Men det var første gang i årevis, at "
                "nogle af dem kom ud ad døren hver tirsdag.",
                "Jobkonsulent, Jobcenter Varde",
                "practitioner",
            ),
            (
                "tip",
                "Godt råd",
                "<p>Skriv den aftalte optrapning ned sammen med borgeren, så begge kan se fremskridtet.</p>",
            ),
        ],
        "dose": (
            2,
            "Fra 1–2 timer om ugen til 10–15 timer over et halvt år, vurderet hver 3. uge.",
            "Samtaler med lægen og, hvor det var relevant, kontakt til misbrugsbehandling.",
        ),
        "partners": [("health", "Praktiserende læger i kommunen", "Vurdering af restarbejdsevne")],
        "results": [("25 %", "i job eller uddannelse", "af borgerne i forløbet", "efter 12 måneder", "monitoring")],
        "results_summary": "<p>Jobcentret nåede målet om, at hver fjerde skulle i job eller uddannelse. Flere "
        "af de øvrige var kommet i gang med faste timer.</p>",
        "success": "<p>Lave krav i starten, faste aftaler og en konsekvent opfølgning.</p>",
        "challenges": "<p>Det var svært at forklare, hvorfor nogle borgere kun var aktive to timer om ugen.</p>",
        "lessons": "<p>Rytmen er vigtigere end timetallet i de første måneder.</p>",
        "contact": ("Teamleder (fiktiv kontakt)", "Teamleder, kontanthjælpsområdet", "teamleder@varde.example.dk"),
        "image": "#2e7d32",
    },
    {
        "slug": "avisruter-i-eget-tempo",
        "jobcenter": "jobcenter-varde",
        "title": "Avisruter til borgere, der har svært ved fællesskabet på en arbejdsplads",
        "summary": "Borgere med sociale vanskeligheder fik en avisrute, hvor de kunne arbejde alene og i eget "
        "tempo – et første rigtigt job med faste tider.",
        "target_groups": ["borgere-med-psykisk-sygdom", "aktivitetsparate"],
        "methods": ["mikroaktivering", "virksomhedssamarbejde"],
        "tags": ["avisruter", "eget tempo", "socialangst"],
        "status": "ended",
        "start": date(2007, 3, 1),
        "end": date(2008, 6, 30),
        "problem": "<p>Nogle borgere kunne godt arbejde, men ikke sammen med mange andre mennesker. Klassiske "
        "praktikker endte hurtigt med fravær.</p>",
        "practice": [
            (
                "p",
                "<p>Jobcentret indgik aftale med et distributionsfirma om ruter til borgere i forløb. "
                "Ruterne blev valgt, så de passede til borgerens bopæl og formåen.</p>",
            ),
            ("tip", "Staldfidus", "<p>Start med en kort rute og gå den første tur sammen med borgeren.</p>"),
        ],
        "dose": (3, "Ruten blev udvidet, når borgeren selv ønskede det.", ""),
        "partners": [("employer", "Lokalt distributionsfirma", "Ruter og løn")],
        "results": [("6 af 10", "havde stadig ruten", "borgere, der startede", "efter 6 måneder", "monitoring")],
        "results_summary": "",
        "success": "<p>Arbejde uden krav om samvær, men med faste tider og en løn.</p>",
        "challenges": "<p>Vejr og tidlige morgener; ruterne skulle passe til den enkelte.</p>",
        "lessons": "",
        "contact": ("Jobkonsulent (fiktiv kontakt)", "Jobkonsulent", "jobkonsulent@varde.example.dk"),
        "image": "#1565c0",
    },
    {
        "slug": "fem-pladser-hos-gelsted-bygningsindustri",
        "jobcenter": "jobcenter-middelfart",
        "title": "Fem faste pladser hos en byggevarevirksomhed",
        "summary": "En privat virksomhed oprettede fem pladser til modtagere af kontant- og starthjælp og "
        "tog imod nye, når nogen gik videre. Nøglen var kollegernes accept.",
        "target_groups": ["aktivitetsparate", "langtidsledige"],
        "methods": ["virksomhedssamarbejde", "mentor"],
        "tags": ["privat virksomhed", "faste pladser", "kollegaer"],
        "status": "ended",
        "start": date(2006, 9, 1),
        "end": date(2008, 6, 30),
        "problem": "<p>Borgere, der længe havde været uden arbejde, manglede en arbejdsplads, der ville tage "
        "imod dem igen og igen – ikke bare én gang.</p>",
        "practice": [
            (
                "p",
                "<p>Gelsted Bygningsindustri, en del af Velux-koncernen, aftalte med jobcentret at have fem "
                "pladser til ledige på kontant- eller starthjælp. Borgerne blev lempeligt ført ind i de daglige "
                "rutiner.</p>",
            ),
            (
                "steps",
                "Sådan gjorde virksomheden",
                [
                    ("Kollegerne først", "Ledelsen forklarede medarbejderne, hvorfor virksomheden gjorde det."),
                    ("Blød start", "Korte dage og enkle opgaver de første uger."),
                    ("Fast kontakt", "En fast kollega og en fast konsulent fra jobcentret."),
                ],
            ),
            (
                "quote",
                "Det er skrøbelige mennesker, der let bliver skræmt væk. Derfor skal hele afdelingen være "
                "med på idéen.",
                "Produktionsleder, privat virksomhed",
                "employer",
            ),
        ],
        "dose": (None, "Fra korte dage til fuld tid over 2–3 måneder.", ""),
        "partners": [("employer", "Gelsted Bygningsindustri", "Fem faste pladser")],
        "results": [("5", "faste pladser i drift", "hele perioden", "2006–2008", "monitoring")],
        "results_summary": "<p>Erfaringerne med at få borgerne ind i en arbejdsrutine var generelt gode.</p>",
        "success": "<p>Virksomhedens ejerskab og kollegernes accept af den sociale indsats.</p>",
        "challenges": "<p>Nogle borgere faldt fra, når presset blev for stort for hurtigt.</p>",
        "lessons": "<p>Virksomheden skal tage ejerskab og turde sige fra over for jobcentrets forslag.</p>",
        "contact": (
            "Virksomhedskonsulent (fiktiv kontakt)",
            "Virksomhedskonsulent",
            "virksomhed@middelfart.example.dk",
        ),
        "image": "#6d4c41",
    },
    {
        "slug": "tvaergaaende-teams-i-esbjerg",
        "jobcenter": "jobcenter-esbjerg",
        "title": "Ny luft i indsatsen: en projektudviklingsgruppe på tværs",
        "summary": "Esbjerg samlede de medarbejdere, der arbejdede med kampagnen for de passive "
        "kontanthjælpsmodtagere, i tværgående teams og fulgte tæt op på hver borger.",
        "target_groups": ["aktivitetsparate", "langtidsledige"],
        "methods": ["tvaergaaende-teams", "haandholdt-vejledning"],
        "tags": ["organisering", "ny chance til alle"],
        "status": "ended",
        "start": date(2006, 9, 1),
        "end": date(2008, 7, 1),
        "problem": "<p>Indsatsen for de passive modtagere var spredt på mange medarbejdere uden fælles retning.</p>",
        "practice": [
            (
                "p",
                "<p>Medarbejderne blev samlet i en projektudviklingsgruppe, der arbejdede i tværgående "
                "teams. Gruppen mødtes fast og drøftede de borgere, der stod stille.</p>",
            ),
            ("tip", "Godt råd", "<p>Lad teamet selv foreslå nye tilbud – det giver ejerskab.</p>"),
        ],
        "dose": (None, "", "Social- og sundhedsfaglige indsatser koordineret i teamet."),
        "partners": [("department", "Socialforvaltningen", "Deltog i teammøder")],
        "results": [
            ("1 ud af 5", "i job eller uddannelse", "af de passive modtagere", "efter 18 måneder", "monitoring")
        ],
        "results_summary": "",
        "success": "<p>Fælles ansvar og faste møder.</p>",
        "challenges": "<p>At holde fast i mødestrukturen i travle perioder.</p>",
        "lessons": "",
        "contact": ("Afdelingsleder (fiktiv kontakt)", "Afdelingsleder", "leder@esbjerg.example.dk"),
        "image": "#00695c",
    },
    {
        "slug": "hold-for-borgere-med-misbrug",
        "jobcenter": "jobcenter-esbjerg",
        "title": "Hold for borgere med misbrug – behandling og praktik side om side",
        "summary": "Esbjerg dannede særlige målgruppehold, blandt andet for misbrugere, hvor behandling og en "
        "virksomhedsrettet indsats kørte parallelt.",
        "target_groups": ["borgere-med-misbrug", "aktivitetsparate"],
        "methods": ["maalgruppehold", "parallelle-indsatser"],
        "tags": ["misbrugsbehandling", "hold"],
        "status": "ended",
        "start": date(2007, 2, 1),
        "end": date(2008, 12, 31),
        "problem": "<p>Misbrugere blev ofte sendt i behandling først og skulle så vente på en "
        "beskæftigelsesindsats, der aldrig kom.</p>",
        "practice": [
            (
                "p",
                "<p>Holdet mødtes to formiddage om ugen. Samtidig havde deltagerne en kort praktik, og "
                "behandlingen blev planlagt uden om praktiktiderne.</p>",
            ),
            (
                "quote",
                "Det var første gang, nogen talte med mig om arbejde, mens jeg var i behandling.",
                "Deltager på holdet, gengivet af jobkonsulent",
                "other",
            ),
        ],
        "dose": (6, "Fra to formiddage til tre dage om ugen.", "Ambulant misbrugsbehandling."),
        "partners": [("health", "Kommunens misbrugscenter", "Behandling")],
        "results": [("30 %", "i praktik efter holdet", "af deltagerne", "efter 6 måneder", "monitoring")],
        "results_summary": "",
        "success": "<p>At behandling og arbejde blev set som to sider af samme forløb.</p>",
        "challenges": "<p>Tilbagefald; holdet skulle kunne tage folk tilbage.</p>",
        "lessons": "",
        "contact": ("Misbrugskonsulent (fiktiv kontakt)", "Misbrugskonsulent", "misbrug@esbjerg.example.dk"),
        "image": "#ad1457",
    },
    {
        "slug": "etnisk-jobteam-odense",
        "jobcenter": "jobcenter-odense",
        "title": "Etnisk Jobteam: hverdagen skal hænge sammen, før jobbet kan",
        "summary": "Et jobteam i Odense hjalp nydanske kvinder med helt konkret at få styr på hverdagen, så de "
        "kunne passe både job og familie – med håndholdt opfølgning på arbejdspladsen.",
        "target_groups": ["nydanske-kvinder", "flygtninge"],
        "methods": ["haandholdt-vejledning", "mentor"],
        "tags": ["hverdagsliv", "familie", "opfølgning på arbejdspladsen"],
        "status": "ongoing",
        "start": date(2007, 1, 1),
        "end": None,
        "problem": "<p>Mange nydanske kvinder ville gerne arbejde, men børnepasning, transport og praktiske "
        "forhold gjorde det umuligt at holde fast i et job.</p>",
        "practice": [
            (
                "p",
                "<p>Teamet arbejdede professionelt og respektfuldt og brød med faste rutiner, når de ikke "
                "virkede. Konsulenterne hjalp med planlægning af hverdagen og fulgte kvinderne ud på "
                "arbejdspladsen.</p>",
            ),
            (
                "steps",
                "Forløbet",
                [
                    ("Hverdagsplan", "Børnepasning, transport og aftaler lagt i en fælles kalender."),
                    ("Individuel plan", "Ud fra kvindens egne ønsker og erfaringer."),
                    ("Opfølgning på arbejdspladsen", "Besøg de første uger og kontakt til en fast kollega."),
                ],
            ),
            (
                "tip",
                "Staldfidus",
                "<p>Tør at gå kreativt til værks og droppe den traditionelle fremgangsmåde, når den ikke passer.</p>",
            ),
        ],
        "dose": (None, "", "Sprogundervisning og sundhedsforløb efter behov."),
        "partners": [("organisation", "Lokale boligsociale medarbejdere", "Kontakt til familierne")],
        "results": [("40 %", "i job eller uddannelse", "af kvinderne i forløbet", "efter 12 måneder", "evaluation")],
        "results_summary": "",
        "success": "<p>Konkret hjælp til hverdagen og tæt opfølgning på arbejdspladsen.</p>",
        "challenges": "<p>Sproget og at finde arbejdsgivere med fleksible arbejdstider.</p>",
        "lessons": "",
        "contact": ("Jobkonsulent (fiktiv kontakt)", "Jobkonsulent, Etnisk Jobteam", "jobteam@odense.example.dk"),
        "image": "#6a1b9a",
    },
    {
        "slug": "flere-skal-med-herning",
        "jobcenter": "jobcenter-herning",
        "title": "Flere skal med: job til borgere på kontanthjælp i mere end fem år",
        "summary": "Et jobrehabiliteringsprojekt stillede krav, koordinerede borgerforløb på tværs af "
        "forvaltninger og matchede borgerne med socialt engagerede arbejdsgivere.",
        "target_groups": ["kontanthjaelp-over-fem-aar", "borgere-med-misbrug", "borgere-med-psykisk-sygdom"],
        "methods": ["tvaergaaende-teams", "virksomhedssamarbejde", "tro-paa-borgeren"],
        "tags": ["krav", "gentagne praktikker", "match"],
        "status": "ended",
        "start": date(2016, 1, 1),
        "end": date(2018, 12, 31),
        "problem": "<p>Borgere med mange år på kontanthjælp og problemer i flere af livets facetter var ofte "
        "blevet opgivet. Ledelsen mente, at det største svigt var ikke at gøre noget.</p>",
        "practice": [
            (
                "p",
                "<p>Projektet koordinerede indsatserne, så borgeren ikke skulle løbe mellem forvaltningerne. "
                "Borgerne blev mødt med krav, men også med praktikker, der blev gentaget, til rytmen og "
                "færdighederne kom.</p>",
            ),
            (
                "quote",
                "Ingen borger bliver bedre af, at vi lader være med at kontakte dem.",
                "Jobrehabiliteringschef",
                "practitioner",
            ),
            (
                "tip",
                "Om at ringe rundt",
                "<p>Jobkonsulenterne skal kunne tåle afslag. Det rigtige match kommer ofte efter mange opkald.</p>",
            ),
        ],
        "dose": (
            None,
            "Praktik efter praktik, med stigende timetal.",
            "Social- og sundhedsindsatser koordineret af jobcentret.",
        ),
        "partners": [
            ("department", "Socialforvaltningen", "Fælles borgerforløb"),
            ("employer", "Socialt engagerede arbejdsgivere", "Praktikpladser"),
        ],
        "results": [("18 %", "i job eller uddannelse", "af ca. 200 borgere", "efter 24 måneder", "evaluation")],
        "results_summary": "",
        "success": "<p>Engagement og tro hos medarbejderne, og krav stillet med respekt.</p>",
        "challenges": "<p>Gråzoner mellem ressourceforløb, førtidspension og job.</p>",
        "lessons": "<p>Mange praktikker er ikke et nederlag – de giver kompetencer.</p>",
        "contact": ("Projektleder (fiktiv kontakt)", "Projektleder", "flereskalmed@herning.example.dk"),
        "image": "#ef6c00",
    },
    {
        "slug": "virksomhedscenter-svendborg",
        "jobcenter": "jobcenter-svendborg",
        "title": "Et privat virksomhedscenter efter inspiration fra den gode histories dag",
        "summary": "Efter at have hørt om et privat virksomhedscenter på regionens konference gik Svendborg i "
        "gang med at bygge et tilsvarende samarbejde op.",
        "target_groups": ["langtidsledige", "aktivitetsparate"],
        "methods": ["virksomhedssamarbejde"],
        "tags": ["virksomhedscenter", "inspiration"],
        "status": "ongoing",
        "start": date(2008, 1, 1),
        "end": None,
        "problem": "<p>Jobcentret manglede faste pladser til borgere, der havde brug for en rolig start.</p>",
        "practice": [
            (
                "p",
                "<p>Jobkonsulenterne besøgte virksomheder med særligt socialt engagement og tilbød en fast "
                "kontaktperson og hurtig opfølgning.</p>",
            ),
        ],
        "dose": (None, "", ""),
        "partners": [("employer", "Lokale produktionsvirksomheder", "Pladser")],
        "results": [("3", "virksomheder med faste aftaler", "første år", "efter 12 måneder", "monitoring")],
        "results_summary": "",
        "success": "",
        "challenges": "",
        "lessons": "",
        "contact": ("Jobkonsulent (fiktiv kontakt)", "Jobkonsulent", "jobkonsulent@svendborg.example.dk"),
        "partner_jobcenters": ["jobcenter-middelfart"],
        "image": "#283593",
    },
    {
        "slug": "taet-samarbejde-i-alle-faser-vejen",
        "jobcenter": "jobcenter-vejen",
        "title": "Tæt samarbejde med virksomheden i alle faser",
        "summary": "I Vejen lærte virksomhedskonsulenterne, at samarbejdet skal være tæt fra første møde til "
        "opfølgning, og at virksomheden skal kunne sige klart fra.",
        "target_groups": ["jobparate", "langtidsledige"],
        "methods": ["virksomhedssamarbejde"],
        "tags": ["ejerskab", "virksomhedskonsulent"],
        "status": "ongoing",
        "start": date(2008, 2, 1),
        "end": None,
        "problem": "<p>Aftaler med virksomheder gik i stå, når jobcentret alene bestemte indholdet.</p>",
        "practice": [
            (
                "steps",
                "Faserne",
                [
                    ("Behov", "Virksomheden beskriver selv opgaver og forventninger."),
                    ("Match", "Konsulenten foreslår kandidater; virksomheden vælger."),
                    ("Opfølgning", "Faste møder, hvor begge parter kan sige fra."),
                ],
            ),
        ],
        "dose": (None, "", ""),
        "partners": [],
        "results": [("12", "ansættelser", "i samarbejdsvirksomhederne", "første år", "monitoring")],
        "results_summary": "",
        "success": "",
        "challenges": "",
        "lessons": "",
        "contact": ("Virksomhedskonsulent (fiktiv kontakt)", "Virksomhedskonsulent", "virksomhed@vejen.example.dk"),
        "image": "#455a64",
    },
    {
        "slug": "organisationen-taenker-anderledes-assens",
        "jobcenter": "jobcenter-assens",
        "title": "Målgruppehold efter Esbjerg-modellen i Assens",
        "summary": "Assens lod sig inspirere af Esbjergs særlige målgrupper og ændrede sin organisering, så "
        "den fungerer bedre både internt og udadtil.",
        "target_groups": ["borgere-med-misbrug", "nydanske-kvinder"],
        "methods": ["maalgruppehold", "tvaergaaende-teams"],
        "tags": ["organisering", "inspiration"],
        "status": "ongoing",
        "start": date(2008, 3, 1),
        "end": None,
        "problem": "<p>Organisationen var bygget op om ydelser, ikke om borgernes udfordringer.</p>",
        "practice": [
            (
                "p",
                "<p>Jobcentret oprettede to hold og omlagde teamstrukturen, så hvert hold fik faste medarbejdere.</p>",
            )
        ],
        "dose": (None, "", ""),
        "partners": [],
        "results": [("2", "nye målgruppehold", "i jobcentret", "første halvår", "assessment")],
        "results_summary": "",
        "success": "",
        "challenges": "",
        "lessons": "",
        "contact": ("Afdelingsleder (fiktiv kontakt)", "Afdelingsleder", "leder@assens.example.dk"),
        "partner_jobcenters": ["jobcenter-esbjerg"],
        "image": "#558b2f",
    },
    {
        "slug": "tro-paa-borgeren-aalborg",
        "jobcenter": "jobcenter-aalborg",
        "title": "Når rådgiverne tror på jobchancerne, flytter borgerne sig",
        "summary": "Et forløb for sagsbehandlere om sprog, tvivl og tro på borgerens plads på arbejdsmarkedet, "
        "bygget på forskningen om effektive sagsbehandlerstrategier.",
        "target_groups": ["aktivitetsparate"],
        "methods": ["tro-paa-borgeren", "parallelle-indsatser"],
        "tags": ["faglighed", "sprog", "forskning"],
        "status": "ongoing",
        "start": date(2019, 9, 1),
        "end": None,
        "problem": "<p>Forskning viser stor forskel på, hvor mange borgere de enkelte sagsbehandlere hjælper i "
        "job. Jobcentret ville arbejde med den faktor, der betød mest: troen på borgeren.</p>",
        "practice": [
            (
                "p",
                "<p>Teamene holdt faste drøftelser om, hvordan de talte om borgerne, og øvede sig i at "
                "udfordre nederlagsfortællinger – også over for kolleger og læger.</p>",
            ),
            ("tip", "Øvelse", "<p>Bed hver rådgiver nævne ét realistisk job for tre borgere på næste teammøde.</p>"),
        ],
        "dose": (None, "", ""),
        "partners": [("education", "Aalborg Universitet", "Faglig sparring")],
        "results": [
            ("15 %", "flere i job eller uddannelse", "sammenlignet med året før", "efter 12 måneder", "monitoring")
        ],
        "results_summary": "",
        "success": "",
        "challenges": "",
        "lessons": "",
        "contact": ("Faglig koordinator (fiktiv kontakt)", "Faglig koordinator", "faglig@aalborg.example.dk"),
        "image": "#00838f",
    },
    {
        "slug": "praktik-og-sundhed-parallelt-holstebro",
        "jobcenter": "jobcenter-holstebro",
        "title": "Praktik og sundhedsforløb på samme tid",
        "summary": "I stedet for at vente på, at helbredet var i orden, startede borgerne i en kort praktik "
        "samtidig med et sundhedsforløb – og virksomhederne fik loyale medarbejdere.",
        "target_groups": ["aktivitetsparate", "sygedagpengemodtagere"],
        "methods": ["parallelle-indsatser", "virksomhedssamarbejde", "mentor"],
        "tags": ["sundhed", "trappestigemodellen"],
        "status": "ongoing",
        "start": date(2019, 1, 1),
        "end": None,
        "problem": "<p>Borgerne gik fra den ene indsats til den næste uden at komme tættere på arbejde.</p>",
        "practice": [
            (
                "p",
                "<p>Jobcentret satte virksomhedspraktik og sundhedsforløb i gang samtidig og koordinerede "
                "tiderne med borgeren.</p>",
            ),
            (
                "quote",
                "Når det lykkes, får vi nogle meget loyale medarbejdere, som er stolte af arbejdspladsen.",
                "Direktør, kommunal forvaltning",
                "practitioner",
            ),
        ],
        "dose": (8, "Fra 8 til 20 timer om ugen over fire måneder.", "Træning og samtaler i sundhedscentret."),
        "partners": [
            ("health", "Kommunens sundhedscenter", "Træning"),
            ("employer", "Lokale virksomheder", "Praktikpladser"),
        ],
        "results": [("35 %", "i job, fleksjob eller uddannelse", "af 60 borgere", "efter 12 måneder", "evaluation")],
        "results_summary": "",
        "success": "",
        "challenges": "",
        "lessons": "",
        "contact": ("Teamleder (fiktiv kontakt)", "Teamleder", "teamleder@holstebro.example.dk"),
        "image": "#c62828",
    },
    {
        "slug": "unge-mentorer-kolding",
        "jobcenter": "jobcenter-kolding",
        "title": "Unge med mentor fra praktik til uddannelse",
        "summary": "Unge uden uddannelse fik en mentor, der fulgte dem fra den første praktik til starten på "
        "en erhvervsuddannelse.",
        "target_groups": ["unge-under-30"],
        "methods": ["mentor", "haandholdt-vejledning"],
        "tags": ["uddannelse", "erhvervsuddannelse"],
        "status": "ongoing",
        "start": date(2020, 8, 1),
        "end": None,
        "problem": "<p>Mange unge faldt fra mellem praktik og uddannelsesstart.</p>",
        "practice": [
            (
                "p",
                "<p>Mentoren fulgte den unge i overgangen og holdt kontakt med både virksomhed og uddannelsessted.</p>",
            )
        ],
        "dose": (None, "", ""),
        "partners": [("education", "Lokal erhvervsskole", "Brobygning")],
        "results": [("55 %", "startede på uddannelse", "af 40 unge", "efter 9 måneder", "monitoring")],
        "results_summary": "",
        "success": "",
        "challenges": "",
        "lessons": "",
        "contact": ("Ungementor (fiktiv kontakt)", "Ungementor", "ung@kolding.example.dk"),
        "image": "#4527a0",
    },
]
