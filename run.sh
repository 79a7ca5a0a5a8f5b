#!/usr/bin/env bash
# Runs the whole system: installs PostgreSQL and RabbitMQ if missing, builds (optimized: Release) when a source changed since
# the last build, and starts the AppHost (gateway on http://127.0.0.1:5080 unless Gateway__Port says otherwise). Ctrl+C stops
# everything. For debugging: `./run.sh --debug` (or RESELLER_CONFIGURATION=Debug ./run.sh) runs a Debug build instead.
set -euo pipefail
cd "$(dirname "$0")"
configuration="${RESELLER_CONFIGURATION:-Release}"
if [ "${1:-}" = "--debug" ]; then
  configuration=Debug
  shift
fi
scripts/prerequisites.sh
apphost="AppHost/bin/$configuration/net10.0/Reseller.AppHost.dll"
# Stamped after each build: a start with nothing changed since skips `dotnet build` (its no-op check alone costs seconds).
stamp="AppHost/bin/$configuration/.run-build-stamp"
if [ ! -f "$apphost" ] || [ ! -f "$stamp" ] || [ -n "$(find AppHost ServiceDefaults services Directory.Build.props Directory.Packages.props global.json \
    \( -name bin -o -name obj -o -name node_modules \) -prune -o -type f -newer "$stamp" -print -quit)" ]; then
  dotnet build AppHost -c "$configuration" --nologo -v quiet -clp:ErrorsOnly
  touch "$stamp"
fi
exec dotnet "$apphost" "$@"
