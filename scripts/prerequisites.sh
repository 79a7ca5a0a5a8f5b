#!/usr/bin/env bash
# Installs what the system needs beyond the .NET SDK: PostgreSQL 15 and RabbitMQ from Debian's packages, Chromium's headless shell
# for the dashboard's browser tests, promtool for the alert rules' tests and poppler-utils for the invoice PDF tests.
# The packages' own system services are kept from starting: AppHost runs private servers under .data/.
set -euo pipefail

missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql)
command -v rabbitmq-server >/dev/null 2>&1 || [ -x /usr/sbin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
# The dashboard's browser tests drive Debian's Chromium headless shell (the browser without its windowing layers, as
# Playwright itself uses for headless runs: a third less CPU than the whole browser's headless mode, measured), with a
# font for its screenshots.
[ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# The invoice tests read the PDFs back with pdftotext and render them with pdftoppm.
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
# promtool (from Debian's prometheus package) checks and unit-tests the alert rules in deploy/prometheus/.
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
# The published Kubernetes manifests are built with kubectl's Kustomize (v5, kubectl 1.27 or newer) in the tests. The
# machine image carries kubectl; Debian's own kubernetes-client is older than the manifests need, so say so rather than
# install it.
command -v kubectl >/dev/null 2>&1 || echo "warning: kubectl (1.27 or newer) is not installed: the tests of the published Kubernetes manifests will fail" >&2

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} from Debian's packages..."
  policy=/usr/sbin/policy-rc.d
  had_policy=0
  [ -e "$policy" ] && had_policy=1
  if [ $had_policy -eq 0 ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod +x "$policy"
  fi
  trap '[ $had_policy -eq 1 ] || $sudo rm -f "$policy"' EXIT
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is not installed: see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }

# The pinned npm tools the end-to-end suite runs on the gateway's OpenAPI document (Redocly CLI, openapi-typescript),
# installed into tools/openapi-check/node_modules; reinstalled only when package-lock.json changed.
command -v npm >/dev/null 2>&1 || { echo "Node.js 20.19+ and npm are not installed: see https://nodejs.org/en/download" >&2; exit 1; }
# And the schema check of the published Kubernetes manifests (kubernetes-models), in tools/k8s-check/node_modules.
for tools in "$(dirname "$0")/../tools/openapi-check" "$(dirname "$0")/../tools/k8s-check"; do
  if [ ! -f "$tools/node_modules/.package-lock.json" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
    echo "Installing the npm tools of $(basename "$tools") (npm ci)..."
    npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error >/dev/null
  fi
done
