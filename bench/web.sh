#!/usr/bin/env bash
# Issue 3 web benchmarks, in one run: cold start to a ready /healthz, then wrk (2 threads, 32 connections, 10 s each)
# against /healthz (the ceiling), the catalogue list, a service page and the API's assessment endpoint, with the
# server's resident memory sampled throughout. Everything on 127.0.0.1; needs wrk (apt-get install wrk).
# Usage: bench/web.sh [DURATION_SECONDS] [nocache]   — "nocache" runs the same with the output cache switched off.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
cache_flag=()
if [ "${2:-}" = nocache ]; then cache_flag=(--Aufsicht:OutputCache=false); fi
work=$(mktemp -d)
port=5091
pid=""
sampler=""
cleanup() { [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true; [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
dotnet publish src/Aufsicht -c Release -o "$work/app" -v q -nologo >/dev/null

start() { # sets $pid and $elapsed: milliseconds from exec to the first 200 of /healthz
  local t0 t1
  t0=$(date +%s%N)
  "$work/app/aufsicht" serve --urls "http://127.0.0.1:$port" --data-dir "$work/data" --Logging:LogLevel:Default=Warning "${cache_flag[@]}" > "$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1000); do
    if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
    sleep 0.005
  done
  t1=$(date +%s%N)
  elapsed=$(( (t1 - t0) / 1000000 ))
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

start; echo "cold start, empty data folder (migrations + catalogue import): $elapsed ms"; stop
start; echo "cold start, existing database: $elapsed ms"

# Resident memory of the server, sampled every 200 ms while the load runs.
( while kill -0 "$pid" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null; sleep 0.2; done ) > "$work/rss.txt" &
sampler=$!

run() { # name url
  local out rps p99
  out=$(wrk -t2 -c32 -d"${duration}s" --latency "$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  printf '| %s | %s | %s | %s |\n' "$1" "$rps" "$p99" "${errors:-none}"
}
base="http://127.0.0.1:$port"
# Warm-up: every endpoint once under load, so the figures below measure steady state, not the JIT.
for url in "$base/healthz" "$base/?asOf=2020-07-03" "$base/katalog/zoom?asOf=2020-07-03" "$base/api/v1/catalog/services/zoom/assessment?asOf=2020-07-03"; do
  wrk -t2 -c32 -d2s "$url" >/dev/null
done
echo "| endpoint | requests/s | p99 latency | errors |"
echo "|---|---:|---:|---|"
run "GET /healthz (ceiling)" "$base/healthz"
run "GET / (catalogue list)" "$base/?asOf=2020-07-03"
run "GET /katalog/zoom (service page)" "$base/katalog/zoom?asOf=2020-07-03"
run "GET /api/v1/catalog/services/zoom/assessment" "$base/api/v1/catalog/services/zoom/assessment?asOf=2020-07-03"
kill "$sampler"; sampler=""
echo "server resident memory: max $(sort -n "$work/rss.txt" | tail -1 | awk '{printf "%.0f", $1/1024}') MB over $(wc -l < "$work/rss.txt") samples"
