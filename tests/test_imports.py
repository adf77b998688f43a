"""The import contract (docs/design.md, "Layers"): imports point downstream only, no module imports itself
back through others, and nothing imports reelforge's own modules inside a function to dodge either rule.

Read from the source with ``ast``, so an import inside a function counts as much as one at the top. (import-linter
would express the layers, but not "no imports inside functions" with a reasoned allow-list, nor cycles between
modules of one package; this is a page of code.)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reelforge"

# Top to bottom. A package imports only packages of lower layers; packages of one layer are independent.
LAYERS: list[tuple[str, ...]] = [
    ("cli",),                          # the command line (it also starts the server)
    ("api",),                          # HTTP front ends
    ("services",),                     # what every front end calls
    ("jobs",),                         # the job row, the queues, the job functions
    ("metrics",),                      # Prometheus instruments, and the fleet's state read from the store
    ("store", "blobs"),                # the database and the files (render/generate never see them)
    ("agent", "render", "generate", "speech"),  # words -> actions, draft -> file, prompt -> clip, text -> voice
    # other editors' timeline files and project bundles; narration -> caption layout, ASS, SRT/VTT
    ("interchange", "captions"),
    ("audio", "draft", "media"),       # the music library, the timeline model, what a media file is
    ("ffmpeg", "fonts"),               # running ffmpeg, finding fonts
    ("settings", "progress"),
    ("errors",),
]

# Imports of reelforge modules inside functions, each kept on purpose. Anything else goes at the top of the module;
# if that makes a cycle, the shared piece moves down a layer.
ALLOWED_FUNCTION_IMPORTS: dict[str, str] = {
    # start-up time: `reelforge --help` must not load the server, the renderer, the models or the database
    "reelforge.cli.commands": "each command imports what it runs",
}

# torch and diffusers load lazily, and only in the model backends: the light install never has them and the server
# starts without them.
HEAVY = ("torch", "diffusers")
HEAVY_ALLOWED_IN = frozenset({
    "reelforge.speech.kokoro_engine",
    "reelforge.generate.diffusers_backend",
    "reelforge.generate._diffusers_inventory",
    "reelforge.generate._diffusers_memory",
    "reelforge.generate._diffusers_speed",
    "reelforge.generate._diffusers_magcache",  # MagCache's calibration hooks and config
    "reelforge.generate._rife",          # RIFE frame interpolation (REELFORGE_RIFE_MODEL)
    "reelforge.audio.ace_step",          # ACE-Step music (REELFORGE_MUSIC_MODEL)
    "reelforge.agent.local_llm",  # the in-process chat planner's model backend (REELFORGE_LLM_MODEL = a folder)
})


@dataclass(frozen=True)
class Import:
    source: str         # the importing module
    target: str         # the reelforge module (or third-party top-level name) imported
    line: int
    in_function: bool
    type_checking: bool

    def __str__(self) -> str:
        where = " (inside a function)" if self.in_function else ""
        return f"{self.source}:{self.line} imports {self.target}{where}"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str:
    """The module ``name`` refers to: itself, or the nearest enclosing module (``pkg.mod.Class`` -> ``pkg.mod``)."""
    while name not in MODULES and "." in name:
        name = name.rpartition(".")[0]
    return name


def _imports(module: str, path: Path) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside_functions = {id(sub) for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                        for sub in ast.walk(node)}
    type_checking = {id(sub) for node in ast.walk(tree)
                     if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test) for sub in ast.walk(node)}
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
                base = ".".join(package[:len(package) - node.level + 1] + ([node.module] if node.module else []))
            # `from pkg import mod` imports the submodule; `from mod import name` the module
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        for name in dict.fromkeys(names):
            target = _resolve(name) if name.startswith("reelforge") else name.split(".")[0]
            if target != module:
                yield Import(module, target, node.lineno, id(node) in inside_functions, id(node) in type_checking)


IMPORTS = [imp for module, path in MODULES.items() for imp in _imports(module, path)]
OWN = [imp for imp in IMPORTS if imp.target.startswith("reelforge")]


def _layer_of(module: str) -> tuple[int, str] | None:
    parts = module.split(".")
    if len(parts) < 2:
        return None  # the root package: only its version
    for rank, packages in enumerate(LAYERS):
        if parts[1] in packages:
            return rank, parts[1]
    raise AssertionError(f"{module} is in no layer: add its package to LAYERS (and to docs/design.md)")


def test_every_package_has_a_layer() -> None:
    for module in MODULES:
        _layer_of(module)


def _upward(imports: list[Import]) -> list[str]:
    found = []
    for imp in imports:
        source, target = _layer_of(imp.source), _layer_of(imp.target)
        if source is None or target is None or source[1] == target[1]:
            continue
        if target[0] <= source[0]:  # smaller rank = higher layer; same rank = siblings that must stay independent
            found.append(str(imp))
    return found


def _hidden(imports: list[Import]) -> list[str]:
    return [str(imp) for imp in imports if imp.in_function and imp.source not in ALLOWED_FUNCTION_IMPORTS]


def test_imports_point_downstream_only() -> None:
    upward = _upward(OWN)
    assert not upward, "imports that point upstream or sideways:\n" + "\n".join(upward)


def test_no_module_imports_itself_back() -> None:
    graph: dict[str, set[str]] = {module: set() for module in MODULES}
    for imp in OWN:
        # a module's own packages are always imported before it: that edge is not a cycle
        if not imp.type_checking and not imp.source.startswith(imp.target + "."):
            graph[imp.source].add(imp.target)
    cycles = _strongly_connected(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(sorted(c)) for c in cycles)


def test_reelforge_modules_are_imported_at_the_top() -> None:
    hidden = _hidden(OWN)
    assert not hidden, "imports inside functions (move them to the top; move a shared piece down):\n" + \
        "\n".join(hidden)


def test_the_allow_list_names_only_modules_that_need_it() -> None:
    needing = {imp.source for imp in OWN if imp.in_function}
    assert set(ALLOWED_FUNCTION_IMPORTS) <= needing, f"stale entries: {set(ALLOWED_FUNCTION_IMPORTS) - needing}"


def test_torch_and_diffusers_load_lazily_and_only_in_the_model_backends() -> None:
    wrong = [str(imp) for imp in IMPORTS if imp.target in HEAVY and not imp.type_checking
             and (not imp.in_function or imp.source not in HEAVY_ALLOWED_IN)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(("bad", "inside"), [
    ("import reelforge.services.context\n", False),                # upward from render
    ("from reelforge.generate import preview\n", False),           # sideways: render and generate are siblings
    ("def f():\n    from reelforge.api import app\n", True),      # upward, hidden in a function
])
def test_the_contract_catches_an_upward_import(bad: str, inside: bool, tmp_path: Path) -> None:
    path = tmp_path / "probe.py"
    path.write_text(bad, encoding="utf-8")
    found = list(_imports("reelforge.render.graph", path))
    assert len(_upward(found)) == 1
    assert len(_hidden(found)) == int(inside)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]


def _strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm: the groups of more than one module that reach each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found
