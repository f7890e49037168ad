"""The parser's modules form no import cycle and need no Django: read from their source, not by importing."""

from __future__ import annotations

import ast
from pathlib import Path

PARSING = Path(__file__).resolve().parent.parent / "tracker" / "parsing"


def import_graph(package_dir: Path) -> dict[str, set[str]]:
    """{module: the package's modules it imports}, counting imports at any depth (a lazy import is still a dependency)."""
    root = package_dir.parent.parent
    paths = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        paths[".".join(parts)] = path
    graph = {}
    for name, path in paths.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = name.split(".")
                    keep = len(parts) - node.level + (1 if path.name == "__init__.py" else 0)
                    base = ".".join(parts[:keep] + ([node.module] if node.module else []))
                submodules = {f"{base}.{alias.name}" for alias in node.names} & paths.keys()
                # "from . import errors" depends on the module errors, not on the package around it.
                found |= submodules if len(submodules) == len(node.names) else submodules | {base}
        graph[name] = {module for module in found if module in paths and module != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a list of modules (first and last the same), or [] when there is none."""
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> list[str]:
        state[module] = "open"
        for imported in sorted(graph[module]):
            if state.get(imported) == "open":
                return trail[trail.index(imported):] + [module, imported] if imported in trail else [module, imported]
            if imported not in state and (cycle := visit(imported, trail + [module])):
                return cycle
        state[module] = "done"
        return []

    for module in sorted(graph):
        if module not in state and (cycle := visit(module, [])):
            return cycle
    return []


def test_parser_modules_import_each_other_without_a_cycle():
    cycle = find_cycle(import_graph(PARSING))
    assert not cycle, " -> ".join(cycle)


def test_no_parser_module_imports_django():
    for path in PARSING.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not any(module.split(".")[0] == "django" for module in imported), path


def test_a_lazy_import_back_is_found_as_a_cycle(tmp_path):
    package = tmp_path / "tracker" / "parsing"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("from .a import x\n")
    (package / "a.py").write_text("from . import errors\nfrom .b import x\n")
    (package / "b.py").write_text("def f():\n    from .a import y\n")
    (package / "errors.py").write_text("")

    graph = import_graph(package)

    assert graph["tracker.parsing.a"] == {"tracker.parsing.b", "tracker.parsing.errors"}
    assert find_cycle(graph) == ["tracker.parsing.a", "tracker.parsing.b", "tracker.parsing.a"]
