"""The package's layering, read from the source with ``ast``: no import circle
inside ``toolkit`` (counting imports inside functions too, which only hide a
circle from the interpreter), and the engines use only public names of the
unit of work."""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "toolkit"


def module_names() -> dict[str, Path]:
    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "node_modules" in path.parts:
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def imported_modules(path: Path, module: str, known: set[str]) -> set[str]:
    """The toolkit modules ``module`` names in any import statement. ``from
    a.b import c`` is an edge to ``a.b.c`` when that is a module, else to
    ``a.b``; the implicit import of parent packages is not an edge."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    edges = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            edges |= {alias.name for alias in node.names if alias.name in known}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                target = f"{base}.{alias.name}"
                if target in known:
                    edges.add(target)
                elif base in known:
                    edges.add(base)
    edges.discard(module)
    return edges


def import_graph() -> dict[str, set[str]]:
    names = module_names()
    known = set(names)
    return {name: imported_modules(path, name, known) for name, path in names.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_graph_sees_real_imports():
    graph = import_graph()
    # a module-level import, a function-level import and a relative-free "from package import module"
    assert "toolkit.schema" in graph["toolkit.extraction"]
    assert "toolkit.actors" in graph["toolkit.extraction"]  # inside annotate_doc
    assert "toolkit.dates.rules_calendar" in graph["toolkit.dates.rules"]
    assert "toolkit.extraction" in graph["toolkit.engines.dask"]


def test_the_cycle_finder_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_inside_toolkit():
    found = circles(import_graph())
    assert not found, "import circles inside toolkit (each line one circle):\n" + "\n".join(
        " <-> ".join(c) for c in found)


@pytest.mark.parametrize("module", ["toolkit.engines.dask", "toolkit.engines.partitioned", "toolkit.annotation"])
def test_engines_use_only_public_names_of_other_modules(module):
    path = module_names()[module]
    private = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("toolkit"):
            private += [f"{node.module}.{a.name}" for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
    assert not private, f"{module} imports private names: {private}"


# -- the one place corpus-level steps hook in ---------------------------------------

def test_a_corpus_step_sees_the_whole_corpus_and_its_output_is_kept(annotated_sample, monkeypatch):
    from toolkit import extraction

    def outlets_per_actor(articles, mentions):
        # needs every article at once: how many outlets name each actor
        outlet = mentions["article_id"].map(articles.set_index("article_id")["outlet"].astype(str))
        n = mentions.assign(outlet=outlet).groupby("actor_id")["outlet"].transform("nunique")
        return {"mentions": mentions.assign(n_outlets=n)}

    step = extraction.CorpusStep("outlets_per_actor", reads=("articles", "mentions"), run=outlets_per_actor)
    monkeypatch.setattr(extraction, "CORPUS_STEPS", (*extraction.CORPUS_STEPS, step))
    parts = {name: getattr(annotated_sample, name) for name in extraction.TEXT_TABLES}
    tables = extraction.assemble_tables(annotated_sample.articles, [parts])
    putin = tables["mentions"][tables["mentions"]["actor_id"] == "putin"]
    assert len(putin) and (putin["n_outlets"] == 5).all()  # every sample outlet names Putin
    for name in extraction.TEXT_TABLES:  # the other tables pass through untouched
        if name != "mentions":
            pd.testing.assert_frame_equal(tables[name], getattr(annotated_sample, name), obj=name)


def test_a_corpus_step_reading_an_unknown_table_is_named(annotated_sample, monkeypatch):
    from toolkit import extraction

    step = extraction.CorpusStep("needs_credits", reads=("credits",), run=lambda credits: {})
    monkeypatch.setattr(extraction, "CORPUS_STEPS", (step,))
    with pytest.raises(KeyError, match="needs_credits.*credits"):
        extraction.assemble_tables(annotated_sample.articles, [{}])
