#!/usr/bin/env bash
# Runs every test: installs PostgreSQL and RabbitMQ if missing, checks formatting, builds (Release) with warnings as
# errors, then runs the unit, integration, end-to-end and browser test projects (each starts the real servers it needs).
# The last line sums every test project: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh || exit 1

results=TestResults
rm -rf "$results"
mkdir -p "$results"

# The build fails on any style or analyzer rule at warning level (EnforceCodeStyleInBuild, warnings as errors), so only the
# layout is left to check: 'dotnet format whitespace' on the files alone (--folder, no project to load) takes ~7 s, and runs
# beside the build, which leaves a quarter of the two cores idle while its nodes wait on each other.
dotnet format whitespace --folder --verify-no-changes -v quiet --exclude '**/bin/**' '**/obj/**' '**/node_modules/**' '.data/**' "$results/**" &
format=$!
# Optimized, as ./run.sh runs it: the systems the tests start spend less of the two cores. Four build nodes, not one per
# core: a clean build took 165-177 s against 179-202 s with two.
configuration=Release
dotnet build Reseller.sln -c "$configuration" --nologo -v quiet -m:4 -clp:ErrorsOnly || { wait "$format"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
if ! wait "$format"; then
  echo "dotnet format found files to fix: run 'dotnet format Reseller.sln'"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# One project after another: on two cores, two projects at once starve each other and miss their deadlines (measured:
# load 30-60, slower in total, not faster). Inside the end-to-end project, test classes run side by side on its shared
# system (xunit.runner.json), except those marked [RunsAlone], which run first, one at a time; the integration tests run
# their in-process service hosts two classes at a time (one per lane) beside the tests that have servers of their own; the
# browser tests two classes at a time. Every test process and the systems it starts run without tiered recompilation
# (tests/test.runsettings).
status=0
for project in Reseller.UnitTests Reseller.IntegrationTests Reseller.EndToEndTests Reseller.WebTests; do
  dotnet test "tests/$project" -c "$configuration" --no-build --nologo --results-directory "$results" \
    --logger "trx;LogFileName=$project.trx" --logger "console;verbosity=normal" || status=1
done

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
# Name every failed test again at the end, with why, where a CI log cut to its last lines still shows it.
awk -f scripts/trx-failures.awk "$results"/*.trx 2>/dev/null
# After a failure, the warnings and errors the systems under test logged (a CI log keeps only the console); their whole
# logs stay in $results/logs.
if [ "$failed" -gt 0 ] && ls "$results"/logs/*.log > /dev/null 2>&1; then
  echo "Last warnings and errors logged by the systems under test (all of it in $results/logs):"
  grep -h -A1 -E '^\[[a-z0-9-]+\] (warn|fail|crit):' "$results"/logs/*.log | grep -v '^--$' | tail -80
fi
# Each project's own wall time, and the scale and fault tests as a group of their own.
scale_and_fault='RenewalAtScaleTests|RenewalBrokerRestartTests|WebhookProcessCrashTests|OutboxBrokerOutageTests|ReplicaFailoverTests'
echo "Test groups:"
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  project=$(grep -o '<UnitTestResult [^>]*testName="[^"]*"' "$trx" | head -1 | sed 's/.*testName="\([^.]*\.[^.]*\).*/\1/')
  times=$(grep -o '<Times [^>]*>' "$trx" | head -1)
  seconds=$(( $(date -d "$(echo "$times" | grep -o ' finish="[^"]*"' | cut -d'"' -f2)" +%s) - $(date -d "$(echo "$times" | grep -o ' start="[^"]*"' | cut -d'"' -f2)" +%s) ))
  tests=$(grep -o '<Counters [^>]*>' "$trx" | head -1 | grep -o ' total="[0-9]*"' | grep -o '[0-9]*')
  printf '  %-28s %4s tests in %dm%02ds\n' "$project" "$tests" $((seconds / 60)) $((seconds % 60))
done
grep -ho '<UnitTestResult [^>]*>' "$results"/*.trx | grep -E "testName=\"[^\"]*\.($scale_and_fault)\." \
  | grep -o 'duration="[^"]*"' | cut -d'"' -f2 \
  | awk -F: '{ total += $1 * 3600 + $2 * 60 + $3; n++ } END { if (n) printf "  %-28s %4d tests, %dm%02ds of test time\n", "scale and fault", n, total / 60, total % 60 }'
[ "$files" -ge 4 ] || { echo "expected 4 test projects to report, got $files"; status=1; failed=$((failed + 1)); }
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
