"""Danish language helpers for search: compound splitting (compounds.py) and stop words (stopwords.py)."""
