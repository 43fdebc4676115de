"""Danish language helpers for search: compound splitting (compounds.py) and editors' synonyms (synonyms.py)."""
