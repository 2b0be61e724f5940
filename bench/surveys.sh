#!/usr/bin/env bash
# Issue 4 survey benchmarks, in one run per database: `aufsicht demo --bodies 30000` into a fresh database (timed),
# then `aufsicht serve` and the load driver (bench/Aufsicht.Bench/SurveyLoad.cs): the /healthz ceiling and concurrent
# submissions over the answer API, then as the demo supervisor the dashboard of campaign 1 and three whole-campaign
# re-evaluations — with the server's resident memory sampled every 200 ms throughout.
# Everything on 127.0.0.1; PostgreSQL is a throwaway cluster in a temp folder (Debian's postgresql, as ./test.sh installs).
# Then, as the demo supervisor, 32 concurrent signed-in clients on the dashboard and on a body's page (issue 11).
# Usage: bench/surveys.sh [sqlite|postgres|both] [SECONDS] [CONCURRENCY]
# With AUFSICHT_APP=FOLDER it runs that published build of the server instead of publishing this tree (bench/compare.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
seconds=${2:-10}
concurrency=${3:-32}
case "$which" in sqlite|postgres|both) ;; *) echo "usage: bench/surveys.sh [sqlite|postgres|both] [SECONDS] [CONCURRENCY]" >&2; exit 2 ;; esac

work=$(mktemp -d /tmp/aufsicht-surveys-XXXXXX)
chmod 711 "$work" # the postgres user must reach its cluster folder inside
pid=""
sampler=""
pg_bin=""
pg_dir=""
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
stop_server() {
  if [ -n "$sampler" ]; then kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""; fi
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}
stop_postgres() {
  if [ -n "$pg_dir" ]; then as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -m fast -w stop" >/dev/null 2>&1 || true; pg_dir=""; fi
}
cleanup() { stop_server; stop_postgres; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
if [ -n "${AUFSICHT_APP:-}" ]; then
  ln -s "$(cd "$AUFSICHT_APP" && pwd)" "$work/app"
else
  dotnet publish src/Aufsicht -c Release -o "$work/app" -v q -nologo >/dev/null
fi
dotnet build bench/Aufsicht.Bench -c Release -o "$work/driver" -v q -nologo >/dev/null

bench_one() { # sqlite|postgres
  local db=$1 data="$work/$1" port database=() t0 t1 out password
  mkdir -p "$data"
  if [ "$db" = postgres ]; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); run ./test.sh" >&2; exit 1; }
    pg_dir="$work/pg"
    mkdir -p "$pg_dir"
    [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
    local pg_port
    pg_port=$(free_port)
    as_postgres "$pg_bin/initdb -D $pg_dir/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    # Default durability (fsync on, synchronous_commit on): an acknowledged submission is on disk.
    as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -l $pg_dir/log -w -o \"-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1\" start" >/dev/null
    as_postgres "$pg_bin/createdb -h 127.0.0.1 -p $pg_port -U postgres aufsicht_bench"
    database=(--database "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=aufsicht_bench")
    echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
  else
    echo "== SQLite in $data"
  fi

  t0=$(date +%s%N)
  out=$("$work/app/aufsicht" demo --bodies 30000 --data-dir "$data" "${database[@]}" --tokens "$work/tokens-$db.txt" --lang en)
  t1=$(date +%s%N)
  echo "$out" | grep "^demo:"
  echo "aufsicht demo --bodies 30000: $(( (t1 - t0) / 1000000 )) ms end to end"
  password=$(echo "$out" | sed -n 's/.*(shown once): //p')

  port=$(free_port)
  "$work/app/aufsicht" serve --urls "http://127.0.0.1:$port" --data-dir "$data" "${database[@]}" --Logging:LogLevel:Default=Warning > "$work/server-$db.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
    kill -0 "$pid" 2>/dev/null || { echo "server exited:" >&2; cat "$work/server-$db.log" >&2; exit 1; }
    sleep 0.05
  done
  # Resident memory of the server, every 200 ms while the driver runs.
  ( while kill -0 "$pid" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null; sleep 0.2; done ) > "$work/rss-$db.txt" &
  sampler=$!
  local rc=0
  dotnet "$work/driver/Aufsicht.Bench.dll" surveys --url "http://127.0.0.1:$port" --tokens "$work/tokens-$db.txt" --password "$password" \
    --seconds "$seconds" --concurrency "$concurrency" --server-pid "$pid" || rc=$?
  sleep 0.5
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""
  echo "server resident memory: peak $(sort -n "$work/rss-$db.txt" | tail -1 | awk '{printf "%.0f", $1/1024}') MB, at the end $(tail -1 "$work/rss-$db.txt" | awk '{printf "%.0f", $1/1024}') MB ($(wc -l < "$work/rss-$db.txt") samples)"
  if grep -qi "exception\|fail" "$work/server-$db.log"; then echo "server log (errors):"; grep -i -A3 "exception\|fail" "$work/server-$db.log" | head -40; fi
  [ "$rc" = 0 ] || echo "driver exit code $rc (non-200 answers above)"
  stop_server
  [ "$db" = postgres ] && stop_postgres
  echo
}

[ "$which" = postgres ] || bench_one sqlite
[ "$which" = sqlite ] || bench_one postgres
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
