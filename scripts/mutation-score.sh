#!/usr/bin/env bash
# Mutation score of the money rules (pricing, proration, discount, rounding, invoices, tax, credit notes, credit ledger rules, commission earning
# rules) against the unit tests alone, one Stryker.NET run per group, and the score of each group at the end.
# Not part of ./test.sh: a run takes minutes per group. Exits 1 when a group scores below the threshold.
#
#   scripts/mutation-score.sh                     # every group
#   scripts/mutation-score.sh billing-pricing     # only the groups named
#   STRYKER_CONCURRENCY=2 MUTATION_THRESHOLD=90 scripts/mutation-score.sh
#
# Reports (HTML and JSON, with every surviving mutant) land in .data/mutation/<group>/reports/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tests="$root/tests/Reseller.UnitTests"
concurrency="${STRYKER_CONCURRENCY:-1}"
threshold="${MUTATION_THRESHOLD:-90}"

# group | project under test (in the unit tests' references) | files to mutate (globs relative to that project), space-separated
groups=(
  "billing-pricing|Billing.csproj|Pricing/*.cs Purchases/CreditPackInvoices.cs"
  "billing-invoices|Billing.csproj|Invoices/Invoice.cs Invoices/Issuing/TaxRule.cs CreditNotes/CreditNote.cs CreditNotes/CreditedSoFar.cs"
  "credits-ledger|Credits.csproj|Prepaid/PrepaidReservation.cs Purchases/CreditPurchase.cs Ledger/CreditKindNames.cs FollowedAccounts/CreditAccount.cs"
  "contracts-money|Contracts.csproj|Catalog/ResellerDiscount.cs Catalog/PlanChangeRule.cs Accounts/PaidAccounts.cs Accounts/AccountPlan.cs"
  "partners-commissions|Partners.csproj|Commissions/EarningRules.cs Commissions/Earning.cs Commissions/Statement.cs Commissions/CommissionMonth.cs"
)

selected=("$@")
wanted() {
  [ ${#selected[@]} -eq 0 ] && return 0
  local name
  for name in "${selected[@]}"; do [ "$name" = "$1" ] && return 0; done
  return 1
}

cd "$root"
dotnet tool restore >/dev/null

summary=()
failed=0
for group in "${groups[@]}"; do
  IFS='|' read -r name project files <<<"$group"
  wanted "$name" || continue
  output="$root/.data/mutation/$name"
  rm -rf "$output"
  mutate=()
  for file in $files; do mutate+=(--mutate "**/${file}"); done
  echo "== $name: mutating ${files} of $project"
  (cd "$tests" && dotnet stryker --project "$project" "${mutate[@]}" --concurrency "$concurrency" \
      --reporter json --reporter html --reporter progress --output "$output") || true
  report="$output/reports/mutation-report.json"
  if [ ! -f "$report" ]; then
    summary+=("$name: no report (Stryker failed, see above)")
    failed=1
    continue
  fi
  line="$(python3 - "$report" "$threshold" "$name" <<'EOF'
import json, sys
report, threshold, name = sys.argv[1], float(sys.argv[2]), sys.argv[3]
counts = {}
for file in json.load(open(report))["files"].values():
    for mutant in file["mutants"]:
        counts[mutant["status"]] = counts.get(mutant["status"], 0) + 1
detected = counts.get("Killed", 0) + counts.get("Timeout", 0)
undetected = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
total = detected + undetected
score = 100.0 * detected / total if total else 100.0
verdict = "ok" if score >= threshold else "BELOW %g %%" % threshold
print("%s: %.1f %% (%d killed, %d timeout, %d survived, %d no coverage, %d ignored or not compiling) %s" % (
    name, score, counts.get("Killed", 0), counts.get("Timeout", 0), counts.get("Survived", 0), counts.get("NoCoverage", 0),
    counts.get("Ignored", 0) + counts.get("CompileError", 0), verdict))
EOF
)"
  summary+=("$line")
  case "$line" in *BELOW*) failed=1 ;; esac
done

echo
echo "Mutation score per group (unit tests only, threshold $threshold %):"
printf '  %s\n' "${summary[@]}"
exit "$failed"
