"""The house rules a newcomer relies on (README "Layout"): an import inside a function says why it is there.

The layers themselves and the absence of import cycles are checked by `lint-imports` (pyproject.toml, `make lint`).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("portal", "stories", "methods")


def unexplained_inner_imports(source: str) -> list[int]:
    """Line numbers of the imports inside a function with no comment on their line or the line above."""
    lines = source.splitlines()
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    line = lines[inner.lineno - 1]
                    above = lines[inner.lineno - 2].strip() if inner.lineno > 1 else ""
                    if "#" not in line and not above.startswith("#"):
                        found.add(inner.lineno)
    return sorted(found)


def test_the_check_finds_an_unexplained_import_and_accepts_an_explained_one():
    source = (
        "def a():\n    from x import y\n    return y\n\n"
        "def b():\n    from x import y  # inside: app loading\n    return y\n\n"
        "def c():\n    # inside: an optional dependency\n    import z\n    return z\n"
    )
    assert unexplained_inner_imports(source) == [2]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_import_inside_a_function_says_why(package):
    unexplained = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
        for line in unexplained_inner_imports(path.read_text())
    ]
    assert unexplained == [], "Move these imports to the module's top, or say why they must be inside"
