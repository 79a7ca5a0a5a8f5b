#!/usr/bin/env bash
# Runs the whole system: installs PostgreSQL and RabbitMQ if missing, builds, and starts the AppHost
# (gateway on http://127.0.0.1:5080 unless Gateway__Port says otherwise). Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh
dotnet build Reseller.sln --nologo -v quiet -clp:ErrorsOnly
exec dotnet AppHost/bin/Debug/net10.0/Reseller.AppHost.dll "$@"
