"""The classifier and the correlator are pure: none of their modules imports Kafka, Faust, the
settings, metrics, logging or the runtime. The agents live in `services/adapters/`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import services

PURE_PACKAGES = ("classifier", "correlator")
FORBIDDEN = (
    "faust", "mode", "aiokafka", "kafka", "aiohttp", "prometheus_client", "structlog", "logging",
    "services.runtime", "services.worker", "services.adapters", "services.common.settings",
    "services.common.metrics", "services.common.logging", "services.common.codec",
    "services.common.broker", "services.common.topics", "services.common.health",
    "services.common.lag", "services.common.faust_transport",
)
SERVICES = Path(services.__file__).parent


def _imports(path: Path) -> list[str]:
    """Every module a file imports, at any depth (inside functions and TYPE_CHECKING too)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                raise AssertionError(f"{path}: relative import; use absolute ones")
            module = node.module or ""
            names.append(module)
            names.extend(f"{module}.{alias.name}" for alias in node.names)
        elif _dynamic(node):
            names.append("<dynamic import>")
    return names


def _dynamic(node: ast.AST) -> bool:
    """`__import__(...)` or `importlib.import_module(...)`: an import the walk cannot name."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "__import__":
        return True
    return isinstance(node, ast.Attribute) and node.attr == "import_module"


def _forbidden(name: str) -> bool:
    return name == "<dynamic import>" or any(
        name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)


def _modules() -> list[Path]:
    found = [p for pkg in PURE_PACKAGES for p in sorted((SERVICES / pkg).rglob("*.py"))]
    assert len(found) >= 4, "the pure packages were not found"
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pure_module_imports_no_io(path: Path) -> None:
    bad = sorted({name for name in _imports(path) if _forbidden(name)})
    assert not bad, f"{path.relative_to(SERVICES)} imports {bad}"


def test_the_check_catches_an_adapter() -> None:
    """The walk sees imports under TYPE_CHECKING and inside functions, as the old agents had."""
    adapter = SERVICES / "adapters" / "correlate.py"
    bad = {name for name in _imports(adapter) if _forbidden(name)}
    assert "services.runtime" in bad or "services.runtime.Runtime" in bad
    assert "services.common.logging" in bad


MAX_MODULE_LINES = 300  # issue 9: each step of the extractor a small module of its own


def test_every_step_of_the_extractor_is_a_small_module() -> None:
    """A step that grows past 300 lines is two steps: split it, do not let it sprawl."""
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines())
             for p in sorted((SERVICES / "classifier").glob("*.py"))}
    assert len(sizes) >= 15, sizes
    assert {name: n for name, n in sizes.items() if n > MAX_MODULE_LINES} == {}
