#!/usr/bin/env bash
# One-time set-up on a fresh machine: a virtualenv with counterclaim, the embedded broker and the
# test tools; the Prometheus server and promtool (Debian) for the operations tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e ".[dev]"
