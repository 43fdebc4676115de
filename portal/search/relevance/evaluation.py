"""Judged queries and the measures over them: nDCG@5, recall@10 and the zero-result rate.

A judgment file holds one query a line: `class <TAB> query <TAB> slug:grade slug:grade ...` (grades 0-3, a story
not named is 0; `#` starts a comment). Each query is searched among the stories only, as a visitor would type it,
through the same path as the search page; the ranked story slugs are compared with the judgments.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

JUDGMENTS = Path(__file__).with_name("judgments.tsv")
MAX_GRADE = 3


class JudgmentError(ValueError):
    """A judgment file that cannot be read (the message names the line)."""


@dataclass(frozen=True)
class Judged:
    query_class: str
    query: str
    grades: dict[str, int] = field(default_factory=dict)  # story slug -> grade 1-3


def load(path: Path = JUDGMENTS) -> list[Judged]:
    judged = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[0].strip() or not parts[1].strip():
            raise JudgmentError(f"line {number}: expected class, query and judgments separated by tabs")
        grades = {}
        for item in parts[2].split():
            slug, _, grade = item.rpartition(":")
            if not slug or not grade.isdigit() or not 0 <= int(grade) <= MAX_GRADE:
                raise JudgmentError(f"line {number}: {item!r} is not slug:grade with a grade from 0 to {MAX_GRADE}")
            if int(grade):
                grades[slug] = int(grade)
        if not grades:
            raise JudgmentError(f"line {number}: a judged query needs at least one relevant story")
        judged.append(Judged(parts[0].strip(), parts[1].strip(), grades))
    return judged


def dcg(gains: list[int]) -> float:
    return sum((2**gain - 1) / math.log2(rank + 2) for rank, gain in enumerate(gains))


def ndcg(ranked: list[str], grades: dict[str, int], k: int = 5) -> float:
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    return dcg([grades.get(slug, 0) for slug in ranked[:k]]) / ideal if ideal else 0.0


def recall(ranked: list[str], grades: dict[str, int], k: int = 10) -> float:
    return len(set(ranked[:k]) & set(grades)) / len(grades)


@dataclass
class Figures:
    queries: int = 0
    ndcg5: float = 0.0
    recall10: float = 0.0
    zero: float = 0.0

    def as_dict(self) -> dict:
        return {"queries": self.queries, "ndcg@5": self.ndcg5, "recall@10": self.recall10, "zero_results": self.zero}


def _average(rows: list[tuple[float, float, bool]]) -> Figures:
    n = len(rows)
    return Figures(n, sum(r[0] for r in rows) / n, sum(r[1] for r in rows) / n, sum(r[2] for r in rows) / n)


def evaluate(judged: list[Judged], ranked_slugs: Callable[[str], list[str]]) -> dict[str, Figures]:
    """Figures overall ("alle") and per query class; `ranked_slugs(query)` is the ranked story slugs it finds."""
    rows: dict[str, list] = {}
    for item in judged:
        ranked = ranked_slugs(item.query)
        row = (ndcg(ranked, item.grades), recall(ranked, item.grades), not ranked)
        rows.setdefault(item.query_class, []).append(row)
    figures = {"alle": _average([row for group in rows.values() for row in group])} if rows else {}
    figures.update({name: _average(group) for name, group in sorted(rows.items())})
    return figures
