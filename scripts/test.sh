#!/usr/bin/env bash
# The whole test suite: lint, types, then unit, component, integration and end-to-end tests
# against a real Kafka-protocol broker started by the tests themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check .
.venv/bin/mypy services schemas tests
.venv/bin/python -m pytest -q "$@"
