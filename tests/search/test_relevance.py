"""`manage.py evaluate_search`: the figures it prints, and that they move with what the search finds."""

import io
import json

from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from portal.search.relevance.evaluation import Judged, load, ndcg, recall

MEASURES = {"queries", "ndcg@5", "recall@10", "zero_results"}


def evaluate(engine, path) -> dict:
    out = io.StringIO()
    call_command("evaluate_search", "--engine", engine.name, "--judgments", str(path), "--json", stdout=out)
    answer = json.loads(out.getvalue())
    assert answer["engine"] == engine.name
    return answer["figures"]


def test_figures_overall_and_per_class(engine, corpus, tmp_path):
    judgments = tmp_path / "judgments.tsv"
    judgments.write_text(
        "# a comment\n"
        f"metode\tmentor\t{corpus['aalborg'].slug}:3\n"
        f"maalgruppe\tmisbrug\t{corpus['odense'].slug}:3 {corpus['varde'].slug}:2 {corpus['escape'].slug}:1\n",
        encoding="utf-8",
    )
    figures = evaluate(engine, judgments)
    assert set(figures) == {"alle", "metode", "maalgruppe"}
    for name, measures in figures.items():
        assert set(measures) == MEASURES, name
        assert all(0 <= measures[m] <= 1 for m in MEASURES - {"queries"}), name
    assert figures["alle"]["queries"] == 2
    assert figures["metode"]["recall@10"] == 1  # the mentor story is found
    assert figures["alle"]["zero_results"] == 0

    # A judged story that the query cannot find (the kaffe story says nothing of mentors) lowers recall; a query
    # that finds nothing at all counts as a zero-result query.
    judgments.write_text(
        judgments.read_text(encoding="utf-8")
        + f"metode\tmentor\t{corpus['varde_fem'].slug}:3\n"
        + f"metode\tzzqxj\t{corpus['aalborg'].slug}:3\n",
        encoding="utf-8",
    )
    worse = evaluate(engine, judgments)
    assert worse["metode"]["recall@10"] < figures["metode"]["recall@10"]
    assert worse["alle"]["recall@10"] < figures["alle"]["recall@10"]
    assert worse["alle"]["zero_results"] > 0


def test_the_table_names_every_class(engine, corpus, tmp_path):
    judgments = tmp_path / "judgments.tsv"
    judgments.write_text(f"stavefejl\tmentor\t{corpus['aalborg'].slug}:2\n", encoding="utf-8")
    out = io.StringIO()
    call_command("evaluate_search", "--engine", engine.name, "--judgments", str(judgments), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == f"engine: {engine.name}"
    assert lines[1].split() == ["class", "queries", "nDCG@5", "recall@10", "zero"]
    assert [line.split()[0] for line in lines[2:]] == ["alle", "stavefejl"]


def test_the_shipped_judgments_are_readable():
    judged = load()
    assert len(judged) >= 60
    assert {"maalgruppe", "metode", "jargon", "sammensat", "stavefejl", "synonym", "flere-ord"} <= {
        j.query_class for j in judged
    }


slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
judgeds = st.builds(
    Judged,
    st.from_regex(r"[a-zæøå-]{1,12}", fullmatch=True),
    st.from_regex(r"[a-zæøå]{1,10}( [a-zæøå]{1,10}){0,3}", fullmatch=True),
    st.dictionaries(slugs, st.integers(1, 3), min_size=1, max_size=5),
)


@given(st.lists(judgeds, max_size=5))
def test_a_written_judgment_file_reads_back(tmp_path_factory, items):
    path = tmp_path_factory.mktemp("j") / "judgments.tsv"
    lines = [f"{j.query_class}\t{j.query}\t{' '.join(f'{s}:{g}' for s, g in j.grades.items())}" for j in items]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert load(path) == items


@given(st.lists(slugs, max_size=12, unique=True), st.dictionaries(slugs, st.integers(1, 3), min_size=1, max_size=6))
def test_measures_stay_between_zero_and_one_and_are_one_for_the_ideal_ranking(ranked, grades):
    assert 0 <= ndcg(ranked, grades) <= 1 + 1e-9
    assert 0 <= recall(ranked, grades) <= 1
    ideal = sorted(grades, key=grades.get, reverse=True)
    assert abs(ndcg(ideal, grades) - 1) < 1e-9
    assert recall(ideal, grades) == (1 if len(grades) <= 10 else recall(ideal, grades))
