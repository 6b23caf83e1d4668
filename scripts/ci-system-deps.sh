#!/usr/bin/env bash
# System packages the editor tests need on a fresh Debian machine:
#   chromium     the headless browser Playwright drives (playwright-core never downloads one)
#   libkrb5-dev  headers for code-server's `kerberos` native module, built from source at install
#   fonts-liberation  so screenshots show text (chromium only recommends fonts)
# Skips apt when all are already installed, so repeated CI runs stay fast.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && dpkg -s libkrb5-dev fonts-liberation python3 make g++ >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-liberation libkrb5-dev python3 make g++
