"""The ingester's core is pure: URL canonicalisation, ids and dedupe keys, backoff and host
spacing, robots decisions, feed items, page extraction and the item -> Article mapping import
no network, Kafka, clock, randomness, metrics or logging. HTTP and Kafka live in the adapters."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import services.ingest

PURE = ("urls", "identity", "policy", "robots", "items", "pages", "mapping")
ADAPTERS = ("http", "store", "ingester", "page_fetch", "service")
FORBIDDEN = (
    "aiohttp", "aiokafka", "faust", "socket", "asyncio", "time", "random", "urllib.request",
    "prometheus_client", "structlog", "logging", "services.common.settings",
    "services.common.metrics", "services.common.logging", "services.common.health",
    *(f"services.ingest.{name}" for name in ADAPTERS), "services.ingest.metrics",
)
PACKAGE = Path(services.ingest.__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _bad(names: set[str]) -> set[str]:
    return {n for n in names if any(n == f or n.startswith(f + ".") for f in FORBIDDEN)}


@pytest.mark.parametrize("module", PURE)
def test_core_module_imports_no_io(module: str) -> None:
    assert _bad(_imports(PACKAGE / f"{module}.py")) == set()


def test_the_check_sees_the_adapters_io() -> None:
    assert {"aiohttp", "asyncio"} <= _bad(_imports(PACKAGE / "http.py"))
    assert "aiokafka" in _bad(_imports(PACKAGE / "store.py"))
