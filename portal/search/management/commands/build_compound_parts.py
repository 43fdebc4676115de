"""Write portal/search/danish/data/compound_parts.tsv from hunspell-da and wordfreq (build time only).

    apt-get install -y hunspell-da && pip install -e '.[lexicon]'    (wordfreq)
    python manage.py build_compound_parts

Keeps hunspell-da's lower-case Danish stems of at least three letters that wordfreq knows in Danish, each with its
Zipf frequency (one decimal), sorted. wordfreq is not needed at run time: only the written list is.
"""

import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.search.danish.compounds import DATA, MIN_PART

HUNSPELL = Path("/usr/share/hunspell/da_DK.dic")
WORD = re.compile(rf"[a-zæøå]{{{MIN_PART},}}")
HEADER = (
    "# Danish compound parts: word<TAB>Zipf frequency. Words from hunspell-da (da_DK.dic, Foreningen for frit\n"
    "# tilgængelige sprogværktøjer, MPL-1.1/LGPL-2.1/GPL-2); frequencies from wordfreq (CC BY-SA 4.0).\n"
    "# See LICENSE-compound-parts.txt. Rebuild with: python manage.py build_compound_parts\n"
)


class Command(BaseCommand):
    help = "Bygger listen over orddele til sammensatte ord (kræver hunspell-da og wordfreq)."

    def add_arguments(self, parser):
        parser.add_argument("--dictionary", default=str(HUNSPELL))
        parser.add_argument("--output", default=str(DATA))

    def handle(self, dictionary, output, **options):
        try:
            import wordfreq  # inside: an optional dependency (the `lexicon` extra), only to rebuild the list
        except ImportError as missing:
            raise CommandError("wordfreq mangler: pip install -e '.[lexicon]'") from missing
        path = Path(dictionary)
        if not path.exists():
            raise CommandError(f"{path} findes ikke: apt-get install -y hunspell-da")
        stems = set()
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            word = line.split("/", 1)[0].strip()
            if WORD.fullmatch(word):
                stems.add(word)
        rows = []
        for word in sorted(stems):
            zipf = wordfreq.zipf_frequency(word, "da")
            if zipf > 0:
                rows.append(f"{word}\t{zipf:.1f}\n")
        Path(output).write_text(HEADER + "".join(rows), encoding="utf-8")
        self.stdout.write(f"{len(rows)} orddele skrevet til {output} (af {len(stems)} ord i {path}).")
