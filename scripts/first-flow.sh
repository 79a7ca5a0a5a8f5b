#!/usr/bin/env bash
# The first flow through the gateway, with curl only: operator creates a partner, the partner logs in, adds a card,
# creates a monthly marketing/plus account for 1,000 contacts, and sees it active with its paid 4410-cent invoice.
# Usage: scripts/first-flow.sh [gateway-url] [card-number]    (run ./run.sh first; the admin key is read from .data/admin-key)
set -euo pipefail
cd "$(dirname "$0")/.."
gateway=${1:-http://127.0.0.1:5080}
card=${2:-4242424242424242}
admin_key=${Reseller__AdminKey:-$(cat .data/admin-key)}
suffix=$(date +%s%N | tail -c 9)

field() { grep -o "\"$1\":[^,}]*" | head -1 | sed -e "s/\"$1\"://" -e 's/"//g'; }
call() { # method path [json] [token]
  local auth=()
  [ -n "${4:-}" ] && auth=(-H "Authorization: Bearer $4")
  curl -sS -X "$1" "$gateway$2" -H 'Content-Type: application/json' "${auth[@]}" ${3:+--data "$3"}
}

echo "1. operator creates a partner"
email="owner-$suffix@agency.test"
curl -sS -X POST "$gateway/api/v1/partners" -H 'Content-Type: application/json' -H "X-Admin-Key: $admin_key" \
  --data "{\"name\":\"Agency $suffix\",\"email\":\"$email\",\"password\":\"correct horse battery\",\"country\":\"FR\",\"currency\":\"USD\"}"
echo

echo "2. the partner user gets a token"
token=$(call POST /api/v1/auth/token "{\"email\":\"$email\",\"password\":\"correct horse battery\"}" | field access_token)
echo "   token: ${token:0:24}..."

echo "3. adds a billing profile (card tokenized by the sandbox provider)"
profile=$(call POST /api/v1/billing-profiles "{\"name\":\"Main card\",\"card\":{\"number\":\"$card\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\"}}" "$token")
echo "   $profile"
profile_id=$(echo "$profile" | field id)

echo "4. creates a monthly marketing/plus account for 1,000 contacts"
account=$(call POST /api/v1/accounts "{\"name\":\"client-$suffix\",\"customer\":{\"name\":\"Client Co\",\"email\":\"it@client.test\"},\"notification_email\":\"billing@agency.test\",\"language\":\"fr\",\"time_zone\":\"Europe/Paris\",\"plan\":{\"product\":\"marketing\",\"tier\":\"plus\",\"contacts\":1000,\"cadence\":\"monthly\"},\"billing_profile_id\":\"$profile_id\"}" "$token")
echo "   $account"
account_id=$(echo "$account" | field id)

echo "5. waits for Billing's charge to settle"
for _ in $(seq 1 60); do
  status=$(call GET "/api/v1/accounts/$account_id" "" "$token" | field status)
  [ "$status" != "pending" ] && break
  sleep 0.5
done
echo "   account status: $status"

echo "6. the account's invoices"
call GET "/api/v1/invoices?account_id=$account_id" "" "$token"
echo
