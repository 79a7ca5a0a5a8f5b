#!/usr/bin/env bash
# What the AppHost's OTLP receiver and ops console cost while the system is under load: the AppHost's CPU and resident memory
# for 60 s idle, then for 60 s while clients create paid accounts through the gateway (each a trace across gateway, accounts,
# billing, credits, partners, PostgreSQL and RabbitMQ, with its logs and metrics), beside the machine's own CPU time.
# Usage: ./run.sh in another shell, then benchmarks/ConsoleOverhead/measure.sh [gateway-url] [clients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
gateway=${1:-http://127.0.0.1:5080}
clients=${2:-8}
seconds=${3:-60}
admin_key=${Reseller__AdminKey:-$(cat .data/admin-key)}
apphost=$(pgrep -f 'Reseller.AppHost.dll' | head -1)
[ -n "$apphost" ] || { echo "no AppHost process: start ./run.sh first" >&2; exit 1; }
ticks=$(getconf CLK_TCK)

cpu_seconds() { awk -v t="$ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
machine_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
field() { grep -o "\"$1\":[^,}]*" | head -1 | sed -e "s/\"$1\"://" -e 's/"//g'; }

sample() { # label seconds [load-pid]
  local c0 b0 c1 b1
  c0=$(cpu_seconds "$apphost"); b0=$(machine_busy)
  sleep "$2"
  c1=$(cpu_seconds "$apphost"); b1=$(machine_busy)
  awk -v l="$1" -v c="$(awk -v a="$c0" -v b="$c1" 'BEGIN { print b - a }')" -v b="$(( b1 - b0 ))" -v t="$ticks" -v s="$2" -v r="$(rss_mb "$apphost")" -v n="$(nproc)" \
    'BEGIN { printf "%-6s AppHost CPU %.2f s in %d s (%.1f %% of one core), RSS %d MB; machine busy %.0f %% of %d cores\n", l, c, s, 100 * c / s, r, 100 * b / t / s / n, n }'
}

suffix=$(date +%s%N | tail -c 9)
email="load-$suffix@agency.test"
curl -sS -o /dev/null -X POST "$gateway/api/v1/partners" -H 'Content-Type: application/json' -H "X-Admin-Key: $admin_key" \
  --data "{\"name\":\"Load $suffix\",\"email\":\"$email\",\"password\":\"correct horse battery\",\"country\":\"FR\",\"currency\":\"USD\"}"
token=$(curl -sS -X POST "$gateway/api/v1/auth/token" -H 'Content-Type: application/json' --data "{\"email\":\"$email\",\"password\":\"correct horse battery\"}" | field access_token)
profile=$(curl -sS -X POST "$gateway/api/v1/billing-profiles" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  --data '{"name":"Main card","card":{"number":"4242424242424242","exp_month":12,"exp_year":2030,"cvc":"123"}}' | field id)

echo "AppHost pid $apphost, RSS $(rss_mb "$apphost") MB before; $clients clients, $seconds s"
sample idle "$seconds"

create_until() { # deadline worker
  local n=0
  while [ "$(date +%s)" -lt "$1" ]; do
    n=$((n + 1))
    curl -sS -o /dev/null -X POST "$gateway/api/v1/accounts" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
      --data "{\"name\":\"load-$suffix-$2-$n\",\"customer\":{\"name\":\"Client\",\"email\":\"it@client.test\"},\"notification_email\":\"billing@agency.test\",\"language\":\"en\",\"time_zone\":\"UTC\",\"plan\":{\"product\":\"marketing\",\"tier\":\"plus\",\"contacts\":1000,\"cadence\":\"monthly\"},\"billing_profile_id\":\"$profile\"}" || true
  done
  echo "$n" > "/tmp/console-overhead-$suffix-$2"
}
deadline=$(( $(date +%s) + seconds ))
for worker in $(seq 1 "$clients"); do create_until "$deadline" "$worker" & done
sample load "$seconds"
wait
created=$(cat /tmp/console-overhead-"$suffix"-* | awk '{ n += $1 } END { print n }'); rm -f /tmp/console-overhead-"$suffix"-*
echo "load   $created account creations in $seconds s ($(awk -v n="$created" -v s="$seconds" 'BEGIN { printf "%.1f", n / s }')/s); AppHost RSS after $(rss_mb "$apphost") MB"
