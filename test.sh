#!/usr/bin/env bash
# Runs every test of Aufsicht: formatting, a warnings-as-errors build, and all test projects.
# Installs what the tests need when it is missing: Debian's Chromium for the browser tests and PostgreSQL for the
# database tests (the tests start a throwaway cluster of their own on a free loopback port). Needs root for apt-get,
# as on CI.
# ./test.sh --fast: a developer's quick check — the build and the tests of category Unit only (no database, no
# browser; see tests/README.md), without the formatting check and without installing anything.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK is required (see global.json)" >&2
  exit 1
fi

fast=false
case "${1:-}" in
  --fast) fast=true ;;
  "") ;;
  *) echo "usage: ./test.sh [--fast]" >&2; exit 2 ;;
esac

if $fast; then
  dotnet build Aufsicht.slnx -c Release -warnaserror -nologo -v q
  exec dotnet test Aufsicht.slnx -c Release --no-build --nologo --filter "Category=Unit"
fi

missing=()
if [ -z "${AUFSICHT_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== format"
dotnet format Aufsicht.slnx --verify-no-changes

echo "== build"
dotnet build Aufsicht.slnx -c Release -warnaserror -nologo -v q

echo "== test"
results=$(mktemp -d)
status=0
dotnet test Aufsicht.slnx -c Release --no-build --nologo --results-directory "$results" --logger "trx" 2>&1 | tee "$results/console.log" || status=$?

# One closing line for CI, summed over the test projects from their TRX files.
python3 - "$results" <<'PY' || awk '/(Passed|Failed)!/ {gsub(",",""); for(i=1;i<=NF;i++){if($i=="Passed:")p+=$(i+1); if($i=="Failed:")f+=$(i+1); if($i=="Skipped:")s+=$(i+1)}} END {printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}' "$results/console.log"
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed")); failed += int(counters.get("failed")) + int(counters.get("error"))
    skipped += int(counters.get("notExecuted"))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit $status
