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
# Prometheus server and promtool (Debian package `prometheus`) for the metrics and deploy tests.
# Skipped when both are already installed. The tests start their own server on a free loopback
# port; a system service the package may start is neither needed nor touched.
if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi
