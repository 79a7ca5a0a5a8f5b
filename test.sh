#!/usr/bin/env bash
# Runs every test: installs PostgreSQL and RabbitMQ if missing, checks formatting, builds with warnings as errors,
# then runs the unit, integration and end-to-end test projects (each starts the real servers it needs).
# The last line sums every test project: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh || exit 1

results=TestResults
rm -rf "$results"
mkdir -p "$results"

dotnet build Reseller.sln --nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
if ! dotnet format Reseller.sln --verify-no-changes --no-restore -v quiet; then
  echo "dotnet format found files to fix: run 'dotnet format Reseller.sln'"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

status=0
dotnet test Reseller.sln --no-build --nologo --results-directory "$results" --logger "trx" --logger "console;verbosity=normal" || status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(value total); executed=$(value executed); p=$(value passed); f=$(value failed)
  passed=$((passed + p))
  failed=$((failed + f + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + total - executed))
done
# Name every failed test again at the end, where a truncated CI log still shows it.
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  grep -o '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\|Aborted\)"[^>]*>' "$trx" \
    | grep -o 'testName="[^"]*"' | sed 's/^testName="\(.*\)"$/FAILED: \1/'
done
[ "$files" -ge 4 ] || { echo "expected 4 test projects to report, got $files"; status=1; failed=$((failed + 1)); }
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
