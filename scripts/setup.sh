#!/usr/bin/env bash
# Installs what School Radar needs on a fresh Debian machine, and nothing twice.
#   Debian packages: libsecret-1-dev + pkg-config (npm ci builds keytar from source for the sideload
#   tooling, office-addin-debugging), libxml2-utils (xmllint, manifest check), chromium (browser
#   tests), libreoffice-calc-nogui (recalculating result workbooks in tests), poppler-utils
#   (pdftoppm: the printed pages of docs/screenshots/, npm run screenshots:outputs) and
#   fonts-crosextra-carlito (Carlito, the font LibreOffice draws Calibri with, so that printed pages
#   break where Excel's do).
#   npm packages: `npm ci` when node_modules is missing or older than package-lock.json, or with --force.
# Usage: bash scripts/setup.sh [--force]
set -euo pipefail
cd "$(dirname "$0")/.."

force_npm_ci=0
if [[ "${1:-}" == "--force" ]]; then force_npm_ci=1; fi

DEBIAN_PACKAGES=(libsecret-1-dev pkg-config libxml2-utils chromium libreoffice-calc-nogui
  poppler-utils fonts-crosextra-carlito)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${DEBIAN_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
fi
if ((${#missing[@]} > 0)); then
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    echo "setup: installed ${missing[*]}"
  else
    echo "setup: missing Debian packages, install them as root: apt-get install ${missing[*]}" >&2
  fi
else
  echo "setup: Debian packages present: ${DEBIAN_PACKAGES[*]}"
fi

if ((force_npm_ci)) || [[ ! -d node_modules ]] || [[ ! -f node_modules/.package-lock.json ]] ||
  [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
else
  echo "setup: node_modules is up to date with package-lock.json"
fi
