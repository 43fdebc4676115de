"""The demo's themes: curated collections of demo stories and methods, with a note on each."""

THEMES = [
    {
        "slug": "parallelle-indsatser",
        "title": "Parallelle indsatser",
        "lead": "Når praktik, behandling og opkvalificering sker på samme tid i stedet for efter hinanden.",
        "body": "<p>Mange borgere langt fra arbejdsmarkedet har brug for mere end én ting på én gang. Historierne "
        "her viser, hvordan jobcentre har fået en virksomhedsrettet indsats til at gå hånd i hånd med sundhed "
        "eller misbrugsbehandling, og hvad der skulle til for at få forvaltningerne til at arbejde sammen.</p>",
        "items": [
            ("parallelle-indsatser", "Metoden bag temaet, med det forskningen siger."),
            ("praktik-og-sundhed-parallelt-holstebro", "Praktik og sundhedsforløb side om side."),
            ("hold-for-borgere-med-misbrug", "Behandling og praktik for borgere med misbrug."),
            ("laegekontakt", "Tæt kontakt til borgerens læge gør det lettere at planlægge."),
        ],
    },
    {
        "slug": "virksomhedssamarbejde-langt-fra-arbejdsmarkedet",
        "title": "Virksomhedssamarbejde for borgere langt fra arbejdsmarkedet",
        "lead": "Faste pladser og tætte partnerskaber med virksomheder, der vil tage et socialt ansvar.",
        "body": "<p>En virksomhed, der kender jobcentret og borgeren, tør mere. Temaet samler historier om faste "
        "pladser, virksomhedscentre og samarbejder, der holdt i årevis.</p>",
        "items": [
            ("virksomhedssamarbejde", "Metoden: faste pladser og en fast kontaktperson i jobcentret."),
            ("fem-pladser-hos-gelsted-bygningsindustri", "Fem pladser, hvor kollegerne tog imod de nye."),
            ("virksomhedscenter-svendborg", "Et virksomhedscenter med plads til dem, der har brug for tid."),
            ("mikroaktivering-i-varde", "Små opgaver i lokale virksomheder som første skridt."),
        ],
    },
]
