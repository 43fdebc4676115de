"""Demo methods with their evidence, written for the portal from the facts in the seed articles."""

BIP_REFERENCE = (
    "Aktiv beskæftigelsesindsats og progression",
    "Væksthusets Forskningscenter og Aarhus Universitet",
    2019,
)
BIP_CASEWORKER_REFERENCE = ("Effektive sagsbehandlerstrategier", "Væksthusets Forskningscenter", 2019)

METHODS = [
    {
        "slug": "haandholdt-vejledning",
        "title": "Håndholdt vejledning med konsekvent opfølgning",
        "summary": "Én fast medarbejder følger borgeren tæt, tager udgangspunkt i den enkeltes situation og "
        "følger op hver gang – også ude på arbejdspladsen.",
        "description": "<p>Borgeren har én gennemgående kontaktperson, der kender hele forløbet. Kontakten er "
        "hyppig, aftaler bliver fulgt op, og udeblivelser fører til en opringning frem for et "
        "brev. Vejlederen tager med ud på arbejdspladsen de første gange.</p>",
        "variants": "<p>Nogle jobcentre lægger opgaven hos en mentor, andre hos sagsbehandleren selv. Forskellen "
        "er især, hvor meget myndighedsarbejde der følger med rollen.</p>",
        "steps": [
            ("Aftal kontakten", "Fast ugentlig samtale og et telefonnummer, borgeren kan ringe til."),
            ("Start i borgerens situation", "Kortlæg sammen, hvad der fylder i hverdagen, før der tales job."),
            ("Følg op hver gang", "Ring samme dag, hvis en aftale ikke holdes."),
            ("Følg med ud", "Tag med på virksomheden de første dage og hold kontakt med den faste kollega."),
        ],
        "tip": "Skriv opfølgningen ind i kalenderen med det samme – ellers bliver den det første, der glider.",
        "target_groups": ["aktivitetsparate", "nydanske-kvinder", "langtidsledige"],
        "evidence_level": "experience",
        "evidence": "<p>Flere jobcentre i Region Syddanmark fremhæver den tætte, individuelle opfølgning som "
        "afgørende for borgere langt fra arbejdsmarkedet. Metoden er ikke effektmålt alene.</p>",
        "references": [],
        "staff_time": "Ca. 1–2 timer pr. borger om ugen i de første måneder; mindre, når borgeren er i gang.",
        "combines_with": ["mikroaktivering", "virksomhedssamarbejde"],
    },
    {
        "slug": "mikroaktivering",
        "title": "Mikroaktivering med gradvis optrapning",
        "summary": "Aktiveringen starter med ganske få timer om ugen – måske bare en kop kaffe – og trappes "
        "langsomt op i borgerens tempo.",
        "description": "<p>For borgere, der har været væk fra arbejdsmarkedet i mange år, kan et fuldt forløb "
        "være et nederlag på forhånd. Mikroaktivering begynder med en eller to timer om ugen og "
        "en konkret, overskuelig opgave. Timetallet øges først, når det går.</p>",
        "variants": "<p>Opgaverne kan ligge i en virksomhed, på et værksted eller som selvstændige opgaver, "
        "fx avisruter for borgere, der har svært ved at være sammen med mange mennesker.</p>",
        "steps": [
            ("Find det mindste første skridt", "1–2 timer om ugen med en tydelig opgave."),
            ("Aftal optrapning", "Vurdér hver 2.–4. uge sammen med borgeren, om der kan lægges timer på."),
            ("Hold fast i rytmen", "Regelmæssighed betyder mere end antal timer i starten."),
        ],
        "tip": "Mød borgeren på stedet den første dag – også selv om det kun er en time.",
        "target_groups": ["aktivitetsparate", "borgere-med-psykisk-sygdom", "langtidsledige"],
        "evidence_level": "experience",
        "evidence": "<p>Bygger på erfaringer fra blandt andet Jobcenter Varde. Forskningen peger på, at ingen "
        "indsats fører til tilbagegang, så et lille skridt er bedre end intet.</p>",
        "references": [BIP_REFERENCE],
        "staff_time": "Lav pr. time, men kræver tæt opfølgning de første uger.",
        "combines_with": ["haandholdt-vejledning", "laegekontakt"],
    },
    {
        "slug": "virksomhedssamarbejde",
        "title": "Faste virksomhedspladser til ledige langt fra arbejdsmarkedet",
        "summary": "En aftale med en virksomhed om altid at have et antal pladser til langtidsledige, med "
        "tæt samarbejde i alle faser.",
        "description": "<p>Virksomheden stiller et fast antal pladser til rådighed, og jobcentret leverer "
        "kandidater, forberedelse og opfølgning. Virksomheden skal eje samarbejdet og kunne sige "
        "fra, og kollegerne skal tages med fra starten.</p>",
        "variants": "<p>Spænder fra enkeltaftaler med en socialt engageret arbejdsgiver til et egentligt "
        "virksomhedscenter med flere pladser og en fast kontaktperson.</p>",
        "steps": [
            ("Find den rette virksomhed", "Se efter socialt engagement og opgaver med plads til forskellighed."),
            ("Aftal rammerne", "Antal pladser, kontaktpersoner og hvordan begge parter kan sige fra."),
            ("Forbered kollegerne", "Fortæl hvorfor – accept blandt kollegerne er en forudsætning."),
            ("Følg op tæt", "Faste opfølgningsmøder med både borger og virksomhed."),
        ],
        "tip": "Lad virksomheden selv formulere, hvad den får ud af samarbejdet – så holder det længere.",
        "target_groups": ["aktivitetsparate", "langtidsledige", "jobparate"],
        "evidence_level": "documented",
        "evidence": "<p>Virksomhedsrettede indsatser som praktik og løntilskud har dokumenteret effekt, især "
        "for jobparate. For aktivitetsparate virker de bedst sammen med andre indsatser.</p>",
        "references": [BIP_REFERENCE],
        "staff_time": "En virksomhedskonsulent med faste besøg; ca. en halv dag om ugen pr. virksomhed i starten.",
        "combines_with": ["parallelle-indsatser", "mentor"],
    },
    {
        "slug": "tvaergaaende-teams",
        "title": "Tværgående teams og koordinerede borgerforløb",
        "summary": "Medarbejdere fra flere fagområder arbejder i ét team, så borgeren ikke skal løbe mellem "
        "forvaltningerne.",
        "description": "<p>Jobcentret koordinerer indsatserne fra beskæftigelse, social, sundhed og "
        "misbrugsbehandling i én plan. Teamet mødes fast og deler ansvaret for borgerens "
        "forløb.</p>",
        "variants": "<p>Nogle steder samles medarbejderne fysisk; andre har faste koordinationsmøder og en "
        "fælles plan på tværs.</p>",
        "steps": [
            ("Saml teamet", "Beskæftigelse, socialområdet, sundhed og evt. misbrugsbehandling."),
            ("Lav én plan", "Én fælles plan med borgeren, som alle arbejder ud fra."),
            ("Mød fast", "Korte, faste koordinationsmøder om de borgere, der står stille."),
        ],
        "tip": "Giv én person ansvaret for at koordinere – ellers koordinerer ingen.",
        "target_groups": ["aktivitetsparate", "kontanthjaelp-over-fem-aar", "borgere-med-misbrug"],
        "evidence_level": "promising",
        "evidence": "<p>Forskning i indsatsen for udsatte ledige peger på, at beskæftigelsesproblemer ofte "
        "hænger sammen med helbred, sociale forhold og misbrug, og at en opdelt indsats spilder "
        "borgerens kræfter.</p>",
        "references": [],
        "staff_time": "Mødetid for 3–5 fagpersoner; sparer ofte tid på dobbeltarbejde.",
        "combines_with": ["parallelle-indsatser"],
    },
    {
        "slug": "parallelle-indsatser",
        "title": "Parallelle indsatser",
        "summary": "Virksomhedsrettet indsats sideløbende med en sundheds- eller opkvalificerende indsats – "
        "i stedet for én indsats ad gangen.",
        "description": "<p>I stedet for trappestigemodellen, hvor borgeren først skal have løst ét problem, "
        "før det næste tages op, sættes flere indsatser i gang samtidig og koordineres.</p>",
        "variants": "<p>Den stærkeste kombination er en virksomhedsrettet indsats sammen med en sundheds- "
        "eller opkvalificerende indsats.</p>",
        "steps": [
            ("Start virksomhedsrettet fra dag ét", "Også selv om det kun er få timer."),
            ("Læg sundhed eller opkvalificering ved siden af", "Fx behandling, træning eller kurser."),
            ("Koordinér", "Sørg for, at indsatserne ikke modarbejder hinanden i kalenderen."),
        ],
        "tip": "Lyt til borgerens egne jobønsker – det gør den virksomhedsrettede del meningsfuld.",
        "target_groups": ["aktivitetsparate", "borgere-med-misbrug", "borgere-med-psykisk-sygdom"],
        "evidence_level": "documented",
        "evidence": "<p>En undersøgelse af omkring 4.000 aktivitetsparate over fire år viste, at borgere uden "
        "indsats går tilbage, at én indsats ad gangen giver lidt eller ingen fremgang, og at "
        "kombinationer virker – bedst virksomhedsrettet indsats med sundhed eller "
        "opkvalificering.</p>",
        "references": [BIP_REFERENCE],
        "staff_time": "Kræver koordinering på tværs; ca. 1 time pr. borger om ugen til koordinering.",
        "combines_with": ["virksomhedssamarbejde", "tvaergaaende-teams"],
    },
    {
        "slug": "mentor",
        "title": "Mentor på arbejdspladsen",
        "summary": "En mentor støtter borgeren i de første måneder i praktik eller job og er bindeled til kollegerne.",
        "description": "<p>Mentoren kan være en kollega på virksomheden eller en ekstern mentor. Opgaven er at "
        "hjælpe borgeren ind i rutinerne og tage fat i problemer, før de vokser.</p>",
        "variants": "<p>Intern mentor (en kollega) eller ekstern mentor fra jobcentret eller en leverandør.</p>",
        "steps": [
            ("Vælg mentor", "En person, borgeren har tillid til, og som har tid."),
            ("Aftal rammer", "Hvor ofte, hvor længe og hvad mentoren ikke skal."),
            ("Aftrap", "Planlæg, hvordan støtten gradvist bliver mindre."),
        ],
        "tip": "Sørg for, at mentoren har nogen at sparre med – det er en krævende rolle.",
        "target_groups": ["unge-under-30", "nydanske-kvinder", "aktivitetsparate"],
        "evidence_level": "promising",
        "evidence": "<p>Evalueringer peger på, at mentorstøtte kan fastholde borgere i praktik og job, særligt "
        "i kombination med virksomhedsrettede forløb.</p>",
        "references": [],
        "staff_time": "Typisk 1–5 timers mentorstøtte om ugen.",
        "combines_with": ["virksomhedssamarbejde"],
    },
    {
        "slug": "laegekontakt",
        "title": "Tæt kontakt til borgerens læge",
        "summary": "Jobcentret og den praktiserende læge taler sammen om, hvad borgeren kan – ikke kun om det, "
        "borgeren ikke kan.",
        "description": "<p>Med borgerens samtykke holder sagsbehandleren løbende kontakt med lægen, så "
        "indsatsen bygger på borgerens restarbejdsevne og helbred.</p>",
        "variants": "",
        "steps": [
            ("Indhent samtykke", "Forklar borgeren hvorfor og hvad der deles."),
            ("Spørg til ressourcer", "Hvad kan borgeren, og hvad skal der tages hensyn til?"),
            ("Hold lægen orienteret", "Kort besked, når forløbet ændres."),
        ],
        "tip": "Et kort telefonmøde giver ofte mere end en lang skriftlig attest.",
        "target_groups": ["sygedagpengemodtagere", "aktivitetsparate", "borgere-med-psykisk-sygdom"],
        "evidence_level": "experience",
        "evidence": "<p>Erfaringer fra jobcentre, der arbejder med borgere langt fra arbejdsmarkedet, peger på "
        "at fælles fokus på restarbejdsevne giver mere realistiske planer.</p>",
        "references": [],
        "staff_time": "Ca. 15–30 minutter pr. kontakt.",
        "combines_with": ["mikroaktivering"],
    },
    {
        "slug": "tro-paa-borgeren",
        "title": "Sagsbehandlerens tro på borgerens jobchancer",
        "summary": "Troen på, at der er en plads på arbejdsmarkedet til borgeren, er en faglighed, der kan "
        "udvikles – og den gør en målbar forskel.",
        "description": "<p>Medarbejdere og ledelse arbejder bevidst med, hvordan der tales om borgerne, "
        "udfordrer nederlagsfortællinger og holder fast i målet om job.</p>",
        "variants": "<p>Supervision, sprogbrug i teamet og faste drøftelser af tvivl og tro.</p>",
        "steps": [
            ("Se på sproget", "Hvordan taler vi om borgerne på teammøderne?"),
            ("Udfordr nederlagsfortællinger", "Find sammen med borgeren alternative historier."),
            ("Drøft tvivl åbent", "Gør tro og tvivl til et fagligt emne i teamet."),
        ],
        "tip": "Spørg på teammødet: 'Hvilket job kunne hun have om et år?' – og skriv svaret ned.",
        "target_groups": ["aktivitetsparate", "langtidsledige"],
        "evidence_level": "documented",
        "evidence": "<p>I samme undersøgelse af 4.000 aktivitetsparate fik de mest effektive sagsbehandlere "
        "23 % i job, de mindst effektive 7 %. Troen på borgerens jobchancer var en særlig vigtig "
        "faktor.</p>",
        "references": [BIP_CASEWORKER_REFERENCE],
        "staff_time": "Tid til supervision og faglig sparring, fx en time hver anden uge.",
        "combines_with": ["haandholdt-vejledning", "parallelle-indsatser"],
    },
    {
        "slug": "maalgruppehold",
        "title": "Særlige målgruppehold",
        "summary": "Borgere med fælles udfordringer samles i hold med et tilrettelagt forløb, fx for borgere "
        "med misbrug eller for nydanske kvinder.",
        "description": "<p>Holdet giver et fællesskab og et forløb, der passer til gruppen, og medarbejderne "
        "opbygger særlig viden om målgruppen.</p>",
        "variants": "",
        "steps": [
            ("Vælg målgruppen", "Ud fra hvor mange borgere der deler en udfordring."),
            ("Tilrettelæg forløbet", "Indhold og tider, der passer til gruppens hverdag."),
            ("Bind det til virksomheder", "Holdet skal føre videre til praktik eller job."),
        ],
        "tip": "",
        "target_groups": ["borgere-med-misbrug", "nydanske-kvinder"],
        "evidence_level": "experience",
        "evidence": "<p>Erfaringer fra Jobcenter Esbjerg, som andre jobcentre har hentet inspiration fra.</p>",
        "references": [],
        "staff_time": "1–2 medarbejdere pr. hold.",
        "combines_with": ["parallelle-indsatser"],
    },
]
