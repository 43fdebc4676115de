"""Relevance measured: judged queries (judgments.tsv) and the figures `manage.py evaluate_search` prints."""
