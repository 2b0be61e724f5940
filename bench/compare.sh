#!/usr/bin/env bash
# Compares two commits of the server in one run (issue 11): each is published from its own checkout, then
# bench/surveys.sh runs against each in turn on the same machine, with this tree's load driver.
# Usage: bench/compare.sh BEFORE [AFTER=HEAD] [sqlite|postgres|both] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:?usage: bench/compare.sh BEFORE [AFTER=HEAD] [sqlite|postgres|both] [SECONDS]}
after=${2:-HEAD}
which=${3:-both}
seconds=${4:-10}
work=$(mktemp -d /tmp/aufsicht-compare-XXXXXX)
cleanup() { for d in "$work"/src-*; do [ -d "$d" ] && git worktree remove --force "$d" >/dev/null 2>&1; done; rm -rf "$work"; }
trap cleanup EXIT
for rev in "$before" "$after"; do
  sha=$(git rev-parse --short "$rev")
  git worktree add --detach "$work/src-$sha" "$sha" >/dev/null 2>&1
  dotnet publish "$work/src-$sha/src/Aufsicht" -c Release -o "$work/app-$sha" -v q -nologo >/dev/null
done
dbs=(sqlite postgres); [ "$which" = both ] || dbs=("$which")
for db in "${dbs[@]}"; do
  for rev in "$before" "$after"; do
    sha=$(git rev-parse --short "$rev")
    echo "######## $db, commit $sha ($(git log -1 --format=%s "$sha" | cut -c1-80))"
    AUFSICHT_APP="$work/app-$sha" bench/surveys.sh "$db" "$seconds" 32 || echo "(surveys.sh exit code $?)"
  done
done
