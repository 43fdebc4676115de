"""A curated starting list of synonym groups for employment work; editors extend it under Synonymer in the admin.

Written by hand for this portal; the LibreOffice Danish thesaurus (mythes-da) was consulted for the general words
(ledig, arbejdsløs, arbejdsledig, langtidsarbejdsløs) but nothing was copied from it wholesale: its groups are
general language (ledig also means vacant and available) and would widen searches the wrong way.
"""

from django.db import migrations

GROUPS = {
    "Ledige": ["ledig", "arbejdsløs", "arbejdsledig", "langtidsledig", "langtidsarbejdsløs", "jobsøgende"],
    "Kontanthjælp": ["kontanthjælpsmodtager", "kontanthjælp", "modtager af kontanthjælp"],
    "Dagpenge": ["dagpengemodtager", "dagpenge", "forsikret ledig"],
    "Sygedagpenge": ["sygedagpengemodtager", "sygedagpenge", "sygemeldt", "sygemelding"],
    "Virksomhedspraktik": ["virksomhedspraktik", "praktik", "praktikforløb"],
    "Løntilskud": ["løntilskud", "løntilskudsjob", "job med løntilskud"],
    "LAB-loven": ["lab-loven", "lov om en aktiv beskæftigelsesindsats", "beskæftigelsesloven"],
    "FGU": ["fgu", "forberedende grunduddannelse"],
    "STU": ["stu", "særligt tilrettelagt ungdomsuddannelse"],
    "Jobafklaring": ["jobafklaring", "jobafklaringsforløb"],
    "Ressourceforløb": ["ressourceforløb", "ressourceforløbsydelse"],
    "Psykisk sygdom": ["psykisk sygdom", "psykiske lidelser", "psykisk lidelse", "psykisk sårbar", "psykiske problemer"],
    "Misbrug": ["misbrug", "rusmiddel", "rusmidler", "afhængighed", "rusmiddelproblemer"],
    "Aktivitetsparat": ["aktivitetsparat", "ikke jobparat"],
    "Jobparat": ["jobparat", "arbejdsmarkedsparat"],
    "Mentor": ["mentor", "mentorstøtte", "mentorordning"],
    "Fleksjob": ["fleksjob", "fleksjobber", "fleksjobordning"],
    "Virksomhedskonsulent": ["virksomhedskonsulent", "jobkonsulent"],
    "Sagsbehandler": ["sagsbehandler", "rådgiver", "jobkonsulent"],
    "Unge": ["unge", "unge under 30", "ungdom"],
    "Småjob": ["småjob", "få timer", "timer om ugen"],
    "IPS": ["ips", "individuelt planlagt job med støtte"],
}


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("portal_search", "SynonymGroup")
    for name, entries in GROUPS.items():
        if not SynonymGroup.objects.filter(name=name).exists():
            SynonymGroup.objects.create(name=name, words="\n".join(entries))


def unseed(apps, schema_editor):
    apps.get_model("portal_search", "SynonymGroup").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_compound_parts_and_synonyms")]
    operations = [migrations.RunPython(seed, unseed)]
